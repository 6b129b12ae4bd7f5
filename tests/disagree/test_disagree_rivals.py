"""An article that gives two sources' figures for one count ("the army said six were wounded ...
But the Daily Courier said the bomb wounded 20"): another report agreeing with one of them is
compared with the other too."""

from __future__ import annotations

from pathlib import Path

from two_reports import found as numbers, two_reports


def corpus(tmp_path: Path, a: str, b: str):
    return two_reports(tmp_path, a, b, ("2012-09-14", "2012-09-14"), "Bomb")


WIRE = ("A bomb exploded in a cafe in the port town of Lindow late on Thursday. The army said "
        "six other people were injured in the blast.")


def test_a_figure_is_compared_with_both_sources_of_another_report(tmp_path):
    b = ("A bomb ripped through a cafe in Lindow late on Thursday, and the army said in a "
         "statement that six people were wounded. But the Daily Courier newspaper, quoting "
         "witnesses, said the bomb wounded 20.")
    found = numbers(corpus(tmp_path, WIRE, b))
    assert any(v == "conflict" and "20" in sides for v, sides in found), found


def test_two_figures_with_no_two_sources_are_two_counts(tmp_path):
    b = ("A bomb ripped through a cafe in Lindow late on Thursday, and six people were wounded. "
         "Another bomb went off near the cafe in Lindow hours later and wounded 20.")
    found = numbers(corpus(tmp_path, WIRE, b))
    assert not any(v == "conflict" for v, _ in found), found


def test_two_figures_of_one_sentence_are_two_counts(tmp_path):
    b = ("A bomb ripped through a cafe in Lindow late on Thursday. The army said six people were "
         "wounded at the cafe, and the Daily Courier newspaper said 20 were wounded at the bus "
         "station nearby.")
    found = numbers(corpus(tmp_path, WIRE, b))
    assert not any(v == "conflict" for v, _ in found), found


def test_two_counts_of_votes_near_each_other_are_two_measures(tmp_path):
    a = "Candidate Jaan Tamm won 49 votes in Tuesday's ballot in parliament, officials said."
    b = ("Candidate Jaan Tamm won 49 votes in Tuesday's ballot in parliament, officials said. "
         "Neither Tamm nor his rival has won the 68 votes needed, Speaker Toomas Kask said.")
    found = numbers(corpus(tmp_path, a, b))
    assert not any(v == "conflict" for v, _ in found), found
