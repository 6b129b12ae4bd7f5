"""Calendar arithmetic behind the values: ISO weeks, quarters, seasons, holidays."""

from __future__ import annotations

from datetime import date

import pytest

from storyline.temporal import calendar as cal


def test_temporal_calendar_weeks_are_iso() -> None:
    assert cal.week_value(date(2017, 9, 28)) == "2017-W39"
    assert cal.week_value(date(2016, 1, 1)) == "2015-W53"  # a Friday in 2015's last ISO week
    assert cal.weekend_value(date(2016, 7, 2)) == "2016-W26-WE"


def test_temporal_calendar_shifts_wrap_years() -> None:
    assert cal.shift_month(2017, 1, -1) == (2016, 12)
    assert cal.shift_month(2017, 12, 13) == (2019, 1)
    assert cal.shift_quarter(2017, 1, -1) == (2016, 4)


def test_temporal_calendar_seasons() -> None:
    assert cal.season_of(date(2017, 12, 20)) == (2018, "WI")
    assert cal.season_of(date(2017, 7, 1)) == (2017, "SU")
    assert cal.season_of(date(2017, 10, 1)) == (2017, "FA")


def test_temporal_calendar_holidays() -> None:
    assert cal.easter(2016) == date(2016, 3, 27)
    assert cal.easter(2000) == date(2000, 4, 23)
    assert cal.nth_weekday(1999, 11, 3, 4) == date(1999, 11, 25)  # Thanksgiving


def test_temporal_calendar_parse_dct() -> None:
    assert cal.parse_dct("2017-09-28") == date(2017, 9, 28)
    assert cal.parse_dct("2017-09-28T14:00:00Z") == date(2017, 9, 28)
    assert cal.parse_dct(None) is None
    for bad in ("2017-02-30", "28/09/2017", "", "soon"):
        with pytest.raises(ValueError):
            cal.parse_dct(bad)
