"""Cited multi-document summaries: :func:`summarize` a Corpus within a word or byte budget.

Modules: ``text`` (words, concepts, sizes), ``period`` (date spans), ``compress`` (asides,
connectives, datelines and attribution tails cut; the kept words cited piece by piece),
``candidates`` (usable sentences, near copies merged), ``salience`` (concept weights, similarity,
position), ``select`` (budgeted greedy submodular selection), ``summary`` (the whole stage and its
records).
"""

from storyline.summarize.params import SummaryParams
from storyline.summarize.summary import SummarySentence, summarize

__all__ = ["SummaryParams", "SummarySentence", "summarize"]
