"""Document metadata: the fields a file may carry, user defaults for the rest, and published dates."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

from claimgraph.errors import InputError
from claimgraph.model import Document

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

TEXT_FIELDS: tuple[str, ...] = ("title", "outlet", "author", "url", "language")
_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ]\d{2}:\d{2}.*)?)?)?")
_YEAR = re.compile(r"\b\d{4}\b")


@dataclass
class DocDefaults:
    """Metadata given by the user (``--outlet/--published/--title/--tag``), used where a file has none."""

    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    tags: dict[str, str] = field(default_factory=dict)


def parse_date(value: object) -> str | None:
    """An ISO date (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when only that is given), or None.

    Accepts dates, datetimes, a year as a number, ISO strings (a time part is dropped) and written dates
    such as "1 September 2025" or "Sept. 2025". A value without a four-digit year, or that names no
    real date, gives None: a published date is never guessed.
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:04d}" if 1000 <= value <= 9999 else None
    if not isinstance(value, str) or not _YEAR.search(value):
        return None
    text = value.strip()
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        return _iso(*iso.groups())
    parsed = _date_parser().get_date_data(text)
    if parsed.date_obj is None:
        return None
    day = parsed.date_obj.date()
    if parsed.period == "year":
        return f"{day.year:04d}"
    if parsed.period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _iso(year: str, month: str | None, day: str | None) -> str | None:
    """The ISO string of the parts of a date when they name a real date, else None."""
    try:
        valid = date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    if day:
        return valid.isoformat()
    return f"{year}-{month}" if month else year


@cache
def _date_parser() -> DateDataParser:
    """dateparser's parser for absolute dates only (it is slow to import, so it loads on first use)."""
    from dateparser.date import DateDataParser

    return DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False,
                                    "PARSERS": ["custom-formats", "absolute-time"]})


def make_document(text: str, meta: Mapping[str, object], source: str,
                  defaults: DocDefaults | None = None) -> Document:
    """A Document of clean ``text`` with the metadata fields of ``meta`` and ``defaults`` for the rest.

    ``meta`` may hold title, outlet, author, published, url, language, tags (a mapping, or a list of
    "key=value") and perspective (a shortcut for ``tags.perspective``); other keys are ignored. Raises
    InputError for an empty text or a field of the wrong kind; a date that cannot be read is left out.
    """
    if not text.strip():
        raise InputError(source, "empty document")
    values = {name: _text_field(meta, name, source) for name in TEXT_FIELDS}
    tags = _tags(meta.get("tags"), source)
    perspective = _text_field(meta, "perspective", source)
    if perspective:
        tags["perspective"] = perspective
    defaults = defaults or DocDefaults()
    return Document(text=text, title=values["title"] or defaults.title, url=values["url"],
                    outlet=values["outlet"] or defaults.outlet, author=values["author"],
                    published=parse_date(meta.get("published")) or parse_date(defaults.published),
                    language=values["language"], tags={**defaults.tags, **tags}, source=source)


def _text_field(meta: Mapping[str, object], name: str, source: str) -> str | None:
    """The field as stripped text (numbers are written out), None when absent or blank."""
    value = meta.get(name)
    if value is None:
        return None
    if isinstance(value, str | int | float | date) and not isinstance(value, bool):
        return str(value).strip() or None
    raise InputError(source, f"metadata field {name!r} must be text, not {type(value).__name__}")


def _tags(value: object, source: str) -> dict[str, str]:
    """Tags from a mapping, a list of "key=value" strings, or one such string."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {str(key).strip(): str(item).strip() for key, item in value.items() if item is not None}
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        raise InputError(source, f"tags must be a mapping or a list of key=value, not {type(value).__name__}")
    tags: dict[str, str] = {}
    for item in items:
        key, sep, tag_value = str(item).partition("=")
        if not sep or not key.strip():
            raise InputError(source, f"invalid tag {str(item)!r} (expected key=value)")
        tags[key.strip()] = tag_value.strip()
    return tags
