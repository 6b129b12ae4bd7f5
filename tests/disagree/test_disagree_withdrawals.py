"""A count of entrants that fell where the report with the smaller count tells of an entrant who
withdrew: the field changed between the reports, so it is an update, not a disagreement."""

from __future__ import annotations

from pathlib import Path

from two_reports import found, two_reports

BEFORE = ("Perth showed its new stadium for the Coral Coast Games to the heads of the sports "
          "councils from the {} nations competing in the December event.")
OPENING = ("Her win came just before the opening of ten days of competition at the Coral Coast "
           "Games among 5,000 athletes from 41 nations. {}")
WITHDREW = "Fiji, which withdrew its team at the last minute, sent only a flag bearer."


def test_fewer_entrants_after_a_withdrawal_is_an_update(tmp_path: Path):
    c = two_reports(tmp_path, BEFORE.format(43), OPENING.format(WITHDREW))
    assert found(c) == [("update", ["41", "43"])]


def test_fewer_entrants_with_no_withdrawal_told_conflict(tmp_path: Path):
    c = two_reports(tmp_path, BEFORE.format(43), OPENING.format("Fiji sent its biggest team yet."))
    assert found(c) == [("conflict", ["41", "43"])]


def test_a_withdrawal_explains_no_rise(tmp_path: Path):
    # a withdrawal accounts for fewer entrants, never for more
    c = two_reports(tmp_path, BEFORE.format(39), OPENING.format(WITHDREW))
    assert found(c) == [("conflict", ["39", "41"])]
