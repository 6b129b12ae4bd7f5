"""Figures two reports give of one thing, worded far apart: a prize's value written into a plan,
a count of two fates together, troops counted by "they now number", two estimates that only
touch at the edges of their slack, and days whose year was only guessed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from two_reports import found, two_reports

from storyline.claims import extract_claims
from storyline.claims.context import context_date
from storyline.claims.records import Claim
from storyline.corpus import Corpus
from storyline.disagree.align import _dates_clash
from storyline.disagree.settings import DisagreeSettings
from storyline.disagree.verdict import compare_numbers
from storyline.records import TimeExpr


def _numbers(corpus: Corpus) -> list[Claim]:
    return [c for c in extract_claims(corpus) if c.kind == "number"]


def test_a_prize_value_written_into_a_plan_is_a_fact(tmp_path: Path) -> None:
    # wire copy writes the currency first ("dlrs 512,000"), and "will collect the ... prize"
    # plans the collecting, not the prize's value
    c = two_reports(
        tmp_path,
        "Ms. Varga will collect the dlrs 512,000 prize in Oslo on Nov. 3.",
        "Ms. Varga will collect her Halvorsen Prize, worth the equivalent of $498,000 this year, "
        "during a banquet in Oslo on Nov. 3.",
        published=("1997-10-02", "1997-10-02"))
    first = next(x for x in _numbers(c) if x.article_id == "wire-a")
    assert (first.head, first.event, first.planned) == ("prize", None, False)
    assert found(c) == [("conflict", ["$498,000", "512,000"])]


def test_a_value_of_a_thing_not_yet_made_stays_planned(tmp_path: Path) -> None:
    c = two_reports(tmp_path, "The firm will sign a $50 million deal with the port on Monday.",
                    "The firm signed a deal with the port.", published=("1997-10-02", None))
    deal = next(x for x in _numbers(c) if x.article_id == "wire-a")
    assert deal.planned


def test_two_counts_of_the_same_two_fates_are_one_measure(tmp_path: Path) -> None:
    c = two_reports(
        tmp_path,
        "The inquiry may cover roughly 2,000 people who were killed or disappeared in the civil "
        "war.",
        "A commission found that 3,150 dissidents died or disappeared while the generals ruled.")
    assert {x.joined for x in _numbers(c)} == {"missing"}
    assert found(c) == [("conflict", ["3,150", "roughly 2,000"])]


def test_two_verbs_with_their_own_counts_join_nothing(tmp_path: Path) -> None:
    c = two_reports(tmp_path, "A truck bomb outside the depot killed 12 people and wounded about "
                    "80 others.", "The depot was closed.")
    assert [(x.text, x.joined) for x in _numbers(c)] == [("12", None), ("about 80", None)]


SOLDIERS = ("Aid convoys are waiting on the border. The alliance means to face an estimated "
            "90,000 Ruritanian soldiers now massed in the northern province.")
FORCES = ("In the capital, a ministry spokesman said Ruritania keeps sending more armed forces "
          "into the northern province and they now number about 70,000.")


def test_they_now_number_counts_the_troops_named_before(tmp_path: Path) -> None:
    c = two_reports(tmp_path, SOLDIERS, FORCES, published=("1990-08-15", "1990-08-16"))
    forces = next(x for x in _numbers(c) if x.article_id == "paper-b")
    assert (forces.head, forces.event, forces.modifiers) == ("troop", "number", ["armed"])
    assert found(c) == [("conflict", ["about 70,000", "an estimated 90,000"])]


def _estimate(text: str, value: float, low: float, high: float, approx: str) -> Claim:
    return Claim(kind="number", article_id=text, start=0, end=len(text), text=text,
                 sentence_start=0, sentence_end=len(text), what="troops", low=low, high=high,
                 value=value, approx=approx, head="troop")


def test_two_estimates_each_outside_the_other_are_two_figures() -> None:
    settings = DisagreeSettings()
    a = _estimate("an estimated 90,000", 90_000, 76_500, 103_500, "an estimated")
    b = _estimate("about 70,000", 70_000, 63_000, 77_000, "about")
    assert compare_numbers(a, b, None, None, settings).label == "conflict"
    # "about 50" and "about 56": nearer than "about" stretches, one figure told loosely
    c = _estimate("about 50", 50, 45, 55, "about")
    d = _estimate("about 56", 56, 50.4, 61.6, "about")
    assert compare_numbers(c, d, None, None, settings).label == "compatible"
    # one distance in two units: compared in metres, the two middles meet
    km = replace(_estimate("about 450", 450, 405, 495, "about"), unit="km")
    miles = replace(_estimate("about 280", 280, 252, 308, "about"), unit="mi")
    assert compare_numbers(km, miles, None, None, settings).label == "compatible"


def _timex(text: str, value: str) -> TimeExpr:
    return TimeExpr(start=0, end=len(text), text=text, type="DATE", value=value)


def test_a_guessed_year_is_dropped_from_a_written_day() -> None:
    assert context_date(_timex("Nov. 3", "1991-11-03"), dct_given=False) == "XXXX-11-03"
    assert context_date(_timex("Nov. 3", "1991-11-03"), dct_given=True) == "1991-11-03"
    # a relative day stays where the guess put it; a written year is no guess
    assert context_date(_timex("six days ago", "1991-10-28"), dct_given=False) == "1991-10-28"
    assert context_date(_timex("Nov. 3, 1991", "1991-11-03"), dct_given=False) == "1991-11-03"


def _dated(*dates: str) -> Claim:
    return Claim(kind="number", article_id="x", start=0, end=1, text="1", sentence_start=0,
                 sentence_end=1, what="prize", dates=list(dates))


def test_days_of_no_known_year_are_compared_by_month_and_day() -> None:
    assert not _dates_clash(_dated("XXXX-11-03"), _dated("1997", "XXXX-11-03"))
    assert _dates_clash(_dated("XXXX-11-03"), _dated("XXXX-10-21"))
    # against a resolved date a day of no known year says nothing
    assert not _dates_clash(_dated("XXXX-11-03"), _dated("2004-11-02"))
