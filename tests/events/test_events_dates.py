"""Dates as intervals: nesting, the printed form at its granularity, and date order."""

from __future__ import annotations

from datetime import date

from storyline.events.dates import contract_date, date_span, nested, sort_key


def test_date_span_covers_the_days_of_its_granularity():
    july = date_span("2016-07")
    assert (july.first, july.last, july.granularity) == (
        date(2016, 7, 1).toordinal(), date(2016, 7, 31).toordinal(), "month")
    assert date_span("2016-W26").days == 7
    assert date_span("2016-02-30") is None  # no such day
    assert date_span("201") is None and date_span("XXXX-09-28") is None  # a decade; no year


def test_month_holds_its_days_and_a_year_holds_both_but_days_do_not_nest():
    day, month, year = date_span("2016-07-01"), date_span("2016-07"), date_span("2016")
    assert nested(day, month) and nested(month, year) and nested(day, year)
    assert not nested(day, date_span("2016-07-02"))
    assert not nested(date_span("2016-06"), date_span("2016-W26"))  # 27 June - 3 July


def test_contract_date_keeps_true_granularity_and_tells_a_week_by_its_thursday():
    assert contract_date("2019") == ("2019", "year")
    assert contract_date("2015-11") == ("2015-11", "month")
    assert contract_date("2016-07-01") == ("2016-07-01", "day")
    assert contract_date("2016-W26") == ("2016-06", "month")  # Thursday 30 June
    assert contract_date("2016-W26-WE") == ("2016-07", "month")  # the weekend's Thursday too
    assert contract_date("2017-Q3") == ("2017", "year")


def test_sort_key_orders_by_first_day_coarser_first():
    values = ["2016-07-01", "2016", "2015-11", "2016-07", "2011", "2016-06-29"]
    assert sorted(values, key=sort_key) == [
        "2011", "2015-11", "2016", "2016-06-29", "2016-07", "2016-07-01"]
