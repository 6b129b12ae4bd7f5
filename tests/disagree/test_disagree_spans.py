"""How long a thing went on, and the time there is for an act, as checkable claims: "the hearing
lasted three hours", "the length of the launch window was 12 minutes", "the agency has seven
minutes to launch"."""

from __future__ import annotations

from two_reports import found, two_reports

from storyline.claims import extract_claims
from storyline.claims.intervals import span_length


def spans(corpus):
    return sorted((c.text, c.low, c.high, c.bearer) for c in extract_claims(corpus)
                  if c.kind == "number" and c.unit in ("minutes", "hours", "days"))


def test_a_launch_window_is_the_time_there_is_to_launch(tmp_path):
    c = two_reports(tmp_path,
                    "The agency has only seven minutes or less each day to launch the probe so "
                    "that it can reach the comet.",
                    "The length of the launch window was just 12 minutes, engineers said.")
    assert spans(c) == [("12 minutes", 12.0, 12.0, "launch"),
                        ("seven minutes or less", 0.0, 7.0, "launch")]
    assert found(c) == [("conflict", ["12 minutes", "seven minutes or less"])]


def test_a_window_sized_by_an_adjective_is_the_time_to_launch_too(tmp_path):
    c = two_reports(tmp_path,
                    "The agency has only seven minutes each day to launch the probe.",
                    "Engineers opened a 12-minute launch window on Tuesday night.")
    assert found(c) == [("conflict", ["12-minute", "seven minutes"])]


def test_how_long_a_thing_lasted_is_compared_with_its_size_as_an_adjective(tmp_path):
    c = two_reports(tmp_path,
                    "The closed hearing on the harbour contract lasted three hours, officials "
                    "said.",
                    "Officials described a two-hour hearing on the harbour contract.")
    assert found(c) == [("conflict", ["three hours", "two-hour"])]


def test_about_allows_what_it_rounds(tmp_path):
    c = two_reports(tmp_path,
                    "The closed hearing on the harbour contract lasted about three hours.",
                    "The closed hearing on the harbour contract lasted 2 1/2 hours.")
    assert [v for v, _ in found(c)] == ["compatible"]


def test_a_span_that_is_the_length_of_nothing_named_is_no_claim(tmp_path):
    c = two_reports(tmp_path,
                    "Firefighters fought the blaze for two hours. Police arrived two hours later. "
                    "The roof collapsed within minutes.",
                    "It was three hours before help came. The fire was two hours old when the "
                    "crews came. It lasted three hours. The second blast was two hours later.")
    assert spans(c) == []


def test_two_things_lasting_two_spans_are_not_compared(tmp_path):
    c = two_reports(tmp_path,
                    "The closed hearing on the harbour contract lasted three hours.",
                    "The strike at the harbour over the contract lasted two hours.")
    assert found(c) == []


def test_a_span_with_a_half_is_read_in_the_unit_it_was_written_in():
    assert span_length("PT5H30M") == (5.5, "hours")
    assert span_length("P2Y6M") == (2.5, "years")
    assert span_length("PT10M") == (10.0, "minutes")
    assert span_length("PTXM") is None
