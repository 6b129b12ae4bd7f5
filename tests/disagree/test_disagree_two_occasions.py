"""Look-alike counts of two occasions: two people's fights or sentences, two candidates' votes,
and counts told by a phrase ("took part") against a light verb's count."""

from __future__ import annotations

from two_reports import found as verdicts_of, two_reports


def test_rounds_of_two_fights_are_no_conflict(tmp_path):
    # each report names an opponent the other never mentions: two fights of one champion
    corpus = two_reports(tmp_path,
                         "Marek Voss easily set aside the challenge of Dario Pell, stopping the "
                         "former champion in seven rounds on Saturday in Hamburg.",
                         "Marek Voss retains his titles, stopping Lonnie Pratt in six rounds.")
    assert not any(v == "conflict" for v, _ in verdicts_of(corpus))


def test_rounds_of_one_fight_still_conflict(tmp_path):
    corpus = two_reports(tmp_path,
                         "Marek Voss stopped Dario Pell in seven rounds on Saturday in Hamburg.",
                         "Marek Voss retains his titles, stopping Dario Pell in six rounds.")
    assert any(v == "conflict" for v, _ in verdicts_of(corpus))


def test_votes_won_by_two_candidates_are_no_conflict(tmp_path):
    # both sentences name both candidates; each count is won by another one
    corpus = two_reports(tmp_path,
                         "In Tuesday's ballot Anton Varik won 30 votes, well short of Taavi Helm.",
                         "In Tuesday's ballot Taavi Helm won 47 votes against his rival Anton "
                         "Varik.")
    assert not any(v == "conflict" for v, _ in verdicts_of(corpus))


def test_votes_of_one_candidate_still_conflict(tmp_path):
    corpus = two_reports(tmp_path,
                         "In Tuesday's ballot Anton Varik won 30 votes, well short of Taavi Helm.",
                         "In Tuesday's ballot Anton Varik won 47 votes against his rival Taavi "
                         "Helm.")
    assert any(v == "conflict" for v, _ in verdicts_of(corpus))


def test_members_who_took_part_are_not_members_who_benefited(tmp_path):
    # "took part" is a verb of its own, not the light "take" that may carry any happening
    corpus = two_reports(tmp_path,
                         "Scholarship money benefited relatives of six IOC members, the report "
                         "said.",
                         "Eighty-eight IOC members took part in a secret vote in 1991 to pick the "
                         "host city.")
    assert not any(v == "conflict" for v, _ in verdicts_of(corpus))


def test_children_measured_and_children_of_another_study_are_two_counts(tmp_path):
    # "measured" sizes nothing here: it is what a survey did to the children it counts
    corpus = two_reports(tmp_path,
                         "Aid workers measured the weight and height of 1,900 children in "
                         "Kordavia for a malnutrition survey.",
                         "An earlier malnutrition survey by aid workers, conducted on 3,000 "
                         "children in Kordavia, found a third underweight.")
    assert not any(v == "conflict" for v, _ in verdicts_of(corpus))


STRIKE_CALLED = ("Union leaders in Marseille called on Tuesday for a two-hour strike to protest "
                 "the closure of the dockyard.")
STRIKE_ENDED = "Dockers in Marseille went back to work at the end of a four-hour strike."


def test_lengths_of_strikes_told_on_two_days_are_two_strikes(tmp_path: Path):
    c = two_reports(tmp_path, STRIKE_CALLED, STRIKE_ENDED, ("1997-03-04", "1997-03-06"))
    assert not any(v == "conflict" for v, _ in verdicts_of(c))


def test_lengths_of_one_strike_told_the_same_day_conflict(tmp_path: Path):
    c = two_reports(tmp_path, STRIKE_CALLED.replace(" on Tuesday", ""),
                    STRIKE_ENDED.replace(" on Thursday", ""), ("1997-03-06", "1997-03-06"))
    assert ("conflict", ["four-hour", "two-hour"]) in verdicts_of(c)
