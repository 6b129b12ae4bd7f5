"""Claims of the seed articles: numbers bound to what they count and their event, dates to events,
quotes to speakers, people to roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.claims import extract_claims
from storyline.corpus import read_corpus

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "russia-turkey"


@pytest.fixture(scope="module")
def seeds():
    corpus = read_corpus([SEEDS])
    return corpus, extract_claims(corpus)


def by_origin(corpus, claims, name):
    aid = next(i for i, a in corpus.articles.items() if Path(a.origin).name == name)
    return [c for c in claims if c.article_id == aid]


def test_the_airport_tolls_are_bound_to_people_killed(seeds):
    corpus, claims = seeds
    tolls = {c.text: c for c in claims if c.kind == "number" and c.event == "killed"
             and c.head == "people"}
    assert {"43", "44"} <= set(tolls)
    assert corpus.quote(corpus.cite(tolls["44"].article_id, tolls["44"].start, tolls["44"].end)) == "44"
    assert "attack" in tolls["44"].agent


def test_two_servicemen_deaths(seeds):
    corpus, claims = seeds
    tele = by_origin(corpus, claims, "telegraph.txt")
    two = [c for c in tele if c.kind == "number" and c.head == "serviceman"]
    assert len(two) == 1 and two[0].event == "killed" and two[0].value == 2
    assert "russian" in two[0].modifiers


def test_shoot_down_is_dated_november_2015(seeds):
    corpus, claims = seeds
    sc = by_origin(corpus, claims, "strategic-culture.txt")
    shot = [c for c in sc if c.kind == "date" and c.event == "shoot down"]
    assert [c.date for c in shot] == ["2015-11"]


def test_quotes_keep_their_speakers_and_roles_are_found(seeds):
    corpus, claims = seeds
    speakers = {c.speaker for c in claims if c.kind == "quote"}
    assert {"Vladimir Putin", "Mevlut Cavusoglu", "Sergei Lavrov", "Dmitry Peskov"} <= speakers
    roles = {(c.person, c.role) for c in claims if c.kind == "role"}
    assert any("cavusoglu" in str(p).lower() and r == "turkish foreign minister" for p, r in roles)
