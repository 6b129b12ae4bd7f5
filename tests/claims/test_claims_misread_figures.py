"""Figures the parse would bind to the wrong thing: a decimal split by a stray space, a scale after
a spaced hyphen, a decade, a model's number, the make-up of a group, an age closing a sentence,
nautical miles, a sum restated in brackets."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.claims import extract_claims
from storyline.claims.numbers import find_numbers
from storyline.corpus import read_corpus


def claims_of(tmp_path: Path, text: str):
    p = tmp_path / "wire.jsonl"
    p.write_text(json.dumps({"id": "wire", "title": "Report", "source": "wire",
                             "published": "2021-03-02", "text": text}) + "\n", encoding="utf-8")
    return [c for c in extract_claims(read_corpus([p])) if c.kind == "number"]


def values(text: str) -> list[tuple[str, float]]:
    return [(n.text, n.value) for n in find_numbers(text)]


def test_a_decimal_split_after_its_point_is_one_figure():
    assert values("The 4. 7 - magnitude tremor shook the valley.") == [("4. 7", 4.7)]
    assert values("Output fell 3. 2 percent.") == [("3. 2 percent", 3.2)]


def test_a_split_decimal_is_a_measure_even_after_the(tmp_path):
    got = [(c.text, c.value, c.head) for c in claims_of(
        tmp_path, "Officials said the 4. 7 - magnitude tremor struck the valley on Sunday.")]
    assert got == [("4. 7", 4.7, "magnitude")]


def test_the_parts_of_a_split_decimal_with_nothing_after_are_no_counts(tmp_path):
    got = [c.text for c in claims_of(
        tmp_path, "A tremor measuring at least magnitude - 4. 7 shook the valley on Sunday, "
                  "killing 12 people.")]
    assert got == ["12"]


def test_a_scale_after_a_spaced_hyphen_belongs_to_the_figure():
    assert values("they fled with a three - million - franc haul") == [
        ("a three - million", 3_000_000)]
    assert values("raiders took $45-million of gold") == [("$45-million", 45_000_000)]


def test_a_decade_counts_nothing():
    assert values("about 12 nurses in their late 30s") == [("about 12", 12)]


def test_a_number_closing_a_product_name_is_no_count(tmp_path):
    got = [c.text for c in claims_of(
        tmp_path, "The firm will refund everyone who has bought a Zenphone 8 before May.")]
    assert got == []


def test_a_count_hyphened_to_a_group_tells_its_make_up(tmp_path):
    got = {c.text: c.event for c in claims_of(
        tmp_path, "Half of the 80-boat flotilla was turned back by the storm. In all 23 boats "
                  "were turned back.")}
    assert got["80"] is None and got["23"] is not None


def test_an_age_closing_a_sentence_is_an_age(tmp_path):
    got = [(c.text, c.unit) for c in claims_of(
        tmp_path, "Police said the gunman opened fire in the depot, killing Tomas Ferrand, 47.")]
    assert got == [("47", "age")]


def test_nautical_miles_are_their_own_unit(tmp_path):
    got = [(c.text, c.unit, c.key) for c in claims_of(
        tmp_path, "The boats sailed the 300-nautical-mile race.")]
    assert got == [("300", "nmi", ("number", "length", None, None))]


def test_a_sum_in_brackets_restates_the_one_before(tmp_path):
    got = {c.text: c.converted for c in claims_of(
        tmp_path, "The gang made off with 3m euros (2. 4m pounds) in watches. Thieves took a "
                  "four - million - euro (5. 2 - million pounds) haul.")}
    assert got == {"3m euros": False, "2. 4m pounds": True, "a four - million": False,
                   "5. 2 - million pounds": True}


def test_an_amount_belongs_to_the_name_not_to_what_kind_of_body_it_is(tmp_path):
    # "Halvorsen Co." is written "Halvorsen" by other reports: the earner is the name
    got = [(c.text, c.owners) for c in claims_of(
        tmp_path, "Halvorsen Co. extended its offer of $21 a share for Kestrel Inc. until Nov. 6.")]
    assert got == [("$21", ["halvorsen"])]
