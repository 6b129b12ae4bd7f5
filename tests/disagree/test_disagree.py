"""Disagreements on the seeds (the Istanbul toll, nothing else) and on constructed articles:
update vs conflict by publication dates, compatible approximations, quotes given to two people."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.corpus import read_corpus
from storyline.disagree import VERDICTS, find_disagreements

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "russia-turkey"

QUAKE = ("A powerful earthquake struck the island of Qeshm in southern Iran on Sunday, "
         "officials said. The quake {verb} in the villages near the port of Dargahan.")


@pytest.fixture(scope="module")
def seeds():
    return read_corpus([SEEDS])


def test_seeds_report_the_airport_toll_and_nothing_else(seeds):
    found = find_disagreements(seeds)
    assert len(found) == 1
    d = found[0]
    assert (d.kind, d.verdict) == ("number", "conflict")
    assert sorted(s.value for s in d.sides) == ["43", "44"]
    assert {s.outlet for s in d.sides} >= {"The Telegraph"}
    for s in d.sides:
        assert s.value in seeds.quote(s.citations[0])
        assert seeds.quote(s.span) == s.value
    out = d.to_dict()
    assert set(out) >= {"kind", "verdict", "what", "explanation", "sides"}
    assert set(out["sides"][0]) >= {"value", "outlet", "published", "article", "citations"}


def write(tmp_path: Path, name: str, published: str, body: str) -> Path:
    p = tmp_path / f"{name}.jsonl"
    p.write_text(json.dumps({"id": name, "title": "Quake in Iran", "published": published,
                             "source": name, "text": body}) + "\n", encoding="utf-8")
    return p


def quake(tmp_path, a: tuple[str, str], b: tuple[str, str]):
    pa = write(tmp_path, "wire-a", a[0], QUAKE.format(verb=a[1]))
    pb = write(tmp_path, "paper-b", b[0], QUAKE.format(verb=b[1]).replace("officials said",
                                                                           "state media said"))
    return read_corpus([pa, pb])


def verdicts(corpus):
    return [(d.verdict, sorted(s.value for s in d.sides))
            for d in find_disagreements(corpus, verdicts=VERDICTS) if d.kind == "number"]


def test_a_toll_that_rises_days_later_is_an_update(tmp_path):
    c = quake(tmp_path, ("2008-11-02", "killed 10 people"), ("2008-11-05", "killed 14 people"))
    found = [d for d in find_disagreements(c) if d.kind == "number"]
    assert [d.verdict for d in found] == ["update"]
    assert "2008-11-02" in found[0].explanation and "2008-11-05" in found[0].explanation


def test_different_tolls_the_same_day_conflict(tmp_path):
    c = quake(tmp_path, ("2008-11-02", "killed 10 people"), ("2008-11-02", "killed 14 people"))
    assert verdicts(c) == [("conflict", ["10", "14"])]


def test_a_lower_toll_published_later_conflicts(tmp_path):
    c = quake(tmp_path, ("2008-11-05", "killed 10 people"), ("2008-11-02", "killed 14 people"))
    assert verdicts(c) == [("conflict", ["10", "14"])]


@pytest.mark.parametrize("a,b,expected", [
    ("killed 43 people", "killed more than 40 people", "compatible"),
    ("killed at least 41 people", "killed 44 people", "compatible"),
    ("killed dozens of people", "killed 50 people", "compatible"),
    ("killed forty-three people", "killed 43 people", "agree"),
])
def test_approximations_are_compatible(tmp_path, a, b, expected):
    c = quake(tmp_path, ("2008-11-02", a), ("2008-11-02", b))
    assert [v for v, _ in verdicts(c)] == [expected]
    assert find_disagreements(c) == []  # only conflicts and updates are reported by default


def test_different_measures_are_not_compared(tmp_path):
    c = quake(tmp_path, ("2008-11-02", "killed 10 people"), ("2008-11-02", "injured 14 people"))
    assert verdicts(c) == []


def test_one_quote_given_to_two_speakers(tmp_path):
    words = "We will rebuild every village that was destroyed by this earthquake"
    pa = write(tmp_path, "wire-a", "2008-11-02",
               f'Iran sent rescue teams to Qeshm. "{words}," Mahmoud Ahmadinejad said on Sunday.')
    pb = write(tmp_path, "paper-b", "2008-11-02",
               f'Rescue teams reached Qeshm. "{words}," Ali Larijani said on Sunday.')
    found = [d for d in find_disagreements(read_corpus([pa, pb])) if d.kind == "quote"]
    assert len(found) == 1 and found[0].verdict == "conflict"
    assert {s.value for s in found[0].sides} == {"Mahmoud Ahmadinejad", "Ali Larijani"}


def test_cli_json_on_files(tmp_path):
    c = [write(tmp_path, "wire-a", "2008-11-02", QUAKE.format(verb="killed 10 people")),
         write(tmp_path, "paper-b", "2008-11-02", QUAKE.format(verb="killed 14 people"))]
    r = CliRunner().invoke(app, ["--db", str(tmp_path / "none.db"), "disagreements",
                                 *map(str, c), "--json"])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert [d["verdict"] for d in data["disagreements"]] == ["conflict"]
    side = data["disagreements"][0]["sides"][0]
    assert {"value", "outlet", "published", "article", "citations", "text"} <= set(side)
