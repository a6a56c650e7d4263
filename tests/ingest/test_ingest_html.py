"""HTML pages: trafilatura's main text and metadata, visible text as a fallback, errors for no text."""

from __future__ import annotations

from pathlib import Path

from claimgraph.errors import InputError
from claimgraph.ingest import iter_documents
from claimgraph.model import Document

ARTICLE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Talks stall at the border | Hill Courier</title>
<meta property="og:site_name" content="Hill Courier">
<meta name="author" content="Amina Writer">
<meta property="article:published_time" content="2025-03-04T10:00:00+05:00">
<link rel="canonical" href="https://example.org/news/talks-stall">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | Subscribe now</nav>
<article>
<h1>Talks stall at the border</h1>
<p>Negotiators from both sides met in the border town on Monday but left without an agreement on the
crossing, two officials said.</p>
<p>A spokesman for the provincial government said the talks would resume after the holiday and that
trade through the crossing would stay suspended until then.</p>
</article>
<footer>Copyright Hill Courier. All rights reserved.</footer>
</body></html>
"""


def read_one(path: Path) -> Document | InputError:
    results = list(iter_documents([path]))
    assert len(results) == 1, results
    return results[0]


def test_main_text_and_metadata_come_from_trafilatura(tmp_path: Path) -> None:
    path = tmp_path / "talks.html"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert "Negotiators from both sides met in the border town on Monday" in doc.text
    assert "trade through the crossing would stay suspended" in doc.text
    assert "Subscribe now" not in doc.text and "All rights reserved" not in doc.text
    assert (doc.title, doc.author, doc.outlet, doc.published, doc.url) == (
        "Talks stall at the border", "Amina Writer", "Hill Courier", "2025-03-04",
        "https://example.org/news/talks-stall")


def test_htm_in_a_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "legacy.htm"
    page = ("<html><body><p>\u201cWe will not negotiate,\u201d the d\u00e9l\u00e9gu\u00e9 said on the steps of "
            "the ministry after a long morning of meetings.</p></body></html>")
    path.write_bytes(page.encode("cp1252"))
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert "\u201cWe will not negotiate,\u201d the d\u00e9l\u00e9gu\u00e9 said" in doc.text


def test_text_without_markup_falls_back_to_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "plain.html"
    path.write_text("A statement with no markup at all", encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert doc.text == "A statement with no markup at all"


def test_malformed_html_with_text_still_gives_its_words(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><p>Shelling resumed <b>near the <i>river crossing</p><table><tr>"
                    "<td>after midnight</div></span></body>", encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert "Shelling resumed" in doc.text and "river crossing" in doc.text and "after midnight" in doc.text


def test_malformed_html_without_visible_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "scripts.html"
    path.write_text("<html><head><title>Only a title</title></head><body><div></span></p>"
                    "<script>render('page')</script><style>p { color: red }</style></body", encoding="utf-8")
    error = read_one(path)
    assert isinstance(error, InputError)
    assert str(error) == f"{path}: no text found in HTML"
