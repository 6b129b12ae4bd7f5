"""One happening has one weekday: two reports that name two weekdays for it disagree, whenever
each was written, and two reports naming the same weekday agree even with no publication date."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.claims import extract_claims
from storyline.claims.dates import weekday_named
from storyline.corpus import read_corpus
from storyline.disagree import VERDICTS, find_disagreements
from storyline.disagree.align import same_entity

LEAD = "The actress has struggled with alcohol for years, her friends say. "


def corpus(tmp_path: Path, a: str, b: str):
    paths = []
    for name, body in (("wire-a", a), ("paper-b", b)):
        p = tmp_path / f"{name}.jsonl"
        row = {"id": name, "title": "Actress in rehab", "source": name, "text": LEAD + body}
        p.write_text(json.dumps(row) + "\n", encoding="utf-8")
        paths.append(p)
    return read_corpus(paths)


def dates(c):
    return [(d.verdict, sorted(s.value for s in d.sides))
            for d in find_disagreements(c, verdicts=VERDICTS) if d.kind == "date"]


def test_two_weekdays_for_one_check_in_conflict_in_undated_reports(tmp_path):
    c = corpus(tmp_path,
               "Actress Mara Quell checked into the Seaview Recovery Center on Friday, her "
               "publicist said.",
               "Mara Quell has entered the Malibu Seaview Recovery Center on Tuesday, her "
               "representative told reporters.")
    assert dates(c) == [("conflict", ["Friday", "Tuesday"])]


def test_the_same_weekday_agrees(tmp_path):
    c = corpus(tmp_path,
               "Actress Mara Quell checked into the Seaview Recovery Center on Friday, her "
               "publicist said.",
               "Mara Quell has entered the Malibu Seaview Recovery Center on Friday, her "
               "representative told reporters.")
    assert dates(c) == [("agree", ["Friday", "Friday"])]


def test_a_written_date_gives_its_weekday(tmp_path):
    c = corpus(tmp_path,
               "Actress Mara Quell checked into the Seaview Recovery Center on Friday, her "
               "publicist said.",
               "Mara Quell checked herself into the Seaview Recovery Center on Tuesday, "
               "December 9, 2008, her representative told reporters.")
    assert dates(c) == [("conflict", ["Friday", "Tuesday, December 9, 2008"])]


def test_weekday_names():
    assert [weekday_named(t) for t in ("Friday", "late Thursday", "Tues.", "Saturn", "Sat.",
                                       "Friday and Saturday", "about 1:30 a.m. Sunday")] == \
        [4, 3, 1, None, 5, None, 6]


def test_an_entity_named_more_fully_is_the_same_entity():
    assert same_entity("ORG:seaview-recovery-center", "ORG:malibu-seaview-recovery-center")
    assert not same_entity("ORG:seaview-recovery-center", "GPE:malibu-seaview-recovery-center")
    assert not same_entity("PERSON:john-smith", "PERSON:smithson")


def numbers(c):
    return [(d.verdict, sorted(s.value for s in d.sides))
            for d in find_disagreements(c, verdicts=VERDICTS) if d.kind == "number"]


def test_all_but_counts_the_rest(tmp_path):
    # twelve released of seventeen and "all but five released" agree; five is no release count
    c = corpus(tmp_path,
               "Police detained 17 of her supporters last week. By Tuesday, 12 had been released.",
               "All but five of the supporters detained by police have been released.")
    assert ("conflict", ["12", "five"]) not in numbers(c)



def test_spans_of_time_sizing_one_thing_are_compared(tmp_path):
    c = corpus(tmp_path,
               "Mara Quell checked into the Seaview Recovery Center to begin a 30-day program.",
               "Mara Quell checked into the Seaview Recovery Center to begin a 90-day program.")
    assert numbers(c) == [("conflict", ["30-day", "90-day"])]
    # a program completed and a stint begun are two things
    c = corpus(tmp_path,
               "Mara Quell has checked out of the Seaview Recovery Center after completing a "
               "30-day program.",
               "Mara Quell checked into the Seaview Recovery Center to begin a 90-day stint, her "
               "lawyer said.")
    assert numbers(c) == []


GAME = "Tyler Vance broke the school's all-time scoring record in the tournament opener. "


def test_game_clocks_of_one_play_are_compared(tmp_path):
    c = corpus(tmp_path,
               GAME + "Vance set the record with a bank shot over two defenders with 7 minutes "
               "41 seconds to go in the first half.",
               GAME + "Vance moved into the top spot with a leaner in the lane with 7:42 left in "
               "the first half.")
    claims = [x for x in extract_claims(c) if x.unit == "clock"]
    assert sorted((x.text, x.value) for x in claims) == [("7 minutes 41 seconds", 461.0),
                                                           ("7:42", 462.0)]
    assert numbers(c) == [("conflict", ["7 minutes 41 seconds", "7:42"])]


def test_a_death_named_before_its_weekday_is_dated(tmp_path):
    c = corpus(tmp_path,
               "Former agent Mark Vell, the informant known as Whisper, died on Friday.",
               "Mark Vell suffered from heart failure but the cause of his death at home on "
               "Thursday was not immediately known, a local newspaper said.")
    assert dates(c) == [("conflict", ["Friday", "Thursday"])]


def test_the_ends_of_a_period_are_not_event_dates(tmp_path):
    c = corpus(tmp_path,
               GAME + "The basket broke the mark that guard Phil Lord set from 1974 to 1978.",
               GAME + "Phil Lord's school mark, set in 1978, held for three decades.")
    assert all(v != "conflict" for v, _ in dates(c))


def test_a_name_that_begins_a_longer_one_is_the_same_entity():
    assert same_entity("PERSON:mara-quell-checks", "PERSON:mara-quell")
    assert not same_entity("ORG:bank", "ORG:bank-of-america")  # one word proves nothing


def test_late_and_early_keep_their_weekday(tmp_path):
    c = corpus(tmp_path,
               "Actress Mara Quell finally checked into the Seaview Recovery Center late "
               "Thursday, her lawyer said.",
               "Early Friday morning, the actress Mara Quell checked into the Seaview Recovery "
               "Center.")
    assert dates(c) == [("conflict", ["Early Friday morning", "late Thursday"])]


def test_a_date_of_what_was_felt_needed_is_its_date(tmp_path):
    c = corpus(tmp_path,
               "On Friday, Mara Quell felt she needed to be checked in at the Seaview Recovery "
               "Center.",
               "Mara Quell checked herself into the Seaview Recovery Center on Tuesday.")
    assert dates(c) == [("conflict", ["Friday", "Tuesday"])]


def test_a_fire_that_destroyed_or_ripped_through_one_church_has_one_day(tmp_path):
    c = corpus(tmp_path,
               "Parishioners will worship in a school after a suspicious fire destroyed the "
               "Wasilla Bible Church early Saturday.",
               "Parishioners will worship in a school after a fire ripped through the Wasilla "
               "Bible Church on Friday evening.")
    assert dates(c) == [("conflict", ["Friday evening", "early Saturday"])]


def test_an_attribution_after_the_date_leaves_it_to_the_event(tmp_path):
    c = corpus(tmp_path,
               "Former agent Mark Vell, the informant known as Whisper, died on Friday.",
               "Mark Vell died at his home in Santa Rosa, California, Thursday, the local "
               "newspaper reported.")
    assert dates(c) == [("conflict", ["Friday", "Thursday"])]


def test_people_of_an_age_are_no_span_of_time(tmp_path):
    # "5-year-olds" are children of an age, not a five-year period sizing anything
    c = corpus(tmp_path,
               "A generation of children is stunted, with 10-year-olds looking like 6-year-olds.",
               "Thirty percent of 1-year-olds suffered from moderate to severe malnutrition.")
    assert not [x for x in extract_claims(c) if x.unit == "years"]
    assert not any(v == "conflict" for v, _ in numbers(c))
