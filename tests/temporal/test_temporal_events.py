"""Dated event candidates from real article text, tagged against a known DCT."""

from __future__ import annotations

import re
from pathlib import Path

from storyline.clean.cleaner import clean
from storyline.records import EventCandidate, Mention, Sentence, SourceDoc, TimeExpr
from storyline.temporal import find_timexes
from storyline.temporal.events import date_granularity, event_candidates

SEEDS = Path(__file__).parents[2] / "examples" / "russia-turkey"


def sentences_of(article_id: str, text: str) -> list[Sentence]:
    # A plain splitter is enough here: the test is about candidates, not sentence splitting.
    out = []
    for m in re.finditer(r"[^\s][^\n]*?(?:[.!?](?=\s|$)|$)", text):
        if m.group().strip():
            out.append(Sentence(article_id, m.start(), m.end(), m.group()))
    return out


def mentions_of(article_id: str, text: str, names: dict[str, str]) -> list[Mention]:
    out = []
    for name, eid in names.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            out.append(Mention(article_id, m.start(), m.end(), name, "PERSON", eid))
    return out


def csmonitor() -> str:
    path = SEEDS / "csmonitor-ap.txt"
    doc = SourceDoc(
        origin=str(path), format="txt", text=path.read_text(encoding="utf-8"), title_in_text=True
    )
    return clean(doc).text


def test_temporal_events_seed_sentences_with_dates_become_candidates() -> None:
    text = csmonitor()
    sents = sentences_of("cs", text)
    txs = find_timexes(text, "2017-09-28", article_id="cs")
    ments = mentions_of(
        "cs",
        text,
        {"Putin": "person:putin", "Erdogan": "person:erdogan", "Vladimir Putin": "person:putin"},
    )
    cands = event_candidates("cs", sents, txs, ments)
    by_text: dict[str, EventCandidate] = {}
    for c in cands:  # first occurrence of each expression
        by_text.setdefault(text[c.timex_start : c.timex_end], c)
    visit = by_text["Thursday"]
    sentence = text[visit.sentence_start : visit.sentence_end]
    assert sentence.startswith("Russian President Vladimir Putin visited Turkey on Thursday")
    assert (visit.date, visit.granularity) == ("2017-09-28", "day")
    assert visit.entity_ids == ["person:putin", "person:erdogan"]
    assert by_text["2015"].date == "2015" and by_text["2015"].granularity == "year"
    assert by_text["Monday"].date == "2017-09-25"  # the referendum
    assert by_text["six years ago"].date == "2011"
    # Every candidate lies inside its sentence, and the sentences hold dates the tagger anchored.
    for c in cands:
        assert c.sentence_start <= c.timex_start < c.timex_end <= c.sentence_end
        assert c.article_id == "cs"
        assert "X" not in c.date
    assert [c.timex_start for c in cands] == sorted(c.timex_start for c in cands)


def test_temporal_events_unanchored_and_non_dates_are_left_out() -> None:
    text = "Putin met Erdogan on Thursday. Talks lasted a month. They meet every year. Now it ends."
    sents = sentences_of("a", text)
    txs = [
        TimeExpr(21, 29, "Thursday", "DATE", "XXXX-XX-XX", "day", anchored=False),
        TimeExpr(44, 51, "a month", "DURATION", "P1M", None),
        TimeExpr(63, 73, "every year", "SET", "P1Y", None),
        TimeExpr(75, 78, "Now", "DATE", "PRESENT_REF", None),
    ]
    assert event_candidates("a", sents, txs) == []
    anchored = [TimeExpr(21, 29, "Thursday", "DATE", "2017-09-28", "day")]
    [c] = event_candidates("a", sents, anchored)
    assert (c.sentence_start, c.sentence_end, c.date) == (0, 30, "2017-09-28")
    assert c.entity_ids == []


def test_temporal_events_time_values_become_their_day() -> None:
    text = "The vote closed at 8 pm on Sunday."
    sents = sentences_of("a", text)
    [c] = event_candidates(
        "a", sents, [TimeExpr(19, 33, "8 pm on Sunday", "TIME", "2017-09-24T20:00", "time")]
    )
    assert (c.date, c.granularity) == ("2017-09-24", "day")


def test_temporal_events_entities_once_each_and_only_inside_the_sentence() -> None:
    text = "Putin spoke. Putin met Putin's ally Erdogan in 2016. Erdogan left."
    sents = sentences_of("a", text)
    ments = mentions_of("a", text, {"Putin": "p", "Erdogan": "e"})
    ments.append(Mention("a", 36, 43, "Erdogan", "PERSON", None))  # not canonicalised yet
    [c] = event_candidates("a", sents, [TimeExpr(47, 51, "2016", "DATE", "2016", "year")], ments)
    assert c.entity_ids == ["p", "e"]
    assert text[c.sentence_start : c.sentence_end] == "Putin met Putin's ally Erdogan in 2016."


def test_temporal_events_hostile_inputs() -> None:
    # No sentences: nothing to attach a date to.
    assert event_candidates("a", [], [TimeExpr(0, 4, "2016", "DATE", "2016", "year")]) == []
    assert event_candidates("a", [], []) == []
    # A date straddling a sentence end belongs to neither.
    sents = [Sentence("a", 0, 10, "x" * 10), Sentence("a", 10, 20, "y" * 10)]
    assert event_candidates("a", sents, [TimeExpr(8, 12, "2016", "DATE", "2016", "year")]) == []
    # One long line with emoji and mixed scripts, many dates.
    line = "Путин 🤝 Erdoğan met in 2016 اردوغان. " * 20_000
    sents = sentences_of("a", line)
    txs = [
        TimeExpr(m.start(), m.end(), "2016", "DATE", "2016", "year")
        for m in re.finditer("2016", line)
    ]
    cands = event_candidates("a", sents, txs)
    assert len(cands) == 20_000 and all(c.date == "2016" for c in cands)


def test_temporal_events_granularity_of_values() -> None:
    cases = {
        "2017-09-28": "day",
        "2017-09": "month",
        "2017": "year",
        "201": "decade",
        "20": "century",
        "2017-W39": "week",
        "2017-Q3": "quarter",
        "2017-SU": "season",
    }
    for value, gran in cases.items():
        assert date_granularity(value) == gran
        [c] = event_candidates(
            "a", [Sentence("a", 0, 5, "x")], [TimeExpr(0, 4, "x", "DATE", value, None)]
        )
        assert (c.date, c.granularity) == (value, gran)
