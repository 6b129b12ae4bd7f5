"""A war or a campaign holds many incidents: casualties told by two means, a whole war's toll and
one attack's, casualties dated weeks after another report, and two statements' breakdowns by
province are no counts of one thing told twice."""

from __future__ import annotations

from two_reports import found as verdicts_of, two_reports

MINE = ("Four people, including a police officer, died when a mine laid by the insurgents "
        "exploded under their van on a mountain road, the agency said.")


def _alarms(corpus) -> list[str]:
    return [v for v, _ in verdicts_of(corpus) if v in ("conflict", "update")]


def test_casualties_by_two_means_are_two_incidents(tmp_path):
    corpus = two_reports(tmp_path,
                         "Insurgents killed three people after halting a lorry at a "
                         "roadblock in the north, officials said.", MINE,
                         published=("2025-03-10", "2025-03-07"))
    assert not _alarms(corpus)


def test_casualties_by_one_means_still_conflict(tmp_path):
    corpus = two_reports(tmp_path,
                         "Three people died when a mine laid by the insurgents exploded under "
                         "their van on a mountain road, officials said.", MINE,
                         published=("2025-03-10", "2025-03-07"))
    assert "conflict" in _alarms(corpus)


def test_a_headline_takes_the_means_of_its_lead(tmp_path):
    # the headline names no means; the lead below, giving its figure, does
    corpus = two_reports(tmp_path,
                         "Insurgents kill three people on a mountain road.\n\nInsurgents killed "
                         "three people after halting a lorry at a roadblock on a mountain road, "
                         "officials said.", MINE, published=("2025-03-10", "2025-03-07"))
    assert not _alarms(corpus)


WAR = ("An estimated 40,000 people have been killed in fighting between the insurgents and the "
       "army since early 1991, officials said.")
ATTACK = "Officials said 14 people had been killed by the insurgents in the attack."


def test_a_whole_wars_toll_is_no_toll_of_one_attack(tmp_path):
    corpus = two_reports(tmp_path, WAR, ATTACK, published=("2025-03-07", "2025-03-10"))
    assert not _alarms(corpus)


def test_a_toll_without_its_war_span_still_disagrees(tmp_path):
    corpus = two_reports(tmp_path, WAR.replace(" since early 1991", ""), ATTACK,
                         published=("2025-03-07", "2025-03-10"))
    assert _alarms(corpus)


LATER = "Three people were killed on Friday in a shooting in the city, police said."
EARLIER = "Gunmen killed two people in a shooting in the city, police said."


def test_casualties_dated_weeks_after_a_report_are_another_incident(tmp_path):
    corpus = two_reports(tmp_path, EARLIER, LATER, published=("2025-03-04", "2025-06-13"))
    assert not _alarms(corpus)


def test_casualties_dated_the_day_of_an_undated_report_still_conflict(tmp_path):
    corpus = two_reports(tmp_path, EARLIER, LATER, published=("2025-06-13", "2025-06-13"))
    assert _alarms(corpus)


FIRST = ("Troops have killed 12 insurgents in recent clashes, the army said on Friday. Five of "
         "the insurgents were killed in Herat province, four in Kandahar and three in Helmand.")
SECOND = ("Troops killed 20 insurgents in recent clashes, the army said on Wednesday. Nine "
          "insurgents were killed in Kunduz province, six in Kandahar and five in Helmand.")


def test_two_statements_breakdowns_by_province_are_two_batches(tmp_path):
    corpus = two_reports(tmp_path, FIRST, SECOND, published=("2025-03-07", "2025-03-12"))
    assert not _alarms(corpus)


def test_one_breakdown_revised_is_still_an_update(tmp_path):
    corpus = two_reports(tmp_path, FIRST, SECOND.replace("Kunduz", "Herat"),
                         published=("2025-03-07", "2025-03-12"))
    assert _alarms(corpus)


def test_a_possessive_date_dates_its_noun_not_the_verb(tmp_path):
    corpus = two_reports(tmp_path,
                         "The steelworkers' union demanded payment of unpaid wages and last "
                         "year's bonus pay from the steel plant's director.",
                         "On Wednesday, the steelworkers' union demanded the resignation of the "
                         "steel plant's director.", published=("2025-03-10", "2025-03-13"))
    assert not [v for v, _ in verdicts_of(corpus, "date") if v in ("conflict", "update")]


def test_one_provinces_share_is_no_count_told_elsewhere(tmp_path):
    # the later report's six are placed nowhere: no share of the breakdown's provinces (and its
    # bomb is no clash, which keeps it from the breakdown's total)
    corpus = two_reports(tmp_path, FIRST,
                         "Six insurgents were killed when a bomb they were making exploded in a "
                         "hideout, officials said.", published=("2025-03-07", "2025-03-12"))
    assert not _alarms(corpus)
