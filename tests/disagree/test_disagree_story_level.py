"""Look-alikes a whole story holds that are no disagreement: two people's ages, a next meeting, an
increment and a whole, each report's own "yesterday", two towns of one state, a reach and a
place, two companies' earnings, a group's make-up, one length in nautical miles and km."""

from __future__ import annotations

from pathlib import Path

from two_reports import found, two_reports


def verdicts(tmp_path: Path, a: tuple[str | None, str], b: tuple[str | None, str],
             kind: str = "number") -> list[tuple[str, list[str]]]:
    """Verdicts on two reports given as (publication day, text)."""
    return found(two_reports(tmp_path, a[1], b[1], (a[0], b[0])), kind)


def conflicts(got: list[tuple[str, list[str]]]) -> list[list[str]]:
    return [sides for v, sides in got if v == "conflict"]


def test_two_ages_years_apart_are_two_people(tmp_path):
    got = verdicts(tmp_path,
                   ("2000-03-30", "In Havana, Marta Quintero, 41, said the boy should go home."),
                   ("2000-06-01", "The ruling on the 7-year-old boy from Havana came on Thursday."))
    assert conflicts(got) == []


def test_ages_a_year_apart_of_one_person_still_conflict(tmp_path):
    got = verdicts(tmp_path,
                   (None, "Police in Dunmore arrested Ellen Marsh, 60, on Friday."),
                   (None, "Dunmore police on Friday arrested a 61-year-old woman."))
    assert conflicts(got) == [["61-year-old", "60"]] or conflicts(got) == [["60", "61-year-old"]]


def test_a_plan_to_meet_again_is_no_date_for_a_meeting_held(tmp_path):
    got = verdicts(tmp_path,
                   ("1996-08-28", "Talks with the premier fell through on Tuesday, and Ivan "
                                  "Petrov's aide said Petrov may meet the premier on Wednesday."),
                   ("1996-08-28", "Ivan Petrov, who met the army chief on Tuesday to discuss the "
                                  "truce, wants talks with the premier."),
                   "date")
    assert conflicts(got) == []


def test_an_increment_is_not_the_whole(tmp_path):
    got = verdicts(tmp_path,
                   (None, "Engineers fired the engines to add an extra four miles of clearance "
                          "between the station and the debris."),
                   (None, "Trackers said the station would pass within 2.5 miles of the debris."))
    assert conflicts(got) == []


def test_each_report_dates_a_market_move_from_its_own_day(tmp_path):
    got = verdicts(tmp_path,
                   ("1989-10-27", "More than 1,000 stocks on the Lisbon Stock Exchange fell "
                                  "yesterday."),
                   ("1989-10-26", "Kestrel shares fell 40 escudos on the Lisbon Stock Exchange "
                                  "yesterday."),
                   "date")
    assert conflicts(got) == []


def test_two_towns_of_one_state_are_two_places(tmp_path):
    got = verdicts(tmp_path,
                   (None, "Mia Lorne checked into the Desert Clinic in Palm Springs, Calif., "
                          "early on Friday, her agent said."),
                   (None, "Mia Lorne walked out of a clinic in Fresno, Calif., an hour after "
                          "checking in on Thursday, and drove to the Desert Clinic."),
                   "date")
    assert conflicts(got) == []


def test_how_far_something_reaches_is_no_place(tmp_path):
    got = verdicts(tmp_path,
                   (None, "Gale-force winds extended 80 miles from the eye of the storm."),
                   (None, "At noon the storm lay 70 miles north of Belize, forecasters said."))
    assert conflicts(got) == []


def test_two_companies_earnings_are_two_figures(tmp_path):
    got = verdicts(tmp_path,
                   ("1989-11-02", "Halvorsen's health insurance unit posted earnings of $31 "
                                  "million for the quarter."),
                   ("1989-10-30", "Brightwater's health insurance division posted a profit of "
                                  "$88 million for the quarter."))
    assert conflicts(got) == []


def test_a_groups_make_up_is_no_count_of_what_happened(tmp_path):
    got = verdicts(tmp_path,
                   (None, "Half of the 80-boat fleet were driven out of the regatta by the "
                          "storm."),
                   (None, "The storm drove 23 boats out of the regatta."))
    assert conflicts(got) == []


def test_nautical_miles_and_kilometres_of_one_race_agree(tmp_path):
    got = verdicts(tmp_path,
                   (None, "Nine boats have retired from the 350-nautical-mile race."),
                   (None, "Nine boats have been forced out of the 648-kilometer race."))
    assert conflicts(got) == []
    assert any(sides == ["350", "648"] for _, sides in got)
