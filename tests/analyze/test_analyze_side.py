"""Dating in a side process (while NER runs) gives exactly what dating in process gives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from storyline.analyze import dct_input
from storyline.config import Settings
from storyline.prepare import build_article, prepare_doc
from storyline.records import SourceDoc
from storyline.temporal import dating
from storyline.temporal.dating import SideDating, date_batch
from storyline.temporal.dct import DctInput

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "russia-turkey"
TODAY = date(2026, 1, 1)
# True publication days of two seeds whose text dates them to the day (never used by the code).
TRUE_DAYS = {"csmonitor-ap": "2017-09-28", "telegraph": "2016-07-01"}


@pytest.fixture(scope="module")
def inputs() -> list[DctInput]:
    settings = Settings()
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = SourceDoc(origin=path.stem, format="txt", text=path.read_text(encoding="utf-8"),
                        title_in_text=True)
        out.append(dct_input(build_article(doc, prepare_doc(doc, settings).cleaned, path.stem)))
    return out


def test_analyze_side_process_dates_the_seeds_as_in_process(inputs) -> None:
    here = date_batch(inputs, TODAY)
    side = SideDating(min_articles=1)
    if not side.usable(len(inputs)):
        pytest.skip("one core: no side process")
    try:
        there = side.submit(inputs, TODAY).result()
    finally:
        side.close()
    assert there == here
    assert side.cpu_seconds > 0  # it ran over there, not here
    dcts, timexes = there
    for name, day in TRUE_DAYS.items():
        assert dcts[name].anchor == day
    # The second pass normalised the seed's relative expressions against its own date.
    assert any(t.value == "2017-09-28" for t in timexes["csmonitor-ap"])


def test_analyze_side_small_batches_stay_in_process(inputs) -> None:
    side = SideDating(min_articles=len(inputs) + 1)
    assert side.submit(inputs, TODAY).result() == date_batch(inputs, TODAY)
    assert side._proc is None and side.cpu_seconds == 0.0


def test_analyze_side_dates_in_process_when_no_process_can_start(inputs, monkeypatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(dating.subprocess, "Popen", refuse)
    monkeypatch.setattr(dating, "_cores", lambda: 2)
    side = SideDating(min_articles=1)
    assert side.submit(inputs, TODAY).result() == date_batch(inputs, TODAY)
    assert not side.usable(len(inputs))  # it does not try again for every batch


def test_analyze_side_dates_in_process_when_the_side_process_dies(inputs) -> None:
    side = SideDating(min_articles=1)
    if not side.usable(len(inputs)):
        pytest.skip("one core: no side process")
    pending = side.submit(inputs, TODAY)
    assert side._proc is not None
    side._proc.kill()
    assert pending.result() == date_batch(inputs, TODAY)
    assert not side.usable(len(inputs)) and side._proc is None


def test_analyze_side_cancelled_batch_leaves_the_next_one_right(inputs) -> None:
    side = SideDating(min_articles=1)
    if not side.usable(len(inputs)):
        pytest.skip("one core: no side process")
    try:
        side.submit(inputs[:2], TODAY).cancel()  # as when NER fails mid-batch
        assert side.submit(inputs, TODAY).result() == date_batch(inputs, TODAY)
    finally:
        side.close()
