"""Two outlets' reports of one story, written as JSON lines and read as a corpus: the set-up most
disagreement tests share (pytest puts this folder on the import path)."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.claims.dates import date_event
from storyline.claims.parse import parse
from storyline.corpus import Corpus, read_corpus
from storyline.disagree import VERDICTS, find_disagreements
from storyline.records import TimeExpr


def two_reports(tmp_path: Path, a: str, b: str,
                published: tuple[str | None, str | None] = (None, None),
                title: str = "Report") -> Corpus:
    """Report ``a`` from "wire-a" and ``b`` from "paper-b", each published on its day (None:
    undated)."""
    paths = []
    for (name, body), day in zip((("wire-a", a), ("paper-b", b)), published):
        row = {"id": name, "title": title, "source": name, "text": body}
        if day is not None:
            row["published"] = day
        p = tmp_path / f"{name}.jsonl"
        p.write_text(json.dumps(row) + "\n", encoding="utf-8")
        paths.append(p)
    return read_corpus(paths)


def found(corpus: Corpus, kind: str = "number") -> list[tuple[str, list[str]]]:
    """Every verdict of one kind of claim, with the values of its sides, in a fixed order."""
    return sorted((d.verdict, sorted(s.value for s in d.sides))
                  for d in find_disagreements(corpus, verdicts=VERDICTS) if d.kind == kind)


def event_of(sentence: str, when: str) -> str | None:
    """The event a date written in ``sentence`` dates (as ``when``), read from its parse."""
    doc = parse([sentence])[0]
    start = sentence.index(when)
    t = TimeExpr(start=start, end=start + len(when), text=when, type="DATE", value="1990")
    ev = date_event(doc, t, 0)
    return ev[0] if ev else None
