"""One event told with different verbs ("brought to power", "seized power"; "resume", "opened";
"travel", "arrived") has one date; a bare weekday a week off and a count of days ago one day off
are the resolver's reading, not a second date."""

from __future__ import annotations

from pathlib import Path

from storyline.claims.dates import TAKE_POWER
from storyline.claims.pronouns import fuller_name
from storyline.claims.records import Claim
from storyline.disagree.verdict import compare_dates
from storyline.records import Mention

from two_reports import event_of, found as verdicts_of, two_reports


def dates(tmp_path: Path, a: tuple[str, str], b: tuple[str, str]) -> list[tuple[str, list[str]]]:
    """Verdicts on the dates of two reports given as (publication day, text)."""
    return verdicts_of(two_reports(tmp_path, a[1], b[1], (a[0], b[0]), "Republic of Ostrava"),
                       "date")


def test_coming_to_power_is_one_event_whatever_the_verb():
    assert event_of("Crowds rallied in the biggest gathering since the revolt that brought "
                    "President Arno Vask to power 31 years ago.", "31 years ago") == TAKE_POWER
    assert event_of("Arno Vask was swept to power in 1970.", "1970") == TAKE_POWER
    assert event_of("General Arno Vask seized power in 1970.", "1970") == TAKE_POWER
    assert event_of("General Arno Vask lost power in 1990.", "1990") != TAKE_POWER


def test_two_years_for_one_coming_to_power_conflict(tmp_path):
    got = dates(tmp_path,
                ("2001-01-15", "Crowds rallied in Prague on Sunday in the biggest gathering "
                               "since the triumph of the revolt that brought President Arno Vask "
                               "to power 31 years ago."),
                ("2001-02-16", "Hundreds of veterans of the revolt that brought Arno Vask to "
                               "power 32 years ago gathered in Lisbon on Wednesday night."))
    assert ("conflict", ["31 years ago", "32 years ago"]) in got


def test_trading_that_resumes_opens_again(tmp_path):
    got = dates(tmp_path,
                ("1990-11-01", "Trading in Compagnie Ravel shares reopened in Paris on Monday, "
                               "brokers said."),
                ("1990-11-01", "Compagnie Ravel, which had been traded only in London, resumed "
                               "trading in Paris Tuesday, sources said."))
    assert ("conflict", ["Monday", "Tuesday"]) in got


def test_a_schedule_is_not_contradicted_by_a_later_day(tmp_path):
    # "is to resume trading Tuesday" is a schedule told on the 27th; trading that opened on a
    # later Monday is what happened after it, not a second account of one day
    got = dates(tmp_path,
                ("1990-11-06", "Shares of Compagnie Ravel rose sharply as soon as trading opened "
                               "Monday in Paris."),
                ("1990-10-27", "Compagnie Ravel, which is being traded in London, is to resume "
                               "trading in Paris Tuesday, sources said."))
    assert not any(label == "conflict" for label, _ in got)


def test_the_day_one_travels_is_the_day_one_arrives(tmp_path):
    got = dates(tmp_path,
                ("2000-04-05", "His lawyer said Tomas Brel would travel to Canada on Thursday "
                               "with his wife."),
                ("2000-06-01", "Tomas Brel arrived in Canada April 2 and has not left since."))
    assert ("conflict", ["April 2", "Thursday"]) in got


def claim(text: str, value: str, weekday: int | None = None) -> Claim:
    return Claim(kind="date", article_id="x", start=0, end=len(text), text=text, sentence_start=0,
                 sentence_end=len(text), what="appear", date=value, weekday=weekday)


def test_a_bare_weekday_a_week_off_is_the_same_day():
    # "would appear in court on Saturday" in a Friday report, read as the Saturday before it
    assert compare_dates(claim("Saturday", "1996-08-24", 5),
                         claim("Saturday", "1996-08-31", 5)).label == "agree"
    # "last Saturday" says which Saturday; eleven days ago is another one
    assert compare_dates(claim("last Saturday", "1996-08-24", 5),
                         claim("11 days ago", "1996-08-17")).label == "conflict"
    assert compare_dates(claim("Saturday", "1996-08-24", 5),
                         claim("Saturday", "1996-08-10", 5)).label == "conflict"


def test_days_ago_may_count_the_day_of_the_report():
    assert compare_dates(claim("three days ago", "1996-08-28"),
                         claim("Thursday", "1996-08-29", 3)).label == "compatible"
    assert compare_dates(claim("three days ago", "1996-08-28"),
                         claim("Friday", "1996-08-30", 4)).label == "conflict"


def test_he_is_the_person_named_before(tmp_path):
    got = dates(tmp_path,
                ("2000-04-17", "Tomas Brel, a retired pilot, met his lawyers in Ottawa on Sunday. "
                               "Brel said he had not seen the tape. He has spoken with his son "
                               "twice since he arrived on April 6, and he insisted the boy wants "
                               "to go home."),
                ("2000-06-01", "Prosecutors dropped the charges on Tuesday. The pilot Tomas Brel "
                               "landed April 2, officials said."))
    assert ("conflict", ["April 2", "April 6"]) in got


def test_a_surname_is_the_person_last_named_in_full_with_it():
    def person(text: str, start: int, entity: str) -> Mention:
        return Mention("x", start, start + len(text), text, "PERSON", entity)

    people = [person("Lina Brel", 0, "PERSON:lina-brel"),
              person("Tomas Brel", 50, "PERSON:tomas-brel"),
              person("Brel", 90, "PERSON:brel"), person("Ada Brel", 120, "PERSON:ada-brel")]
    assert fuller_name(people[2], people) == "PERSON:tomas-brel"
    assert fuller_name(people[1], people) == "PERSON:tomas-brel"


def test_the_slaying_is_of_the_person_whose_death_was_told_before(tmp_path):
    got = dates(tmp_path,
                ("1999-10-24", "Dr. Jon Vell was killed on Oct. 23, 1999 by a sniper hiding in "
                               "his yard."),
                ("1999-05-06", "\"We believe this man, Mark Dorn, is responsible for the death of "
                               "Dr. Jon Vell,\" an agent said. Police have been searching for "
                               "Dorn since shortly after the Oct. 23 slaying."))
    # told as past in May 1999, the Oct. 23 slaying is of 1998
    assert ("conflict", ["Oct. 23", "Oct. 23, 1999"]) in got
