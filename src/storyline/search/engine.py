"""``search()``: keyword (BM25 over FTS5) and semantic (vectors) results, fused, filtered, cited."""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from storyline.errors import E015, StorylineError
from storyline.search.filters import Filters, resolve
from storyline.search.fuse import rrf
from storyline.search.hits import Hit, snippet_html
from storyline.search.lexical import B, K1, bm25_rank, highlights, word_counts
from storyline.search.query import ParsedQuery, parse_query
from storyline.search.semantic import (
    DEFAULT_MODEL,
    available_model,
    best_sentences,
    embed_query,
    semantic_articles,
    semantic_sentences,
)
from storyline.store.search import RowFilter, searchable, sentence_rowid, split_rowid

KINDS = ("sentences", "articles")
MODES = ("hybrid", "keyword", "semantic")
MAX_LIMIT = 1000
ARTICLE_DEPTH = 40  # articles whose sentences semantic sentence search ranks (at least)
COMMON_ROWS = 20_000  # a word in more rows than this is left out of the any-word fallback
RANK_BUDGET = 2_000  # matches FTS5 ranks at most per query (the newest, when more match)
SMALL_SET = 100  # allowed articles at or under which keyword search runs in Python


def _bad(why: str) -> StorylineError:
    return StorylineError(E015, why=why, command="search")


def search(store: Any, query: str, *, limit: int = 10, kind: str = "sentences",
           story: str | Sequence[str] | None = None, entity: str | None = None,
           outlet: str | None = None, since: str | None = None, until: str | None = None,
           mode: str = "hybrid", model: str | None = None, embedder: object | None = None
           ) -> list[Hit]:
    """The best ``limit`` sentences (or articles) for ``query``, best first.

    ``story`` is a stored story id or a list of article ids; ``entity`` a canonical entity id or
    name; ``outlet`` an outlet name; ``since``/``until`` YYYY[-MM[-DD]] bounds on the publication
    date. ``mode="hybrid"`` fuses keyword and semantic rankings (reciprocal rank fusion) and is
    keyword-only on a store without vectors; ``model`` picks the vectors (default: the model most
    articles have). Errors: E015 for a bad option or a query without words, E013 for an unknown
    story; FTS5 syntax in ``query`` is treated as text, never as an error.
    """
    store = searchable(store)
    if kind not in KINDS:
        raise _bad(f"--kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if mode not in MODES:
        raise _bad(f"--mode must be one of {', '.join(MODES)}, not {mode!r}")
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise _bad(f"--limit must be between 1 and {MAX_LIMIT}, not {limit!r}")
    parsed = parse_query(query)
    rf = resolve(store, Filters(story, entity, outlet, since, until))
    if rf.empty:
        return []
    depth = max(3 * limit, 30)

    rankings: dict[str, list[Any]] = {}
    scores: dict[str, dict[Any, float]] = {}
    ends: dict[tuple[int, int], int] = {}  # sentence (pk, start) -> end, where already known
    q = None
    if mode in ("hybrid", "keyword"):
        found, known_ends = _keyword(store, parsed, rf, kind, depth)
        if kind == "sentences":
            ends.update(known_ends)
        rankings["keyword"] = [item for item, _ in found]
        scores["keyword"] = dict(found)
    use_model = None
    if mode in ("hybrid", "semantic"):
        use_model = model or _default_model(store, required=mode == "semantic")
    if use_model is not None:
        q = embed_query(parsed.text, use_model, embedder)
        if kind == "sentences":
            found_s = semantic_sentences(store, q, rf, depth, use_model,
                                         max(ARTICLE_DEPTH, depth))
            rankings["semantic"] = [(pk, start) for pk, start, _, _ in found_s]
            scores["semantic"] = {(pk, start): c for pk, start, _, c in found_s}
            ends.update({(pk, start): end for pk, start, end, _ in found_s})
        else:
            found_a = semantic_articles(store, q, rf, depth, use_model)
            rankings["semantic"] = [pk for pk, _ in found_a]
            scores["semantic"] = dict(found_a)
    if mode == "hybrid" and len(rankings) > 1:
        fused = rrf(rankings)[:limit]
    else:
        name = next(iter(rankings))
        fused = [(item, scores[name][item], {name: r})
                 for r, item in enumerate(rankings[name][:limit], start=1)]
    if not fused:
        return []

    if kind == "sentences":
        missing = [sentence_rowid(*item) for item, _, _ in fused if item not in ends]
        known_ends = store.sentence_ends(missing) if missing else {}
        spans = []
        for item, _, _ in fused:
            end = ends.get(item)
            if end is None:
                end = known_ends.get(sentence_rowid(*item))
            if end is not None:
                spans.append((item[0], item[1], end))
        hit_kind = "sentence"
    else:
        pks = [item for item, _, _ in fused]
        cited = _article_citations(store, parsed, pks,
                                   use_model if "semantic" in rankings else None, q)
        spans = [(pk, *cited[pk]) for pk in pks if pk in cited]
        hit_kind = "article"
    meta = {item: (score, ranks) for item, score, ranks in fused}
    hits = []
    for r in store.hit_rows(spans):
        key = (r.pk, r.start) if kind == "sentences" else r.pk
        score, ranks = meta[key]
        rel = highlights(parsed, r.text)
        hits.append(Hit(r.article, r.title, r.outlet, r.published, r.start, r.end, r.text,
                        snippet_html(r.text, rel), float(score), hit_kind,
                        [(r.start + s, r.start + e) for s, e in rel], dict(ranks)))
    return hits


def _keyword(store: Any, parsed: ParsedQuery, rf: RowFilter, kind: str, depth: int
             ) -> tuple[list[tuple[Any, float]], dict[tuple[int, int], int]]:
    """(item, score: higher is better) best first, and sentence ends already known.

    Items matching every clause come first, then (for plain word queries) those matching any, so
    a sentence with both words of "airport attack" outranks one with only the rarer word.
    """
    if rf.pks is not None and len(rf.pks) <= SMALL_SET:
        return _keyword_small(store, parsed, rf, kind, depth)
    fetch = store.fts_sentences if kind == "sentences" else store.fts_articles
    table = "sentence_fts" if kind == "sentences" else "article_fts"
    rare = _rare_part(store, parsed, table)
    if rare == "":
        found = _common_sentences(store, parsed, rf, depth)
    else:
        found = fetch(parsed.strict, rf, depth, RANK_BUDGET, rank_expr=rare)
    if len(found) < depth and len(parsed.groups) > 1 and not parsed.explicit:
        loose = _loose(store, parsed, table)
        if loose is not None:
            seen = {item for item, _ in found}
            found += [(item, s) for item, s in fetch(loose, rf, depth, RANK_BUDGET)
                      if item not in seen][:depth - len(found)]
    if kind == "sentences":
        return [(split_rowid(rowid), -s) for rowid, s in found], {}
    return [(pk, -s) for pk, s in found], {}


def _keyword_small(store: Any, parsed: ParsedQuery, rf: RowFilter, kind: str, depth: int
                   ) -> tuple[list[tuple[Any, float]], dict[tuple[int, int], int]]:
    """BM25 in Python over the sentences of a few allowed articles (a story, a rare entity)."""
    sents = store.sentence_texts(sorted(store.dated_pks(rf.pks or (), rf)))
    ranked = bm25_rank(parsed, [text for _, _, _, text in sents])
    if not parsed.explicit and len(parsed.groups) > 1:
        ranked = ranked[:depth]  # loose matches follow the strict ones
    else:
        ranked = [r for r in ranked if r[2]][:depth]
    ends = {(sents[i][0], sents[i][1]): sents[i][2] for i, _, _ in ranked}
    if kind == "sentences":
        return [((sents[i][0], sents[i][1]), score) for i, score, _ in ranked], ends
    best: dict[int, float] = {}
    for i, score, _ in ranked:
        best.setdefault(sents[i][0], score)
    return list(best.items()), {}


def _rare_part(store: Any, parsed: ParsedQuery, table: str) -> str | None:
    """What BM25 ranks the every-word matches of a plain query by: its words without those in
    more than COMMON_ROWS rows (None: all of the query; "": every word is that common, and the
    sentences are ranked by ``_common_sentences``).

    Every match has the common words too, and their weight is small (low IDF), but FTS5's bm25()
    would read their whole posting lists, hundreds of thousands of rows, to count them. Articles
    of common words only are ranked by FTS5 all the same: their texts are too long to count here.
    """
    if parsed.explicit or len(parsed.groups) < 2:
        return None
    clauses = [g[0] for g in parsed.groups]
    rare = [c for c in clauses if not _common(store, c.fts(), table)]
    if len(rare) == len(clauses) or (not rare and table != "sentence_fts"):
        return None
    return " AND ".join(c.fts() for c in rare)


def _common_sentences(store: Any, parsed: ParsedQuery, rf: RowFilter, depth: int
                      ) -> list[tuple[int, float]]:
    """(rowid, -score) of the best of the newest RANK_BUDGET sentences having every word of a
    query made of common words only: BM25 with the same weight (IDF) for each word, since all are
    that common, counted here over the sentences' texts (lengths in characters)."""
    window = store.sentence_window(parsed.strict, rf, RANK_BUDGET)
    if not window:
        return []
    counts = word_counts(parsed, [text for _, text in window])
    avg = max(sum(len(text) for _, text in window) / len(window), 1.0)
    scored = []
    for (rowid, text), row in zip(window, counts):
        norm = K1 * (1 - B + B * len(text) / avg)
        # the index matched every word; a stem this module does not fold still counts once
        score = sum((K1 + 1) * max(n, 1) / (max(n, 1) + norm) for n in row)
        scored.append((rowid, -score))
    return heapq.nsmallest(depth, scored, key=itemgetter(1))  # ties: the newest first


def _loose(store: Any, parsed: ParsedQuery, table: str) -> str | None:
    """The any-word query without the words found in more than COMMON_ROWS rows.

    Ranking an OR of a common word ("said") would rank mostly sentences that have only that word,
    whose BM25 weight is near zero. Rare words decide the ranking anyway (the max-score idea of
    top-k retrieval), so common ones are left out of the fallback.
    """
    clauses = [c for g in parsed.groups for c in g]
    kept = [c for c in clauses if not _common(store, c.fts(), table)]
    if not kept:
        return None
    return ParsedQuery(tuple((c,) for c in kept), parsed.excluded, parsed.text).loose


_commonness: dict[tuple[Any, ...], bool] = {}  # (store state, table, clause) -> common?


def _common(store: Any, clause: str, table: str) -> bool:
    """Is ``clause`` in more than COMMON_ROWS rows? Kept while the store does not change: the
    answer costs a walk of COMMON_ROWS postings, and the same common words recur in queries."""
    token = store.change_token() if hasattr(store, "change_token") else None
    key = (token, table, clause, COMMON_ROWS)
    found = _commonness.get(key) if token is not None else None
    if found is None:
        found = store.matches_more_than(clause, COMMON_ROWS, table=table)
        if token is not None:
            if len(_commonness) >= 4096:
                _commonness.clear()
            _commonness[key] = found
    return found


def _article_citations(store: Any, parsed: ParsedQuery, pks: list[int], model: str | None,
                       q: Any) -> dict[int, tuple[int, int]]:
    """The sentence each article hit cites: its best keyword match, else its closest sentence to
    the query, else its first sentence."""
    out: dict[int, tuple[int, int]] = {}
    per: dict[int, list[tuple[int, int, int, str]]] = {}
    for row in store.sentence_texts(pks):
        per.setdefault(row[0], []).append(row)
    for pk, sents in per.items():
        ranked = bm25_rank(parsed, [text for _, _, _, text in sents])
        if ranked:
            _, start, end, _ = sents[ranked[0][0]]
            out[pk] = (start, end)
    rest = [pk for pk in pks if pk not in out]
    if rest and model is not None and q is not None:
        for pk, start, end, _ in best_sentences(store, q, rest, model):
            out.setdefault(pk, (start, end))
    rest = [pk for pk in pks if pk not in out]
    if rest:
        out.update(store.first_sentences(rest))
    return out


def _default_model(store: Any, *, required: bool) -> str | None:
    found = available_model(store)
    if found is not None:
        return found
    if required:
        raise _bad("This store has no semantic index yet; build it with `storyline search"
                   " --build-index QUERY` (or use --mode keyword)")
    return None


__all__ = ["DEFAULT_MODEL", "KINDS", "MODES", "search"]
