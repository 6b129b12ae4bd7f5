"""The search tables of schema 4 (keyword indexes, date ranges, vectors), as a mixin of Store.

Sentence rows of ``sentence_fts`` are numbered ``article pk * 2**32 + sentence start``, so the
sentences of one article form a rowid range that FTS5 scans directly. Every MATCH expression given
here must come from :func:`storyline.search.query.parse_query` (it never passes user syntax
through).
"""

from __future__ import annotations

import heapq
import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from operator import itemgetter
from typing import TYPE_CHECKING, Any

SHIFT = 2**32  # sentence rowid = pk * SHIFT + start


def sentence_rowid(pk: int, start: int) -> int:
    return pk * SHIFT + start


def split_rowid(rowid: int) -> tuple[int, int]:
    return rowid // SHIFT, rowid % SHIFT


@dataclass(frozen=True, slots=True)
class RowFilter:
    """Filters in store terms: ``pks`` is the set of allowed article pks (None: all), ``lo``/``hi``
    a day range "YYYY-MM-DD" that an article's date range must overlap."""

    pks: frozenset[int] | None = None
    since: str | None = None
    until: str | None = None
    pks_json: str | None = field(default=None, compare=False, repr=False)  # sorted, for SQL

    def pks_sql(self) -> str:
        """The allowed pks as a sorted JSON list (for json_each), made once per filter."""
        if self.pks_json is not None:
            return self.pks_json
        return json.dumps(sorted(self.pks or ()))

    @property
    def empty(self) -> bool:
        return self.pks is not None and not self.pks


@dataclass(frozen=True, slots=True)
class HitRow:
    """What a hit shows of its article and sentence."""

    pk: int
    article: str
    title: str | None
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class VectorRow:
    pk: int
    model: str
    content_hash: str
    dim: int
    article: bytes
    starts: bytes
    ends: bytes
    scales: bytes
    sentences: bytes


def _date_sql(f: RowFilter, pk_expr: str) -> tuple[str, list[Any]]:
    if f.since is None and f.until is None:
        return "", []
    cond, params = [], []
    if f.since is not None:
        cond.append("sd.hi >= ?")
        params.append(f.since)
    if f.until is not None:
        cond.append("sd.lo <= ?")
        params.append(f.until)
    sql = (f" AND EXISTS (SELECT 1 FROM search_dates sd WHERE sd.pk = {pk_expr} AND "
           + " AND ".join(cond) + ")")
    return sql, params


def _filter_sql(f: RowFilter, pk_expr: str) -> tuple[str, str, list[Any]]:
    """(join, conditions, parameters) that keep the FTS matches passing ``f``."""
    join, cond, params = "", "", []
    if f.since is not None or f.until is not None:
        # A join, not EXISTS (a subquery per match costs more); CROSS keeps the index outside,
        # so MATCH runs once and each match looks its article's dates up.
        join = f" CROSS JOIN search_dates sd ON sd.pk = {pk_expr}"
        if f.since is not None:
            cond += " AND sd.hi >= ?"
            params.append(f.since)
        if f.until is not None:
            cond += " AND sd.lo <= ?"
            params.append(f.until)
    if f.pks is not None:
        # The unary + keeps SQLite from handing the IN list to FTS5 as rowid lookups, each of
        # which would re-run the MATCH: the matches are filtered instead.
        cond += f" AND +{pk_expr} IN (SELECT value FROM json_each(?))"
        params.append(f.pks_sql())
    return join, cond, params


class SearchMixin:
    """Search queries; Store provides the connection, ``_pk`` and ``transaction``."""

    _conn: sqlite3.Connection
    if TYPE_CHECKING:
        def _pk(self, article_id: str) -> int: ...
        def transaction(self) -> AbstractContextManager[None]: ...

    # -- filters -------------------------------------------------------------------------------

    def pks_of_ids(self, article_ids: Iterable[str]) -> set[int]:
        ids = list(dict.fromkeys(article_ids))
        sql = "SELECT a.pk FROM json_each(?) j JOIN articles a ON a.id = j.value"
        return {r[0] for r in self._conn.execute(sql, (json.dumps(ids),))}

    def pks_mentioning(self, entity_ids: Iterable[str]) -> set[int]:
        # One entity at a time: its index entries come in pk order, so DISTINCT needs no sort
        # (a join with json_each would sort every mention of a popular entity).
        sql = "SELECT DISTINCT pk FROM mentions INDEXED BY mentions_entity WHERE entity_id = ?"
        out: set[int] = set()
        for entity_id in dict.fromkeys(entity_ids):
            out.update(map(itemgetter(0), self._conn.execute(sql, (entity_id,))))
        return out

    def pks_of_outlets(self, outlets: Iterable[str]) -> set[int]:
        sql = ("SELECT a.pk FROM json_each(?) j"
               " JOIN articles a INDEXED BY articles_outlet ON a.outlet = j.value")
        return {r[0] for r in self._conn.execute(sql, (json.dumps(list(outlets)),))}

    def outlet_names(self, name: str) -> list[str]:
        """Stored outlet names equal to ``name``, else equal ignoring case (a scan, rarely)."""
        exact = self._conn.execute("SELECT 1 FROM articles WHERE outlet = ? LIMIT 1", (name,))
        if exact.fetchone() is not None:
            return [name]
        sql = "SELECT DISTINCT outlet FROM articles WHERE outlet = ? COLLATE NOCASE"
        return [r[0] for r in self._conn.execute(sql, (name,))]

    def entity_ids_named(self, name: str) -> list[str]:
        """Canonical entities for a user's name: an id, an exact name, a name ignoring case, then
        a name or alias containing it (most mentioned first)."""
        if self._conn.execute("SELECT 1 FROM entities WHERE id = ?", (name,)).fetchone():
            return [name]
        rows = self._conn.execute("SELECT id FROM entities WHERE name = ?", (name,)).fetchall()
        if not rows:
            rows = self._conn.execute(
                "SELECT id FROM entities WHERE name = ? COLLATE NOCASE", (name,)).fetchall()
        if not rows:
            pattern = "%" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            rows = self._conn.execute(
                "SELECT id FROM entities WHERE name LIKE ? ESCAPE '\\' OR aliases LIKE ? ESCAPE '\\'"
                " ORDER BY n_mentions DESC LIMIT 20", (pattern, pattern)).fetchall()
        return [r[0] for r in rows]

    # -- keyword -------------------------------------------------------------------------------

    def fts_sentences(self, expr: str, f: RowFilter, limit: int, budget: int,
                      rank_expr: str | None = None) -> list[tuple[int, float]]:
        """(sentence rowid, bm25) of the best-matching sentences, best (lowest) first.

        BM25 is computed for at most ``budget`` matches (FTS5 ranks every row it returns, a few
        microseconds each): when more sentences match, the newest ``budget`` of them are ranked.
        ``rank_expr`` (a part of ``expr``) is what BM25 scores, when not all of ``expr``: FTS5's
        bm25() first reads the whole posting list of every phrase it scores to count the rows
        that have it, which for a very common word costs more than all the rest of the query.
        """
        return self._fts("sentence_fts", "bm25(sentence_fts)", "(s.rowid / 4294967296)",
                         expr, f, limit, budget, rank_expr)

    def sentence_window(self, expr: str, f: RowFilter, budget: int) -> list[tuple[int, str]]:
        """(rowid, text) of the newest ``budget`` sentences matching ``expr`` that pass ``f``,
        newest first, unranked (to be ranked without FTS5's bm25())."""
        if f.empty:
            return []
        join, cond, params = _filter_sql(f, "(s.rowid / 4294967296)")
        sql = (f"SELECT s.rowid, s.text FROM sentence_fts s{join}"
               f" WHERE sentence_fts MATCH ?{cond} ORDER BY s.rowid DESC LIMIT ?")
        return self._conn.execute(sql, [expr, *params, budget]).fetchall()

    def fts_articles(self, expr: str, f: RowFilter, limit: int, budget: int,
                     weights: tuple[float, float] = (3.0, 1.0), rank_expr: str | None = None
                     ) -> list[tuple[int, float]]:
        """(article pk, bm25 over title and text) of the best-matching articles, best first."""
        rank = f"bm25(article_fts, {float(weights[0])!r}, {float(weights[1])!r})"
        return self._fts("article_fts", rank, "(s.rowid + 0)", expr, f, limit, budget, rank_expr)

    def _fts(self, table: str, rank: str, pk_expr: str, expr: str, f: RowFilter, limit: int,
             budget: int, rank_expr: str | None = None) -> list[tuple[int, float]]:
        if f.empty:
            return []
        join, cond, params = _filter_sql(f, pk_expr)
        where = f"FROM {table} s{join} WHERE {table} MATCH ?{cond}"
        if rank_expr is not None and rank_expr != expr:
            # The newest ``budget`` matches, walked without ranking, then ranked by the BM25 of
            # ``rank_expr`` (which each of them matches too).
            window = [r[0] for r in self._conn.execute(
                f"SELECT s.rowid {where} ORDER BY s.rowid DESC LIMIT ?", [expr, *params, budget])]
            if not window:
                return []
            sql = (f"SELECT s.rowid, {rank} AS r FROM {table} s WHERE {table} MATCH ?"
                   " AND s.rowid BETWEEN ? AND ? AND +s.rowid IN (SELECT value FROM json_each(?))"
                   " ORDER BY r, s.rowid DESC LIMIT ?")
            return self._conn.execute(sql, (rank_expr, window[-1], window[0],
                                            json.dumps(window), limit)).fetchall()
        if cond:
            # A filter can make FTS5 walk many matches to find ``budget`` that pass: walk once,
            # ranking as it goes, and keep the best here (ties: the newest first, as below).
            sql = f"SELECT s.rowid, {rank} {where} ORDER BY s.rowid DESC LIMIT ?"
            rows = self._conn.execute(sql, [expr, *params, budget]).fetchall()
            return heapq.nsmallest(limit, rows, key=itemgetter(1))
        bound = self._conn.execute(f"SELECT s.rowid {where} ORDER BY s.rowid DESC LIMIT 1 OFFSET ?",
                                   [expr, budget - 1]).fetchone()
        window_sql, window_params = "", []
        if bound is not None:
            window_sql, window_params = " AND s.rowid >= ?", [bound[0]]
        sql = f"SELECT s.rowid, {rank} AS r {where}{window_sql} ORDER BY r, s.rowid DESC LIMIT ?"
        return self._conn.execute(sql, [expr, *window_params, limit]).fetchall()

    def change_token(self) -> tuple[Any, ...] | None:
        """A value that changes whenever data may have been committed to the store (by any
        connection), so what is derived from it can be kept between searches; None when this
        connection has uncommitted writes of its own (nothing derived may be reused then)."""
        if self._conn.in_transaction or self._conn.total_changes:
            return None
        path = getattr(self, "path", None)
        if path is None:
            return None
        parts: list[Any] = [str(path)]
        for name in (str(path), f"{path}-wal"):
            try:
                st = os.stat(name)
            except OSError:
                parts.append(None)
                continue
            parts.append((st.st_ino, st.st_size, st.st_mtime_ns))
        return tuple(parts)

    def matches_more_than(self, expr: str, n: int, *, table: str = "sentence_fts") -> bool:
        """Does ``expr`` match more than ``n`` rows? (Walks at most n+1 rowids, ranks nothing.)"""
        if table not in ("sentence_fts", "article_fts"):
            raise ValueError(table)
        sql = f"SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT 1 OFFSET ?"
        return self._conn.execute(sql, (expr, n)).fetchone() is not None

    def dated_pks(self, pks: Iterable[int], f: RowFilter) -> set[int]:
        """Those of ``pks`` whose date range overlaps the filter's (all of them without one)."""
        wanted = set(pks)
        if f.since is None and f.until is None:
            return wanted
        cond, params = _date_sql(f, "j.value")
        sql = f"SELECT j.value FROM json_each(?) j WHERE 1 = 1{cond}"
        return {r[0] for r in self._conn.execute(sql, [json.dumps(sorted(wanted)), *params])}

    def sentence_texts(self, pks: Iterable[int]) -> list[tuple[int, int, int, str]]:
        """(pk, start, end, text) of every sentence of the articles, in text order (two queries
        for all the articles, not two per article)."""
        wanted = json.dumps(list(dict.fromkeys(pks)))
        texts = dict(self._conn.execute("SELECT t.pk, t.clean_text FROM json_each(?) j"
                                        " JOIN article_texts t ON t.pk = j.value", (wanted,)))
        spans = self._conn.execute('SELECT s.pk, s.start, s."end" FROM json_each(?) j'
                                   " JOIN sentences s ON s.pk = j.value ORDER BY j.key, s.start",
                                   (wanted,))
        return [(pk, start, end, texts[pk][start:end]) for pk, start, end in spans if pk in texts]

    def optimize_search(self) -> None:
        """Merge the keyword indexes' segments into one each (after a large ingest; queries get
        faster, the merge itself takes a while)."""
        with self.transaction():
            self._conn.execute("INSERT INTO article_fts (article_fts) VALUES ('optimize')")
            self._conn.execute("INSERT INTO sentence_fts (sentence_fts) VALUES ('optimize')")

    # -- what hits show ------------------------------------------------------------------------

    def first_sentences(self, pks: Sequence[int]) -> dict[int, tuple[int, int]]:
        """Each article's first sentence span, or (0, first line end) when it has no sentences."""
        out: dict[int, tuple[int, int]] = {}
        for pk in dict.fromkeys(pks):
            row = self._conn.execute('SELECT start, "end" FROM sentences WHERE pk = ?'
                                     " ORDER BY start LIMIT 1", (pk,)).fetchone()
            if row is None:
                row = self._conn.execute(
                    "SELECT 0, CASE WHEN instr(substr(clean_text, 1, 400), char(10)) > 0"
                    " THEN instr(substr(clean_text, 1, 400), char(10)) - 1"
                    " ELSE min(length(clean_text), 400) END FROM article_texts WHERE pk = ?",
                    (pk,)).fetchone()
            if row is not None:
                out[pk] = (int(row[0]), int(row[1]))
        return out

    def sentence_ends(self, rowids: Sequence[int]) -> dict[int, int]:
        """Sentence rowid -> end of that sentence (from the analysis' sentence table)."""
        sql = ('SELECT j.value, s."end" FROM json_each(?) j JOIN sentences s'
               " ON s.pk = j.value / 4294967296 AND s.start = j.value % 4294967296")
        return dict(self._conn.execute(sql, (json.dumps(list(rowids)),)).fetchall())

    def hit_rows(self, spans: Sequence[tuple[int, int, int]]) -> list[HitRow]:
        """Article fields and span text for (pk, start, end) triples, in the order given."""
        if not spans:
            return []
        sql = ("SELECT j.key, a.pk, a.id, a.title, a.outlet, COALESCE(a.published, d.value),"
               " substr(t.clean_text, json_extract(j.value, '$[1]') + 1,"
               " json_extract(j.value, '$[2]') - json_extract(j.value, '$[1]'))"
               " FROM json_each(?) j JOIN articles a ON a.pk = json_extract(j.value, '$[0]')"
               " JOIN article_texts t ON t.pk = a.pk LEFT JOIN dcts d ON d.pk = a.pk")
        found = {r[0]: r for r in self._conn.execute(sql, (json.dumps([list(s) for s in spans]),))}
        out = []
        for i, (pk, start, end) in enumerate(spans):
            r = found.get(i)
            if r is not None:
                out.append(HitRow(pk, r[2], r[3], r[4], r[5], start, end, r[6] or ""))
        return out

    # -- vectors -------------------------------------------------------------------------------

    def search_version(self) -> int:
        row = self._conn.execute("SELECT value FROM search_meta WHERE key = 'version'").fetchone()
        return int(row[0]) if row else 0

    def vector_models(self) -> list[tuple[str, int]]:
        """(model, articles with vectors of it, current or stale), most first."""
        sql = "SELECT model, COUNT(*) FROM search_vectors GROUP BY model ORDER BY 2 DESC"
        return [(r[0], r[1]) for r in self._conn.execute(sql)]

    def ids_needing_vectors(self, model: str, ids: Sequence[str] | None = None) -> list[str]:
        """Articles (of ``ids``, or all) without current vectors of ``model``."""
        sql = ("SELECT a.id FROM articles a LEFT JOIN search_vectors v ON v.pk = a.pk"
               " WHERE (v.pk IS NULL OR v.model != ? OR v.content_hash != a.content_hash)")
        params: list[Any] = [model]
        if ids is not None:
            sql += " AND a.id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(ids)))
        return [r[0] for r in self._conn.execute(sql + " ORDER BY a.pk", params)]

    def vector_sources(self, ids: Sequence[str]) -> list[tuple[int, str, str, str | None, str,
                                                              list[tuple[int, int]]]]:
        """(pk, id, content hash, title, clean text, sentence spans) of articles to embed."""
        out = []
        for article_id in ids:
            row = self._conn.execute(
                "SELECT a.pk, a.content_hash, a.title, t.clean_text FROM articles a"
                " JOIN article_texts t ON t.pk = a.pk WHERE a.id = ?", (article_id,)).fetchone()
            if row is None:
                continue
            spans = [(r[0], r[1]) for r in self._conn.execute(
                'SELECT start, "end" FROM sentences WHERE pk = ? ORDER BY start', (row[0],))]
            out.append((row[0], article_id, row[1], row[2], row[3], spans))
        return out

    def save_search_vectors(self, rows: Iterable[VectorRow]) -> None:
        with self.transaction():
            self._conn.executemany(
                "INSERT OR REPLACE INTO search_vectors (pk, model, content_hash, dim, article,"
                " starts, ends, scales, sentences) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((r.pk, r.model, r.content_hash, r.dim, r.article, r.starts, r.ends, r.scales,
                  r.sentences) for r in rows))

    def article_vector_rows(self, model: str) -> list[tuple[int, bytes, str | None, str | None]]:
        """(pk, float16 article vector, date lo, date hi) of every article with current vectors."""
        sql = ("SELECT v.pk, v.article, sd.lo, sd.hi FROM search_vectors v"
               " JOIN articles a ON a.pk = v.pk LEFT JOIN search_dates sd ON sd.pk = v.pk"
               " WHERE v.model = ? AND v.content_hash = a.content_hash ORDER BY v.pk")
        return self._conn.execute(sql, (model,)).fetchall()

    def sentence_vector_rows(self, pks: Sequence[int], model: str) -> list[VectorRow]:
        sql = ("SELECT v.pk, v.model, v.content_hash, v.dim, v.article, v.starts, v.ends,"
               " v.scales, v.sentences FROM json_each(?) j JOIN search_vectors v ON v.pk = j.value"
               " WHERE v.model = ?")
        return [VectorRow(*r) for r in self._conn.execute(sql, (json.dumps(list(pks)), model))]


class _Bound(SearchMixin):
    """SearchMixin over a Store that does not have it among its bases (yet)."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self._conn = store._conn

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def searchable(store: Any) -> Any:
    """``store`` itself when it has the search queries, else a view of it that has them."""
    return store if isinstance(store, SearchMixin) else _Bound(store)
