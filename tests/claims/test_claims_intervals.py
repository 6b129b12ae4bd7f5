"""Time between two happenings, bound to the happening it is counted from."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.claims.intervals import find_intervals
from storyline.corpus import read_corpus
from storyline.disagree import VERDICTS, find_disagreements


def spans(text):
    return [(text[a:b], lo, hi, what) for a, b, lo, hi, _, what in find_intervals(text)]


def test_spans_after_and_ago():
    assert spans("She died nine days after suffering a heart attack.") == [
        ("nine days", 9.0, 9.0, "heart attack")]
    assert spans("She died of a heart attack suffered almost three weeks ago.") == [
        ("almost three weeks", 21 * 0.85, 21.0, "heart attack")]
    # "a week" is a round figure
    assert spans("He died a week after his stroke.") == [("a week", 7 * 0.7, 7 * 1.45, "stroke")]
    assert spans("He was released three days after the election.") == []  # not a happening to a body


def corpus(tmp_path: Path, a: str, b: str):
    paths = []
    for name, body in (("wire-a", a), ("paper-b", b)):
        p = tmp_path / f"{name}.jsonl"
        p.write_text(json.dumps({"id": name, "title": "Pin-up icon dies", "source": name,
                                 "text": "Pin-up icon Bettie Vane died in a Los Angeles hospital. "
                                 + body}) + "\n", encoding="utf-8")
        paths.append(p)
    return read_corpus(paths)


def test_two_spans_since_one_heart_attack_disagree(tmp_path):
    c = corpus(tmp_path,
               "Bettie Vane succumbed to complications from a heart attack suffered almost three "
               "weeks ago.",
               "Bettie Vane died on Thursday night, nine days after suffering a heart attack.")
    got = [(d.verdict, sorted(s.value for s in d.sides))
           for d in find_disagreements(c, verdicts=VERDICTS) if d.kind == "number"]
    assert ("conflict", ["almost three weeks", "nine days"]) in got
