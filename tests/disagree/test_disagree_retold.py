"""One outlet's story rewritten the same day as news comes in: a higher count in the later
version is the count going on, not a second claim about one moment."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.corpus import read_corpus
from storyline.disagree import VERDICTS, find_disagreements

CRASH = ("A minibus carrying farm workers overturned on a mountain road north of Quetta on "
         "Monday, the provincial police said. {count} people died later in a nearby clinic.")
FERRY = ("Gunmen who seized a river ferry near Mopti on Sunday freed {count} passengers on "
         "Monday morning and kept the crew on board, the regional governor said.")


def report(tmp_path: Path, name: str, outlet: str, body: str) -> Path:
    p = tmp_path / f"{name}.jsonl"
    p.write_text(json.dumps({"id": name, "title": "Story", "published": "2011-03-14",
                             "source": outlet, "text": body}) + "\n", encoding="utf-8")
    return p


def verdicts(tmp_path: Path, story: str, counts: tuple[str, str],
             outlets: tuple[str, str]) -> list[tuple[str, list[str]]]:
    corpus = read_corpus([report(tmp_path, f"v{i}", outlet, story.format(count=count))
                          for i, (count, outlet) in enumerate(zip(counts, outlets))])
    return [(d.verdict, sorted(s.value for s in d.sides))
            for d in find_disagreements(corpus, verdicts=VERDICTS) if d.kind == "number"]


def test_one_outlets_story_retold_with_a_higher_toll_is_an_update(tmp_path):
    got = verdicts(tmp_path, CRASH, ("Three", "Six"), ("Gulf Wire", "Gulf Wire"))
    assert got == [("update", ["Six", "Three"])]


def test_two_outlets_worded_alike_still_conflict(tmp_path):
    got = verdicts(tmp_path, CRASH, ("Three", "Six"), ("Gulf Wire", "Daily Courier"))
    assert got == [("conflict", ["Six", "Three"])]


def test_people_freed_in_batches_are_a_running_count(tmp_path):
    got = verdicts(tmp_path, FERRY, ("about 40", "120"), ("Gulf Wire", "Gulf Wire"))
    assert got == [("update", ["120", "about 40"])]
