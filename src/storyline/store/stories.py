"""Storing and reading stories (schema 3), as a mixin of Store."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

import numpy as np

from storyline.records import Event, EventCandidate, Story
from storyline.stories.features import StoryFeatures


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class StoriesMixin:
    """Story tables; Store provides the connection, ``_pk`` and ``transaction``."""

    _conn: sqlite3.Connection
    if TYPE_CHECKING:
        def _pk(self, article_id: str) -> int: ...
        def transaction(self) -> AbstractContextManager[None]: ...

    # -- features ------------------------------------------------------------------------------

    def save_story_features(self, f: StoryFeatures) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO story_features (pk, vector, terms, entities, date, date_source)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (self._pk(f.article_id), np.asarray(f.vector, dtype=np.float32).tobytes(),
             json.dumps(f.terms), json.dumps(f.entities), f.date, f.date_source))

    def story_features(self, ids: Sequence[str] | None = None) -> list[StoryFeatures]:
        """Stored features of ``ids`` (all when None), in the order given (store order for all)."""
        sql = ("SELECT a.id, f.vector, f.terms, f.entities, f.date, f.date_source"
               " FROM story_features f JOIN articles a ON a.pk = f.pk")
        if ids is None:
            rows = self._conn.execute(sql + " ORDER BY a.pk").fetchall()
        else:
            rows = []
            wanted = list(dict.fromkeys(ids))
            for k in range(0, len(wanted), 500):
                chunk = wanted[k:k + 500]
                rows += self._conn.execute(
                    sql + " WHERE a.id IN (" + ",".join("?" * len(chunk)) + ")", chunk).fetchall()
            order = {i: n for n, i in enumerate(wanted)}
            rows.sort(key=lambda r: order[r[0]])
        return [StoryFeatures(r[0], np.frombuffer(r[1], dtype=np.float32).copy(), json.loads(r[2]),
                              json.loads(r[3]), r[4], r[5]) for r in rows]

    def ids_without_story_features(self) -> list[str]:
        """Analysed articles not yet seen by story clustering, in store order."""
        rows = self._conn.execute(
            "SELECT a.id FROM articles a JOIN analyses n ON n.pk = a.pk"
            " LEFT JOIN story_features f ON f.pk = a.pk WHERE f.pk IS NULL ORDER BY a.pk")
        return [r[0] for r in rows]

    def ids_without_story(self) -> list[str]:
        """Articles with story features but no story yet, in store order."""
        rows = self._conn.execute(
            "SELECT a.id FROM story_features f JOIN articles a ON a.pk = f.pk"
            " LEFT JOIN story_members m ON m.pk = f.pk WHERE m.pk IS NULL ORDER BY a.pk")
        return [r[0] for r in rows]

    # -- index state ---------------------------------------------------------------------------

    def story_index_state(self) -> tuple[dict[str, Any], dict[str, Any]] | None:
        row = self._conn.execute("SELECT state, settings FROM story_index WHERE id = 1").fetchone()
        return None if row is None else (json.loads(row[0]), json.loads(row[1]))

    def save_story_index_state(self, state: dict[str, Any], settings: dict[str, Any]) -> None:
        self._conn.execute("INSERT OR REPLACE INTO story_index (id, state, settings) VALUES (1, ?, ?)",
                           (json.dumps(state), json.dumps(settings, sort_keys=True)))

    # -- stories -------------------------------------------------------------------------------

    def set_story_members(self, story_id: str, article_ids: Iterable[str]) -> None:
        self._conn.executemany(
            "INSERT OR REPLACE INTO story_members (pk, story_id) VALUES (?, ?)",
            [(self._pk(a), story_id) for a in article_ids])

    def save_story(self, s: Story) -> None:
        self._conn.execute(
            'INSERT OR REPLACE INTO stories (id, title, start, "end", entity_ids, outlets,'
            " n_articles, n_events, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (s.id, s.title, s.start, s.end, json.dumps(s.entity_ids), json.dumps(s.outlets),
             s.n_articles, s.n_events, _now()))

    def delete_story(self, story_id: str) -> None:
        for table in ("stories", "story_events", "story_results"):
            col = "id" if table == "stories" else "story_id"
            self._conn.execute(f"DELETE FROM {table} WHERE {col} = ?", (story_id,))

    def clear_stories(self) -> None:
        for table in ("stories", "story_members", "story_events", "story_results", "story_index"):
            self._conn.execute(f"DELETE FROM {table}")

    def _story(self, row: Sequence[Any]) -> Story:
        members = [r[0] for r in self._conn.execute(
            "SELECT a.id FROM story_members m JOIN articles a ON a.pk = m.pk"
            " WHERE m.story_id = ? ORDER BY a.pk", (row[0],))]
        return Story(row[0], row[1], members, row[2], row[3], json.loads(row[4]),
                     json.loads(row[5]), row[6], row[7])

    _STORY_COLS = 'id, title, start, "end", entity_ids, outlets, n_articles, n_events'

    def stories(self, *, limit: int | None = None, min_articles: int = 1) -> list[Story]:
        """Stories, biggest first (then most recent)."""
        sql = (f"SELECT {self._STORY_COLS} FROM stories WHERE n_articles >= ?"
               ' ORDER BY n_articles DESC, coalesce("end", \'\') DESC, id')
        params: list[Any] = [min_articles]
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [self._story(r) for r in self._conn.execute(sql, params).fetchall()]

    def count_story_members(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM story_members").fetchone()[0])

    def count_stories(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM stories").fetchone()[0])

    def find_story(self, id_or_prefix: str) -> Story | None:
        """A story by id or by a prefix that only one story id starts with."""
        rows = self._conn.execute(
            f"SELECT {self._STORY_COLS} FROM stories WHERE id = ? OR id LIKE ? ESCAPE '\\' LIMIT 2",
            (id_or_prefix, id_or_prefix.replace("\\", "\\\\").replace("%", "\\%")
             .replace("_", "\\_") + "%")).fetchall()
        exact = [r for r in rows if r[0] == id_or_prefix]
        if exact:
            return self._story(exact[0])
        return self._story(rows[0]) if len(rows) == 1 else None

    def story_of(self, article_id: str) -> str | None:
        row = self._conn.execute(
            "SELECT m.story_id FROM story_members m JOIN articles a ON a.pk = m.pk WHERE a.id = ?",
            (article_id,)).fetchone()
        return row[0] if row else None

    def story_ids_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        wanted = list(article_ids)
        for k in range(0, len(wanted), 500):
            chunk = wanted[k:k + 500]
            out.update(self._conn.execute(
                "SELECT a.id, m.story_id FROM story_members m JOIN articles a ON a.pk = m.pk"
                " WHERE a.id IN (" + ",".join("?" * len(chunk)) + ")", chunk).fetchall())
        return out

    # -- events and results --------------------------------------------------------------------

    def save_story_events(self, story_id: str, events: Sequence[Event]) -> None:
        self._conn.execute("DELETE FROM story_events WHERE story_id = ?", (story_id,))
        self._conn.executemany(
            "INSERT OR REPLACE INTO story_events (id, story_id, date, granularity, background,"
            " entity_ids, mentions) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(e.id, story_id, e.date, e.granularity, int(e.background), json.dumps(e.entity_ids),
              json.dumps([[m.article_id, m.sentence_start, m.sentence_end, m.date, m.granularity,
                           m.timex_start, m.timex_end] for m in e.mentions]))
             for e in events])

    def story_events(self, story_id: str) -> list[Event]:
        rows = self._conn.execute(
            "SELECT id, date, granularity, background, entity_ids, mentions FROM story_events"
            " WHERE story_id = ? ORDER BY date, id", (story_id,))
        return [Event(r[0], r[1], r[2], [EventCandidate(*m) for m in json.loads(r[5])],
                      json.loads(r[4]), story_id, bool(r[3])) for r in rows]

    def save_story_result(self, story_id: str, kind: str, data: Any) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO story_results (story_id, kind, data) VALUES (?, ?, ?)",
            (story_id, kind, json.dumps(data, ensure_ascii=False)))

    def delete_story_results(self, story_id: str, kinds: Sequence[str]) -> None:
        self._conn.executemany("DELETE FROM story_results WHERE story_id = ? AND kind = ?",
                               [(story_id, k) for k in kinds])

    def story_result(self, story_id: str, kind: str) -> Any | None:
        row = self._conn.execute("SELECT data FROM story_results WHERE story_id = ? AND kind = ?",
                                 (story_id, kind)).fetchone()
        return None if row is None else json.loads(row[0])
