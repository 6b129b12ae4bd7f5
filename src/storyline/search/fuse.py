"""Reciprocal rank fusion: one ranking from several, without calibrating their scores."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TypeVar

K = TypeVar("K", bound=Hashable)

RRF_K = 60  # the constant of Cormack et al. (2009): damps the head of each list


def rrf(rankings: dict[str, Sequence[K]], k: int = RRF_K) -> list[tuple[K, float, dict[str, int]]]:
    """(item, fused score, {ranking name: 1-based rank}) best first; ties keep first-seen order."""
    score: dict[K, float] = {}
    ranks: dict[K, dict[str, int]] = {}
    for name, items in rankings.items():
        for r, item in enumerate(items, start=1):
            if name in ranks.get(item, {}):
                continue  # an item listed twice counts once, at its best rank
            score[item] = score.get(item, 0.0) + 1.0 / (k + r)
            ranks.setdefault(item, {})[name] = r
    order = sorted(score, key=lambda it: -score[it])
    return [(it, score[it], ranks[it]) for it in order]
