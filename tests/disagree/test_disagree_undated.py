"""Undated reports: a count the reports call a running one is an update, not a conflict; rounded
figures that only touch are two figures; dates whose year was inferred compare as written."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.claims import find_numbers
from storyline.claims.records import Claim
from storyline.corpus import read_corpus
from storyline.disagree import VERDICTS, DisagreeSettings, find_disagreements
from storyline.disagree.verdict import compare_dates, compare_numbers

LEAD = "Floods from the storm swept through villages of El Salvador, the emergency committee said. "


def undated(tmp_path: Path, name: str, body: str) -> Path:
    p = tmp_path / f"{name}.jsonl"
    p.write_text(json.dumps({"id": name, "title": "Storm in El Salvador", "source": name,
                             "text": LEAD + body}) + "\n", encoding="utf-8")
    return p


def number_verdicts(tmp_path: Path, a: str, b: str) -> list[tuple[str, list[str]]]:
    corpus = read_corpus([undated(tmp_path, "wire-a", a), undated(tmp_path, "paper-b", b)])
    return [(d.verdict, sorted(s.value for s in d.sides))
            for d in find_disagreements(corpus, verdicts=VERDICTS) if d.kind == "number"]


def test_an_undated_running_count_is_an_update(tmp_path):
    got = number_verdicts(tmp_path, "The floods killed 140 people in El Salvador.",
                          "As of Thursday, the floods had killed 239 people in El Salvador.")
    assert ("update", ["140", "239"]) in got


def test_undated_figures_with_no_sign_of_a_running_count_conflict(tmp_path):
    got = number_verdicts(tmp_path, "The floods killed 140 people in El Salvador.",
                          "The floods killed 239 people in El Salvador.")
    assert ("conflict", ["140", "239"]) in got


def claim(text: str, **kw) -> Claim:
    n = find_numbers(text)[0]
    return Claim(kind="number", article_id=kw.pop("article_id", "a"), start=n.start, end=n.end,
                 text=n.text, sentence_start=0, sentence_end=len(text), what="people",
                 low=n.low, high=n.high, value=n.value, approx=n.approx, unit=n.unit,
                 head="people", event="population", **kw)


def test_rounded_figures_that_only_touch_are_two_figures():
    a, b = claim("its 22 million people"), claim("its 23 million people", article_id="b")
    assert compare_numbers(a, b, None, None, DisagreeSettings()).label == "conflict"
    c = claim("about 22 million people", article_id="c")
    assert compare_numbers(a, c, None, None, DisagreeSettings()).label in ("agree", "compatible")


def date_claim(text: str, value: str, approx: str | None) -> Claim:
    return Claim(kind="date", article_id="x", start=0, end=len(text), text=text, sentence_start=0,
                 sentence_end=len(text), what="remained", date=value, approx=approx)


def test_a_date_without_a_written_year_compares_its_month_and_day():
    sept = date_claim("September", "1993-09", "no year")
    sept24 = date_claim("Sept. 24", "1998-09-24", "no year")
    assert compare_dates(sept, sept24).label == "compatible"
    june28 = date_claim("June 28", "2016-06-28", "no year")
    june29 = date_claim("June 29", "2016-06-29", "no year")
    assert compare_dates(june28, june29).label == "conflict"
    written = date_claim("November 2015", "2015-11", None)
    other = date_claim("November 2014", "2014-11", None)
    assert compare_dates(written, other).label == "conflict"


class _Published:
    """A corpus that knows one publication date (as inferred or given)."""

    def __init__(self, value: str | None) -> None:
        self.value = value

    def published(self, article_id: str) -> str | None:
        return self.value


def test_a_decade_guessed_for_a_report_is_shown_as_undated():
    from storyline.disagree.find import _when

    assert _when(_Published("199"), "a") == "undated"  # type: ignore[arg-type]
    assert _when(_Published("19"), "a") == "undated"  # type: ignore[arg-type]
    assert _when(_Published("1998"), "a") == "1998"  # type: ignore[arg-type]
    assert _when(_Published("1998-12"), "a") == "1998-12"  # type: ignore[arg-type]
    assert _when(_Published(None), "a") == "undated"  # type: ignore[arg-type]
