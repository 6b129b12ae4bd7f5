"""A cited, extractive summary of a corpus within a word or byte budget.

Steps: usable sentences in scope (an entity, a date range), each shortened to what a summary needs,
near copies across outlets merged into one candidate that cites them all; concept weights (bigrams repeated by independent sources) and
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
from storyline.summarize.compress import Piece, compress, join, pieces_text, prefix
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
    """One sentence of a summary: the words of one outlet, cited there and in every near copy.

    A shortened sentence (``compress``) cites each kept piece: the citations of its first article
    are exactly what ``text`` prints (pieces joined by a space, none before a full stop); those of
    each other article are the kept words of that outlet's near copy.
    """

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
                   cost=np.array([budget.cost(c.shown) for c in cands], dtype=float),
                   separator=budget.separator)
    chosen, extra = greedy(prob, budget.size, p)
    picked = [cands[j] for j in chosen]
    out = {id(c): cited(corpus, c, p) for c in picked}
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


def cited(corpus: Corpus, c: Candidate, p: SummaryParams) -> SummarySentence:
    """The kept words of the quoted sentence, cited piece by piece, then the kept words of each
    near copy in the other outlets (citations of one article are that article's pieces)."""
    cites = [corpus.cite(c.sentence.article_id, x.start, x.end) for x in c.pieces]
    for s in c.copies[1:]:
        kept = compress(s, attribution=p.cut_attribution) if p.compress else [Piece(s.start, s.end)]
        cites += [corpus.cite(s.article_id, x.start, x.end) for x in kept]
    return SummarySentence(text=join([corpus.quote(x) for x in cites[:len(c.pieces)]]),
                           citations=cites, date=c.published,
                           outlets=outlets_of(corpus, c.articles))


def truncated(corpus: Corpus, c: Candidate, budget: Budget, room: int) -> SummarySentence | None:
    """The printed sentence's longest start ending at a word that fits ``room``; None if under 3
    words."""
    s = c.sentence
    kept = prefix(s, c.pieces, lambda text: budget.cost(text) <= room)
    if n_words(pieces_text(s, kept)) < 3:
        return None
    cites = [corpus.cite(s.article_id, x.start, x.end) for x in kept]
    return SummarySentence(text=join([corpus.quote(x) for x in cites]), citations=cites,
                           date=c.published, outlets=outlets_of(corpus, [s.article_id]),
                           truncated=True)


__all__ = ["SummarySentence", "summarize"]
