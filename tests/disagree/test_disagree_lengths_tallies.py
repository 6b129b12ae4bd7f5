"""Lengths and distances as measures of their object, the dimension they measure, running tallies
(a boxer's record) and quantities of two named periods ("this year" vs "last year")."""

from __future__ import annotations

from pathlib import Path

from storyline.claims import extract_claims
from storyline.disagree import find_disagreements

from two_reports import found as numbers, two_reports


def corpus(tmp_path: Path, a: str, b: str,
           published: tuple[str, str] = ("2010-03-02", "2010-03-02")):
    return two_reports(tmp_path, a, b, published)


BRIDGE = ("Engineers finished the new footbridge over the river in Hamburg on Monday. "
          "The footbridge is {n} meters long and will open to walkers next spring.")


def test_a_length_with_no_event_is_a_claim_in_its_unit(tmp_path):
    c = corpus(tmp_path, BRIDGE.format(n="120"), BRIDGE.format(n="95"))
    claims = [x for x in extract_claims(c) if x.kind == "number"]
    assert [(x.text, x.unit, x.head, x.modifiers) for x in claims] == [
        ("120", "m", None, ["extent"]), ("95", "m", None, ["extent"])]
    assert numbers(c) == [("conflict", ["120", "95"])]


def test_lengths_in_two_units_are_compared_in_metres(tmp_path):
    # 390 feet is 119 m: the same length converted with rounding
    c = corpus(tmp_path, BRIDGE.format(n="120"),
               BRIDGE.replace("meters", "feet").format(n="390"))
    assert [v for v, _ in numbers(c)] == ["compatible"]
    # 200 feet is 61 m, not 120
    c = corpus(tmp_path, BRIDGE.format(n="120"),
               BRIDGE.replace("meters", "feet").format(n="200"))
    assert numbers(c) == [("conflict", ["120", "200"])]


def test_width_and_length_of_one_object_are_two_measures(tmp_path):
    ship = ("The research vessel docked in Bremen on Monday after a year at sea. "
            "The vessel is {n} meters {dim} and carries a crew of forty scientists.")
    c = corpus(tmp_path, ship.format(n="95", dim="long"), ship.format(n="20", dim="wide"))
    dims = [(x.text, x.modifiers) for x in extract_claims(c) if x.unit == "m"]
    assert dims == [("95", ["extent"]), ("20", ["width"])]
    # 95 m long and 20 m wide do not conflict (the crew of forty agrees)
    assert [d for d in numbers(c) if "forty" not in d[1]] == []
    c = corpus(tmp_path, ship.format(n="95", dim="long"), ship.format(n="85", dim="long"))
    assert ("conflict", ["85", "95"]) in numbers(c)


def test_a_boxers_record_is_a_running_tally(tmp_path):
    a = ("Champion Ivan Petrov (30-1, 25 KOs) stopped his challenger in the fifth round in "
         "Berlin on Saturday night.")
    b = ("Champion Ivan Petrov (31-1, 26 KOs) stopped his challenger in the fifth round in "
         "Berlin on Saturday night.")
    c = corpus(tmp_path, a, b)
    claims = [x for x in extract_claims(c) if x.kind == "number" and x.head == "ko"]
    assert [x.tally for x in claims] == [True, True]
    assert ("update", ["25", "26"]) in numbers(c)
    assert not any(v == "conflict" for v, _ in numbers(c))


def test_a_plain_count_is_no_tally(tmp_path):
    c = corpus(tmp_path, "Police arrested 23 pirates in the Gulf of Aden on Saturday.",
               "Police arrested 26 pirates in the Gulf of Aden on Saturday.")
    claims = [x for x in extract_claims(c) if x.kind == "number"]
    assert [x.tally for x in claims] == [False, False]
    assert numbers(c) == [("conflict", ["23", "26"])]


def test_an_all_time_total_with_spaced_hyphens_is_a_running_tally(tmp_path):
    # some feeds space hyphens out: "all - time" is still a career total, which only grows
    a = "Center Ola Brandt became the club - s all - time scoring leader with 1,504 points."
    b = "Center Ola Brandt broke the club scoring record of 1,503 points on Friday."
    c = corpus(tmp_path, a, b)
    claims = [x for x in extract_claims(c) if x.kind == "number" and x.head == "point"]
    assert [x.tally for x in claims] == [True, False]
    assert numbers(c) == [("update", ["1,503", "1,504"])]


def test_quantities_of_this_year_and_last_year_are_not_compared(tmp_path):
    a = "The farms of the province harvested 3 million tons of grain this year, officials said."
    b = "The farms of the province harvested 2.8 million tons of grain last year, officials said."
    c = corpus(tmp_path, a, b)
    assert [x.periods for x in extract_claims(c) if x.kind == "number"] == [["this year"],
                                                                            ["last year"]]
    assert numbers(c) == []
    c = corpus(tmp_path, a, b.replace("last year", "this year"))
    assert numbers(c) == [("conflict", ["2.8 million", "3 million"])]


def test_a_figure_said_twice_in_one_article_is_compared_as_one(tmp_path):
    # the headline and the body of b give one figure; a's "about 50" must meet it even when the
    # headline is the likelier match and a's "at least 50" is the body's best match
    a = ("Ten people were killed and about 50 hurt when a quake struck the island of Qeshm. "
         "Ten people were killed and at least 50 injured in the quake on Qeshm island, officials said.")
    b = ("Quake on Qeshm kills 10, 80 hurt.\n\n"
         "A powerful quake struck Qeshm island on Sunday, killing 10 people and injuring 80.")
    c = corpus(tmp_path, a, b)
    found = [(d.verdict, sorted(s.value for s in d.sides)) for d in find_disagreements(c)
             if d.kind == "number"]
    assert found == [("conflict", ["80", "80", "about 50", "at least 50"])]
