"""Storing and reading what the analysis stage produced (schema 2), as a mixin of Store."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from storyline.records import (DctEstimate, Entity, EventCandidate, Mention, Quote, Sentence,
                               TimeExpr)


@dataclass(slots=True)
class ArticleAnalysis:
    """Everything the analysis stage produces for one article."""

    article_id: str
    content_hash: str
    sentences: list[Sentence]
    mentions: list[Mention]
    quotes: list[Quote]
    timexes: list[TimeExpr]
    dct: DctEstimate
    events: list[EventCandidate]


class AnalysisMixin:
    """Analysis tables; Store provides the connection, ``_pk`` and ``transaction``."""

    _conn: sqlite3.Connection
    if TYPE_CHECKING:
        def _pk(self, article_id: str) -> int: ...
        def transaction(self) -> AbstractContextManager[None]: ...

    # -- writing -----------------------------------------------------------------------------

    def save_analysis(self, a: ArticleAnalysis, version: str) -> None:
        """Replace the article's analysis (one transaction)."""
        with self.transaction():
            pk = self._pk(a.article_id)
            for table in ("sentences", "mentions", "quotes", "timexes", "event_candidates"):
                self._conn.execute(f"DELETE FROM {table} WHERE pk = ?", (pk,))
            c = self._conn
            c.executemany('INSERT INTO sentences (pk, start, "end") VALUES (?, ?, ?)',
                          ((pk, s.start, s.end) for s in a.sentences))
            c.executemany('INSERT OR IGNORE INTO mentions (pk, start, "end", text, label, entity_id)'
                          " VALUES (?, ?, ?, ?, ?, ?)",
                          ((pk, m.start, m.end, m.text, m.label, m.entity_id) for m in a.mentions))
            c.executemany(
                'INSERT INTO quotes (pk, start, "end", text, kind, speaker, speaker_entity_id,'
                " speaker_start, speaker_end, cue, sentence_start, sentence_end, attribution)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((pk, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_entity_id,
                  q.speaker_start, q.speaker_end, q.cue, q.sentence_start, q.sentence_end,
                  q.attribution) for q in a.quotes))
            c.executemany(
                'INSERT OR IGNORE INTO timexes (pk, start, "end", text, type, value, granularity,'
                " anchored, mod) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((pk, t.start, t.end, t.text, t.type, t.value, t.granularity, int(t.anchored),
                  t.mod) for t in a.timexes))
            c.execute("INSERT OR REPLACE INTO dcts (pk, value, granularity, confidence, source,"
                      " evidence, anchor) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      (pk, a.dct.value, a.dct.granularity, a.dct.confidence, a.dct.source,
                       json.dumps(a.dct.evidence, ensure_ascii=False), a.dct.anchor))
            c.executemany(
                "INSERT OR IGNORE INTO event_candidates (pk, sentence_start, sentence_end, date,"
                " granularity, timex_start, timex_end, entity_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ((pk, e.sentence_start, e.sentence_end, e.date, e.granularity, e.timex_start,
                  e.timex_end, json.dumps(e.entity_ids)) for e in a.events))
            c.execute("INSERT OR REPLACE INTO analyses (pk, content_hash, version, analysed_at)"
                      " VALUES (?, ?, ?, ?)",
                      (pk, a.content_hash, version, datetime.now(timezone.utc).isoformat()))

    def save_entities(self, entities: Iterable[Entity]) -> None:
        with self.transaction():
            self._conn.executemany(
                "INSERT OR REPLACE INTO entities (id, name, type, aliases, n_mentions)"
                " VALUES (?, ?, ?, ?, ?)",
                ((e.id, e.name, e.type, json.dumps(sorted(set(e.aliases)), ensure_ascii=False),
                  e.n_mentions) for e in entities))

    def rename_entities(self, renames: dict[str, str]) -> None:
        """Point everything that named entity ``old`` at ``new`` (entities merged or renamed)."""
        if not renames:
            return
        with self.transaction():
            for old, new in sorted(renames.items()):
                self._conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
                self._conn.execute("UPDATE quotes SET speaker_entity_id = ? WHERE speaker_entity_id = ?",
                                   (new, old))
                self._conn.execute("UPDATE event_candidates SET entity_ids = replace(entity_ids, ?, ?)"
                                   " WHERE entity_ids LIKE ?",
                                   (json.dumps(old), json.dumps(new), f"%{json.dumps(old)}%"))

    def prune_entities(self) -> None:
        """Drop entities no mention points at, and recount the rest."""
        with self.transaction():
            self._conn.execute("DELETE FROM entities WHERE id NOT IN"
                               " (SELECT DISTINCT entity_id FROM mentions WHERE entity_id IS NOT NULL)")
            self._conn.execute("UPDATE entities SET n_mentions ="
                               " (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = entities.id)")

    def set_published(self, article_id: str, value: str, source: str = "user") -> None:
        """A publication date given by the user: it wins over metadata and inference."""
        with self.transaction():
            self._conn.execute("UPDATE articles SET published = ?, published_source = ? WHERE pk = ?",
                               (value, source, self._pk(article_id)))
            self._conn.execute("DELETE FROM analyses WHERE pk = ?", (self._pk(article_id),))

    # -- reading -----------------------------------------------------------------------------

    def all_ids(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT id FROM articles ORDER BY pk")]

    def unanalysed_ids(self, version: str, *, limit: int | None = None) -> list[str]:
        """Articles never analysed, or analysed on another clean text or by another version."""
        sql = ("SELECT a.id FROM articles a LEFT JOIN analyses y ON y.pk = a.pk"
               " WHERE y.pk IS NULL OR y.content_hash != a.content_hash OR y.version != ?"
               " ORDER BY a.pk")
        params: list[Any] = [version]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [r[0] for r in self._conn.execute(sql, params)]

    def sentences_of(self, article_id: str) -> list[Sentence]:
        rows = self._conn.execute(
            'SELECT s.start, s."end", substr(t.clean_text, s.start + 1, s."end" - s.start)'
            " FROM sentences s JOIN articles a ON a.pk = s.pk JOIN article_texts t ON t.pk = a.pk"
            " WHERE a.id = ? ORDER BY s.start", (article_id,))
        return [Sentence(article_id, r[0], r[1], r[2]) for r in rows]

    def mentions_of(self, article_id: str) -> list[Mention]:
        rows = self._conn.execute(
            'SELECT m.start, m."end", m.text, m.label, m.entity_id FROM mentions m'
            " JOIN articles a ON a.pk = m.pk WHERE a.id = ? ORDER BY m.start", (article_id,))
        return [Mention(article_id, *r) for r in rows]

    def timexes_of(self, article_id: str) -> list[TimeExpr]:
        rows = self._conn.execute(
            'SELECT x.start, x."end", x.text, x.type, x.value, x.granularity, x.anchored, x.mod'
            " FROM timexes x JOIN articles a ON a.pk = x.pk WHERE a.id = ? ORDER BY x.start",
            (article_id,))
        return [TimeExpr(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), article_id, r[7])
                for r in rows]

    def quotes(self, *, article_id: str | None = None, speaker_entity_id: str | None = None,
               limit: int | None = None, fragments: bool = True) -> list[Quote]:
        sql = ('SELECT a.id, q.start, q."end", q.text, q.kind, q.speaker, q.speaker_entity_id,'
               " q.speaker_start, q.speaker_end, q.cue, q.sentence_start, q.sentence_end,"
               " q.attribution FROM quotes q JOIN articles a ON a.pk = q.pk WHERE 1 = 1")
        params: list[Any] = []
        if not fragments:
            sql += " AND q.kind != 'fragment'"
        if article_id is not None:
            sql += " AND a.id = ?"
            params.append(article_id)
        if speaker_entity_id is not None:
            sql += " AND q.speaker_entity_id = ?"
            params.append(speaker_entity_id)
        sql += " ORDER BY a.pk, q.start"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [Quote(*r) for r in self._conn.execute(sql, params)]

    def dct_of(self, article_id: str) -> DctEstimate | None:
        row = self._conn.execute(
            "SELECT d.value, d.granularity, d.confidence, d.source, d.evidence, d.anchor FROM dcts d"
            " JOIN articles a ON a.pk = d.pk WHERE a.id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return DctEstimate(article_id, row[0], row[1], row[2], row[3], json.loads(row[4]), row[5])

    def events_of(self, article_id: str) -> list[EventCandidate]:
        rows = self._conn.execute(
            "SELECT e.sentence_start, e.sentence_end, e.date, e.granularity, e.timex_start,"
            " e.timex_end, e.entity_ids FROM event_candidates e JOIN articles a ON a.pk = e.pk"
            " WHERE a.id = ? ORDER BY e.sentence_start, e.timex_start", (article_id,))
        return [EventCandidate(article_id, r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]))
                for r in rows]

    def entities(self, *, type_: str | None = None, limit: int | None = None,
                 name: str | None = None) -> list[Entity]:
        sql = "SELECT id, name, type, aliases, n_mentions FROM entities WHERE 1 = 1"
        params: list[Any] = []
        if type_:
            sql += " AND type = ?"
            params.append(type_)
        if name:
            sql += " AND (name LIKE ? OR aliases LIKE ?)"
            params += [f"%{name}%", f"%{name}%"]
        sql += " ORDER BY n_mentions DESC, name"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [Entity(r[0], r[1], r[2], json.loads(r[3]), r[4])
                for r in self._conn.execute(sql, params)]

    def entities_by_id(self, ids: Iterable[str]) -> list[Entity]:
        wanted = list(dict.fromkeys(ids))
        out: list[Entity] = []
        for k in range(0, len(wanted), 500):
            chunk = wanted[k:k + 500]
            sql = ("SELECT id, name, type, aliases, n_mentions FROM entities WHERE id IN ("
                   + ",".join("?" * len(chunk)) + ")")
            out += [Entity(r[0], r[1], r[2], json.loads(r[3]), r[4])
                    for r in self._conn.execute(sql, chunk)]
        return out

    def entity_articles(self, entity_id: str) -> list[str]:
        rows = self._conn.execute(
            "SELECT DISTINCT a.id FROM mentions m JOIN articles a ON a.pk = m.pk"
            " WHERE m.entity_id = ? ORDER BY a.pk", (entity_id,))
        return [r[0] for r in rows]
