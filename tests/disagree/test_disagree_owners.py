"""A count written on a name ("Amos's 212 yards") is that one's share: it is not compared with a
report that never mentions the name (the team's 340 yards), only with one that does."""

from __future__ import annotations

from pathlib import Path

from storyline.claims import extract_claims
from storyline.disagree import VERDICTS, find_disagreements

from two_reports import two_reports

PLAYER = "The Hawks lost to the Rams despite Amos's {n} yards rushing."
TEAM = ("Despite rushing for 340 yards, the Hawks lost their home finale to the Rams on Sunday "
        "afternoon.")


def corpus(tmp_path: Path, a: str, b: str):
    return two_reports(tmp_path, a, b, title="Hawks")


def yards(c):
    return sorted((d.verdict, sorted(s.value for s in d.sides))
                  for d in find_disagreements(c, verdicts=VERDICTS)
                  if d.kind == "number" and "yard" in d.what)


def test_a_players_yards_are_not_the_teams(tmp_path):
    c = corpus(tmp_path, PLAYER.format(n="212"), TEAM)
    owners = [x.owners for x in extract_claims(c) if x.unit == "yd"]
    assert owners == [["amos"], []]
    assert yards(c) == []


def test_a_players_yards_compare_with_a_report_naming_him(tmp_path):
    c = corpus(tmp_path, PLAYER.format(n="212"),
               "Dale Amos rushed for 198 yards, but the Hawks lost to the Rams on Sunday.")
    assert yards(c) == [("conflict", ["198", "212"])]


def test_places_are_no_owners(tmp_path):
    c = corpus(tmp_path, "About 9,000 U.S. troops landed in the region on Monday.",
               "About 9,000 troops landed in the region on Monday.")
    assert [x.owners for x in extract_claims(c) if x.head == "troop"] == [[], []]
