"""A cited, extractive summary of a corpus within a word or byte budget.

Steps: usable sentences in scope (an entity, a date range), near copies across outlets merged into
one candidate that cites them all; concept weights (bigrams repeated by independent sources) and
sentence vectors; budgeted greedy selection (``select``); the chosen sentences ordered by time and,
within an article, as the article tells them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

import numpy as np

from storyline.config import Settings
from storyline.corpus import Corpus
from storyline.errors import E010, E015, StorylineError
from storyline.records import Citation
from storyline.summarize import period
from storyline.summarize.candidates import Candidate, candidates
from storyline.summarize.params import SummaryParams
from storyline.summarize.salience import (
    candidate_concepts,
    concept_weights,
    position_prior,
    similarity,
    source_of,
)
from storyline.summarize.select import Problem, greedy
from storyline.summarize.text import n_bytes, n_words


class SentenceEncoder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass(slots=True)
class SummarySentence:
    """One sentence of a summary: the words of one outlet, cited there and in every near copy."""

    text: str
    citations: list[Citation]
    date: str | None = None  # publication date of the first article that carries it
    outlets: list[str] = field(default_factory=list)
    truncated: bool = False  # cut at a word to fill the budget (``overflow=True``)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "citations": [c.to_dict() for c in self.citations],
                "date": self.date, "outlets": self.outlets, "truncated": self.truncated}


@dataclass(frozen=True, slots=True)
class Budget:
    unit: str  # "words" or "bytes"
    size: int

    def cost(self, text: str) -> int:
        return n_words(text) if self.unit == "words" else n_bytes(text)

    @property
    def separator(self) -> int:
        return 0 if self.unit == "words" else 1  # sentences are joined by one space or newline


def budget_of(words: int | None, bytes_: int | None, p: SummaryParams) -> Budget:
    if words is not None and bytes_ is not None:
        raise StorylineError(E015, why="Give a word budget or a byte budget, not both",
                             command="summarize")
    if bytes_ is not None:
        unit, size = "bytes", bytes_
    else:
        unit, size = "words", (p.default_words if words is None else words)
    if size <= 0:
        raise StorylineError(E015, why=f"The {unit} budget must be a positive number",
                             command="summarize")
    return Budget(unit, int(size))


def resolve_entity(corpus: Corpus, entity: str) -> str:
    """A canonical entity id from an id or a name/alias (exact first, then part of a name)."""
    if entity in corpus.entities:
        return entity
    q = entity.strip().casefold()
    exact = [e for e in corpus.entities.values()
             if q == e.name.casefold() or q in (a.casefold() for a in e.aliases)]
    partial = [e for e in corpus.entities.values()
               if q and (q in e.name.casefold().split() or q in e.name.casefold())]
    found = exact or partial
    if not found:
        raise StorylineError(E015, why=f"No entity '{entity}' in these articles; list them with "
                             "`storyline entities`", command="summarize")
    return max(found, key=lambda e: (e.n_mentions, e.id)).id


def date_bound(value: str | date | None, *, end: bool) -> date | None:
    if value is None or isinstance(value, date):
        return value
    bound = period.parse_bound(value, end=end)
    if bound is None:
        raise StorylineError(E010, value=value)
    return bound


def summarize(corpus: Corpus, *, words: int | None = None, bytes_: int | None = None,
              entity: str | None = None, since: str | date | None = None,
              until: str | date | None = None, settings: Settings | None = None,
              params: SummaryParams | None = None, embedder: SentenceEncoder | None = None,
              overflow: bool = False) -> list[SummarySentence]:
    """The summary's sentences in reading order (time, then each article's own order).

    ``words``/``bytes_``: the budget (one of them; default ``params.default_words`` words).
    ``entity``: only sentences that mention it (a name, alias or canonical id).
    ``since``/``until``: only sentences whose dates (or, undated, their article's) overlap the range.
    ``overflow``: fill the budget exactly, cutting one more sentence at a word (as DUC did).
    ``embedder``: anything with ``encode(texts) -> unit vectors``; default the stories embedder.
    """
    p = params or SummaryParams()
    settings = settings or Settings()
    budget = budget_of(words, bytes_, p)
    entity_id = resolve_entity(corpus, entity) if entity else None
    lo, hi = date_bound(since, end=False), date_bound(until, end=True)
    cands = candidates(corpus, p, entity_id=entity_id, since=lo, until=hi)
    if not cands:
        return []
    sources = source_of(corpus)
    if entity_id or lo or hi:
        scope = [(s.article_id, s.text) for c in cands for s in c.copies]
    else:
        scope = [(s.article_id, s.text) for s in corpus.sentences()]
    weights = concept_weights(scope, sources, p)
    if embedder is None:
        from storyline.stories.embed import Embedder
        embedder = Embedder.get(settings.story_embedder)
    vectors = embedder.encode([c.sentence.text for c in cands])
    prob = Problem(concepts=candidate_concepts(cands, weights), weights=weights,
                   sim=similarity(vectors), prior=position_prior(cands, p),
                   cost=np.array([budget.cost(c.sentence.text) for c in cands], dtype=float),
                   separator=budget.separator)
    chosen, extra = greedy(prob, budget.size, p)
    picked = [cands[j] for j in chosen]
    out = {id(c): cited(corpus, c) for c in picked}
    if overflow and extra is not None:
        used = sum(prob.cost[j] for j in chosen) + budget.separator * len(chosen)
        cut = truncated(corpus, cands[extra], budget, int(budget.size - used))
        if cut is not None:
            picked.append(cands[extra])
            out[id(cands[extra])] = cut
    picked.sort(key=lambda c: c.order)
    return [out[id(c)] for c in picked]


def outlets_of(corpus: Corpus, article_ids: list[str]) -> list[str]:
    return list(dict.fromkeys(o for a in article_ids if (o := corpus.outlet(a))))


def cited(corpus: Corpus, c: Candidate) -> SummarySentence:
    cites = [corpus.cite(s.article_id, s.start, s.end) for s in c.copies]
    return SummarySentence(text=corpus.quote(cites[0]), citations=cites, date=c.published,
                           outlets=outlets_of(corpus, c.articles))


def truncated(corpus: Corpus, c: Candidate, budget: Budget, room: int) -> SummarySentence | None:
    """The sentence's longest prefix ending at a word that fits ``room``; None if under 3 words."""
    s = c.sentence
    text = corpus.articles[s.article_id].clean_text[s.start:s.end]
    end = 0
    for k, ch in enumerate(text):
        if ch.isspace() and k > 0 and not text[k - 1].isspace():
            if budget.cost(text[:k]) > room:
                break
            end = k
    if end == 0 or n_words(text[:end]) < 3:
        return None
    cite = corpus.cite(s.article_id, s.start, s.start + end)
    return SummarySentence(text=corpus.quote(cite), citations=[cite], date=c.published,
                           outlets=outlets_of(corpus, [s.article_id]), truncated=True)


__all__ = ["SummarySentence", "summarize"]
