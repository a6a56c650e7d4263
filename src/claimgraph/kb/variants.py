"""Spelling variants of actor and place names, as they are transliterated and typed in the press.

``variants("Tehrik-i-Taliban Pakistan")`` yields "Tehreek-e-Taliban Pakistan", "Tehrik e Taliban Pakistan",
"Tahrik-i-Taliban Pakistan"… Each rule rewrites one family of differences; rules compose (a rule also
rewrites what it produced), and the number of variants of one name is capped so that long names with
many slots stay cheap:

- transliterated words: Tehrik/Tehreek/Tahrik, Khorasan/Khurasan, Daesh/Daish/Da'esh, Jaish/Jaysh,
  Mohammed/Muhammad/Mohammad and the other groups in ``SPELLINGS``;
- izafe connectors: ``-i-``, ``-e-``, `` i ``, `` e ``, ``-e `` and none (Lashkar-e-Taiba, Lashkar Taiba);
- Arabic connectors: ``-ul-``, `` ul ``, ``ul `` glued to the word before (Jamaat-ul-Ahrar, Jamaatul Ahrar),
  and ``wal-``, ``wa al-``, ``wal `` (wal-Muslimin, wa al-Muslimin);
- the article: ``al-``, ``al ``, ``el-``, ``ul-``; sun letters (``ash-``, ``an-``…) also as ``al-``;
- Islamic State provinces: "Islamic State X Province", "Islamic State of X Province", "Islamic State's X
  Province";
- apostrophes inside a word dropped (Jama'at, Jamaat); an elided article keeps it (Côte d'Ivoire);
- dashes between names: ``-``, `` - `` and a space (Islamic State-Khorasan Province);
- ``and``/``&``, dotted and undotted acronyms (US, U.S.), and the name without diacritics;
- last, typography: curly apostrophes (Jama’at), en and em dashes (Islamic State–Khorasan Province) and a
  capitalised article (Al-Qaeda). A linker that folds case, quotes and dashes can do without these, so
  they come last and are the first to go when a name reaches the cap.
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
    ("Jamaat", "Jama'at", "Jamat", "Jamaa", "Jama'a"),
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
    ("Muslimin", "Muslimeen"),
    ("Sunna", "Sunnah"),
    ("Dawa", "Da'wa", "Dawah", "Da'wah"),
)
MAX_VARIANTS = 128

_PARTICLE = r"(?:[ei]|ul|ud|ut|us|ur|un|ush|uz|al|el|ash|as|ad|an|ar|at|az|wal)"
_IZAFE = re.compile(r"(?<=[A-Za-z])(?:-[ei]-|-[ei] | [ei]-| [ei] )(?=[A-Za-z])")
_IZAFE_STYLES = ("-e-", "-i-", " e ", " i ", "-e ", " ")
_CONNECTOR = re.compile(r"(?<=[A-Za-z])[- ](ul|ud|ut|us|ur|un|ush|uz)[- ](?=[A-Za-z])")
_ARTICLE = re.compile(r"(?:^|(?<=[\s(]))(?:(al|Al|el|El)[- ]|(ash|as|ad|an|ar|at|az|Ash|As|Ad|An|Ar|At|Az)-)"
                      r"(?=[A-Z])")
_ARTICLE_STYLES = ("al-", "al ", "el-", "ul-")
_WAL = re.compile(r"(?<=\s)wa(?:l-|l |'l-| al-)(?=[A-Za-z])")
_WAL_STYLES = ("wal-", "wa al-", "wal ")
_PROVINCE = re.compile(r"(Islamic State)(?:\s*[-–—]\s*| )(?!of |in )([A-Z].* Province)")
_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’‘ʼʿʾ`](?=[A-Za-z])")
_NAME_DASH = re.compile(r"(?<=[A-Za-z0-9)])\s*[-–—]\s*(?=[A-Z0-9])")
_ENDS_WITH_PARTICLE = re.compile(r"(?:^|[\s-])" + _PARTICLE + r"$", re.IGNORECASE)
_DASH_STYLES = ("-", " - ", " ")
_TYPOGRAPHIC_DASHES = ("–", "—", " – ")
_LEADING_ARTICLE = re.compile(r"^(?:al|el)(?=[- ][A-Z])")
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
        index = 0
        while index < len(order):  # forms a rule adds are rewritten by it too: Jaysh-e-Muhammad
            form = order[index]
            index += 1
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
            if style != "ul-" or not _ARTICLE.match(form):  # ul- only inside a name: Nusrat ul-Islam
                yield _ARTICLE.sub(style, form)


def _wal(form: str) -> Iterator[str]:
    if _WAL.search(form):
        for style in _WAL_STYLES:
            yield _WAL.sub(style, form)


def _province(form: str) -> Iterator[str]:
    match = _PROVINCE.fullmatch(form)
    if match:
        yield f"{match[1]} of {match[2]}"
        yield f"{match[1]}'s {match[2]}"
        yield f"{match[1]} {match[2]}"


def _apostrophes(form: str) -> Iterator[str]:
    if _APOSTROPHE.search(form):
        yield _APOSTROPHE.sub("'", form)
        yield _APOSTROPHE.sub(_dropped, form)


def _dropped(match: re.Match[str]) -> str:
    """Drop an apostrophe inside a word (Jama'at → Jamaat); keep it after an elided article (d'Ivoire) and
    before a possessive s (State's)."""
    start, end, text = match.start(), match.end(), match.string
    inside_word = start >= 2 and text[start - 2].isalpha() and text[end].islower()
    possessive = text[end] == "s" and (end + 1 == len(text) or not text[end + 1].isalpha())
    return "" if inside_word and not possessive else match[0]


def _spellings(form: str) -> Iterator[str]:
    for match in _WORD.finditer(form):
        group = _SPELLING_GROUP.get(match[0].lower())
        if group:
            for alternative in group:
                yield form[:match.start()] + _same_case(alternative, match[0]) + form[match.end():]


def _dashes(form: str) -> Iterator[str]:
    yield from _restyle_dashes(form, _DASH_STYLES)


def _typography(form: str) -> Iterator[str]:
    if "'" in form:
        yield form.replace("'", "’")
    yield from _restyle_dashes(form, _TYPOGRAPHIC_DASHES)
    if _LEADING_ARTICLE.match(form):
        yield "A" + form[1:] if form[0] == "a" else "E" + form[1:]


def _restyle_dashes(form: str, styles: tuple[str, ...]) -> Iterator[str]:
    slots = [m for m in _NAME_DASH.finditer(form) if not _ENDS_WITH_PARTICLE.search(form, 0, m.start())]
    if slots:
        for style in styles:
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
    _spellings, _izafe, _connectors, _wal, _article, _province, _apostrophes, _and, _acronym, _ascii, _dashes,
    _typography)
