"""Schema migrations: numbered SQL files applied in order, each in its own transaction.

The schema version lives in ``PRAGMA user_version``, so it changes in the same transaction as the
schema itself: a crash mid-migration leaves the previous version, never half of the next one.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The file's statements, one per execute call.

        ``executescript`` would commit the open transaction, so statements are split here with
        SQLite's own notion of a complete statement. A statement must end its line.
        """
        out, buf = [], ""
        for line in self.sql.splitlines(keepends=True):
            buf += line
            if sqlite3.complete_statement(buf):
                out.append(buf)
                buf = ""
        if buf.strip() and not all(
            ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()
        ):
            raise ValueError(f"migration {self.name} ends with an incomplete statement")
        return out


def load_migrations(folder: Traversable | Path | None = None) -> list[Migration]:
    """Migrations in ``folder`` (default: the packaged ones), checked to be numbered 1, 2, 3..."""
    folder = folder if folder is not None else resources.files("storyline.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    versions = [mig.version for mig in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {versions}")
    return found


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: list[Migration]) -> int:
    """Bring the database up to the last of ``migrations``; returns the resulting version.

    ``conn`` must be in autocommit mode (``isolation_level=None``). The version is read again under
    the write lock, so two processes opening a new store at once do not both create it.
    """
    for mig in migrations:
        if mig.version <= user_version(conn):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if mig.version > user_version(conn):
                for statement in mig.statements():
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {mig.version:d}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # some errors (disk full, I/O) have rolled back already
                conn.execute("ROLLBACK")
            raise
    return user_version(conn)
