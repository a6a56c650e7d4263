"""HTML pages: main text and metadata via trafilatura, the page's visible text when that finds none."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import trafilatura
from lxml import etree

from claimgraph.errors import InputError
from claimgraph.ingest.clean import clean_text
from claimgraph.ingest.decode import read_clean_text
from claimgraph.ingest.metadata import DocDefaults, make_document
from claimgraph.model import Document

# Dates from the page's own markup and URL only: dates found in the article body are events, not the
# publication date.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_INVISIBLE = "//script | //style | //noscript | //template | //head"


def read_html_file(path: Path, source: str, defaults: DocDefaults | None = None) -> Document:
    """A Document from an ``.html``/``.htm`` file in any common encoding."""
    with path.open("rb") as fp:
        html = read_clean_text(fp, source)
    return html_document(html, source, defaults)


def html_document(html: str, source: str, defaults: DocDefaults | None = None) -> Document:
    """A Document from an HTML page: trafilatura's main text, or else all visible text of the page."""
    if not html.strip():
        raise InputError(source, "empty document")
    try:
        result = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                             date_extraction_params=_DATE_PARAMS)
    except Exception:  # a page trafilatura cannot handle still has its visible text
        result = None
    text = clean_text(result.text) if result is not None and result.text else ""
    if not text.strip():
        text = clean_text(visible_text(html))
    if not text.strip():
        raise InputError(source, "no text found in HTML")
    meta = {} if result is None else {
        "title": result.title, "author": result.author, "published": result.date, "outlet": result.sitename,
        "url": result.url, "language": result.language}
    return make_document(text, meta, source, defaults)


def visible_text(html: str) -> str:
    """The text a browser would show, one text node per line, or "" when lxml cannot parse the page."""
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return ""
    for element in tree.xpath(_INVISIBLE):
        element.drop_tree()
    return "\n".join(" ".join(piece.split()) for piece in tree.itertext() if piece.strip())
