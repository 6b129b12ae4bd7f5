"""How alike two dated sentences are in content: sentence vectors, words and canonical entities.

One blended similarity in 0..1. Words are weighted by their rarity among the corpus' sentences
(TF-IDF cosine), so "shot down a Russian warplane" counts for more than "Russia and Turkey" in a
story about Russia and Turkey. Entities are compared as sets (Jaccard). Vectors come from the
stories' embedder (MiniLM or its static distillation), loaded once per process.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from storyline.corpus import Corpus
from storyline.events.candidates import Dated
from storyline.stories.features import tokens

__all__ = ["content_similarity", "dense_vectors"]

# Blend with sentence vectors; without them the words and entities carry it all.
DENSE_WEIGHTS = (0.70, 0.15, 0.15)
LEXICAL_WEIGHTS = (0.0, 0.70, 0.30)
# Words either side of the date that, with it, tell what the date is the date of: "regret last
# week for the downing of a jet in November 2015" holds two happenings, each near its own date.
WINDOW_WORDS = 10


def dense_vectors(texts: Sequence[str], kind: str) -> np.ndarray | None:
    """Unit vectors of the texts, or None when the stage runs on words only."""
    if kind == "none" or not texts:
        return None
    from storyline.stories.embed import Embedder

    unique = sorted(set(texts))  # the same sentence with two dates is encoded once
    vecs = Embedder.get(kind).encode(unique)
    row = {t: i for i, t in enumerate(unique)}
    return vecs[[row[t] for t in texts]]


def date_window(d: Dated, corpus: Corpus, k: int = WINDOW_WORDS) -> str:
    """The date expression with up to ``k`` words either side, inside its sentence."""
    c = d.cand
    if d.lead:
        return d.text
    text = corpus.articles[c.article_id].clean_text
    left = text[c.sentence_start:c.timex_start].split()[-k:]
    right = text[c.timex_end:c.sentence_end].split()[:k]
    return " ".join([*left, text[c.timex_start:c.timex_end], *right])


def _idf(corpus: Corpus) -> tuple[Counter[str], int]:
    df: Counter[str] = Counter()
    n = 0
    for aid in sorted(corpus.analyses):
        for s in corpus.analyses[aid].sentences:
            df.update(set(tokens(s.text)))
            n += 1
    return df, max(n, 1)


def _tfidf(items: Sequence[Dated], corpus: Corpus) -> np.ndarray:
    df, n = _idf(corpus)
    vocab: dict[str, int] = {}
    for d in items:
        for w in d.words:
            vocab.setdefault(w, len(vocab))
    m = np.zeros((len(items), max(len(vocab), 1)), dtype=np.float32)
    for i, d in enumerate(items):
        for w, tf in Counter(d.words).items():
            m[i, vocab[w]] = (1 + math.log(tf)) * math.log((n + 1) / (df.get(w, 0) + 1) + 1)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return m / np.maximum(norms, 1e-12)


def _entity_jaccard(items: Sequence[Dated]) -> np.ndarray:
    n = len(items)
    sets = [set(d.cand.entity_ids) for d in items]
    out = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        if not sets[i]:
            continue
        for j in range(i + 1, n):
            if sets[j]:
                v = len(sets[i] & sets[j]) / len(sets[i] | sets[j])
                out[i, j] = out[j, i] = v
    return out


def content_similarity(items: Sequence[Dated], corpus: Corpus, kind: str) -> np.ndarray:
    """Pairwise blended similarity (n x n, symmetric, 1 on the diagonal)."""
    n = len(items)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    lex = _tfidf(items, corpus)
    sim_lex = np.clip(lex @ lex.T, 0.0, 1.0)
    sim_ent = _entity_jaccard(items)
    texts = [d.text for d in items]
    windows = [date_window(d, corpus) for d in items]
    vecs = dense_vectors(texts + windows, kind)
    if vecs is None:
        w_dense, w_lex, w_ent = LEXICAL_WEIGHTS
        sim = w_lex * sim_lex + w_ent * sim_ent
    else:
        w_dense, w_lex, w_ent = DENSE_WEIGHTS
        sent, win = vecs[:n], vecs[n:]
        dense = 0.5 * (np.clip(sent @ sent.T, 0.0, 1.0) + np.clip(win @ win.T, 0.0, 1.0))
        sim = w_dense * dense + w_lex * sim_lex + w_ent * sim_ent
    np.fill_diagonal(sim, 1.0)
    return sim.astype(np.float32)
