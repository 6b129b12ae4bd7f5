"""Look-alike figures that a whole story's coverage holds, told apart: distances between different
places, a headline's figure without its body's hedge, counts of two rallies, and a date that
hangs on the happening before it, not on the sentence's verb."""

from __future__ import annotations

from pathlib import Path

from storyline.claims import extract_claims

from two_reports import event_of, found, two_reports


def test_distances_from_two_named_places_are_two_distances(tmp_path: Path) -> None:
    # how far Sela lies from Dorn and how far it lies from Varka: no figure to disagree on
    c = two_reports(tmp_path,
                    "Militia units seized Sela, a market town 90 km southwest of Dorn, late on "
                    "Monday, their commander said.",
                    "Militia units seized Sela, a market town 130 km southwest of Varka, late on "
                    "Monday, their commander said.", ("2004-03-09", "2004-03-09"))
    assert [x.origin for x in extract_claims(c) if x.unit == "km"] == ["dorn", "varka"]
    assert [v for v, _ in found(c) if v == "conflict"] == []


def test_one_distance_from_one_named_place_still_conflicts(tmp_path: Path) -> None:
    c = two_reports(tmp_path,
                    "Militia units seized Sela, a market town 90 km southwest of Dorn, late on "
                    "Monday, their commander said.",
                    "Militia units seized Sela, a market town 130 km southwest of Dorn, late on "
                    "Monday, their commander said.", ("2004-03-09", "2004-03-09"))
    assert [v for v, _ in found(c)] == ["conflict"]


def test_lengths_far_apart_are_two_lengths(tmp_path: Path) -> None:
    # no outlet makes 6 km of 410: the camp's distance and the base's are two distances
    c = two_reports(tmp_path,
                    "Injured militia members sat on Monday awaiting a flight to a clinic in "
                    "Ostrava Nova, the militia's main base 410 kilometers north.",
                    "Injured militia members sat on Monday beside a dirt landing strip 6 "
                    "kilometers away from the camp.", ("2004-03-09", "2004-03-09"))
    assert [v for v, _ in found(c) if v == "conflict"] == []


def test_lengths_told_loosely_still_conflict(tmp_path: Path) -> None:
    # 140 m against 55 m: far apart, but one fall told two ways
    c = two_reports(tmp_path,
                    "A hiker was killed on Sunday after slipping about 140 metres down a gully "
                    "below the Harlow Pass, rangers said.",
                    "A hiker was killed on Sunday after slipping about 55 metres down a gully "
                    "below the Harlow Pass, rangers said.", ("2015-07-06", "2015-07-06"))
    assert [v for v, _ in found(c)] == ["conflict"]


def test_a_headline_figure_takes_the_hedge_of_its_story(tmp_path: Path) -> None:
    # "27 dead" over "killing at least 27" is at least 27: it allows the other report's 22 or
    # more, as the other's "22 dead" over "at least 22" allows 27
    c = two_reports(tmp_path,
                    "27 dead as ferry capsizes in storm.\nA crowded ferry overturned in a storm "
                    "on Tuesday, killing at least 27 passengers, the coast guard said.",
                    "22 dead in ferry disaster.\nAt least 22 passengers were killed on Tuesday "
                    "when a crowded ferry overturned in a storm, the coast guard said.",
                    ("2009-04-14", "2009-04-14"))
    headlines = [(x.text, x.approx) for x in extract_claims(c) if x.start == 0]
    assert headlines == [("27", "at least"), ("22", "at least")]
    assert [v for v, _ in found(c) if v == "conflict"] == []


def test_a_distance_from_a_named_place_has_that_origin() -> None:
    from storyline.claims.extract import _heading

    assert _heading(" miles (96 kilometers) from the Sorrel Keys, was flooded") == \
        (None, "sorrel keys")
    assert _heading(" km away from Sela, the rebels said") == (None, "sela")
    # where a slide began is no place a distance is counted from
    assert _heading(" metres from a ledge above the lake") == (None, None)


def test_a_town_placed_from_islands_is_no_reach_of_winds(tmp_path: Path) -> None:
    c = two_reports(tmp_path,
                    "Flooding isolated Port Amel, a fishing town of 12,000 that lies 60 miles "
                    "from the Sorrel Keys, as the cyclone approached.",
                    "As the cyclone approached the coast, its strongest winds reached out "
                    "90 miles.", ("2007-09-21", "2007-09-21"))
    assert [v for v, _ in found(c) if v == "conflict"] == []


def test_a_width_written_with_its_unit_hyphened_or_converted_is_a_width(tmp_path: Path) -> None:
    c = two_reports(tmp_path,
                    "On Friday the 300-mile (480-kilometer) wide cyclone turned slowly north.",
                    "On Friday gale-force winds of the cyclone extended 150 miles.",
                    ("2007-09-21", "2007-09-21"))
    widths = [x.modifiers[-1] for x in extract_claims(c) if x.text == "300"]
    assert widths == ["width"]
    assert [v for v, _ in found(c) if v == "conflict"] == []


def test_a_rally_dated_to_another_month_is_another_rally(tmp_path: Path) -> None:
    c = two_reports(tmp_path,
                    "In the capital, tens of thousands of supporters rallied outside the "
                    "parliament on Saturday evening to demand the minister's release.",
                    "The march recalled the huge protests of early October, when hundreds of "
                    "thousands of supporters rallied in the capital for the minister.",
                    ("2011-11-05", "2011-11-12"))
    assert [v for v, _ in found(c) if v == "conflict"] == []


def test_a_date_after_a_shooting_dates_the_shooting() -> None:
    assert event_of("A woman was charged with attempted murder after a shooting outside a "
                    "bowling alley in Leeds Tuesday.", "Tuesday") == "kill"
    assert event_of("A woman was charged with attempted murder Wednesday after a shooting "
                    "outside a bowling alley.", "Wednesday") == "charge"


def test_the_day_of_a_shooting_is_no_day_of_the_charge(tmp_path: Path) -> None:
    c = two_reports(tmp_path,
                    "A woman was charged with attempted murder after a shooting outside a "
                    "bowling alley in Leeds Tuesday.",
                    "A 44-year-old woman was charged with attempted murder Wednesday after "
                    "firing a gun outside a bowling alley in Leeds.",
                    ("2010-02-18", "2010-02-18"))
    assert [v for v, _ in found(c, "date") if v == "conflict"] == []


def test_counts_far_apart_are_two_counts(tmp_path: Path) -> None:
    # one market's turnover and another's: no paper makes 2.4 million shares of 160 million
    c = two_reports(tmp_path,
                    "Grommet stock fell yesterday in heavy trading, on volume of 2,418,300 "
                    "shares.",
                    "Stocks fell yesterday in heavy trading, and volume totaled 160.4 million "
                    "shares.",
                    ("1991-03-08", "1991-03-08"))
    assert [v for v, _ in found(c) if v == "conflict"] == []


def test_counts_told_loosely_still_conflict(tmp_path: Path) -> None:
    c = two_reports(tmp_path,
                    "Police said on Monday that they had arrested 14 protesters outside the "
                    "embassy.",
                    "Police said on Monday that they had arrested 41 protesters outside the "
                    "embassy.", ("1999-05-10", "1999-05-10"))
    assert [v for v, _ in found(c)] == ["conflict"]


def test_a_figure_the_report_could_not_confirm_is_no_claim(tmp_path: Path) -> None:
    c = two_reports(tmp_path,
                    "The agency said it could not confirm reports that scores of villagers had "
                    "been killed in the raid.",
                    "Nine villagers were killed in the raid, the agency said.",
                    ("2001-06-02", "2001-06-02"))
    assert [x.text for x in extract_claims(c) if x.kind == "number"] == ["Nine"]


def test_above_a_figure_is_more_than_it(tmp_path: Path) -> None:
    c = two_reports(tmp_path,
                    "Under the plan, a levy would fall on pay earned above $12 million a year.",
                    "Two stars earned more than $20 million a year under the old rules.",
                    ("2003-01-10", "2003-01-10"))
    amounts = [(x.text, x.approx) for x in extract_claims(c) if x.unit == "USD"]
    assert amounts[0] == ("above $12 million", "above")
