"""Group dated sentences that report the same happening into events.

Two dated sentences can join when their dates nest (equal days join most easily; a day inside a
month needs more likeness, a day inside a mere year more still) and their content is alike
enough; the same article telling one happening twice needs a little more than two outlets do.
Groups are built bottom-up, the best-matching pair first; two groups merge only when their
members' best margins into each other stay positive on average and their dates still nest one chain (a group
never holds both 1 and 2 July). Everything runs in the canonical order of
:func:`dated_sentences`, so the same corpus gives the same events whatever the article order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from storyline.corpus import Corpus
from storyline.events.candidates import Dated, dated_sentences
from storyline.events.dates import DateSpan, nested
from storyline.events.settings import EventSettings
from storyline.events.similarity import content_similarity
from storyline.records import Event

__all__ = ["event_id", "group_events", "link_margins"]

_COARSE = frozenset({"year", "season", "quarter"})
_NEVER = -1.0e9


def link_margins(items: Sequence[Dated], sim: np.ndarray, s: EventSettings) -> np.ndarray:
    """similarity - what the pair's dates and sources ask for; _NEVER when they cannot join."""
    n = len(items)
    need = np.full((n, n), np.inf, dtype=np.float64)
    for i in range(n):
        a = items[i]
        for j in range(i + 1, n):
            b = items[j]
            if not nested(a.span, b.span):
                continue
            same_article = a.cand.article_id == b.cand.article_id
            if same_article and a.cand.sentence_start == b.cand.sentence_start:
                continue
            coarser = {a.span.granularity, b.span.granularity}
            if coarser & _COARSE:
                t = s.year_threshold
            elif coarser & {"week", "month"}:
                t = s.month_threshold
            else:
                t = s.link_threshold
            if a.span != b.span:
                t += s.nested_margin
            if same_article:
                t += s.same_article_margin
            need[i, j] = need[j, i] = t
    margins = sim.astype(np.float64) - need
    margins[~np.isfinite(margins)] = _NEVER
    return margins


def _chain(spans: Sequence[DateSpan]) -> bool:
    distinct = sorted(set(spans))
    return all(nested(distinct[i], distinct[j])
               for i in range(len(distinct)) for j in range(i + 1, len(distinct)))


def _linkage(block: np.ndarray) -> float:
    """How well two groups match: every member's best margin into the other group, averaged,
    in the weaker direction. Between single link (chains unrelated mentions through one pair)
    and average link (keeps a loosely dated "in 2015" out of the group that tells its day)."""
    return float(min(block.max(axis=1).mean(), block.max(axis=0).mean()))


def _cluster(items: Sequence[Dated], margins: np.ndarray) -> list[list[int]]:
    n = len(items)
    owner = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    iu, ju = np.triu_indices(n, k=1)
    vals = margins[iu, ju]
    keep = vals >= 0
    order = sorted(zip((-vals[keep]).tolist(), iu[keep].tolist(), ju[keep].tolist()))
    for _, i, j in order:
        a, b = owner[i], owner[j]
        if a == b:
            continue
        ma, mb = members[a], members[b]
        block = margins[np.ix_(ma, mb)]
        if (block <= _NEVER / 2).any() or _linkage(block) < 0:
            continue
        if not _chain([items[k].span for k in ma + mb]):
            continue
        keep_id, drop_id = min(a, b), max(a, b)
        members[keep_id] = sorted(ma + mb)
        for k in members[drop_id]:
            owner[k] = keep_id
        del members[drop_id]
    return [members[k] for k in sorted(members)]


def _published_order(d: Dated) -> tuple[int, str, int, int, int]:
    c = d.cand
    first = d.published.first if d.published else 10**9
    return (first, c.article_id, c.sentence_start, c.timex_start, c.timex_end)


def event_id(first: Dated) -> str:
    """Stable id from the event's earliest mention (article, sentence and date spans)."""
    c = first.cand
    key = f"{c.article_id}:{c.sentence_start}:{c.sentence_end}:{c.timex_start}:{c.timex_end}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _event(group: Sequence[Dated], s: EventSettings) -> Event:
    ordered = sorted(group, key=_published_order)
    dated = [d for d in ordered if not d.lead] or list(ordered)
    # The nested dates form a chain: the narrowest one is the event's date ("1 July 2016" when
    # one outlet gives the day and others say "July").
    best = min(dated, key=lambda d: (d.span.days, _published_order(d)))
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for d in ordered:
        for e in d.cand.entity_ids:
            counts[e] += 1
            first_seen.setdefault(e, len(first_seen))
    entities = sorted(counts, key=lambda e: (-counts[e], first_seen[e]))
    recalled = {d.group for d in ordered
                if d.published is not None
                and d.published.first - best.span.last >= s.background_lag_days}
    return Event(
        id=event_id(ordered[0]), date=best.cand.date, granularity=best.span.granularity,
        mentions=[d.cand for d in ordered], entity_ids=entities,
        background=len(recalled) >= s.background_min_articles)


def group_events(corpus: Corpus, settings: Any = None) -> list[Event]:
    """Events of the corpus: dated sentences of one or more articles reporting one happening,
    in date order. ``settings``: None, an EventSettings, or the global Settings."""
    s = EventSettings.of(settings)
    items = dated_sentences(corpus, s)
    if not items:
        return []
    sim = content_similarity(items, corpus, s.embedder_kind())
    groups = _cluster(items, link_margins(items, sim, s))
    from storyline.events.dates import sort_key

    events = [_event([items[k] for k in g], s) for g in groups]
    events.sort(key=lambda e: (sort_key(e.date), e.id))
    return events
