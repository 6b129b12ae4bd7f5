"""The dated sentences events are made of, gathered from a corpus in a canonical order.

Starts from the analysis' event candidates (every sentence with a normalised date) and keeps the
ones that can date a happening:

- a sentence whose dates nest ("on 1 July 2016 ... in 2016") keeps the finest one; disjoint dates
  ("regret last week for the downing in November 2015") stay separate candidates, one per date;
- a date without a written year ("in December", "earlier in the week") is dropped when the
  article's publication date is not known to the year: its year was a guess;
- a dateline ("June 8, 2010") is no event: a sentence needs some content words besides its date;
- an article's lead sentence without a date of its own is dated by the article's publication
  (day or month), as Datewise counts the dates articles are published on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.corpus import Corpus
from storyline.events.dates import DateSpan, date_span
from storyline.events.settings import EventSettings
from storyline.records import EventCandidate, Sentence
from storyline.stories.features import tokens

__all__ = ["Dated", "dated_sentences", "duplicate_group_of"]

_YEAR = re.compile(r"(?<!\d)(?:1[6-9]|2\d)\d\d(?!\d)|'\d\d\b")


@dataclass(slots=True)
class Dated:
    """One dated sentence: an event candidate with what grouping needs to know about it."""

    cand: EventCandidate
    text: str  # the sentence
    span: DateSpan
    group: str  # duplicate group (its first article id): copies of one story count once
    published: DateSpan | None  # the article's publication date, when known
    lead: bool = False  # dated by publication, not by a date in the sentence
    words: tuple[str, ...] = ()  # content words (no date words)

    @property
    def key(self) -> tuple[str, int, int, int]:
        c = self.cand
        return (c.article_id, c.sentence_start, c.timex_start, c.timex_end)


def duplicate_group_of(corpus: Corpus) -> dict[str, str]:
    """Article id -> the smallest id of its group of exact/near copies (order independent)."""
    out: dict[str, str] = {}
    for group in corpus.duplicate_groups():
        head = min(group)
        for i in group:
            out[i] = head
    return out


def _entities_in(corpus: Corpus, article_id: str, start: int, end: int) -> list[str]:
    ids: list[str] = []
    for m in sorted(corpus.analyses[article_id].mentions, key=lambda m: m.start):
        if start <= m.start and m.end <= end and m.entity_id and m.entity_id not in ids:
            ids.append(m.entity_id)
    return ids


def _content_words(text: str, cuts: list[tuple[int, int]]) -> tuple[str, ...]:
    """The sentence's content words, date expressions cut out."""
    pieces, pos = [], 0
    for a, b in sorted(cuts):
        pieces.append(text[pos:max(a, pos)])
        pos = max(pos, b)
    pieces.append(text[pos:])
    return tuple(tokens(" ".join(pieces)))


def dated_sentences(corpus: Corpus, settings: EventSettings) -> list[Dated]:
    """Every usable dated sentence of the corpus, in canonical order (article id, then text
    position): the same corpus in any article order gives the same list."""
    groups = duplicate_group_of(corpus)
    out: list[Dated] = []
    for aid in sorted(corpus.analyses):
        analysis = corpus.analyses[aid]
        text = corpus.articles[aid].clean_text
        dct = analysis.dct
        published = date_span(dct.value) if dct and dct.value else None
        sentences = sorted(analysis.sentences, key=lambda s: (s.start, s.end))
        by_sentence: dict[int, list[EventCandidate]] = {}
        for c in analysis.events:
            by_sentence.setdefault(c.sentence_start, []).append(c)
        for start in sorted(by_sentence):
            kept = _kept(by_sentence[start], text, published)
            if not kept:
                continue
            s_end = kept[0].sentence_end
            sentence = text[start:s_end]
            cuts = [(c.timex_start - start, c.timex_end - start) for c in by_sentence[start]]
            words = _content_words(sentence, cuts)
            if len(words) < settings.min_content_words:
                continue
            for c, span in kept_spans(kept):
                out.append(Dated(c, sentence, span, groups.get(aid, aid), published, False,
                                 words))
        if settings.lead_events:
            lead = _lead(corpus, aid, sentences, by_sentence, published, groups, settings)
            if lead is not None:
                out.append(lead)
    out.sort(key=lambda d: d.key)
    return out


def kept_spans(cands: list[EventCandidate]) -> list[tuple[EventCandidate, DateSpan]]:
    return [(c, span) for c in cands if (span := date_span(c.date)) is not None]


def _kept(cands: list[EventCandidate], text: str, published: DateSpan | None
          ) -> list[EventCandidate]:
    """A sentence's candidates that date something: known year, finest of nested dates, once."""
    usable: list[tuple[EventCandidate, DateSpan]] = []
    for c in sorted(cands, key=lambda c: (c.timex_start, c.timex_end)):
        span = date_span(c.date)
        if span is None:
            continue
        if published is None and not _YEAR.search(text[c.timex_start:c.timex_end]):
            continue  # "in December" with no known publication year: the year was guessed
        usable.append((c, span))
    kept: list[EventCandidate] = []
    for i, (c, span) in enumerate(usable):
        finer_inside = any(
            j != i and o.first >= span.first and o.last <= span.last and
            (o.days < span.days or (o.days == span.days and j < i))
            for j, (_, o) in enumerate(usable))
        if not finer_inside:
            kept.append(c)
    return kept


def _lead(corpus: Corpus, aid: str, sentences: list[Sentence],
          by_sentence: dict[int, list[EventCandidate]], published: DateSpan | None,
          groups: dict[str, str], settings: EventSettings) -> Dated | None:
    """The article's first sentence, dated by publication, when it names no date itself."""
    if not sentences or published is None or published.granularity not in ("day", "month"):
        return None
    article = corpus.articles[aid]
    # A headline kept in the text (``title_in_text``) is not the lead: skip a first sentence
    # that is the title.
    first = sentences[0]
    if article.title and first.text.strip() == article.title.strip() and len(sentences) > 1:
        first = sentences[1]
    if first.start in by_sentence:
        return None
    words = tuple(tokens(first.text))
    if len(words) < settings.min_content_words:
        return None
    dct = corpus.analyses[aid].dct
    cand = EventCandidate(
        article_id=aid, sentence_start=first.start, sentence_end=first.end,
        date=str(dct.value), granularity=published.granularity,
        timex_start=first.start, timex_end=first.start,
        entity_ids=_entities_in(corpus, aid, first.start, first.end))
    return Dated(cand, first.text, published, groups.get(aid, aid), published, True, words)

