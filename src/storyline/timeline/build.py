"""Build a timeline from a corpus' events: the dates that matter, each told by its most central
source sentence, with citations to every sentence that reports it.

Which dates matter follows Datewise (Ghalandari & Ifrim, 2020): a date counts for as many
sentences across sources as mention it, and for as many articles as were published on it. Events
sharpen that: an event reported by more outlets (copies of one story counted once) ranks higher,
and the date comes at the granularity the sources give it ("in 2019" stays 2019). The entry's
text is the event's most central sentence (closest to its other mentions), preferring one that
states the event's own date and avoiding a sentence already used for another entry (MMR).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from storyline.corpus import Corpus
from storyline.events.candidates import Dated, dated_sentences, duplicate_group_of
from storyline.events.dates import GRANULARITY_RANK, DateSpan, contract_date, date_span, sort_key
from storyline.events.settings import EventSettings
from storyline.events.similarity import dense_vectors
from storyline.records import Event, EventCandidate
from storyline.stories.features import tokens
from storyline.timeline.entry import TimelineEntry
from storyline.timeline.focus import resolve_entity
from storyline.timeline.settings import TimelineSettings

__all__ = ["build_timeline", "date_salience"]

_SentenceKey = tuple[str, int, int]


def _sentence_key(m: EventCandidate) -> _SentenceKey:
    return (m.article_id, m.sentence_start, m.sentence_end)


def date_salience(span: DateSpan, dated: Sequence[Dated], corpus: Corpus,
                  groups: dict[str, str]) -> tuple[int, int]:
    """(sentences that mention a date inside ``span``, sentences published inside it); each
    sentence counted once across copies of a story."""
    mentioned = {(d.group, d.text) for d in dated
                 if not d.lead and span.first <= d.span.first and d.span.last <= span.last}
    published: set[tuple[str, str]] = set()
    for aid in sorted(corpus.analyses):
        dct = corpus.analyses[aid].dct
        p = date_span(dct.value) if dct and dct.value else None
        if p is not None and span.first <= p.first and p.last <= span.last:
            group = groups.get(aid, aid)
            published.update((group, s.text) for s in corpus.analyses[aid].sentences)
    return len(mentioned), len(published)


def _score(event: Event, dated: Sequence[Dated], corpus: Corpus, groups: dict[str, str]) -> float:
    span = date_span(event.date)
    support = len({groups.get(m.article_id, m.article_id) for m in event.mentions})
    if span is None:
        return float(support)
    mentions, published = date_salience(span, dated, corpus, groups)
    finer = GRANULARITY_RANK.get(span.granularity, 0) / 4  # a day says more than a year
    return support + 0.5 * math.log1p(mentions) + 0.3 * math.log1p(published) + 0.25 * finer


def _outlet(corpus: Corpus, aid: str) -> str:
    return corpus.outlet(aid) or corpus.articles[aid].origin.rsplit("/", 1)[-1]


def build_timeline(corpus: Corpus, events: list[Event] | None = None, *, entity: str | None = None,
                   max_entries: int | None = None, sentences_per_entry: int | None = None,
                   settings: Any = None) -> list[TimelineEntry]:
    """The corpus' timeline: entries in date order, each with its date at its granularity, the
    text of its most central sentence and citations to every supporting sentence.

    ``events``: from :func:`storyline.events.group_events` (computed when None). ``entity``:
    keep only events whose sentences mention it (canonical id, name or alias). ``max_entries``
    and ``sentences_per_entry`` override the settings (``timeline_entries``, 0 = all;
    ``timeline_sentences_per_entry``)."""
    ts = TimelineSettings.of(settings)
    es = EventSettings.of(settings)
    if events is None:
        from storyline.events import group_events

        events = group_events(corpus, settings)
    events = [e for e in events if contract_date(e.date)[1] != "unknown"
              and all(m.article_id in corpus.articles for m in e.mentions)]
    if entity:
        focus = resolve_entity(corpus, entity)
        events = [e for e in events if focus.matches(e, corpus)]
    if not events:
        return []
    limit = ts.entries if max_entries is None else max_entries
    per_entry = max(1, sentences_per_entry or ts.sentences_per_entry)

    groups = duplicate_group_of(corpus)
    dated = dated_sentences(corpus, es)
    scores = {e.id: _score(e, dated, corpus, groups) for e in events}
    ranked = _select(events, scores, limit if limit and limit > 0 else len(events))

    texts = _TextPicker(corpus, ranked, es.embedder_kind(), ts.redundancy)
    chosen = {e.id: texts.pick(e, per_entry) for e in ranked}  # best events choose first
    entries = [_entry(corpus, e, chosen[e.id], scores[e.id], groups)
               for e in sorted(ranked, key=lambda e: (sort_key(e.date), -scores[e.id], e.id))]
    return entries


# Each further event on a date already in the timeline is worth this much less: a timeline tells
# many dates (Datewise selects dates first), not every happening of one busy day.
SAME_DATE_PENALTY = 0.75


def _select(events: Sequence[Event], scores: dict[str, float], limit: int) -> list[Event]:
    """The ``limit`` best events, best first, greedily discounting repeats of a date."""
    left = sorted(events, key=lambda e: (-scores[e.id], sort_key(e.date), e.id))
    taken: list[Event] = []
    per_date: dict[str, int] = {}
    while left and len(taken) < limit:
        best = max(left, key=lambda e: (
            scores[e.id] - SAME_DATE_PENALTY * per_date.get(contract_date(e.date)[0], 0),
            -left.index(e)))
        taken.append(best)
        left.remove(best)
        d = contract_date(best.date)[0]
        per_date[d] = per_date.get(d, 0) + 1
    return taken


def _entry(corpus: Corpus, event: Event, picked: list[_SentenceKey], score: float,
           groups: dict[str, str]) -> TimelineEntry:
    date, granularity = contract_date(event.date)
    keys: list[_SentenceKey] = list(picked)
    for m in event.mentions:
        k = _sentence_key(m)
        if k not in keys:
            keys.append(k)
    citations = [corpus.cite(a, s, e) for a, s, e in keys]
    text_cites = citations[:len(picked)]
    articles: list[str] = []
    for m in event.mentions:
        if m.article_id not in articles:
            articles.append(m.article_id)
    outlets: list[str] = []
    for a in articles:
        o = _outlet(corpus, a)
        if o not in outlets:
            outlets.append(o)
    return TimelineEntry(
        date=date, granularity=granularity,
        text=" ".join(corpus.quote(c) for c in text_cites), citations=citations,
        event_id=event.id, background=event.background, value=event.date,
        text_citations=text_cites, outlets=outlets, articles=articles,
        support=len({groups.get(a, a) for a in articles}), score=score)


class _TextPicker:
    """Chooses each entry's sentence(s): central within the event, telling its own date, and
    not a repeat of text already chosen (maximal marginal relevance)."""

    def __init__(self, corpus: Corpus, events: Sequence[Event], kind: str, redundancy: float):
        self.corpus = corpus
        self.redundancy = redundancy
        keys: list[_SentenceKey] = []
        for e in events:
            for m in e.mentions:
                k = _sentence_key(m)
                if k not in keys:
                    keys.append(k)
        self.row = {k: i for i, k in enumerate(keys)}
        texts = [corpus.articles[a].clean_text[s:t] for a, s, t in keys]
        vecs = dense_vectors(texts, kind) if len(keys) > 1 else None
        if vecs is None:
            vecs = _bag_of_words(texts)
        self.sim = np.clip(vecs @ vecs.T, 0.0, 1.0) if len(keys) else np.zeros((0, 0))
        self.used: list[int] = []

    def pick(self, event: Event, k: int) -> list[_SentenceKey]:
        span = date_span(event.date)
        options: dict[_SentenceKey, float] = {}
        rows = sorted({self.row[_sentence_key(m)] for m in event.mentions})
        for m in event.mentions:
            key = _sentence_key(m)
            i = self.row[key]
            others = [j for j in rows if j != i]
            central = float(self.sim[i, others].mean()) if others else 1.0
            own_date = m.timex_end > m.timex_start and date_span(m.date) == span
            bonus = 0.15 if own_date else (0.0 if m.timex_end > m.timex_start else -0.1)
            options[key] = max(options.get(key, -9.0), central + bonus)
        picked: list[_SentenceKey] = []
        articles: set[str] = set()
        while options and len(picked) < k:
            def value(key: _SentenceKey) -> float:
                i = self.row[key]
                v = options[key]
                chosen = [self.row[p] for p in picked]
                if chosen:
                    v -= self.redundancy * float(self.sim[i, chosen].max())
                if i in self.used:  # the text of another entry already
                    v -= 1.0
                if key[0] in articles:
                    v -= 0.5
                return v

            best = max(options, key=lambda key: (value(key), -self.row[key]))
            picked.append(best)
            articles.add(best[0])
            self.used.append(self.row[best])
            del options[best]
        return picked


def _bag_of_words(texts: Sequence[str]) -> np.ndarray:
    vocab: dict[str, int] = {}
    rows = [tokens(t) for t in texts]
    for r in rows:
        for w in r:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(texts), max(len(vocab), 1)), dtype=np.float32)
    for i, r in enumerate(rows):
        for w in r:
            m[i, vocab[w]] += 1.0
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)

