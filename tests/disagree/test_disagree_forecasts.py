"""Figures expected, planned or aimed at are not facts: two forecasts that differ do not
contradict each other, and a forecast is not contradicted by the count of what then happened."""

from __future__ import annotations

from pathlib import Path

from storyline.claims import extract_claims

from two_reports import found as numbers, two_reports

LEAD = "The navy is moving ships and sailors to the northern coast after the border clash. "


def corpus(tmp_path: Path, a: str, b: str):
    return two_reports(tmp_path, LEAD + a, LEAD + b, ("2012-05-02", "2012-05-04"), "Navy")


def test_an_aim_and_an_expectation_are_two_forecasts(tmp_path):
    c = corpus(tmp_path,
               "Navy officials say the goal is to station 9,000 sailors on the coast by June.",
               "At least 12,000 sailors are expected to be stationed on the coast within weeks.")
    claims = [x for x in extract_claims(c) if x.kind == "number" and x.head == "sailor"]
    assert [x.planned for x in claims] == [True, True]
    assert numbers(c) == [("compatible", ["9,000", "At least 12,000"])]


def test_a_forecast_against_a_stated_figure_is_no_conflict(tmp_path):
    # one report expects, the other counts: the games drew fewer than expected, which is news,
    # but no two outlets disagree
    c = corpus(tmp_path,
               "The coastal games are expected to draw more than 10,000 sailors from 40 navies.",
               "Some 6,000 sailors from 40 navies take part in the coastal games.")
    claims = [x for x in extract_claims(c) if x.kind == "number" and x.head == "sailor"]
    assert [x.planned for x in claims] == [True, False]
    assert not any(v == "conflict" and "Some 6,000" in sides for v, sides in numbers(c))


def test_two_counts_under_different_verbs_are_two_groups(tmp_path):
    c = corpus(tmp_path,
               "About 300 sailors gathered outside the base gates, witnesses said.",
               "Police used water cannon to disperse about 120 sailors sitting in at the gates.")
    assert not any(v == "conflict" for v, _ in numbers(c))
    c = corpus(tmp_path,
               "About 300 sailors gathered outside the base gates, witnesses said.",
               "About 120 sailors gathered outside the base gates, witnesses said.")
    assert any(v == "conflict" for v, _ in numbers(c))
