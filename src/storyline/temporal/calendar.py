"""Calendar arithmetic for TIMEX3 values: shifting days, weeks, months, quarters, seasons.

Values follow TimeML: ``2017-09-28``, ``2017-09``, ``2017``, ``201`` (decade), ``20`` (century),
``2017-W39``, ``2017-Q3``, ``2017-H2``, ``2017-SU``. Python's ``date`` does the day arithmetic;
everything coarser is done on (year, index) pairs so no day is ever invented.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta

SEASONS = ("WI", "SP", "SU", "FA")  # TimeML season codes, in calendar order (winter starts the year)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def parse_dct(dct: str | None) -> date | None:
    """``"YYYY-MM-DD"`` (a time part after it is ignored) to a date; None stays None.

    Raises ValueError for anything that is not a real calendar date.
    """
    if dct is None:
        return None
    m = _ISO_DATE.match(dct.strip())
    if not m:
        raise ValueError(f"not a YYYY-MM-DD date: {dct!r}")
    return date(int(m[1]), int(m[2]), int(m[3]))


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + delta
    return idx // 12, idx % 12 + 1


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekend_value(d: date) -> str:
    return week_value(d) + "-WE"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, delta: int) -> tuple[int, int]:
    idx = year * 4 + (q - 1) + delta
    return idx // 4, idx % 4 + 1


def season_of(d: date) -> tuple[int, str]:
    """The meteorological season a day falls in; December belongs to the next year's winter."""
    m = d.month
    if m == 12:
        return d.year + 1, "WI"
    return d.year, SEASONS[(m % 12) // 3]


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= _cal.monthrange(year, month)[1]


def nearest_weekday(dct: date, weekday: int, direction: str) -> date:
    """The day with ``weekday`` (0=Monday) nearest to ``dct``: the DCT itself when it matches,
    else the previous one (direction "past") or the next one ("future")."""
    delta = (dct.weekday() - weekday) % 7
    if direction == "future":
        return dct + timedelta(days=(weekday - dct.weekday()) % 7)
    return dct - timedelta(days=delta)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` of a month (n=4: fourth Thursday of November is US Thanksgiving)."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
