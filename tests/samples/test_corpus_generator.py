"""bench/generate_corpus.py: deterministic synthetic articles that claimgraph's readers accept."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from claimgraph.errors import InputError
from claimgraph.ingest import iter_documents
from claimgraph.kb import KBActor, KBPlace, KnowledgeBase


def test_the_same_seed_gives_the_same_articles(generator: ModuleType) -> None:
    first = list(generator.generate(12, seed=5, cast=generator.FALLBACK_CAST))
    again = list(generator.generate(12, seed=5, cast=generator.FALLBACK_CAST))
    other = list(generator.generate(12, seed=6, cast=generator.FALLBACK_CAST))
    assert first == again
    assert [a["text"] for a in first] != [a["text"] for a in other]


def test_article_i_does_not_depend_on_how_many_are_generated(generator: ModuleType) -> None:
    few = list(generator.generate(4, seed=9, cast=generator.FALLBACK_CAST))
    many = list(generator.generate(10, seed=9, cast=generator.FALLBACK_CAST))
    assert many[:4] == few


def test_n_distinct_articles_of_300_to_900_words(generator: ModuleType) -> None:
    articles = list(generator.generate(60, seed=1, cast=generator.FALLBACK_CAST))
    assert len(articles) == 60
    assert len({a["text"] for a in articles}) == 60
    assert all(300 <= len(a["text"].split()) <= 900 for a in articles)


def test_articles_mix_attacks_claims_quotes_hedges_and_denials(generator: ModuleType) -> None:
    text = " ".join(a["text"] for a in generator.generate(30, seed=2, cast=generator.FALLBACK_CAST))
    for marker in ("killing", "claimed responsibility", ' said.', "is believed to", "denied", "allegedly",
                   "rivals", "supports"):
        assert marker in text, marker


def test_an_actor_is_introduced_with_its_abbreviation_before_the_abbreviation_is_used_alone(
        generator: ModuleType) -> None:
    for article in generator.generate(40, seed=3, cast=generator.FALLBACK_CAST):
        text = article["text"]
        for name in generator.FALLBACK_CAST.groups:
            if name.short and f"{name.short} " in text.replace(f"({name.short})", ""):
                assert text.index(f"{name.full} ({name.short})") < text.replace(
                    f"({name.short})", "(" + "_" * len(name.short) + ")").index(name.short)


def test_names_come_from_the_knowledge_base_when_it_has_them(generator: ModuleType) -> None:
    kb = KnowledgeBase(
        actors={a.id: a for a in [KBActor("kb:g1", "Alpha Front", "armed_group", aliases=["AF"]),
                                  KBActor("kb:g2", "Beta Brigade", "armed_group"),
                                  KBActor("kb:s1", "Freedonia", "state")]},
        places={"place:p1": KBPlace("place:p1", "Port Town", "city", "Freedonia")})
    cast = generator.cast_from_kb(kb)
    assert cast.from_kb
    assert {n.full for n in cast.groups} == {"Alpha Front", "Beta Brigade"}
    text = " ".join(a["text"] for a in generator.generate(10, seed=4, cast=cast))
    assert "Alpha Front (AF)" in text and "Port Town" in text and "Freedonia" in text
    assert "Islamic State Khorasan Province" not in text


def test_an_empty_knowledge_base_falls_back_to_the_built_in_list(generator: ModuleType) -> None:
    cast = generator.cast_from_kb(KnowledgeBase())
    assert not cast.from_kb
    assert cast is generator.FALLBACK_CAST


def test_text_folder_round_trips_through_the_ingest_reader(generator: ModuleType, tmp_path: Path) -> None:
    articles = list(generator.generate(5, seed=7, cast=generator.FALLBACK_CAST))
    assert generator.write_text_dir(iter(articles), tmp_path / "corpus") == 5
    docs = list(iter_documents([tmp_path / "corpus"]))
    assert not [d for d in docs if isinstance(d, InputError)]
    assert [d.text.strip() for d in docs] == [a["text"].strip() for a in articles]
    assert [(d.title, d.outlet, d.published) for d in docs] == [
        (a["title"], a["outlet"], a["published"]) for a in articles]
    assert all(d.tags["perspective"] == a["tags"]["perspective"] for d, a in zip(docs, articles, strict=True))


def test_jsonl_holds_one_article_per_line(generator: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "corpus.jsonl"
    assert generator.main(["--docs", "7", "--seed", "8", "--format", "jsonl", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(generator.generate(7, seed=8))
    docs = list(iter_documents([out]))
    assert len(docs) == 7 and not [d for d in docs if isinstance(d, InputError)]
