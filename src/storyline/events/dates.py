"""Dates as day intervals: what "2016-07" and "2016-07-01" have in common, and how to sort them.

An event candidate's date is a TIMEX3 value at some granularity. Two mentions can report the same
happening only when one interval holds the other ("July 2016" holds "1 July 2016"; "2016" holds
both, more loosely); disjoint intervals never do. Dates are ordinals (``date.toordinal()``) so
that spans and lags are integer arithmetic.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Self

__all__ = ["GRANULARITY_RANK", "DateSpan", "contract_date", "date_span", "nested", "sort_key"]

# Finer is higher: a day says more than a month, a month more than a year.
GRANULARITY_RANK = {"year": 0, "season": 1, "quarter": 1, "month": 2, "week": 3, "day": 4}

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # winter runs into Feb


class DateSpan(tuple):  # type: ignore[type-arg]
    """``(first_day, last_day, granularity)`` with days as ordinals (inclusive)."""

    __slots__ = ()

    def __new__(cls, first: int, last: int, granularity: str) -> Self:
        return super().__new__(cls, (first, last, granularity))

    @property
    def first(self) -> int:
        return int(self[0])

    @property
    def last(self) -> int:
        return int(self[1])

    @property
    def granularity(self) -> str:
        return str(self[2])

    @property
    def days(self) -> int:
        return self.last - self.first + 1


def _month_span(y: int, m: int) -> tuple[int, int]:
    return date(y, m, 1).toordinal(), date(y, m, calendar.monthrange(y, m)[1]).toordinal()


def date_span(value: str | None) -> DateSpan | None:
    """The days a date value covers, or None for what is no calendar date (decades, "XXXX-09",
    "PRESENT_REF") or too vague to date an event."""
    if not value:
        return None
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
            d = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
            return DateSpan(d, d, "day")
        if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
            return DateSpan(*_month_span(int(m[1]), int(m[2])), "month")
        if re.fullmatch(r"\d{4}", value):
            y = int(value)
            return DateSpan(date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal(), "year")
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1).toordinal()
            if m[3]:
                return DateSpan(monday + 5, monday + 6, "week")
            return DateSpan(monday, monday + 6, "week")
        if m := re.fullmatch(r"(\d{4})-(Q[1-4]|H[12])", value):
            y, part = int(m[1]), m[2]
            first_month, n = ((int(part[1]) - 1) * 3 + 1, 3) if part[0] == "Q" \
                else ((int(part[1]) - 1) * 6 + 1, 6)
            return DateSpan(_month_span(y, first_month)[0],
                            _month_span(y, first_month + n - 1)[1], "quarter")
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
            y, (a, b) = int(m[1]), _SEASON_MONTHS[m[2]]
            last_y, last_m = (y + 1, b - 12) if b > 12 else (y, b)
            return DateSpan(_month_span(y, a)[0], _month_span(last_y, last_m)[1], "season")
    except ValueError:  # 2015-02-30, week 54
        return None
    return None


def nested(a: DateSpan, b: DateSpan) -> bool:
    """One interval holds the other (equal ones included)."""
    return (a.first <= b.first and b.last <= a.last) or (b.first <= a.first and a.last <= b.last)


def contract_date(value: str) -> tuple[str, str]:
    """The date as the timeline prints it, ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, and that
    granularity. A week is told as the month its Thursday falls in (ISO's rule for which month
    and year own a week), a weekend as its Saturday's; quarters, halves and seasons as their year."""
    span = date_span(value)
    if span is None:
        return value, "unknown"
    g = span.granularity
    if g in ("day", "month", "year"):
        return value, g
    if g == "week":  # the middle day: a week's Thursday, a weekend's Saturday
        mid = date.fromordinal((span.first + span.last) // 2)
        return f"{mid.year:04d}-{mid.month:02d}", "month"
    return value[:4], "year"


def sort_key(value: str) -> tuple[int, int, str]:
    """Date order: by first day, a coarser date before the finer ones it holds ("2016" before
    "2016-01-01"), then by value for a total order."""
    span = date_span(value)
    if span is None:
        return (10**9, 0, value)
    return (span.first, GRANULARITY_RANK.get(span.granularity, 0), value)
