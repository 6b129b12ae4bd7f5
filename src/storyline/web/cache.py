"""Story outputs computed once per story and store state, kept as ready JSON bytes.

Summaries and timelines take seconds on a big story, so a story page would be slow if each request
recomputed them. The key includes the store's modification stamp (size and mtime of the SQLite
file and its write-ahead log), so an ingest, a restore or a re-analysis is seen by the next request
without any signal between processes.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any


def store_stamp(db_path: Path) -> tuple[int, ...]:
    """Changes whenever a transaction commits to the store (in any process)."""
    out: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(str(db_path) + suffix)
        except FileNotFoundError:
            out += [0, 0]
            continue
        # A reader creates an empty log when there is none; only content counts (a checkpoint
        # that empties the log has changed the main file).
        out += [st.st_mtime_ns, st.st_size] if st.st_size else [0, 0]
    return tuple(out)


class ResultCache:
    """A small LRU of computed results; one computation per key at a time."""

    def __init__(self, size: int = 32) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            gate = self._computing.setdefault(key, threading.Lock())
        with gate:  # a second request for the same story waits for the first one's result
            with self._lock:
                if key in self._items:
                    self.hits += 1
                    return self._items[key]
            value = compute()
            with self._lock:
                self.misses += 1
                self._items[key] = value
                self._items.move_to_end(key)
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
                self._computing.pop(key, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
