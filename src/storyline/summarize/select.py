"""Budgeted greedy selection of a monotone submodular objective.

The objective adds three things a good news summary has (Gillick & Favre's concept coverage,
Lin & Bilmes' saturated coverage, and the lead bias of news):

    f(S) = a * (weight of the concepts S covers) / (weight of all concepts)
         + b * sum_i min(sum_{j in S} sim(i, j), t * sum_j sim(i, j)) / sum_i t * sum_j sim(i, j)
         + c * sum_{j in S} prior_j

Each step takes the sentence with the best gain per unit of cost (bytes or words, to a power) that
still fits the budget and repeats nothing already chosen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from storyline.summarize.params import SummaryParams
from storyline.summarize.salience import Concept


@dataclass(slots=True)
class Problem:
    concepts: list[set[Concept]]  # per candidate
    weights: Mapping[Concept, float]
    sim: np.ndarray  # n x n
    prior: np.ndarray  # n
    cost: np.ndarray  # n: bytes or words of each sentence
    separator: int  # cost of joining two sentences (1 byte; 0 words)


class _State:
    """What the chosen sentences already cover."""

    def __init__(self, prob: Problem, p: SummaryParams) -> None:
        n = len(prob.cost)
        self.prob, self.p = prob, p
        self.total_w = sum(prob.weights.values()) or 1.0
        self.cap = p.saturation * prob.sim.sum(axis=1)
        self.cap_total = float(self.cap.sum()) or 1.0
        self.cur = np.zeros(n)
        self.covered: set[Concept] = set()
        self.chosen: list[int] = []
        # Not chosen and no repetition of a chosen sentence.
        self.open = np.ones(n, dtype=bool)

    def gains(self) -> np.ndarray:
        prob, p = self.prob, self.p
        base = np.minimum(self.cur, self.cap).sum()
        cover = (np.minimum(self.cur[:, None] + prob.sim, self.cap[:, None]).sum(axis=0)
                 - base) / self.cap_total
        concept = np.array([sum(prob.weights[c] for c in cs - self.covered) / self.total_w
                            if self.open[j] else 0.0 for j, cs in enumerate(prob.concepts)])
        return p.w_concepts * concept + p.w_coverage * cover + p.w_position * prob.prior

    def take(self, j: int) -> None:
        self.chosen.append(j)
        self.covered |= self.prob.concepts[j]
        self.cur += self.prob.sim[:, j]
        self.open[j] = False
        self.open &= self.prob.sim[:, j] <= self.p.max_similarity


def greedy(prob: Problem, budget: int, p: SummaryParams) -> tuple[list[int], int | None]:
    """Chosen indices in the order picked, and the sentence that would add most next although it
    does not fit (None when every other sentence repeats a chosen one)."""
    n = len(prob.cost)
    if n == 0:
        return [], None
    st = _State(prob, p)
    fits = np.ones(n, dtype=bool)
    used = 0
    while True:
        sep = prob.separator if st.chosen else 0
        fits &= used + sep + prob.cost <= budget
        pickable = st.open & fits
        if not pickable.any():
            break
        ratio = np.where(pickable, st.gains() / np.maximum(prob.cost, 1.0) ** p.cost_power,
                         -np.inf)
        j = int(np.argmax(ratio))
        st.take(j)
        used += int(prob.cost[j]) + sep
    if not st.open.any():
        return st.chosen, None
    return st.chosen, int(np.argmax(np.where(st.open, st.gains(), -np.inf)))
