from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyline.ingest.dates import normalise_date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2017-09-28", "2017-09-28"),
        ("2017-09-28T14:03:00Z", "2017-09-28T14:03:00+00:00"),
        ("2017-09-28T14:03:00-04:00", "2017-09-28T14:03:00-04:00"),
        ("Thu, 28 Sep 2017 14:03:00 GMT", "2017-09-28T14:03:00+00:00"),
        ("Thu, 28 Sep 2017 14:03:00 +0300", "2017-09-28T14:03:00+03:00"),
        ("September 28, 2017", "2017-09-28"),
        ("28 September 2017 14:03", "2017-09-28T14:03:00"),
        ("28/09/2017", "2017-09-28"),
        ("09/28/2017", "2017-09-28"),
        (1506607380, "2017-09-28T14:03:00+00:00"),
        (1506607380000, "2017-09-28T14:03:00+00:00"),
        ("1506607380", "2017-09-28T14:03:00+00:00"),
        (dt.date(2017, 9, 28), "2017-09-28"),
        (time.struct_time((2017, 9, 28, 14, 3, 0, 3, 271, 0)), "2017-09-28T14:03:00+00:00"),
    ],
)
def test_dates_normalise_to_iso(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    "value",
    ["September 2017", "Thursday", "03/04/2017", "yesterday", "", "not a date", "9999-01-01", 2017, None, True, ["2017"]],
)
def test_dates_partial_ambiguous_or_bogus_give_none(value):
    assert normalise_date(value) is None


@given(st.one_of(st.text(max_size=60), st.integers(), st.floats(), st.none()))
def test_dates_never_raise(value):
    out = normalise_date(value)
    assert out is None or dt.datetime.fromisoformat(out)
