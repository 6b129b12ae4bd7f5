"""Publication dates from metadata, normalised to ISO 8601, or None when they cannot be trusted.

A wrong date puts an article in the wrong place on a timeline, which is worse than no date, so
partial ("September 2017"), ambiguous ("03/04/2017") and implausible dates are refused; the caller
keeps the raw value in ``metadata['published_raw']``.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateutil_parser

__all__ = ["normalise_date"]

_MIN_YEAR = 1800
_MAX_YEAR = 2200
# Two defaults far apart: a field dateutil filled from the default differs between the two parses.
_DEFAULT_A = datetime(1904, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(1908, 12, 28, 13, 47, 59)
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})\b")
_EPOCH_MS = 10**11  # epoch values above this are milliseconds (year 5138 in seconds)
_EPOCH_MIN = 10**8  # smaller numbers are years, counts or ids, not 1970s timestamps


def _iso(value: datetime, has_time: bool) -> str | None:
    if not _MIN_YEAR <= value.year <= _MAX_YEAR:
        return None
    if not has_time:
        return value.date().isoformat()
    return value.isoformat()


def _from_number(value: float) -> str | None:
    if value != value or abs(value) == float("inf") or abs(value) < _EPOCH_MIN:
        return None
    seconds = value / 1000 if abs(value) >= _EPOCH_MS else value
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return _iso(moment, has_time=True)


def _from_iso(text: str) -> str | None:
    try:
        if len(text) == 10:
            return _iso(datetime.combine(date.fromisoformat(text), datetime.min.time()), False)
        return _iso(datetime.fromisoformat(text), has_time=True)
    except ValueError:
        return None


def _from_rfc822(text: str) -> str | None:
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return _iso(moment, has_time=True) if moment is not None else None


def _from_free_text(text: str) -> str | None:
    match = _NUMERIC_DMY.match(text)
    if match:
        first, second = int(match.group(1)), int(match.group(2))
        if first <= 12 and second <= 12 and first != second:
            return None  # 03/04/2017: March or April depends on the writer's country
    try:
        a = dateutil_parser.parse(text, default=_DEFAULT_A)
        b = dateutil_parser.parse(text, default=_DEFAULT_B)
    except (ValueError, OverflowError, TypeError, dateutil_parser.ParserError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None  # year, month or day missing: a partial date
    has_time = (a.hour, a.minute) == (b.hour, b.minute)
    if has_time and a.second != b.second:
        a = a.replace(second=0)
    return _iso(a, has_time)


def normalise_date(value: Any) -> str | None:
    """ISO 8601 (``YYYY-MM-DD`` or a full datetime, with its offset when one was given) or None.

    >>> normalise_date("Thu, 28 Sep 2017 14:03:00 -0400")
    '2017-09-28T14:03:00-04:00'
    >>> normalise_date("September 28, 2017"), normalise_date("03/04/2017")
    ('2017-09-28', None)
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _iso(value, has_time=True)
    if isinstance(value, date):
        return _iso(datetime.combine(value, datetime.min.time()), has_time=False)
    if isinstance(value, time.struct_time):
        return _iso(datetime(*value[:6], tzinfo=timezone.utc), has_time=True)
    if isinstance(value, (int, float)):
        return _from_number(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return _from_number(float(text))
    return _from_iso(text) or _from_rfc822(text) or _from_free_text(text)
