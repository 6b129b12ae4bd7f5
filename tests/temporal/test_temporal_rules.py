"""Each kind of expression the issue names, normalised the way TempEval-3/TimeBank annotate them."""

from __future__ import annotations

import pytest

from storyline.temporal import find_timexes, normalise

THU = "2017-09-28"  # a Thursday (csmonitor-ap.txt)
FRI = "2016-07-01"  # a Friday (telegraph.txt)


def one(text: str, dct: str | None = THU):
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("sentence", "span", "typ", "value", "gran", "mod"), [
    ("Putin visited Turkey on Thursday for talks.", "Thursday", "DATE", "2017-09-28", "day", None),
    ("The referendum was held Monday.", "Monday", "DATE", "2017-09-25", "day", None),
    ("They met in Ankara on Sept. 28.", "Sept. 28", "DATE", "2017-09-28", "day", None),
    ("It was signed on 28 September 2017.", "28 September 2017", "DATE", "2017-09-28", "day",
     None),
    ("It opened on Thursday, Sept. 28, 2017.", "Thursday, Sept. 28, 2017", "DATE", "2017-09-28",
     "day", None),
    ("Ties were shattered in November last year.", "November last year", "DATE", "2016-11",
     "month", None),
    ("A warplane was shot down in November 2015.", "November 2015", "DATE", "2015-11", "month",
     None),
    ("Erdogan announced earlier this month that", "earlier this month", "DATE", "2017-09",
     "month", "START"),
    ("since the start of the war six years ago.", "six years ago", "DATE", "2011", "year", None),
    ("Turkey bought the system in 2019.", "2019", "DATE", "2019", "year", None),
    ("Officials met last week.", "last week", "DATE", "2017-W38", "week", None),
    ("It began in the 1990s.", "the 1990s", "DATE", "199", "decade", None),
    ("It began in the early 1990s.", "the early 1990s", "DATE", "199", "decade", "START"),
    ("It will resume next month.", "next month", "DATE", "2017-10", "month", None),
    ("He arrived yesterday.", "yesterday", "DATE", "2017-09-27", "day", None),
    ("He speaks today.", "today", "DATE", "2017-09-28", "day", None),
    ("They are now allies.", "now", "DATE", "PRESENT_REF", None, None),
    ("Relations have recently improved.", "recently", "DATE", "PAST_REF", None, None),
    ("Trade grew this year.", "this year", "DATE", "2017", "year", None),
    ("Trade fell in the third quarter.", "the third quarter", "DATE", "2017-Q3", "quarter", None),
    ("It happened in the summer of 2016.", "the summer of 2016", "DATE", "2016-SU", "season",
     None),
    ("the 20th century", "the 20th century", "DATE", "19", "century", None),
    ("at 10:30 a.m. Friday", "10:30 a.m. Friday", "TIME", "2017-09-22T10:30", "time", None),
    ("They spoke this morning.", "this morning", "TIME", "2017-09-28TMO", "time", None),
    ("the crisis of the past three years", "the past three years", "DURATION", "P3Y", "year",
     None),
    ("It lasted a month.", "a month", "DURATION", "P1M", "month", None),
    ("a nine-month diplomatic crisis", "nine-month", "DURATION", "P9M", "month", None),
    ("It took about two hours.", "about two hours", "DURATION", "PT2H", "time", "APPROX"),
    ("talks of more than six months", "more than six months", "DURATION", "P6M", "month",
     "MORE_THAN"),
    ("He waited 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", "year", None),
    ("for the next few weeks", "the next few weeks", "DURATION", "PXW", "week", None),
    ("The summit is held every year.", "every year", "SET", "P1Y", "year", None),
    ("The report is published weekly.", "weekly", "SET", "P1W", None, None),
    ("Dividends are paid quarterly.", "quarterly", "SET", "P3M", None, None),
    ("They meet twice a month.", "twice a month", "SET", "P1M", "month", None),
    ("He visits on Mondays.", "Mondays", "SET", "XXXX-WXX-1", "day", None),
])
def test_temporal_rules_issue_expressions(sentence, span, typ, value, gran, mod) -> None:
    t = one(sentence)
    assert (t.text, t.type, t.value, t.granularity, t.mod) == (span, typ, value, gran, mod)
    assert sentence[t.start:t.end] == span


def test_temporal_rules_prepositions_stay_outside_the_span() -> None:
    assert one("They met on Thursday.").text == "Thursday"
    assert one("It happened in 2015.").text == "2015"


@pytest.mark.parametrize(("sentence", "value"), [
    ("Putin met Erdogan on Tuesday.", "2017-09-26"),  # past: the Tuesday before
    ("Putin will meet Erdogan on Tuesday.", "2017-10-03"),  # future: the next one
    ("The ministers are scheduled to meet on Saturday.", "2017-09-30"),
    ("He said on Tuesday that Turkey would buy the S-400.", "2017-09-26"),  # "would" is reported
    ("Putin visited Turkey on Thursday.", "2017-09-28"),  # the DCT's own weekday: that day
    ("Putin will visit Turkey on Thursday.", "2017-09-28"),
    ("last Thursday", "2017-09-21"),
    ("next Thursday", "2017-10-05"),
])
def test_temporal_rules_weekday_follows_news_tense(sentence: str, value: str) -> None:
    t = next(t for t in find_timexes(sentence, THU) if t.granularity == "day")
    assert t.value == value


@pytest.mark.parametrize(("sentence", "dct", "value"), [
    ("The ceasefire was brokered in December.", "2017-03-10", "2016-12"),
    ("The office opened in February.", FRI, "2016-02"),
    ("Elections are due in November.", "2017-09-28", "2017-11"),
    ("The deal was signed on Dec. 29.", "2017-03-10", "2016-12-29"),
    ("The vote is on Oct. 15.", THU, "2017-10-15"),
])
def test_temporal_rules_yearless_dates_take_the_nearest_year(sentence, dct, value) -> None:
    assert one(sentence, dct).value == value


def test_temporal_rules_weekday_with_date_picks_the_fitting_year() -> None:
    # 28 September fell on a Thursday in 2017 and a Wednesday in 2016.
    assert one("on Thursday, Sept. 28", "2018-03-01").value == "2017-09-28"


def test_temporal_rules_no_dct_gives_placeholders_for_relative_only() -> None:
    rel = one("Putin visited Turkey on Thursday.", None)
    assert (rel.value, rel.anchored) == ("XXXX-XX-XX", False)
    yearless = one("They met on Sept. 28.", None)
    assert (yearless.value, yearless.anchored) == ("XXXX-09-28", False)
    for text, value in (("Sept. 28, 2017", "2017-09-28"), ("in 2015", "2015"),
                        ("November 2015", "2015-11"), ("the 1990s", "199"), ("a month", "P1M")):
        t = one(text, None)
        assert (t.value, t.anchored) == (value, True)


def test_temporal_rules_quarter_then_year_earlier_keeps_the_quarter() -> None:
    text = "Profit rose 5% in the third quarter from a year earlier."
    got = [(t.text, t.value) for t in find_timexes(text, "1989-10-26")]
    assert got == [("the third quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


def test_temporal_rules_anaphora_follow_the_last_date() -> None:
    text = "The plane was downed on Nov. 24, 2015. The next day Russia imposed sanctions."
    got = [(t.text, t.value) for t in find_timexes(text, THU)]
    assert got == [("Nov. 24, 2015", "2015-11-24"), ("The next day", "2015-11-25")]


@pytest.mark.parametrize("sentence", [
    "Oil prices may fall further.",  # verb, not the season
    "the fall of Aleppo",
    "a 37-year-old man",  # an age
    "Shares paid a quarterly dividend.",  # adjective
    "May I ask a question?",
    "Jan Kowalski said",  # a name
    "About 2000 people marched.",  # a count, not a year
    "It rose 1999 percent.",
])
def test_temporal_rules_non_expressions_are_left_alone(sentence: str) -> None:
    assert find_timexes(sentence, THU) == []


def test_temporal_rules_normalise_one_expression() -> None:
    assert normalise("on Thursday", THU) == ("DATE", "2017-09-28", "day", None)
    assert normalise("Tuesday", THU, tense="future") == ("DATE", "2017-10-03", "day", None)
    assert normalise("Tuesday", THU, tense="past") == ("DATE", "2017-09-26", "day", None)
    assert normalise("in November last year", "2016-07-01") == ("DATE", "2015-11", "month", None)
    assert normalise("six years ago", None) == ("DATE", "XXXX", "year", None)
    assert normalise("the past three years", None) == ("DURATION", "P3Y", "year", None)
    assert normalise("nothing temporal here", THU) is None
    assert normalise("", THU) is None


def test_temporal_rules_bad_dct_is_rejected() -> None:
    with pytest.raises(ValueError):
        find_timexes("on Thursday", "2017-02-30")
    with pytest.raises(ValueError):
        normalise("on Thursday", "yesterday")


# --- TimeBank span and anchoring conventions (helper V) ---------------------------------------

NOV = "1989-11-02"  # a Thursday in the fourth quarter


@pytest.mark.parametrize(("sentence", "span", "value"), [
    # "over the ..." and "within" are prepositions: outside the expression.
    ("Prices climbed over the past four months.", "the past four months", "P4M"),
    ("The plant should reopen within two weeks.", "two weeks", "P2W"),
    ("The talks dragged on for over a week.", "over a week", "P1W"),
    # A possessive "'s" is not part of a weekday.
    ("Analysts cheered Friday's rally.", "Friday", "1989-10-27"),
    # "the" stays out of a hyphenated number-unit adjective.
    ("Lenders granted the 60-day extension.", "60-day", "P60D"),
    ("Lenders granted the two days they asked for.", "the two days", "P2D"),
    ("A minute and a half later the alarm rang.", "A minute and a half", "PT1M30S"),
])
def test_temporal_rules_timebank_spans(sentence: str, span: str, value: str) -> None:
    t = one(sentence, NOV)
    assert (t.text, t.value) == (span, value)


@pytest.mark.parametrize(("sentence", "span", "value"), [
    # The previous calendar unit, as TimeBank annotates "the past year".
    ("Membership doubled over the past year.", "the past year", "1988"),
    ("Wages stagnated in the last decade.", "the last decade", "197"),
    # "last May" needs no preposition to be a month.
    ("The pact they signed last May still holds.", "last May", "1989-05"),
    # A period that "ended" on a day lies before the DCT, however near the day is.
    ("Sales fell in the year ended March 31.", "March 31", "1989-03-31"),
    ("Margins shrank in the period ended Jan. 31.", "Jan. 31", "1989-01-31"),
    ("Hiring has slowed since December.", "December", "1988-12"),
    # "the fiscal year ended ..." is a span of a year.
    ("Revenue rose 8% in the fiscal year ended June 30.", "the fiscal year", "P1Y"),
    # "the year-ago third quarter" is that quarter a year before.
    ("Profit fell from the year-ago third quarter.", "the year-ago third quarter", "1988-Q3"),
])
def test_temporal_rules_timebank_values(sentence: str, span: str, value: str) -> None:
    t = next(t for t in find_timexes(sentence, NOV) if t.text == span)
    assert t.value == value


def test_temporal_rules_year_earlier_adjective_is_not_a_duration() -> None:
    found = find_timexes("The third quarter compared with a year-earlier loss.", NOV)
    assert [(t.text, t.value) for t in found] == [("The third quarter", "1989-Q3"),
                                                  ("year-earlier", "1988-Q3")]


def test_temporal_rules_current_and_latest_quarter() -> None:
    text = ("The fourth quarter looks weak. In the latest quarter, sales rose; the current quarter "
            "began well. Results for that quarter were restated.")
    got = {t.text: t.value for t in find_timexes(text, NOV)}
    assert got["The fourth quarter"] == "1989-Q4"
    assert got["the latest quarter"] == "1989-Q3"  # ended: not the quarter under way
    assert got["the current quarter"] == "1989-Q4"
    assert got["that quarter"] == "1989-Q4"  # the last quarter named


def test_temporal_rules_following_month_counts_from_the_month_named() -> None:
    text = "The merger was agreed in June. The following month, regulators objected."
    got = {t.text: t.value for t in find_timexes(text, NOV)}
    assert got["The following month"] == "1989-07"


def test_tagger_scan_reused_across_dcts_gives_same_expressions() -> None:
    from storyline.temporal.tagger import scan

    text = ("Putin visited Ankara on Thursday. The next day, Erdogan said talks would resume "
            "next month; in September 2015 they had broken off, three years ago.")
    found = scan(text)
    for dct in (None, THU, FRI, "1998-02-28"):
        assert find_timexes(text, dct, scan=found) == find_timexes(text, dct)
    with pytest.raises(ValueError):
        find_timexes(text + " ", THU, scan=found)
