"""Number expressions as intervals: units, ranges, spelled-out numbers, vague amounts, approximators."""

from __future__ import annotations

import math

import pytest

from storyline.claims.numbers import find_numbers, spelled_value


def one(text: str):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text,low,high", [
    ("the attack killed 43 people", 43, 43),
    ("more than 40 people", 41, math.inf),
    ("at least 41 dead", 41, math.inf),
    ("up to 15 people", 0, 15),
    ("nearly 100 people", 85, 100),
    ("between 30 and 40 people", 30, 40),
    ("30-40 people", 30, 40),
    ("two or three bodies", 2, 3),
    ("forty-three people", 43, 43),
    ("two hundred and five people", 205, 205),
    ("dozens of people", 24, 99),
    ("tens of thousands of people", 20_000, 99_999),
])
def test_numbers_are_intervals(text, low, high):
    n = one(text)
    assert (n.low, n.high) == (low, high)


def test_about_widens_and_rounded_numbers_allow_what_rounds_to_them():
    about = one("about 7,000 people")
    assert about.low < 7000 < about.high and about.approx == "about"
    rounded = one("5,000 people died")
    assert rounded.low <= 4800 and rounded.high >= 5200 and rounded.approx == "rounded"
    assert one("43 people").approx is None


@pytest.mark.parametrize("text,unit,value", [
    ("a $2.5bn deal", "USD", 2.5e9),
    ("stole €85 million in jewels", "EUR", 85e6),
    ("85 million euros", "EUR", 85e6),
    ("10 percent of the population", "%", 10),
    ("a 12.5% rise", "%", 12.5),
    ("10 per cent", "%", 10),
])
def test_currencies_and_percentages(text, unit, value):
    n = one(text)
    assert n.unit == unit and n.value == value


@pytest.mark.parametrize("text", [
    "an F-16 shot down a SU-24", "the S-400s", "in 2015", "at 10:30", "on the 5th",
    "a 36-year-old climber", "Robert Buckley, 32, died", "dies at 75", "Colts beat Chiefs 20-13",
    "one of the missing yachts",
])
def test_names_years_times_ages_and_scores_are_not_counts(text):
    assert find_numbers(text) == []


def test_two_numbers_joined_by_and_stay_two():
    assert [n.value for n in find_numbers("43 and 44")] == [43, 44]


def test_masked_time_expressions_are_skipped():
    text = "more than six months of discord"
    assert find_numbers(text, masked=[(0, 20)]) == []


def test_spelled_values():
    assert spelled_value("twenty-five") == 25
    assert spelled_value("a thousand") == 1000
    # an article before a number is no "one": "a two-year deal" is two years, not three
    assert spelled_value("a two") == 2
    assert spelled_value("an eight") == 8
    assert spelled_value("banana") is None


def test_wire_dollars_written_dlrs_are_dollars():
    # Reuters and AP wire copy abbreviate dollars, before or after the amount
    from storyline.claims.numbers import find_numbers

    got = [(n.text, n.value, n.unit) for n in
           find_numbers("the 7.6 million kronor (dlrs 978,000) prize; a 5 million dlr deal")]
    assert ("978,000", 978000.0, "USD") in got
    assert ("5 million dlr", 5000000.0, "USD") in got
    assert [n.unit for n in find_numbers("the model dlr 45 ran")] == [None]


def test_a_bare_m_is_metres_unless_money_or_a_count_follows():
    from storyline.claims.numbers import find_numbers

    def got(t):
        return [(n.value, n.unit) for n in find_numbers(t)]

    assert got("he fell about 200m down a gully") == [(200.0, "m")]
    assert got("the 100m sprint") == [(100.0, "m")]
    assert got("a £200m deal") == [(200_000_000.0, "GBP")]
    assert got("more than 2m users were attacked") == [(2_000_000.0, None)]


def test_a_length_written_with_its_number_counts_no_people(tmp_path):
    import json

    from storyline.claims import extract_claims
    from storyline.corpus import read_corpus

    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "a", "title": "Climber dies", "text":
                             "A 36-year-old man died on Friday after he slipped and fell about "
                             "200m down a steep icy gully."}) + "\n", encoding="utf-8")
    got = [(x.text, x.unit, x.head) for x in extract_claims(read_corpus([p])) if x.kind == "number"]
    assert ("about 200m", "m", None) in got


def test_about_a_round_figure_stays_within_fifteen_percent():
    from storyline.claims.numbers import find_numbers

    [n] = find_numbers("he fell about 200 metres")
    assert (n.low, n.high) == (170.0, 230.0)
    [n] = find_numbers("about 43 people")
    assert (n.low, n.high) == (38.7, 47.3)


def test_a_count_after_a_day_counts_the_noun_after_it(tmp_path):
    # the small parser hangs "three" on "Friday"; a number still counts the plural noun after it
    import json

    from storyline.claims import extract_claims
    from storyline.corpus import read_corpus

    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "a", "title": "Bomb in market", "text":
                             "Security forces said on Friday three women and two children were "
                             "killed and five people wounded when a bomb exploded at a market in "
                             "the town of Harbury."}) + "\n", encoding="utf-8")
    got = [(x.text, x.head, x.event) for x in extract_claims(read_corpus([p]))
           if x.kind == "number"]
    assert ("three", "woman", "killed") in got


def test_a_clause_beside_the_verb_is_another_happening(tmp_path):
    import json

    from storyline.claims import extract_claims
    from storyline.corpus import read_corpus

    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"id": "a", "title": "Office shooting", "text":
                             "A man suspected of shooting three people, killing one, at an "
                             "accounting firm was arrested on Monday."}) + "\n", encoding="utf-8")
    got = {x.text: x.event for x in extract_claims(read_corpus([p])) if x.kind == "number"}
    assert got.get("three") == "shoot"  # three were shot; one was killed


@pytest.mark.parametrize("text,written,value", [
    ("the road runs 1 1/2 miles to the river", "1 1/2", 1.5),
    ("a sentence of 2-1/2 years", "2-1/2", 2.5),
    ("the fund paid out $3 1/4 million", "$3 1/4 million", 3_250_000),
    ("a 4\u00bd mile walk", "4\u00bd", 4.5),
])
def test_a_whole_number_and_a_fraction_are_one_figure(text, written, value):
    # read in parts, "1 1/2 miles" was one mile and a fraction taken for a date
    n = one(text)
    assert (n.text, n.value) == (written, value)


def test_about_a_figure_and_a_half_allows_the_whole_figure():
    # "about 5 1/2 hours" is no more precise than "about 5.5": five hours is within it
    n = one("stayed about 5 1/2 hours")
    assert n.low <= 5 <= n.high
    assert find_numbers("a slash date, 3/4/98, is no fraction") == []
