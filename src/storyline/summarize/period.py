"""Calendar spans of TIMEX3 values, so that dates of any granularity can be compared and ordered."""

from __future__ import annotations

import calendar
import re
from datetime import date

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def span(value: str | None) -> tuple[date, date] | None:
    """First and last day of a TIMEX3 date value ("2016-07" -> July 2016), None if not a date.

    >>> span("2016-07")
    (datetime.date(2016, 7, 1), datetime.date(2016, 7, 31))
    """
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := _DECADE.match(value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
        if m := _WEEK.match(value):
            first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, date.fromisocalendar(int(m[1]), int(m[2]), 7)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            last = 3 * q
            return date(y, last - 2, 1), date(y, last, calendar.monthrange(y, last)[1])
    except ValueError:
        return None
    return None


def parse_bound(value: str | None, *, end: bool) -> date | None:
    """A --since/--until bound: any date value; "2016" as --until means the end of 2016."""
    s = span(value)
    if s is None:
        return None
    return s[1] if end else s[0]


def overlaps(value: str | None, since: date | None, until: date | None) -> bool:
    s = span(value)
    if s is None:
        return False
    return (since is None or s[1] >= since) and (until is None or s[0] <= until)
