"""The tagger on the five real articles of examples/russia-turkey, with their true publication dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.records import SourceDoc
from storyline.temporal import find_timexes

SEEDS = Path(__file__).parents[2] / "examples" / "russia-turkey"

# file -> (true DCT, [(text, type, value), ...] that must all be found, in this order)
EXPECTED = {
    # A Thursday: "Thursday" is the day itself, "Monday" the Kurdish referendum three days before.
    "csmonitor-ap.txt": ("2017-09-28", [
        ("Thursday", "DATE", "2017-09-28"),
        ("2015", "DATE", "2015"),
        ("six years ago", "DATE", "2011"),
        ("Monday", "DATE", "2017-09-25"),
        ("Wednesday", "DATE", "2017-09-27"),
        ("earlier this month", "DATE", "2017-09"),
    ]),
    "strategic-culture.txt": ("2016-07-05", [
        ("July 4", "DATE", "2016-07-04"),
        ("last week", "DATE", "2016-W26"),
        ("November 2015", "DATE", "2015-11"),
        ("June 29", "DATE", "2016-06-29"),
        ("June 28", "DATE", "2016-06-28"),
        ("July 1", "DATE", "2016-07-01"),
        ("more than six months", "DURATION", "P6M"),
        ("2011", "DATE", "2011"),
        ("June 27", "DATE", "2016-06-27"),
    ]),
    # A Friday: "on Friday" is that day; "on Tuesday" the airport attack three days before.
    "telegraph.txt": ("2016-07-01", [
        ("Friday", "DATE", "2016-07-01"),
        ("Tuesday", "DATE", "2016-06-28"),
        ("this week", "DATE", "2016-W26"),
        ("nine-month", "DURATION", "P9M"),
        ("November last year", "DATE", "2015-11"),
        ("the next few weeks", "DURATION", "PXW"),
        ("February", "DATE", "2016-02"),
        ("Thursday", "DATE", "2016-06-30"),
    ]),
    # (Its "September 29, 2021" is in a photo caption, which the cleaner takes out.)
    "nhandan.txt": ("2021-09-30", [
        ("a day", "DURATION", "P1D"),
        ("nearly two weeks", "DURATION", "P2W"),
        ("2019", "DATE", "2019"),
    ]),
    "independent-yahoo.txt": ("2017-03-10", [
        ("2015", "DATE", "2015"),
        ("More recently", "DATE", "PAST_REF"),
        ("December", "DATE", "2016-12"),
        ("Earlier in the week", "DATE", "2017-W10"),
    ]),
}


def _clean_text(name: str) -> str:
    raw = (SEEDS / name).read_text(encoding="utf-8")
    return clean(SourceDoc(origin=name, format="txt", text=raw, title_in_text=True)).text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_temporal_seeds_expected_expressions(name: str) -> None:
    dct, expected = EXPECTED[name]
    text = _clean_text(name)
    found = find_timexes(text, dct, article_id=name)
    got = [(t.text, t.type, t.value) for t in found]
    pos = 0
    for item in expected:  # in document order, other expressions may lie between
        assert item in got[pos:], f"{item} not found after {got[:pos]} in {got}"
        pos = got.index(item, pos) + 1
    for t in found:
        assert text[t.start:t.end] == t.text
        assert t.article_id == name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_temporal_seeds_without_dct_keep_absolute_dates(name: str) -> None:
    dct, _ = EXPECTED[name]
    text = _clean_text(name)
    with_dct = {(t.start, t.end): t for t in find_timexes(text, dct)}
    for t in find_timexes(text, None):
        assert (t.start, t.end) in with_dct  # the same expressions are found
        if t.anchored:
            assert t.value == with_dct[(t.start, t.end)].value
        else:
            assert "X" in t.value


def test_temporal_seeds_weekday_on_its_own_day_is_that_day() -> None:
    # The Telegraph piece was written on Friday 1 July 2016: "on Friday" is the same day,
    # not the Friday before; the same text dated the next day reads it as the day before.
    text = _clean_text("telegraph.txt")
    first = next(t for t in find_timexes(text, "2016-07-01") if t.text == "Friday")
    assert first.value == "2016-07-01"
    first = next(t for t in find_timexes(text, "2016-07-02") if t.text == "Friday")
    assert first.value == "2016-07-01"
    first = next(t for t in find_timexes(text, "2016-07-07") if t.text == "Friday")
    assert first.value == "2016-07-01"
