"""Spelling variants of actor and place names, as they are transliterated and typed in the press.

``variants("Tehrik-i-Taliban Pakistan")`` yields "Tehreek-e-Taliban Pakistan", "Tehrik e Taliban Pakistan",
"Tahrik-i-Taliban Pakistan"… Each rule rewrites one family of differences; rules compose, and the number
of variants of one name is capped so that long names with many slots stay cheap:

- izafe connectors: ``-i-``, ``-e-``, `` i ``, `` e ``, ``-e `` and none (Lashkar-e-Taiba, Lashkar Taiba);
- Arabic connectors: ``-ul-``, `` ul ``, ``ul `` glued to the word before (Jamaat-ul-Ahrar, Jamaatul Ahrar);
- the article: ``al-``, ``Al-``, ``al ``, ``Al ``, ``el-``; sun letters (``ash-``, ``an-``…) also as ``al-``;
- apostrophes: ``'``, ``’`` and none (Jama'at, Jama’at, Jamaat);
- dashes between names: ``-``, ``–``, ``—``, `` – ``, `` - `` and a space (Islamic State–Khorasan Province);
- transliterated words: Tehrik/Tehreek/Tahrik, Khorasan/Khurasan, Daesh/Daish/Da'esh, Jaish/Jaysh,
  Mohammed/Muhammad/Mohammad and the others in ``SPELLINGS``;
- ``and``/``&``, dotted and undotted acronyms (US, U.S.), and the name without diacritics.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache

# Groups of interchangeable transliterations of one word (matched as whole words, any case).
SPELLINGS: tuple[tuple[str, ...], ...] = (
    ("Tehrik", "Tehreek", "Tahrik", "Tahreek"),
    ("Khorasan", "Khurasan", "Khorassan"),
    ("Daesh", "Daish", "Da'esh", "Da'ish"),
    ("Jaish", "Jaysh"),
    ("Mohammed", "Muhammad", "Mohammad", "Muhammed", "Mohamed"),
    ("Mohammadi", "Muhammadi", "Mohammedi"),
    ("Mujahideen", "Mujahidin", "Mujahedin", "Mujahedeen", "Mujahiddin"),
    ("Taiba", "Tayyiba", "Toiba", "Tayyaba", "Tayyeba", "Tayyba"),
    ("Jamaat", "Jama'at", "Jamat", "Jamaa"),
    ("Jamaatul", "Jamatul"),
    ("Qaeda", "Qaida", "Qa'ida", "Qaedah", "Qaidah"),
    ("Hezbollah", "Hizbollah", "Hizballah", "Hizbullah", "Hezbolla"),
    ("Hizb", "Hezb"),
    ("Hizbul", "Hezbul"),
    ("Shabaab", "Shabab"),
    ("Wilayat", "Wilayah", "Vilayat", "Wilaya"),
    ("Baloch", "Baluch", "Balouch"),
    ("Balochistan", "Baluchistan", "Balouchistan"),
    ("Houthi", "Huthi", "Hothi"),
    ("Houthis", "Huthis"),
    ("Osama", "Usama"),
    ("Kataib", "Kata'ib", "Kataeb"),
    ("Katiba", "Katibat", "Katibah"),
    ("Jihad", "Jehad"),
    ("Jundallah", "Jundullah"),
    ("Harkat", "Harakat"),
    ("Ittehad", "Ittihad"),
    ("Nusra", "Nusrah"),
    ("Khawarij", "Khwarij"),
    ("Hafiz", "Hafez"),
    ("Abdul", "Abdel"),
    ("Hassan", "Hasan"),
    ("Hussein", "Husayn", "Hussain"),
    ("Saeed", "Sayeed", "Sayed"),
    ("Zawahiri", "Zawahri"),
    ("Qassem", "Qasem", "Kassem"),
    ("Nasrallah", "Nasrullah"),
    ("Sheikh", "Shaikh", "Shaykh"),
    ("Maulana", "Mawlana"),
    ("Mawlawi", "Maulvi", "Moulvi"),
    ("Mullah", "Mulla"),
    ("Hibatullah", "Haibatullah"),
    ("Zabihullah", "Zabiullah"),
    ("Sirajuddin", "Serajuddin"),
    ("Waziristan", "Waziristaan"),
    ("Pakhtunkhwa", "Pakhtoonkhwa", "Pakhtunkhawa"),
    ("Tahrir", "Tahreer"),
    ("Hay'at", "Hayat"),
)
MAX_VARIANTS = 96

_PARTICLE = r"(?:[ei]|ul|ud|ut|us|ur|un|ush|uz|al|el|ash|as|ad|an|ar|at|az|wal)"
_IZAFE = re.compile(r"(?<=[A-Za-z])(?:-[ei]-|-[ei] | [ei]-| [ei] )(?=[A-Za-z])")
_IZAFE_STYLES = ("-e-", "-i-", " e ", " i ", "-e ", " ")
_CONNECTOR = re.compile(r"(?<=[A-Za-z])[- ](ul|ud|ut|us|ur|un|ush|uz)[- ](?=[A-Za-z])")
_ARTICLE = re.compile(r"(?:^|(?<=[\s(]))(?:(al|Al|el|El)[- ]|(ash|as|ad|an|ar|at|az|Ash|As|Ad|An|Ar|At|Az)-)"
                      r"(?=[A-Z])")
_ARTICLE_STYLES = ("al-", "Al-", "al ", "Al ", "el-")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’‘ʼʿʾ`](?=[A-Za-z])")
_APOSTROPHE_STYLES = ("'", "’", "")
_NAME_DASH = re.compile(r"(?<=[A-Za-z0-9)])\s*[-–—]\s*(?=[A-Z0-9])")
_ENDS_WITH_PARTICLE = re.compile(r"(?:^|[\s-])" + _PARTICLE + r"$", re.IGNORECASE)
_DASH_STYLES = ("-", "–", "—", " – ", " - ", " ")
_AND = re.compile(r" (and|&) ")
_ACRONYM = re.compile(r"[A-Z]{2,3}")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,3}")
_SPELLING_GROUP: dict[str, tuple[str, ...]] = {w.lower(): g for g in SPELLINGS for w in g}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")


@lru_cache(maxsize=65536)
def variants(name: str) -> tuple[str, ...]:
    """Spelling variants of ``name`` (without ``name`` itself), at most ``MAX_VARIANTS``."""
    seen = {name}
    order = [name]
    for rule in _RULES:
        for form in list(order):
            for new in rule(form):
                if new not in seen:
                    if len(order) > MAX_VARIANTS:
                        return tuple(order[1:])
                    seen.add(new)
                    order.append(new)
    return tuple(order[1:])


def _izafe(form: str) -> Iterator[str]:
    if _IZAFE.search(form):
        for style in _IZAFE_STYLES:
            yield _IZAFE.sub(style, form)


def _connectors(form: str) -> Iterator[str]:
    if _CONNECTOR.search(form):
        yield _CONNECTOR.sub(lambda m: f"-{m[1]}-", form)
        yield _CONNECTOR.sub(lambda m: f" {m[1]} ", form)
        yield _CONNECTOR.sub(lambda m: f"{m[1]} ", form)


def _article(form: str) -> Iterator[str]:
    if _ARTICLE.search(form):
        for style in _ARTICLE_STYLES:
            yield _ARTICLE.sub(style, form)


def _apostrophes(form: str) -> Iterator[str]:
    if _APOSTROPHE.search(form):
        for style in _APOSTROPHE_STYLES:
            yield _APOSTROPHE.sub(lambda m, style=style: style or _dropped(m), form)


def _dropped(match: re.Match[str]) -> str:
    """Drop an apostrophe inside a word (Jama'at → Jamaat), keep it after an elided article (d'Ivoire)."""
    start, text = match.start(), match.string
    inside_word = start >= 2 and text[start - 2].isalpha() and text[match.end()].islower()
    return "" if inside_word else match[0]


def _spellings(form: str) -> Iterator[str]:
    for match in _WORD.finditer(form):
        group = _SPELLING_GROUP.get(match[0].lower())
        if group:
            for alternative in group:
                yield form[:match.start()] + _same_case(alternative, match[0]) + form[match.end():]


def _dashes(form: str) -> Iterator[str]:
    slots = [m for m in _NAME_DASH.finditer(form) if not _ENDS_WITH_PARTICLE.search(form, 0, m.start())]
    if slots:
        for style in _DASH_STYLES:
            pieces, last = [], 0
            for match in slots:
                pieces += [form[last:match.start()], style]
                last = match.end()
            yield "".join(pieces) + form[last:]


def _and(form: str) -> Iterator[str]:
    if _AND.search(form):
        yield _AND.sub(" & ", form)
        yield _AND.sub(" and ", form)


def _acronym(form: str) -> Iterator[str]:
    if _ACRONYM.fullmatch(form):
        yield ".".join(form) + "."
    elif _DOTTED.fullmatch(form):
        yield form.replace(".", "")


def _ascii(form: str) -> Iterator[str]:
    if not form.isascii():
        folded = unicodedata.normalize("NFKD", form).encode("ascii", "ignore").decode()
        if folded.strip():
            yield folded


def _same_case(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[0].isupper():
        return word[0].upper() + word[1:]
    return word.lower()


_RULES: tuple[Callable[[str], Iterator[str]], ...] = (
    _spellings, _izafe, _connectors, _article, _apostrophes, _and, _acronym, _ascii, _dashes)
