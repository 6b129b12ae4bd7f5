"""Search over stored articles and sentences: BM25 keyword search (SQLite FTS5), semantic search
(sentence vectors), fused by reciprocal rank; filters by story, entity, outlet and date; every hit
cites a sentence span of an article's clean text.

>>> from storyline.search import search                      # doctest: +SKIP
>>> [h.to_dict() for h in search(store, "airport attack", limit=3)]  # doctest: +SKIP
"""

from storyline.search.engine import KINDS, MODES, search
from storyline.search.hits import Hit
from storyline.search.query import ParsedQuery, parse_query
from storyline.search.semantic import DEFAULT_MODEL, index_embeddings, index_search

__all__ = ["DEFAULT_MODEL", "KINDS", "MODES", "Hit", "ParsedQuery", "index_embeddings",
           "index_search", "parse_query", "search"]
