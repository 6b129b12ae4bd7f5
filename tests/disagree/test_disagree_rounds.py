"""Rounds of a vote: each round has its own tallies, so counts of two rounds are not compared. A
sentence naming no round reports the latest round its article tells of."""

from __future__ import annotations

from pathlib import Path

from storyline.claims import extract_claims
from storyline.claims.rounds import round_of, rounds_named
from storyline.disagree import VERDICTS, find_disagreements

from two_reports import two_reports

SECOND = ("Lawmakers in Vilnia again failed to elect a speaker on Monday in a second round of "
          "voting. The clerk of the assembly said 88 deputies voted in the second round, with "
          "9 abstentions.")
THIRD = ("Lawmakers in Vilnia failed for a third time to elect a speaker on Monday. In the third "
         "ballot neither candidate won a majority. The clerk of the assembly said 88 deputies "
         "cast votes, with {n} abstentions.")


def corpus(tmp_path: Path, a: str, b: str):
    return two_reports(tmp_path, a, b, ("2013-02-04", "2013-02-04"), "Vote")


def abstentions(c):
    return sorted((d.verdict, sorted(s.value for s in d.sides))
                  for d in find_disagreements(c, verdicts=VERDICTS)
                  if d.kind == "number" and "abstention" in d.what)


def test_rounds_named_by_ordinal():
    assert rounds_named("in second-round voting") == {2}
    assert rounds_named("a third secret ballot will follow") == {3}
    assert rounds_named("won 34 votes in the first two ballots") == set()
    assert round_of("cast votes, with 8 abstentions", [1, 3, 2]) == 3
    assert round_of("cast votes, with 8 abstentions", []) is None


def test_tallies_of_two_rounds_are_not_compared(tmp_path):
    c = corpus(tmp_path, SECOND, THIRD.format(n="10"))
    rounds = {x.text: x.vote_round for x in extract_claims(c) if x.head == "abstention"}
    assert rounds == {"9": 2, "10": 3}
    assert abstentions(c) == []


def test_tallies_of_one_round_still_conflict(tmp_path):
    c = corpus(tmp_path, THIRD.format(n="9"), THIRD.format(n="10"))
    assert abstentions(c) == [("conflict", ["10", "9"])]
