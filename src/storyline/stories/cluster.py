"""Full clustering: every article at once, deterministic, with the same similarity as StoryIndex.

Articles are taken in a canonical order (date, then a hash of the id), so the result does not
depend on the order they are given in; document frequencies come from the whole collection, so the
first articles are weighed like the last.

Up to ``StoryParams.full_max`` articles: the pairwise combined similarity (dense cosine, TF-IDF
cosine, entity IDF cosine, weighted as in StoryIndex) is calibrated per article by local scaling
(each article's similarity to its k-th nearest neighbour sets its scale, so 540-word and 38-word
articles meet one threshold), then average-link agglomeration cuts the tree at
``full_threshold``. Time plays no part: stories last years. New arrivals then go through
:class:`StoryIndex` (the store's incremental path).

Beyond ``full_max``: one pass of incremental assignment builds the stories, then refinement
passes move each article to the story it fits best (its own story without it) and merge stories
whose profiles match; both stop when nothing changes (or after a few rounds).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from storyline.stories.features import StoryFeatures, date_ordinal
from storyline.stories.index import StoryIndex, StoryParams, idf

__all__ = ["agglomerate", "calibrate", "canonical_order", "cluster", "doc_freq", "similarity_matrix"]

REFINE_ROUNDS = 3


def doc_freq(features: Sequence[StoryFeatures]) -> tuple[Counter[str], Counter[str], int]:
    terms: Counter[str] = Counter()
    ents: Counter[str] = Counter()
    for f in features:
        terms.update(f.terms.keys())
        ents.update(f.entities.keys())
    return terms, ents, len(features)


def canonical_order(features: Sequence[StoryFeatures]) -> list[StoryFeatures]:
    """Dated articles first, oldest first; ties and undated ones by a hash of their id."""
    def key(f: StoryFeatures) -> tuple[int, str]:
        day = date_ordinal(f.date)
        return (day if day is not None else 10**9,
                hashlib.blake2b(f.article_id.encode(), digest_size=8).hexdigest())
    return sorted(features, key=key)


def cluster(features: Sequence[StoryFeatures], settings: Any = None, *,
            params: StoryParams | None = None) -> list[list[str]]:
    """Group articles into stories: lists of article ids, each story in canonical order, stories
    ordered by their first article. Duplicate ids count once."""
    unique = list({f.article_id: f for f in features}.values())
    if not unique:
        return []
    ordered = canonical_order(unique)
    params = params or (StoryParams.from_settings(settings) if settings is not None
                        else StoryParams())
    if len(ordered) <= params.full_max:
        return agglomerate(ordered, params)
    df = doc_freq(ordered)
    index = StoryIndex(params=params, doc_freq=df)
    index.extend(ordered)
    groups = index.stories()
    for _ in range(REFINE_ROUNDS):
        regrouped = _refine(ordered, groups, params, df)
        if regrouped == groups:
            break
        groups = regrouped
    return groups


def _refine(ordered: Sequence[StoryFeatures], groups: list[list[str]], params: StoryParams,
            df: tuple[Counter[str], Counter[str], int]) -> list[list[str]]:
    """Each article to its best story (scored against the story without it); stories rebuilt."""
    by_id = {f.article_id: f for f in ordered}
    index, slot = StoryIndex.from_groups(groups, by_id, params=params, doc_freq=df)
    moves = {f.article_id: index.best_story(f, slot[f.article_id]) for f in ordered}
    out: dict[int | str, list[str]] = {}
    for f in ordered:
        k = moves[f.article_id]
        out.setdefault(k if k >= 0 else "solo:" + f.article_id, []).append(f.article_id)
    return list(out.values())  # in order of each story's first article (dict keeps insertion)


# --- full path: calibrated similarity + average link ----------------------------------------------

def _tfidf_rows(weights: Sequence[dict[str, float]]) -> Any:
    """Unit-length TF-IDF rows (scipy CSR) of term -> weight dicts, idf as in StoryIndex."""
    from scipy.sparse import csr_matrix

    n = len(weights)
    df: Counter[str] = Counter()
    for w in weights:
        df.update(w.keys())
    vocab = {t: j for j, t in enumerate(sorted(df))}
    idf_of = {t: idf(c, n) for t, c in df.items()}
    rows, cols, vals = [], [], []
    for i, w in enumerate(weights):
        norm = math.sqrt(sum((v * idf_of[t]) ** 2 for t, v in w.items()))
        if norm <= 0:
            continue
        for t, v in w.items():
            rows.append(i)
            cols.append(vocab[t])
            vals.append(v * idf_of[t] / norm)
    return csr_matrix((np.asarray(vals, dtype=np.float32), (rows, cols)),
                      shape=(n, max(len(vocab), 1)))


def similarity_matrix(ordered: Sequence[StoryFeatures], params: StoryParams) -> np.ndarray:
    """Pairwise combined similarity, uncalibrated: w_dense*cos + w_lex*tfidf + w_ent*entities
    (an article without entities scores 0 there), divided by the sum of the weights."""
    vecs = np.stack([np.asarray(f.vector, dtype=np.float32) for f in ordered])
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    sim = params.w_dense * (vecs @ vecs.T)
    lex = _tfidf_rows([f.terms for f in ordered])
    sim += params.w_lex * (lex @ lex.T).toarray()
    ent = _tfidf_rows([f.entities for f in ordered])
    sim += params.w_ent * (ent @ ent.T).toarray()
    sim /= params.w_dense + params.w_lex + params.w_ent
    return sim.astype(np.float32)


def calibrate(sim: np.ndarray, k: int, floor: float) -> np.ndarray:
    """Local scaling: s(i, j) / sqrt(σi σj), σi = max(i's k-th best similarity, floor).

    In a small collection the k-th neighbour is likely to belong to another story, so k shrinks
    to one per eight articles there (under 40 articles)."""
    n = sim.shape[0]
    if n < 2:
        return sim.copy()
    off = sim.astype(np.float64)
    np.fill_diagonal(off, -np.inf)
    kk = max(1, min(k, n // 8, n - 1))
    sigma = np.maximum(-np.partition(-off, kk - 1, axis=1)[:, kk - 1], max(floor, 1e-6))
    out = np.clip(sim / np.sqrt(np.outer(sigma, sigma)), -3.0, 3.0)
    np.fill_diagonal(out, 3.0)
    return out


def agglomerate(ordered: Sequence[StoryFeatures], params: StoryParams) -> list[list[str]]:
    """Average-link agglomeration over the calibrated similarity, cut at ``full_threshold``."""
    if len(ordered) == 1:
        return [[ordered[0].article_id]]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    cal = calibrate(similarity_matrix(ordered, params), params.knn, params.knn_floor)
    dist = 4.0 - cal  # 1..7: positive, so scipy accepts it
    dist = (dist + dist.T) / 2
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    labels = fcluster(tree, 4.0 - params.full_threshold, criterion="distance")
    out: dict[int, list[str]] = {}
    for f, lab in zip(ordered, labels):
        out.setdefault(int(lab), []).append(f.article_id)
    return list(out.values())  # canonical order inside, stories by their first article
