"""Distances as news writes them: converted in parentheses ("12 miles (20 km)"), and with a
compass direction from a named place ("15 miles southeast of Springfield")."""

from __future__ import annotations

from pathlib import Path

from storyline.claims import extract_claims

from two_reports import found as numbers, two_reports


def corpus(tmp_path: Path, a: str, b: str,
           published: tuple[str, str] = ("2011-05-02", "2011-05-03")):
    return two_reports(tmp_path, a, b, published)


TRUCK = ("Deputies searching for the missing driver said his truck was found empty about {n} "
         "from the ranch where he was last seen.")


def test_a_converted_length_is_one_figure_with_its_conversion(tmp_path):
    # 40 lies nearer the "20" of "20 km" than 12: a conversion stands for the figure it
    # converts, so "about 40" still meets "about 12"
    c = corpus(tmp_path, TRUCK.format(n="12 miles (20 km) north"),
               TRUCK.format(n="40 miles (65 km) north"))
    found = numbers(c)
    assert any(v == "conflict" and "about 12" in sides and "about 40" in sides
               for v, sides in found), found


VILLAGE = ("The train left the rails on Sunday near the village of Elmford, {where}, a railway "
           "spokesman said.")


def test_two_directions_from_one_place_conflict(tmp_path):
    c = corpus(tmp_path, VILLAGE.format(where="some 15 miles southeast of the county seat Dunmore"),
               VILLAGE.format(where="some 15 miles southwest of Dunmore"))
    claims = [(x.heading, x.origin) for x in extract_claims(c) if x.unit == "mi"]
    assert claims == [("southeast", "dunmore"), ("southwest", "dunmore")]
    assert numbers(c) == [("conflict", ["some 15", "some 15"])]


def test_a_loose_direction_is_one_direction(tmp_path):
    c = corpus(tmp_path, VILLAGE.format(where="some 15 miles north of Dunmore"),
               VILLAGE.format(where="some 15 miles northeast of Dunmore"))
    assert numbers(c) == [("agree", ["some 15", "some 15"])]


def test_distances_in_two_directions_from_no_one_place_are_two_distances(tmp_path):
    a = ("Rebel fighters pulled out of the village of Elmford towards the border, around 50 km "
         "(31 miles) to the north, a cameraman said.")
    b = ("Talks held in the village of Elmford, some 20 km (12 miles) south of the capital "
         "Dunmore, were going well, a spokesman said.")
    c = corpus(tmp_path, a, b)
    assert [v for v, _ in numbers(c) if v == "conflict"] == []


def test_a_misread_conversion_is_not_the_figure_it_follows(tmp_path):
    # "(2, 000 feet)" leaves a figure "000" right after the metres: no conversion of 600 metres
    a = ("A climber fell about 600 metres (2, 000 feet) down a steep icy gully while climbing "
         "to a hut on Mount Carrow on Sunday.")
    b = "A climber fell about 600m down a steep icy gully while climbing to a hut on Mount Carrow."
    found = numbers(corpus(tmp_path, a, b))
    assert not any(v == "conflict" for v, _ in found), found


def test_conversions_rounded_two_ways_do_not_conflict(tmp_path):
    # both say 30 miles; one converts it to 48 km, the other to 50 km
    c = corpus(tmp_path,
               "The airport, which is about 30 miles (48 km) northeast of the capital, was shut.",
               "The airport is about 30 miles (50 km) northeast of the capital and was shut.")
    assert not any(v == "conflict" for v, _ in numbers(c))
    claims = [x for x in extract_claims(c) if x.kind == "number" and x.unit == "km"]
    assert claims and all(x.converted for x in claims)


def test_a_place_measured_from_a_town_and_another_length_are_not_compared(tmp_path):
    # the talks' village lies 20 km from Dunmore; the 25 km is how far a column withdraws
    c = corpus(tmp_path,
               "The agency said the talks were taking place in the settlement of Kerrow, some 20 "
               "km south of the regional capital Dunmore.",
               "Hundreds of villagers gathered in a field to the north of the town of Ashby on "
               "Saturday to wait for a column of rebels to withdraw from the capital Dunmore "
               "about 25 km away.")
    assert [sides for v, sides in numbers(c) if v == "conflict"] == []
