"""What a summary should cover: concepts that many independent articles repeat, how similar the
sentences are (sentence vectors), and where in its article a sentence stands."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from storyline.corpus import Corpus
from storyline.summarize.candidates import Candidate
from storyline.summarize.params import SummaryParams
from storyline.summarize.text import bigrams, terms

Concept = tuple[str, str]


def source_of(corpus: Corpus) -> dict[str, int]:
    """Article -> its group of copies: a wire story run by five outlets is one source here, so it
    does not make its own words look five times as important."""
    return {aid: k for k, group in enumerate(corpus.duplicate_groups()) for aid in group}


def concept_weights(sentences: Iterable[tuple[str, str]], sources: Mapping[str, int],
                    p: SummaryParams) -> dict[Concept, float]:
    """Bigram -> weight, from (article id, text) pairs: how many independent sources use it."""
    seen: dict[Concept, set[int]] = {}
    for aid, text in sentences:
        src = sources.get(aid, -1)
        for b in bigrams(terms(text)):
            seen.setdefault(b, set()).add(src)
    return {b: float(len(s)) ** p.concept_power for b, s in seen.items()
            if len(s) >= p.concept_min_df}


def candidate_concepts(cands: Sequence[Candidate], weights: Mapping[Concept, float]
                       ) -> list[set[Concept]]:
    # The concepts of what the summary prints (a cut attribution tail covers nothing).
    return [{b for b in bigrams(terms(c.shown or c.sentence.text)) if b in weights} for c in cands]


def position_prior(cands: Sequence[Candidate], p: SummaryParams) -> np.ndarray:
    return np.array([math.exp(-c.position / p.position_decay) for c in cands], dtype=np.float64)


def similarity(vectors: np.ndarray) -> np.ndarray:
    """Cosine similarity of unit vectors, negatives clipped (unrelated is not "anti-covering")."""
    if vectors.size == 0:
        return np.zeros((0, 0))
    v = np.asarray(vectors, dtype=np.float64)
    return np.clip(v @ v.T, 0.0, 1.0)
