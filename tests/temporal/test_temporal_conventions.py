"""News and TimeML conventions the normaliser follows, each on sentences written for the test."""

from __future__ import annotations

import pytest

from storyline.temporal import find_timexes

OCT = "2017-10-30"  # a Monday in the fourth quarter
NOV = "2017-11-02"  # a Thursday


def values(text: str, dct: str | None = OCT) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, dct)}


# --- earnings reports: which quarter --------------------------------------------------------


def test_temporal_conventions_quarter_ended_is_the_quarter_it_mostly_covers() -> None:
    # May to July: mostly the second calendar quarter, whatever month it ends in.
    assert values("Shipments slowed in the quarter ended July 31.")["the quarter"] == "2017-Q2"
    assert values("Shipments slowed in the quarter ended Sept. 30.")["the quarter"] == "2017-Q3"


def test_temporal_conventions_fiscal_quarter_keeps_its_name() -> None:
    got = values("The retailer lost money in its fourth quarter ended June 30.")
    assert got["fourth quarter"] == "2017-Q4"
    # Once a fiscal quarter is named, "the quarter ended ..." is that quarter.
    got = values("Earnings jumped in the fiscal first quarter. Revenue for the quarter ended "
                 "Sept. 30 reached $2 billion.")
    assert got["the quarter"] == "2017-Q1"


def test_temporal_conventions_this_quarter_is_the_one_reported() -> None:
    got = values("The bank lost $3 million in the third quarter ended Sept. 30. This quarter's "
                 "loss includes a charge.")
    assert got["This quarter"] == "2017-Q3"
    # With no quarter reported just before, it is the quarter under way.
    assert values("Sales should recover this quarter.")["this quarter"] == "2017-Q4"


def test_temporal_conventions_comparisons_stay_on_the_reported_quarter() -> None:
    text = ("Profit rose in the third quarter. After a flat second quarter, margins widened. "
            "In the year-earlier period, the company lost money. In the 2017 period, interest "
            "costs fell; in the 2016 period they rose. Taxes were lower than a year ago.")
    got = values(text)
    assert got["second quarter"] == "2017-Q2"
    assert got["the year-earlier period"] == "2016-Q3"
    assert got["the 2017 period"] == "2017-Q3"
    assert got["the 2016 period"] == "2016-Q3"
    assert got["a year ago"] == "2016-Q3"  # not counted from "the 2016 period"


def test_temporal_conventions_forecast_quarter_is_not_an_anchor() -> None:
    text = ("Third-quarter profit fell. Analysts expect losses to continue through the second "
            "quarter of 2018. In the year-ago period, the mill earned $5 million.")
    got = values(text)
    assert got["the second quarter of 2018"] == "2018-Q2"
    assert got["the year-ago period"] == "2016-Q3"
    # A quarter reported as soon as it ended is no forecast.
    got = values("The chain reported a loss in fourth-quarter sales. A year earlier it earned "
                 "$1 million.", "2017-11-02")
    assert got["A year earlier"] == "2016-Q4"


def test_temporal_conventions_quarter_to_quarter_is_not_a_quarter() -> None:
    got = values("Profit rose in the third quarter. The quarter-to-quarter comparison helped.")
    assert list(got) == ["the third quarter"]


def test_temporal_conventions_halves() -> None:
    assert values("Demand should firm in the first two quarters of 2018.")[
        "the first two quarters of 2018"] == "2018-H1"
    found = find_timexes("Sales slumped in the last half of the '80s.", OCT)
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("the last half of the '80s", "198", "END")]


def test_temporal_conventions_year_end_is_a_day() -> None:
    assert values("The sale should close by year-end.")["year-end"] == "2017-12-31"
    assert values("The index has risen 12% since year-end.")["year-end"] == "2016-12-31"
    assert values("Debt will be cut by the end of the year.")["the end of the year"] == "2017"


# --- rates, ordinals, names: not expressions -------------------------------------------------


@pytest.mark.parametrize("sentence", [
    "The preferred stock pays $1.76 a year.",
    "The airline will fly four flights a week to Bombay.",
    "Rooms will cost between $35 and $55 a night.",
    "The plan saves $500 million a year in costs.",
    "A second group of investors joined.",
    "Revenue should increase by 20% annually.",
    "The plant will produce 10,000 units annually.",
    "Traders put it at 5% of the average daily volume.",
    "They formed a joint venture called Orion 1980 with a Hungarian bank.",
    "This is VOA Today.",
    'He spoke on ABC\'s "This Week," a news programme.',
    "The case is for today's youth what the revolution was for their parents.",
    "It was high noon for the government.",
    'He said so on CBS\'s "60 Minutes" on air.',
    "Police found Kopp's 1987 Chevrolet in a lot.",
    "He hopes he one day follows his father.",
])
def test_temporal_conventions_not_time_expressions(sentence: str) -> None:
    assert find_timexes(sentence, OCT) == []


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("The strike lasted a year.", "a year", "P1Y"),
    ("He paused for a second.", "a second", "PT1S"),
    ("The report is published annually.", "annually", "P1Y"),
    ("Protesters gather daily outside the house.", "daily", "P1D"),
    ("It is part of his daily life.", "daily", "P1D"),
    ("The president gave his weekly radio address.", "weekly", "P1W"),
    ("In 1980, the venture was founded.", "1980", "1980"),
    ("The company's 1989 results were restated.", "1989", "1989"),
    ("Islam will one day be the largest religion there.", "one day", "FUTURE_REF"),
    ("The strike lasted one day.", "one day", "P1D"),
    ("The sale is for one day only.", "one day", "P1D"),
    ("Today, ministers met in Ankara.", "Today", "2017-10-30"),
    ("The offer appeared in today's editions.", "today", "2017-10-30"),
    ("Talks broke off at noon Friday.", "noon Friday", "2017-10-27T12:00"),
    ("The deadline is noon Friday.", "noon Friday", "2017-11-03T12:00"),
])
def test_temporal_conventions_still_expressions(sentence: str, span: str, value: str) -> None:
    t = next(t for t in find_timexes(sentence, OCT) if t.text == span)
    assert t.value == value


# --- tense: which year, which week -----------------------------------------------------------


@pytest.mark.parametrize(("sentence", "value"), [
    # A past-tense clause tells what happened: the last January, not the next one.
    ("He stepped down as chairman in January for health reasons.", "2017-01"),
    ("Since the fund bought the chain in February, it has sold two units.", "2017-02"),
    ("In January, the company bought a rival.", "2017-01"),
    # Looking ahead, even with a past verb before it: the coming one.
    ("The board decided to list the shares in January.", "2018-01"),
    ("The company said it expects to report results in January.", "2018-01"),
    ("Final rules to be published in January will decide it.", "2018-01"),
    # No tense at all: near months ahead are announced ones.
    ("The vote is in January.", "2018-01"),
])
def test_temporal_conventions_month_year_follows_the_clause(sentence: str, value: str) -> None:
    t = next(t for t in find_timexes(sentence, NOV) if t.granularity == "month")
    assert t.value == value


def test_temporal_conventions_last_month_day_is_the_past_one() -> None:
    got = values("The doctor was shot last Oct. 23 at his home.", "2018-04-19")
    assert got == {"Oct. 23": "2017-10-23"}


@pytest.mark.parametrize(("sentence", "value"), [
    # A deadline inside a clause looks ahead ...
    ("The agency gave the family until 9 a.m. Tuesday to sign.", "2017-10-31T09:00"),
    # ... a plan in the past perfect was overtaken: it points back.
    ("The offer had been scheduled to expire at midnight Friday.", "2017-10-27T24:00"),
    ("The offer is scheduled to expire at midnight Friday.", "2017-11-03T24:00"),
    ("Until Thursday, they had not called him.", "2017-10-26"),
])
def test_temporal_conventions_deadlines_and_past_perfect(sentence: str, value: str) -> None:
    t = find_timexes(sentence, OCT)[0]
    assert t.value == value


def test_temporal_conventions_friday_on_a_friday_is_that_day() -> None:
    assert values("The minister resigned on Friday.", "2017-11-03") == {"Friday": "2017-11-03"}
    assert values("The minister will resign on Friday.", "2017-11-03") == {
        "Friday": "2017-11-03"}


def test_temporal_conventions_week_of_a_day() -> None:
    got = values("A hearing is set for the week of March 6.", "2017-02-20")
    assert got == {"the week of March 6": "2017-W10"}


# --- anchoring: "earlier" counts from the last date named, "ago" from publication ------------


def test_temporal_conventions_earlier_counts_from_the_last_date_named() -> None:
    text = "The plant opened in 2010. A year earlier, the site was a field."
    assert values(text)["A year earlier"] == "2009"
    text = "He was freed on March 5, 2016. Two days earlier, talks had failed."
    assert values(text)["Two days earlier"] == "2016-03-03"
    assert values("The plant opened in 2010. A year ago, it closed.")["A year ago"] == "2016"


def test_temporal_conventions_earlier_is_not_a_new_anchor() -> None:
    text = "The plant opened in 2010. A year earlier it was a field; a year earlier still, a farm."
    got = [t.value for t in find_timexes(text, OCT)]
    assert got == ["2010", "2009", "2009"]


# --- a few more expressions ------------------------------------------------------------------


def test_temporal_conventions_us_election_day() -> None:
    # The Tuesday after the first Monday of November: 2018-11-06, 2016-11-08.
    assert values("Turnout will be high on Election Day.", "2018-10-26") == {
        "Election Day": "2018-11-06"}
    assert values("Polls closed on Election Day 2016.") == {"Election Day 2016": "2016-11-08"}


def test_temporal_conventions_pre_and_post_years() -> None:
    found = find_timexes("The post-1959 politics split families.", OCT)
    assert [(t.text, t.value, t.mod) for t in found] == [("post-1959", "1959", "AFTER")]


def test_temporal_conventions_second_day_of_a_pair() -> None:
    got = [(t.text, t.value) for t in find_timexes("The summit meets on April 24 and 25.",
                                                    "2019-02-10")]
    assert got == [("April 24", "2019-04-24"), ("25", "2019-04-25")]
    # A count after "and" is not a day.
    got = [t.text for t in find_timexes("It sold on June 10 and 300 people came.", "2019-02-10")]
    assert got == ["June 10"]
