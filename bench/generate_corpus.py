"""Generate a synthetic corpus of conflict-news articles for claimgraph's throughput benchmark.

Actors come from the package knowledge base (``claimgraph.kb.builtin_kb()``) and are combined at random
with places, dates and casualty figures through sentence templates: attacks, claims of responsibility,
support, alliance, rivalry, membership, quotes, hedges and denials. The articles exercise the pipeline the
way news does, but what they say is random: they measure speed, not facts. Outlets and bylines are
invented. The same seed always gives the same articles, and article ``i`` does not depend on how many
articles are generated.

    python bench/generate_corpus.py --docs 5000 --out /tmp/corpus            # a folder of .txt files
    python bench/generate_corpus.py --docs 5000 --format jsonl --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

from claimgraph.kb import KnowledgeBase, builtin_kb

DEFAULT_DOCS = 5000
DEFAULT_SEED = 20240322
PLACE_KINDS = frozenset({"city", "town", "district", "province", "state", "region", "area"})
ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9-]{1,7}$")
QUALIFIER = re.compile(r"\s*\([^)]*\)$")


@dataclass(frozen=True)
class Name:
    """How an actor or place is written: its full name and, for actors, an abbreviation if it has one."""

    full: str
    short: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Cast:
    """The names an article can draw on."""

    groups: list[Name]
    states: list[Name]
    agencies: list[Name]
    people: list[Name]
    places: list[Name]
    from_kb: bool


FALLBACK_CAST = Cast(
    groups=[Name("Islamic State Khorasan Province", "ISKP"), Name("Tehrik-i-Taliban Pakistan", "TTP"),
            Name("Afghan Taliban"), Name("Haqqani network"), Name("Lashkar-e-Taiba", "LeT"),
            Name("Baloch Liberation Army", "BLA"), Name("al-Shabaab"), Name("Houthis"), Name("Hezbollah"),
            Name("Jama'at Nasr al-Islam wal-Muslimin", "JNIM")],
    states=[Name("Pakistan"), Name("India"), Name("Afghanistan"), Name("Iran"), Name("United States"),
            Name("Kenya"), Name("Somalia"), Name("Mali")],
    agencies=[Name("Inter-Services Intelligence", "ISI"), Name("Research and Analysis Wing", "RAW"),
              Name("Islamic Revolutionary Guard Corps", "IRGC")],
    people=[Name("Noor Wali Mehsud"), Name("Zabihullah Mujahid"), Name("Ahmed Diriye")],
    places=[Name("Peshawar", country="Pakistan"), Name("Quetta", country="Pakistan"),
            Name("Bajaur", country="Pakistan"), Name("Kabul", country="Afghanistan"),
            Name("Jalalabad", country="Afghanistan"), Name("Kunar", country="Afghanistan"),
            Name("Mogadishu", country="Somalia"), Name("Garissa", country="Kenya"),
            Name("Hodeidah", country="Yemen"), Name("Mopti", country="Mali")],
    from_kb=False,
)

OUTLETS = ["Meridian Conflict Wire", "Northern Frontier Times", "Global Security Ledger",
           "Steppe & Delta Review", "Coastal Dispatch", "Highland Monitor",
           "Continental Affairs Daily", "Borderlands Bulletin"]
PERSPECTIVES = ["indian", "pakistani", "afghan", "international", "iranian", "kenyan", "american"]
FIRST_NAMES = ["Amina", "Bilal", "Chen", "Dario", "Esra", "Farhan", "Greta", "Hamid", "Irina", "Jonas",
               "Kamala", "Leon", "Mariam", "Nikhil", "Omar", "Priya", "Rustam", "Sofia", "Tariq", "Yusuf"]
LAST_NAMES = ["Abbasi", "Bakr", "Castell", "Durrani", "Eriksen", "Farouk", "Ghani", "Haidari", "Iqbal",
              "Joshi", "Karimi", "Lindqvist", "Mendes", "Nazari", "Okoye", "Petrov", "Qadir", "Rahimi"]
TARGETS = ["a police station", "a crowded market", "a military convoy", "a mosque during Friday prayers",
           "a security checkpoint", "a bus carrying government employees", "an army camp",
           "a polling station", "a girls' school", "a hotel used by officials", "a border post",
           "a wedding party"]
METHODS = ["a suicide bomber", "gunmen", "a roadside bomb", "a car bomb", "mortar fire", "an armed drone"]
SOURCES = ["police officials", "the provincial health department", "a hospital spokesman",
           "local elders", "the interior ministry", "security officials", "witnesses"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
BACKGROUND = [
    "Violence in {place} has risen steadily since {year}, according to local monitoring groups.",
    "Humanitarian agencies say that thousands of families have left {place} in the past year.",
    "The government announced new security measures for {place} and deployed additional troops.",
    "Analysts say that the border districts around {place} remain difficult to govern.",
    "Schools and markets in {place} stayed closed for several days after the violence.",
    "Officials in {place} said that the investigation was continuing and that several people were detained.",
    "Diplomats from several countries met in {year} to discuss security along the frontier.",
    "Residents of {place} described long queues at checkpoints and frequent power cuts.",
    "The conflict has displaced more than {n},000 people across the region, aid groups estimate.",
    "Local journalists say that reporting from {place} has become increasingly dangerous.",
]
QUOTES = [
    "We will respond to every attack on our people",
    "Our territory will not be used against any neighbour",
    "These accusations are baseless and politically motivated",
    "The attackers will be found and punished",
    "Dialogue is the only way to end this violence",
    "We have given our evidence to the international community",
]
HEDGES = ["reportedly", "allegedly"]


@dataclass
class Article:
    """The state of one article while it is being written: its names and which actors were introduced."""

    rng: random.Random
    cast: Cast
    published: date
    introduced: set[str] = field(default_factory=set)

    def actor(self, name: Name) -> str:
        """The actor's name as written at this point: ``Full Name (ABBR)`` first, then either form."""
        if name.short is None:
            return name.full
        if name.full not in self.introduced:
            self.introduced.add(name.full)
            return f"{name.full} ({name.short})"
        return self.rng.choice([name.short, name.short, name.full])

    def pick(self, pool: list[Name]) -> Name:
        return self.rng.choice(pool)

    def two_groups(self) -> tuple[Name, Name]:
        first, second = self.rng.sample(self.cast.groups, 2)
        return first, second

    def place(self) -> str:
        """A place name, now and then followed by its country ("Khar, Pakistan")."""
        place = self.pick(self.cast.places)
        if place.country and place.country != place.full and self.rng.random() < 0.3:
            return f"{place.full}, {place.country}"
        return place.full

    def day(self) -> date:
        return self.published - timedelta(days=self.rng.randint(1, 900))

    def date_text(self, when: date) -> str:
        if self.rng.random() < 0.5:
            return f"{when.day} {MONTHS[when.month - 1]} {when.year}"
        return f"{MONTHS[when.month - 1]} {when.day}, {when.year}"

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def speaker(self, before_verb: bool = False) -> str:
        """Someone to quote or cite: a KB person, or a spokesman or official of an actor (with its role).

        ``before_verb`` closes the role with a comma, as in "Omar Qadir, a spokesman for the TTP, said".
        """
        roll = self.rng.random()
        if roll < 0.35 and self.cast.people:
            return self.pick(self.cast.people).full
        if roll < 0.7:
            role = f"a spokesman for {self.actor(self.pick(self.cast.groups))}"
        else:
            role = f"a senior official of {state_name(self.pick(self.cast.states).full)}"
        return f"{self.person()}, {role}" + ("," if before_verb else "")


def state_name(name: str) -> str:
    """``the United States``, ``the United Kingdom``; other state names as they are."""
    return f"the {name}" if name.startswith(("United ", "Democratic Republic")) else name


def one_of(rng: random.Random, writers: list[Callable[[], str]]) -> str:
    """Write one of the sentences; only the chosen one runs, so only its actors count as introduced."""
    return rng.choice(writers)()


def attack_sentences(art: Article) -> list[str]:
    rng = art.rng
    perp = art.pick(art.cast.groups)
    when, place = art.day(), art.place()
    killed, wounded = rng.randint(2, 120), rng.randint(0, 300)
    target, method, source = rng.choice(TARGETS), rng.choice(METHODS), rng.choice(SOURCES)
    opening = one_of(rng, [
        lambda: f"On {art.date_text(when)}, {method} struck {target} in {place}, killing {killed} people and "
                f"wounding {wounded}, {source} said.",
        lambda: f"At least {killed} people were killed and {wounded} wounded when {method} struck {target} "
                f"in {place} on {art.date_text(when)}.",
        lambda: f"{art.actor(perp)} attacked {target} in {place} on {art.date_text(when)}, killing {killed} "
                f"people, according to {source}.",
    ])
    claim_day = when + timedelta(days=rng.randint(0, 2))
    follow = one_of(rng, [
        lambda: f"{art.actor(perp)} claimed responsibility for the attack in a statement on "
                f"{art.date_text(claim_day)}.",
        lambda: f"No group immediately claimed the attack, but officials blamed {art.actor(perp)}.",
        lambda: f"{art.actor(perp)} is believed to have carried out the attack, although it has not "
                "claimed it.",
        lambda: f"{art.actor(perp)} denied any role in the attack.",
    ])
    toll = f"The death toll later rose to {killed + rng.randint(1, 15)}, {rng.choice(SOURCES)} said."
    return [opening, follow] + ([toll] if rng.random() < 0.3 else [])


def relation_sentence(art: Article) -> str:
    rng = art.rng
    first, second = art.two_groups()
    patron = art.pick(art.cast.agencies + art.cast.states)

    def a() -> str:
        return art.actor(first)

    def b() -> str:
        return art.actor(second)

    def p() -> str:
        return art.actor(patron)

    def leader() -> str:
        return art.pick(art.cast.people).full if art.cast.people else art.person()

    return one_of(rng, [
        lambda: f"{p()} supports {b()}, according to {art.speaker()}.",
        lambda: f"{p()} has {rng.choice(HEDGES)} provided money, weapons and training to {b()}.",
        lambda: f"{p()} is believed to shelter leaders of {b()} in {art.place()}.",
        lambda: f"{p()} denied that it supports {b()}.",
        lambda: f"{p()} has never supported {b()}, {art.speaker(before_verb=True)} said.",
        lambda: f"{a()} and {b()} are rivals and have fought each other in {art.place()} since "
                f"{art.day().year}.",
        lambda: f"Fighters of {a()} clashed with {b()} near {art.place()} on {art.date_text(art.day())}.",
        lambda: f"{a()} is allied with {b()}, and the two groups coordinate attacks in {art.place()}.",
        lambda: f"{a()} may be cooperating with {b()}, some analysts say.",
        lambda: f"{a()} is an affiliate of {b()}.",
        lambda: f"{a()} broke away from {b()} in {art.day().year}.",
        lambda: f"{a()} remains active in {art.place()}, according to {rng.choice(SOURCES)}.",
        lambda: f"{leader()} is said to lead {a()}.",
        lambda: f"{art.speaker(before_verb=True)} said that {a()} had no links with {b()}.",
    ])


def quote_sentence(art: Article) -> str:
    quote = art.rng.choice(QUOTES)
    return one_of(art.rng, [lambda: f'"{quote}," {art.speaker(before_verb=True)} said.',
                            lambda: f'{art.speaker(before_verb=True)} said: "{quote}."'])


def background_sentence(art: Article) -> str:
    template = art.rng.choice(BACKGROUND)
    return template.format(place=art.place(), year=art.day().year, n=art.rng.randint(5, 90))


PARAGRAPH_MAKERS: list[Callable[[Article], list[str]]] = [
    attack_sentences,
    lambda art: [relation_sentence(art), relation_sentence(art), background_sentence(art)],
    lambda art: [quote_sentence(art), relation_sentence(art)],
    lambda art: [background_sentence(art), background_sentence(art), quote_sentence(art)],
]


def generate_article(index: int, seed: int, cast: Cast) -> dict[str, object]:
    """Article number ``index`` for ``seed``: text of 300–900 words plus front-matter metadata."""
    rng = random.Random(f"{seed}:{index}")
    published = date(2016, 1, 1) + timedelta(days=rng.randint(0, 3500))
    art = Article(rng, cast, published)
    target_words = rng.randint(300, 850)
    paragraphs = [" ".join(attack_sentences(art) + [relation_sentence(art)])]
    words = len(paragraphs[0].split())
    while words < target_words:
        paragraph = " ".join(rng.choice(PARAGRAPH_MAKERS)(art))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    headline_actor = art.pick(cast.groups).full
    title = rng.choice([f"{headline_actor} blamed for deadly attack in {art.place()}",
                        f"Rivalries deepen as {headline_actor} expands its reach",
                        f"Officials trade accusations over {headline_actor}",
                        f"What we know about the latest violence in {art.place()}"])
    return {"text": "\n\n".join(paragraphs) + "\n", "title": title, "outlet": rng.choice(OUTLETS),
            "author": art.person(), "published": published.isoformat(), "url": None,
            "tags": {"perspective": rng.choice(PERSPECTIVES), "synthetic": "true"}}


def _name(full: str, aliases: list[str], country: str | None = None) -> Name:
    """A KB name as news writes it: without a disambiguating "(Iran)" and with its abbreviation."""
    short = next((a for a in aliases if ABBREVIATION.match(a)), None)
    return Name(QUALIFIER.sub("", full), short, country)


def cast_from_kb(kb: KnowledgeBase) -> Cast:
    """Names from the knowledge base; the small built-in list when the KB lacks groups, states or places."""
    by_type: dict[str, list[Name]] = {}
    for actor in kb.actors.values():
        by_type.setdefault(actor.type, []).append(_name(actor.name, actor.aliases, actor.country))
    places = [Name(p.name, None, p.country) for p in kb.places.values() if p.kind in PLACE_KINDS]
    if len(by_type.get("armed_group", [])) < 2 or not by_type.get("state") or not places:
        return FALLBACK_CAST
    return Cast(groups=by_type["armed_group"], states=by_type["state"],
                agencies=by_type.get("state_agency") or by_type["state"], people=by_type.get("person", []),
                places=places, from_kb=True)


def generate(n: int, seed: int = DEFAULT_SEED, cast: Cast | None = None) -> Iterator[dict[str, object]]:
    """``n`` articles, the same ones for the same seed."""
    cast = cast or cast_from_kb(builtin_kb())
    for index in range(n):
        yield generate_article(index, seed, cast)


def write_jsonl(records: Iterator[dict[str, object]], path: Path) -> int:
    """One article per line (``text`` plus metadata); returns how many were written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def write_text_dir(records: Iterator[dict[str, object]], folder: Path) -> int:
    """One ``.txt`` file per article, with YAML front matter; returns how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for count, record in enumerate(records, start=1):
        meta = {k: v for k, v in record.items() if k != "text"}
        front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
        (folder / f"{count:06d}.txt").write_text(f"---\n{front}---\n{record['text']}", encoding="utf-8")
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=DEFAULT_DOCS, help="number of articles (default 5000)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    parser.add_argument("--out", type=Path, required=True, help="folder (txt) or file (jsonl) to write")
    args = parser.parse_args(argv)
    cast = cast_from_kb(builtin_kb())
    if not cast.from_kb:
        print("note: the knowledge base has too few actors or places; using the generator's own small list",
              file=sys.stderr)
    records = generate(args.docs, args.seed, cast)
    written = write_jsonl(records, args.out) if args.format == "jsonl" else write_text_dir(records, args.out)
    print(f"wrote {written} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
