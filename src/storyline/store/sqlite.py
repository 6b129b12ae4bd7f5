"""The embedded store: one SQLite file in WAL mode holding articles, duplicate links, fingerprints,
quarantined inputs and run summaries.

Every write happens inside a transaction (the caller's, or one opened for that call), so a process
killed at any moment leaves the last committed state. Nothing is loaded into memory on open; every
lookup is an indexed query.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d, Store(pathlib.Path(d) / "s.db") as store:
...     store.count_articles(), store.schema_version
(0, 1)
"""

from __future__ import annotations

import hashlib
import json
import math
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote

from storyline.errors import E002, E003, E004, E008, StorylineError
from storyline.store.analysis import AnalysisMixin
from storyline.store.search import SearchMixin
from storyline.store.stories import StoriesMixin
from storyline.records import Article, DuplicateLink, OffsetMap, Quarantined, RemovedLine
from storyline.store.migrate import load_migrations, migrate, user_version

APPLICATION_ID = 0x53544C4E  # "STLN", set by migration 0001
BUSY_TIMEOUT = 5.0  # seconds
_CHUNK = 500  # ids per IN (...) query, well under SQLite's variable limit
_MIGRATIONS = load_migrations()
LATEST_VERSION = _MIGRATIONS[-1].version


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of an article listing (no texts)."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    n_chars: int
    n_removed: int
    dup_group_size: int
    origin: str


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _is_busy(exc: sqlite3.Error) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


_SUMMARY_SQL = """
SELECT a.id, a.title, a.outlet, a.published, a.n_chars, a.n_removed,
       CASE WHEN a.grp IS NULL THEN 1
            ELSE (SELECT COUNT(*) FROM articles g WHERE g.grp = a.grp) END,
       a.origin
FROM articles a
"""


class Store(SearchMixin, StoriesMixin, AnalysisMixin):
    """A Storyline store in one SQLite file.

    Use it as a context manager; group the writes of one batch in ``transaction()``.
    """

    def __init__(
        self, path: str | Path, *, readonly: bool = False, timeout: float = BUSY_TIMEOUT
    ) -> None:
        """Open or create the store at ``path``; ``timeout`` is how many seconds to wait for
        another writer before giving up with E008."""
        self.path = Path(path)
        self.readonly = readonly
        self.timeout = timeout
        self._depth = 0  # transaction nesting: 0 outside, 1 in BEGIN, >1 in savepoints
        self._conn = self._connect()
        try:
            self.schema_version = self._prepare()
        except BaseException:
            self._conn.close()
            raise

    # -- opening -------------------------------------------------------------------------------

    def _fail(self, why: str) -> StorylineError:
        return StorylineError(E003, db=self.path, why=why)

    def _connect(self) -> sqlite3.Connection:
        if self.path.is_dir():
            raise self._fail("it is a folder, not a store file")
        if self.readonly:
            if not self.path.is_file():
                raise self._fail("no such file")
            target, uri = f"file:{quote(str(self.path.resolve()))}?mode=ro", True
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise self._fail(exc.strerror or str(exc)) from exc
            target, uri = str(self.path), False
        try:
            conn = sqlite3.connect(target, uri=uri, isolation_level=None, timeout=self.timeout)
        except sqlite3.Error as exc:
            raise self._fail(str(exc)) from exc
        return conn

    def _prepare(self) -> int:
        conn = self._conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000):d}")
            if not self.readonly:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise self._fail(f"cannot switch to WAL journal mode (got {mode})")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA cache_size = -65536")  # 64 MB of page cache, not a full load
            version = user_version(conn)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            has_tables = conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] > 0
        except sqlite3.Error as exc:
            if _is_busy(exc):
                raise StorylineError(E008, db=self.path) from exc
            raise self._fail(str(exc)) from exc
        if (version or has_tables) and app_id != APPLICATION_ID:
            raise self._fail("it is an SQLite file but not a Storyline store")
        if version > LATEST_VERSION:
            raise StorylineError(E004, db=self.path, found=version, supported=LATEST_VERSION)
        if version < LATEST_VERSION:
            if self.readonly:
                raise self._fail(
                    f"its schema (version {version}) needs upgrading to {LATEST_VERSION}; "
                    "open it once without read-only mode"
                )
            try:
                version = migrate(conn, _MIGRATIONS)
            except sqlite3.Error as exc:
                if _is_busy(exc):
                    raise StorylineError(E008, db=self.path) from exc
                raise self._fail(f"migration failed: {exc}") from exc
        return version

    def close(self) -> None:
        if self._conn is None:
            return
        try:
            if not self.readonly and self._depth == 0:
                self._conn.execute("PRAGMA optimize")  # keeps the planner's statistics current
        except sqlite3.Error:
            pass  # statistics are an optimisation; closing must not fail over them
        finally:
            self._conn.close()
            self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if the block raises.

        Nested calls become savepoints, so a failing inner block undoes only its own writes.
        """
        if self.readonly:
            raise self._fail("it was opened read-only")
        depth = self._depth
        try:
            self._conn.execute("BEGIN IMMEDIATE" if depth == 0 else f"SAVEPOINT sp{depth}")
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                raise StorylineError(E008, db=self.path) from exc
            raise
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth = depth
            if depth == 0:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
            elif self._conn.in_transaction:
                self._conn.execute(f"ROLLBACK TO sp{depth}")
                self._conn.execute(f"RELEASE sp{depth}")
            raise
        self._depth = depth
        if depth == 0:
            try:
                self._conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if _is_busy(exc):
                    raise StorylineError(E008, db=self.path) from exc
                raise
        else:
            self._conn.execute(f"RELEASE sp{depth}")

    def _pk(self, article_id: str) -> int:
        row = self._conn.execute("SELECT pk FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise StorylineError(E002, id=article_id, db=self.path)
        return int(row[0])

    # -- articles ------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        sql = "SELECT 1 FROM articles WHERE id = ?"
        return self._conn.execute(sql, (article_id,)).fetchone() is not None

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored."""
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT id FROM articles WHERE id IN ({marks})"
            found.update(row[0] for row in self._conn.execute(sql, chunk))
        return found

    def add_article(self, a: Article) -> bool:
        """Insert ``a``; False (and no change at all) if its id is already stored."""
        with self.transaction():
            cur = self._conn.execute(
                "INSERT OR IGNORE INTO articles (id, origin, format, title, url, outlet,"
                " outlet_source, byline, published, published_source, language, content_hash,"
                " n_chars, n_removed, metadata, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    a.id, a.origin, a.format, a.title, a.url, a.outlet, a.outlet_source,
                    a.byline, a.published, a.published_source, a.language, a.content_hash,
                    len(a.clean_text), len(a.removed),
                    json.dumps(a.metadata, ensure_ascii=False, default=str), _now(),
                ),
            )  # fmt: skip
            if cur.rowcount == 0:
                return False
            original = None
            if a.original is not None:
                original = zlib.compress(a.original.encode("utf-8", "surrogatepass"))
            self._conn.execute(
                "INSERT INTO article_texts (pk, raw_text, clean_text, offsets, removed, original)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (
                    cur.lastrowid, a.raw_text, a.clean_text, a.offsets.to_json(),
                    _removed_json(a.removed), original,
                ),
            )  # fmt: skip
        return True

    def replace_clean(
        self,
        article_id: str,
        clean_text: str,
        offsets: OffsetMap,
        removed: Sequence[RemovedLine],
        *,
        content_hash: str | None = None,
    ) -> None:
        """Store a new cleaning of an article (raw text and metadata stay as they are).

        Pass ``content_hash`` when the clean text changed, so exact-duplicate lookups follow it.
        """
        with self.transaction():
            pk = self._pk(article_id)
            self._conn.execute(
                "UPDATE article_texts SET clean_text = ?, offsets = ?, removed = ? WHERE pk = ?",
                (clean_text, offsets.to_json(), _removed_json(removed), pk),
            )
            self._conn.execute(
                "UPDATE articles SET n_chars = ?, n_removed = ?,"
                " content_hash = COALESCE(?, content_hash) WHERE pk = ?",
                (len(clean_text), len(removed), content_hash, pk),
            )

    def get_article(self, article_id: str) -> Article | None:
        row = self._conn.execute(
            "SELECT a.id, a.origin, a.format, t.raw_text, t.clean_text, t.offsets, t.removed,"
            " a.title, a.url, a.outlet, a.outlet_source, a.byline, a.published,"
            " a.published_source, a.language, a.metadata, t.original, a.content_hash"
            " FROM articles a JOIN article_texts t ON t.pk = a.pk WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        original = row[16]
        return Article(
            id=row[0],
            origin=row[1],
            format=row[2],
            raw_text=row[3],
            clean_text=row[4],
            offsets=OffsetMap.from_json(row[5]),
            removed=[RemovedLine(*item) for item in json.loads(row[6])],
            title=row[7],
            url=row[8],
            outlet=row[9],
            outlet_source=row[10],
            byline=row[11],
            published=row[12],
            published_source=row[13],
            language=row[14],
            metadata=json.loads(row[15]),
            original=None
            if original is None
            else zlib.decompress(original).decode("utf-8", "surrogatepass"),
            content_hash=row[17],
        )

    def find_article_ids(self, prefix: str, *, limit: int | None = None) -> list[str]:
        """Ids starting with ``prefix``, sorted (an index range scan, not LIKE)."""
        sql = "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id"
        params: tuple[Any, ...] = (prefix, prefix + "\U0010ffff")
        if limit is not None:
            sql += " LIMIT ?"
            params += (limit,)
        return [row[0] for row in self._conn.execute(sql, params)]

    def list_articles(
        self, *, limit: int | None = None, offset: int = 0, outlet: str | None = None
    ) -> list[ArticleSummary]:
        """Articles in the order they were added, optionally of one outlet."""
        sql, params = _SUMMARY_SQL, []
        if outlet is not None:
            sql += " WHERE a.outlet = ?"
            params.append(outlet)
        sql += " ORDER BY a.pk LIMIT ? OFFSET ?"
        params += [-1 if limit is None else limit, offset]
        return [ArticleSummary(*row) for row in self._conn.execute(sql, params)]

    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def outlets(self) -> list[tuple[str, int]]:
        """(outlet, article count), most articles first; articles without an outlet are left out."""
        sql = (
            "SELECT outlet, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL"
            " GROUP BY outlet ORDER BY n DESC, outlet"
        )
        return [(row[0], row[1]) for row in self._conn.execute(sql)]

    def ids_with_content_hash(self, h: str) -> list[str]:
        sql = "SELECT id FROM articles WHERE content_hash = ? ORDER BY id"
        return [row[0] for row in self._conn.execute(sql, (h,))]

    # -- inputs --------------------------------------------------------------------------------

    def input_seen(self, sha256: str) -> bool:
        sql = "SELECT 1 FROM inputs WHERE sha256 = ?"
        return self._conn.execute(sql, (sha256,)).fetchone() is not None

    def mark_input(self, origin: str, sha256: str, n_articles: int, n_quarantined: int) -> None:
        with self.transaction():
            self._conn.execute(
                "INSERT OR REPLACE INTO inputs (sha256, origin, n_articles, n_quarantined, seen_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (sha256, origin, n_articles, n_quarantined, _now()),
            )

    # -- quarantine ----------------------------------------------------------------------------

    def add_quarantined(self, q: Quarantined, *, run_id: int | None) -> None:
        """Keep ``q``; quarantining the same payload again for the same reason adds nothing."""
        sha = hashlib.sha256(q.payload).hexdigest() if q.payload is not None else ""
        payload = zlib.compress(q.payload) if q.payload is not None else None
        with self.transaction():
            self._conn.execute(
                "INSERT OR IGNORE INTO quarantine"
                " (run_id, origin, code, reason, detail, payload, size, payload_sha)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, q.origin, q.code, q.reason, q.detail, payload, q.size, sha),
            )

    def list_quarantined(self, run_id: int | None = None) -> list[Quarantined]:
        """Quarantined inputs of one run, or of all runs when ``run_id`` is None."""
        sql = "SELECT origin, code, reason, detail, payload, size FROM quarantine"
        params: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        return [
            Quarantined(o, c, r, d, None if p is None else zlib.decompress(p), s)
            for o, c, r, d, p, s in self._conn.execute(sql + " ORDER BY id", params)
        ]

    # -- runs ----------------------------------------------------------------------------------

    def start_run(self, argv: list[str]) -> int:
        with self.transaction():
            cur = self._conn.execute(
                "INSERT INTO runs (argv, started_at) VALUES (?, ?)", (json.dumps(argv), _now())
            )
        return int(cur.lastrowid)  # type: ignore[arg-type]

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        with self.transaction():
            self._conn.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                (_now(), json.dumps(summary, ensure_ascii=False, default=str), run_id),
            )

    def get_run(self, run_id: int) -> dict[str, Any] | None:
        """The run's argv, start and finish times and summary (None until finished)."""
        row = self._conn.execute(
            "SELECT id, argv, started_at, finished_at, summary FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        if row is None:
            return None
        return {
            "id": row[0],
            "argv": json.loads(row[1]),
            "started_at": row[2],
            "finished_at": row[3],
            "summary": None if row[4] is None else json.loads(row[4]),
        }

    # -- duplicates ----------------------------------------------------------------------------

    def add_duplicate(self, link: DuplicateLink) -> None:
        """Store the link once per unordered pair and merge the two duplicate groups.

        Linking a pair again keeps the strongest evidence: "exact" wins, similarity only rises.
        """
        if link.article_id == link.other_id:
            return
        with self.transaction():
            pa, pb = sorted((self._pk(link.article_id), self._pk(link.other_id)))
            self._conn.execute(
                "INSERT INTO duplicates (a, b, kind, similarity) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (a, b) DO UPDATE SET"
                " kind = CASE WHEN excluded.kind = 'exact' THEN 'exact' ELSE kind END,"
                " similarity = MAX(similarity, excluded.similarity)",
                (pa, pb, link.kind, float(link.similarity)),
            )
            group = "SELECT COALESCE(grp, pk) FROM articles WHERE pk = ?"
            ga = self._conn.execute(group, (pa,)).fetchone()[0]
            gb = self._conn.execute(group, (pb,)).fetchone()[0]
            self._conn.execute(
                "UPDATE articles SET grp = ?"
                " WHERE (grp IN (?, ?) OR pk IN (?, ?)) AND grp IS NOT ?",
                (min(ga, gb), ga, gb, pa, pb, min(ga, gb)),
            )

    def duplicates_of(self, article_id: str) -> list[DuplicateLink]:
        """Direct links of an article, strongest first, each seen from ``article_id``."""
        row = self._conn.execute("SELECT pk FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return []
        sql = (
            "SELECT * FROM ("
            " SELECT o.id, d.kind, d.similarity FROM duplicates d"
            "  JOIN articles o ON o.pk = d.b WHERE d.a = ?"
            " UNION ALL"
            " SELECT o.id, d.kind, d.similarity FROM duplicates d"
            "  JOIN articles o ON o.pk = d.a WHERE d.b = ?"
            ") ORDER BY kind = 'near', similarity DESC, id"
        )
        return [
            DuplicateLink(article_id, other, kind, sim)
            for other, kind, sim in self._conn.execute(sql, (row[0], row[0]))
        ]

    def duplicate_group(self, article_id: str) -> list[str]:
        """Every article linked to this one directly or through others, itself included, sorted;
        [] if the article is not stored."""
        row = self._conn.execute(
            "SELECT grp FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return []
        if row[0] is None:
            return [article_id]
        sql = "SELECT id FROM articles WHERE grp = ? ORDER BY id"
        return [r[0] for r in self._conn.execute(sql, (row[0],))]

    # -- recurring lines -----------------------------------------------------------------------

    def add_line_keys(self, article_id: str, outlet: str | None, keys: Iterable[str],
                      removed: Iterable[str] = ()) -> None:
        """Record which line keys an article of ``outlet`` has; ``removed`` are those of its lines
        already taken out as recurring (they still count towards recurrence).

        Without an outlet there is no set of sibling articles to compare with, so nothing is kept.
        """
        if outlet is None:
            return
        gone = set(removed)
        with self.transaction():
            pk = self._pk(article_id)
            self._conn.executemany(
                "INSERT OR REPLACE INTO line_keys (outlet, key, pk, kept) VALUES (?, ?, ?, ?)",
                ((outlet, key, pk, 0 if key in gone else 1) for key in dict.fromkeys(keys)),
            )

    def recurring_keys(self, outlet: str, min_articles: int, min_share: float = 0.0) -> set[str]:
        """Keys found in at least ``min_articles`` distinct duplicate groups of the outlet, and in
        at least ``min_share`` of all its groups.

        Counting groups, not articles, keeps five copies of one wire story from turning its
        sentences into "boilerplate"; the share keeps stock phrases of a big outlet ("did not
        immediately respond to a request for comment") in the text, while a footer on most of its
        articles goes.
        """
        groups = self._conn.execute(
            "SELECT COUNT(DISTINCT COALESCE(grp, pk)) FROM articles WHERE outlet = ?", (outlet,)
        ).fetchone()[0]
        needed = max(min_articles, math.ceil(min_share * groups))
        sql = (
            "SELECT lk.key FROM line_keys lk JOIN articles a ON a.pk = lk.pk"
            " WHERE lk.outlet = ? GROUP BY lk.key"
            " HAVING COUNT(DISTINCT COALESCE(a.grp, a.pk)) >= ?"
        )
        return {row[0] for row in self._conn.execute(sql, (outlet, needed))}

    def recurring_by_outlet(self, min_articles: int, min_share: float = 0.0
                            ) -> dict[str, frozenset[str]]:
        """``recurring_keys`` of every outlet at once (one pass over the line keys)."""
        groups = dict(self._conn.execute(
            "SELECT outlet, COUNT(DISTINCT COALESCE(grp, pk)) FROM articles"
            " WHERE outlet IS NOT NULL GROUP BY outlet").fetchall())
        sql = (
            "SELECT lk.outlet, lk.key, COUNT(DISTINCT COALESCE(a.grp, a.pk)) FROM line_keys lk"
            " JOIN articles a ON a.pk = lk.pk GROUP BY lk.outlet, lk.key"
            " HAVING COUNT(DISTINCT COALESCE(a.grp, a.pk)) >= ?"
        )
        found: dict[str, set[str]] = {}
        for outlet, key, n in self._conn.execute(sql, (min_articles,)):
            if n >= math.ceil(min_share * groups.get(outlet, 0)):
                found.setdefault(outlet, set()).add(key)
        return {outlet: frozenset(keys) for outlet, keys in found.items()}

    def articles_with_key(self, outlet: str, key: str) -> list[str]:
        """Articles of the outlet whose clean text still has the line."""
        return sorted(self.articles_keeping(outlet, [key]))

    def articles_keeping(self, outlet: str, keys: Iterable[str]) -> set[str]:
        """Articles of the outlet whose clean text still has any of the lines (batched)."""
        found: set[str] = set()
        for chunk in _chunks(list(dict.fromkeys(keys))):
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT DISTINCT a.id FROM line_keys lk JOIN articles a ON a.pk = lk.pk"
                f" WHERE lk.outlet = ? AND lk.kept = 1 AND lk.key IN ({marks})"
            )
            found.update(row[0] for row in self._conn.execute(sql, [outlet, *chunk]))
        return found

    # -- restored lines ------------------------------------------------------------------------

    def restore_line(self, article_id: str, raw_start: int) -> None:
        """Remember that the user put back the removed line starting at ``raw_start``."""
        with self.transaction():
            pk = self._pk(article_id)
            self._conn.execute(
                "INSERT OR IGNORE INTO restored_lines (pk, raw_start) VALUES (?, ?)",
                (pk, raw_start),
            )

    def restored_lines(self, article_id: str) -> set[int]:
        sql = (
            "SELECT r.raw_start FROM restored_lines r JOIN articles a ON a.pk = r.pk"
            " WHERE a.id = ?"
        )
        return {row[0] for row in self._conn.execute(sql, (article_id,))}

    # -- fingerprints --------------------------------------------------------------------------

    def add_lsh_bands(self, article_id: str, bands: Sequence[bytes]) -> None:
        """Store the article's LSH band hashes (band index = position), replacing older ones."""
        with self.transaction():
            pk = self._pk(article_id)
            self._conn.execute("DELETE FROM lsh_bands WHERE pk = ?", (pk,))
            self._conn.executemany(
                "INSERT OR IGNORE INTO lsh_bands (band, hash, pk) VALUES (?, ?, ?)",
                ((i, bytes(h), pk) for i, h in enumerate(bands)),
            )

    def lsh_candidates(self, bands: Sequence[bytes]) -> set[str]:
        """Ids of stored articles sharing at least one band with ``bands``."""
        if not bands:
            return set()
        # OR of (band, hash) pairs, not a row-value IN: SQLite only plans the OR form as one
        # primary-key lookup per band.
        where = " OR ".join("(l.band = ? AND l.hash = ?)" for _ in bands)
        params = [x for i, h in enumerate(bands) for x in (i, bytes(h))]
        sql = f"SELECT a.id FROM lsh_bands l CROSS JOIN articles a ON a.pk = l.pk WHERE {where}"
        return {row[0] for row in self._conn.execute(sql, params)}

    def add_signature(self, article_id: str, sig: bytes | Any) -> None:
        """Store (or replace) the article's MinHash signature: bytes, or an object with
        ``to_bytes()`` such as ``storyline.dedup.Signature`` (the store does not import dedup)."""
        data = sig.to_bytes() if hasattr(sig, "to_bytes") else bytes(sig)
        with self.transaction():
            pk = self._pk(article_id)
            self._conn.execute(
                "INSERT OR REPLACE INTO signatures (pk, sig) VALUES (?, ?)", (pk, data)
            )

    def get_signature(self, article_id: str) -> bytes | None:
        """The stored signature bytes (``Signature.from_bytes`` reads them), or None."""
        row = self._conn.execute(
            "SELECT s.sig FROM signatures s JOIN articles a ON a.pk = s.pk WHERE a.id = ?",
            (article_id,),
        ).fetchone()
        return None if row is None else bytes(row[0])

    def get_signatures(self, ids: Iterable[str]) -> dict[str, bytes]:
        """Signatures of those of ``ids`` that have one (batched)."""
        out: dict[str, bytes] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            marks = ",".join("?" * len(chunk))
            sql = (
                "SELECT a.id, s.sig FROM articles a JOIN signatures s ON s.pk = a.pk"
                f" WHERE a.id IN ({marks})"
            )
            out.update((row[0], bytes(row[1])) for row in self._conn.execute(sql, chunk))
        return out

    def integrity_check(self) -> str:
        """SQLite's verdict on the file: "ok", or the first problems found."""
        rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(row[0]) for row in rows)


def _removed_json(removed: Sequence[RemovedLine]) -> str:
    return json.dumps(
        [[r.start, r.end, r.text, r.reason] for r in removed], ensure_ascii=False
    )
