"""Dated event candidates: every sentence that carries a normalised date.

A candidate is the raw material of story events and timelines: the date (TIMEX3 value and its
granularity), the sentence and the expression as spans of the clean text, and the canonical
entities mentioned in the sentence. Only dates that say *when* qualify: anchored DATE (or TIME)
values with no unknown part, so "XXXX-09-28" (no DCT), "PRESENT_REF" ("now") and durations or
sets ("a month", "every year") are left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from storyline.records import EventCandidate, Mention, Sentence, TimeExpr

__all__ = ["date_granularity", "event_candidates"]

# Dates TimeML can write without a DCT-free unknown: day, month, year, decade, century, week,
# weekend, quarter, half, season; a time of day is cut back to its day.
_DATE_VALUE = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})T.*$"
    r"|^\d{4}-\d{2}-\d{2}$|^\d{4}-\d{2}$|^\d{4}$|^\d{3}$|^\d{2}$"
    r"|^\d{4}-W\d{2}(?:-WE)?$|^\d{4}-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$"
)


def date_granularity(value: str) -> str:
    """Granularity of a date value: ``2017-09-28`` day, ``2017-09`` month, ``2017`` year, ``201``
    decade, ``20`` century, ``2017-W39`` week, ``2017-Q3`` quarter, ``2017-SU`` season."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    if "-W" in value:
        return "week"
    if re.search(r"-(?:Q[1-4]|H[12])$", value):
        return "quarter"
    return "season"


def _date_value(tx: TimeExpr) -> str | None:
    """The date a time expression pins, or None when it pins none."""
    if tx.type not in ("DATE", "TIME") or not tx.anchored or not tx.value:
        return None
    m = _DATE_VALUE.match(tx.value)
    if not m:
        return None  # "XXXX-09-28", "PRESENT_REF", "P1M", "T10:00" ...
    return m["date"] or tx.value


def event_candidates(
    article_id: str,
    sentences: Sequence[Sentence],
    timexes: Sequence[TimeExpr],
    mentions: Sequence[Mention] = (),
) -> list[EventCandidate]:
    """One candidate per (sentence, dated expression inside it), in text order.

    ``sentences``, ``timexes`` and ``mentions`` are spans of the same clean text. An expression
    outside every sentence (the sentence splitter dropped a stretch) yields no candidate. Entity
    ids are those of the mentions inside the sentence, first mention first, each once.

    >>> s = [Sentence("a", 0, 37, "Putin visited Turkey on 28 Sept 2017.")]
    >>> t = [TimeExpr(24, 36, "28 Sept 2017", "DATE", "2017-09-28")]
    >>> m = [Mention("a", 0, 5, "Putin", "PERSON", "person:putin")]
    >>> c = event_candidates("a", s, t, m)[0]
    >>> c.date, c.granularity, c.entity_ids
    ('2017-09-28', 'day', ['person:putin'])
    """
    ordered = sorted(sentences, key=lambda s: (s.start, s.end))
    starts = [s.start for s in ordered]
    by_start = sorted((m for m in mentions if m.entity_id), key=lambda m: m.start)
    mention_starts = [m.start for m in by_start]
    out: list[EventCandidate] = []
    for tx in sorted(timexes, key=lambda t: (t.start, t.end)):
        value = _date_value(tx)
        if value is None:
            continue
        k = bisect.bisect_right(starts, tx.start) - 1
        if k < 0:
            continue
        sent = ordered[k]
        if not (sent.start <= tx.start and tx.end <= sent.end):
            continue
        ids: list[str] = []
        lo = bisect.bisect_left(mention_starts, sent.start)
        for m in by_start[lo:]:
            if m.start >= sent.end:
                break
            if m.end <= sent.end and m.entity_id not in ids:
                ids.append(m.entity_id)  # type: ignore[arg-type]
        gran = tx.granularity if tx.granularity and value == tx.value else date_granularity(value)
        out.append(
            EventCandidate(
                article_id=article_id,
                sentence_start=sent.start,
                sentence_end=sent.end,
                date=value,
                granularity=gran,
                timex_start=tx.start,
                timex_end=tx.end,
                entity_ids=ids,
            )
        )
    return out
