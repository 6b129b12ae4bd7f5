"""Look-alike claims of two happenings are not compared: a deal signed on Thursday in that
Thursday's report and one signed on Saturday in a report nine days later are two deals; a plan
("will meet on Tuesday", "expected to draw 10,000") is not contradicted by what then happened."""

from __future__ import annotations

from pathlib import Path

from storyline.claims.extract import _LABEL_BEFORE
from storyline.claims.modality import planned_at
from storyline.claims.parse import parse

from two_reports import found as verdicts_of, two_reports


def found(tmp_path: Path, a: tuple[str, str], b: tuple[str, str], kind: str = "date"):
    """Verdicts on two reports given as (publication day, text)."""
    return verdicts_of(two_reports(tmp_path, a[1], b[1], (a[0], b[0]), "Ostrava talks"), kind)


def planned(sentence: str, value: str) -> bool:
    doc = parse([sentence])[0]
    start = sentence.index(value)
    return planned_at(doc, start, start + len(value))


def test_plans_and_forecasts_are_told_apart_from_facts():
    assert planned("The envoy plans to meet rebel leaders on Tuesday.", "Tuesday")
    assert planned("The men would appear in court on Saturday, police said.", "Saturday")
    assert planned("The games are expected to attract more than 10,000 athletes.", "10,000")
    assert planned("Ostrava to host the summit in 2014", "2014")
    assert planned("The exchange is to resume trading on Tuesday.", "Tuesday")
    assert planned("If a player made $20 million, the team would pay into a fund.", "$20 million")
    assert planned("His spokesman said he might meet the president on Tuesday.", "Tuesday")
    assert planned("The speaker had foreseen gains of 10 seats or more.", "10")
    # the count's own clause decides, not the verb that mentions the people counted
    assert not planned("The warrant could be broadened to include some 3,000 people who were "
                       "killed during his rule.", "3,000")
    assert not planned("The envoy met rebel leaders on Tuesday.", "Tuesday")
    assert not planned("More than 10,000 athletes took part in the games.", "10,000")


def test_a_day_after_the_other_report_was_published_is_another_occurrence(tmp_path):
    got = found(tmp_path,
                ("1996-08-22", "The envoy and the rebel commander signed a truce on Thursday in "
                               "Ostrava."),
                ("1996-08-31", "The envoy and the rebel commander signed a truce in the early "
                               "hours of Saturday in Ostrava."))
    assert not any(v == "conflict" for v, _ in got)


def test_two_days_for_one_signing_told_later_still_conflict(tmp_path):
    got = found(tmp_path,
                ("1996-08-23", "The envoy and the rebel commander signed a truce on Thursday in "
                               "Ostrava."),
                ("1996-08-24", "The envoy and the rebel commander signed a truce on Tuesday in "
                               "Ostrava."))
    assert ("conflict", ["Thursday", "Tuesday"]) in got


def test_a_plan_is_not_contradicted_by_a_later_day(tmp_path):
    got = found(tmp_path,
                ("1998-03-02", "The envoy will meet the rebel commander in Ostrava on Tuesday."),
                ("1998-03-12", "The envoy met the rebel commander in Ostrava on Wednesday."))
    assert not any(v == "conflict" for v, _ in got)


def test_a_plan_that_its_report_should_have_known_was_done_conflicts(tmp_path):
    got = found(tmp_path,
                ("2000-04-06", "The envoy made the decision to travel to Ostrava on Thursday."),
                ("2000-06-01", "The envoy arrived in Ostrava on April 2 and stayed a week."))
    assert ("conflict", ["April 2", "Thursday"]) in got


def test_a_share_is_of_the_thing_the_sentence_names(tmp_path):
    got = found(tmp_path,
                ("1989-10-30", "Ostrava Insurance said earnings from its property lines fell 59% "
                               "in the quarter."),
                ("1989-10-30", "Ostrava Insurance said profit for its life division fell 30% in "
                               "the quarter."), kind="number")
    assert not any(v == "conflict" for v, _ in got)
    got = found(tmp_path,
                ("1989-10-30", "Ostrava Insurance said earnings from its property lines fell 59% "
                               "in the quarter."),
                ("1989-10-30", "Ostrava Insurance said earnings from its property lines fell 30% "
                               "in the quarter."), kind="number")
    assert ("conflict", ["30%", "59%"]) in got


def test_two_people_fired_on_two_days_are_two_firings(tmp_path):
    got = found(tmp_path,
                ("2008-11-03", "The Ostrava Lions fired coach Maurice Cheeks on Saturday."),
                ("2008-11-03", "The Ostrava Lions fired coach Jim Brennan on Monday."))
    assert not any(v == "conflict" for v, _ in got)
    got = found(tmp_path,
                ("2008-11-03", "The Ostrava Lions fired coach Maurice Cheeks on Saturday."),
                ("2008-11-03", "The Ostrava Lions fired coach Maurice Cheeks on Monday."))
    assert any(v == "conflict" for v, _ in got)


def test_a_figure_split_by_a_stray_space_is_no_figure(tmp_path):
    # text rebuilt from tokens: "$2. 6 million" is neither $2 nor 6 million
    got = found(tmp_path,
                ("2009-03-02", "The robbers took jewels worth $2. 6 million from the Ostrava "
                               "store."),
                ("2009-03-02", "The robbers took jewels worth $9 million from the Ostrava store."),
                kind="number")
    assert not any(v == "conflict" for v, _ in got)


def no_conflict(tmp_path, a: str, b: str, day: str = "1998-11-02") -> bool:
    return not any(v == "conflict" for v, _ in found(tmp_path, (day, a), (day, b), kind="number"))


def test_figures_of_two_measured_things_are_not_set_against_each_other(tmp_path):
    # two parts of one whole
    assert no_conflict(tmp_path, "Aid groups said the areas they reach cover 70% of the "
                                 "population.",
                       "Aid groups said they cannot reach counties home to 30% of the population.")
    # a threshold and a result
    assert no_conflict(tmp_path, "Meri won 49 votes in the Ostrava parliament on Tuesday.",
                       "Three votes failed to give Meri the necessary 68 votes in the Ostrava "
                       "parliament.")
    # a count of nothing happening against a count of something that happened
    assert no_conflict(tmp_path, "Unemployment in the 11 nations of the Ostrava union is high.",
                       "Inflation fell in 15 nations of the Ostrava union in November.")
    # two distances told by two verbs, of nothing named
    assert no_conflict(tmp_path, "The yacht rolled in heavy seas about 450 km east of Ostrava.",
                       "Thirty yachts were forced out of the 1,160 km race to Ostrava.")
    # a clock time is no count
    assert no_conflict(tmp_path, "The truce was signed at 1500 GMT in Ostrava.",
                       "The truce took effect at 0800 GMT in Ostrava.")
    # a foreseen range is no result
    assert no_conflict(tmp_path, "Gingrich had foreseen gains ranging from 10 seats to 40 seats "
                                 "in the Ostrava house.",
                       "Republicans suffered a net loss of five seats in the Ostrava house.")


def test_figures_of_one_measured_thing_still_conflict(tmp_path):
    assert not no_conflict(tmp_path, "Meri won 49 votes in the Ostrava parliament on Tuesday.",
                           "Meri won 52 votes in the Ostrava parliament on Tuesday.")
    assert not no_conflict(tmp_path, "Aid groups said the areas they reach cover 70% of the "
                                     "population.",
                           "Aid groups said the areas they reach cover 60% of the population.")


def test_numbers_that_name_or_tell_the_time_are_no_counts(tmp_path):
    assert no_conflict(tmp_path, "Three people were arrested on Route 94 near Ostrava.",
                       "Police arrested one man at 1:30 a.m. near Ostrava.")
    assert no_conflict(tmp_path, "Felt, the number 2 man at the bureau, died in Ostrava.",
                       "Felt died at 95 in Ostrava, his family said.")
    # "number" as a verb is no label
    assert _LABEL_BEFORE.search("He was the number ")
    assert not _LABEL_BEFORE.search("Troops in the region now number ")


def undated(tmp_path: Path, a: str, b: str):
    return [v for v, _ in verdicts_of(two_reports(tmp_path, a, b, title="Ostrava"), "date")]


def test_a_recurring_happening_needs_a_calendar_date_to_be_one(tmp_path):
    assert "conflict" not in undated(
        tmp_path,
        "Ostrasoft released an emergency fix for its browser on Tuesday after hackers attacked "
        "users in three countries.",
        "Security experts praised the company. Ostrasoft released an emergency patch for its web "
        "browser on Wednesday.")
    # a death is once: two weekdays for it in undated reports conflict
    assert "conflict" in undated(
        tmp_path,
        "Mark Ostra, the former spy chief, died at his home in Ostrava on Tuesday, his family "
        "said.",
        "Tributes came from across the country. Former spy chief Mark Ostra died on Wednesday in "
        "Ostrava, a spokesman said.")


def test_look_alikes_of_two_happenings_are_no_update_either(tmp_path):
    # a player's points in one game and another's career record, reported days apart: not one
    # figure that rose
    corpus = two_reports(tmp_path,
                         "Hale scored 20 points in the win over Duke on Saturday, his coach said.",
                         "Ford still holds the school record of 2,290 career points, his coach "
                         "said.", ("1996-08-20", "1996-08-24"))
    assert verdicts_of(corpus) == []


def test_two_players_points_are_two_figures(tmp_path):
    # a player's points are the player's, as an amount is its earner's: not one tally that rose
    corpus = two_reports(tmp_path,
                         "Hale scored 20 points to become the school's all-time scoring leader.",
                         "Ford scored 23 points to become Creighton's all-time scoring leader.",
                         ("1996-08-20", "1996-08-24"))
    assert verdicts_of(corpus) == []
