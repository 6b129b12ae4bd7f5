"""Full clustering: every article at once, deterministic, with the same similarity as StoryIndex.

Articles are taken in a canonical order (date, then a hash of the id), so the result does not
depend on the order they are given in; document frequencies come from the whole collection, so the
first articles are weighed like the last. One pass of incremental assignment builds the stories,
then refinement passes move each article to the story it fits best (its own story without it) and
merge stories whose profiles match; both stop when nothing changes (or after a few rounds).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from typing import Any

from storyline.stories.features import StoryFeatures, date_ordinal
from storyline.stories.index import StoryIndex, StoryParams

__all__ = ["canonical_order", "cluster", "doc_freq"]

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
    index = StoryIndex(params=params, doc_freq=df)
    slot: dict[str, int] = {}
    for g in groups:  # rebuild the stories as they are, then re-score every article
        first = index._open(by_id[g[0]])
        index._where[g[0]] = first
        for a in g[1:]:
            index._join(first, by_id[a])
            index._where[a] = first
        for a in g:
            slot[a] = first
    moves: dict[str, int] = {}
    for f in ordered:
        own = slot[f.article_id]
        q = index._query(f)
        cands = index._candidates(q)
        if own not in cands:
            cands.append(own)
        best_s, best_k = -1.0, own
        for k in cands:
            s = (index._score_without(q, k, f) if k == own
                 else index._score(q, [k])[0][0])
            if s > best_s + 1e-9 or (abs(s - best_s) <= 1e-9 and k < best_k):
                best_s, best_k = s, k
        if index._n[own] == 1 and best_s < params.threshold:
            best_k = own  # stays alone
        elif best_s < params.threshold:
            best_k = -1  # leaves to open its own story
        moves[f.article_id] = best_k
    out: dict[int | str, list[str]] = {}
    for f in ordered:
        k = moves[f.article_id]
        out.setdefault(k if k >= 0 else "solo:" + f.article_id, []).append(f.article_id)
    return list(out.values())  # in order of each story's first article (dict keeps insertion)
