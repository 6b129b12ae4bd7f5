"""Claims of hard-wrapped wire copy (one sentence over several lines), populations, and numbers
that refer to things already named rather than count them."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.claims import extract_claims
from storyline.corpus import read_corpus

# Written for this test in the style of 1990s wire copy: lines wrapped at ~70 characters.
WIRE = (
    "Chile's Pinochet faces new charges\n"
    "\n"
    "A Spanish judge on Monday widened his case against the former ruler. According\n"
    "to a government report, a total of 4,299\n"
    "people were killed or disappeared during his rule, the judge said.\n"
    "The harvest will feed only two-thirds of North Korea's 22 million\n"
    "people this winter, aid workers said.\n"
    "\n"
    "Officials met in Santiago for a turnaround for the two nations, which had long\n"
    "argued over the case.\n"
)


@pytest.fixture(scope="module")
def claims(tmp_path_factory):
    p: Path = tmp_path_factory.mktemp("wire") / "wire.txt"
    p.write_text(WIRE, encoding="utf-8")
    corpus = read_corpus([p])
    return [c for c in extract_claims(corpus) if c.kind == "number"]


def test_a_number_at_the_end_of_a_wrapped_line_keeps_what_it_counts(claims):
    toll = next(c for c in claims if c.value == 4299)
    assert (toll.event, toll.head) == ("killed", "people")


def test_the_people_of_a_place_are_its_population(claims):
    pop = next(c for c in claims if c.value == 22_000_000)
    assert pop.event == "population"
    assert pop.key == ("number", None, "population", "people")


def test_the_two_nations_refers_and_does_not_count(claims):
    assert not [c for c in claims if c.value == 2 and c.head == "nation"]
