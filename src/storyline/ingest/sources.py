"""What the user hands us -- files, folders (recursively), standard input -- as Input records.

Paths are all checked before anything is read, so a typo stops the command at once instead of
after an hour of ingesting. Folders are walked in sorted order so two runs see the same sequence.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from storyline.config import Settings
from storyline.errors import E001, Q101, Q104, StorylineError
from storyline.ingest.quarantine import quarantine
from storyline.records import Input, Quarantined, Skipped

__all__ = ["STDIN", "count_inputs", "iter_inputs"]

STDIN = "<stdin>"
_CHUNK = 1 << 20


_DOC_STEMS = ("readme", "license", "licence", "copying", "changelog", "notice", "authors")


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _documentation(name: str) -> bool:
    """A project file that travels with a corpus folder but is not an article."""
    return name.lower().split(".")[0] in _DOC_STEMS


def _walk(root: Path, visited: set[str] | None = None) -> Iterator[Path]:
    """Non-hidden entries under ``root`` that are not folders, depth first, sorted by name."""
    visited = set() if visited is None else visited
    real = _identity(root)
    if real in visited:  # a symlink loop, or a folder linked twice
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        yield root  # reported as one unreadable input rather than skipped
        return
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        if _is_dir(path):
            yield from _walk(path, visited)
        else:
            yield path


def _expand(paths: Sequence[str | Path]) -> list[str | Path]:
    """Every file (or "-") the given paths stand for, once each, in order; E001 on a missing path."""
    missing = [str(p) for p in paths if str(p) != "-" and not os.path.lexists(p)]
    if missing:
        raise StorylineError(E001, path=", ".join(missing))
    out: list[str | Path] = []
    seen: set[str] = set()
    for given in paths:
        if str(given) == "-":
            candidates: list[str | Path] = ["-"]
        else:
            path = Path(given)
            candidates = list(_walk(path)) if _is_dir(path) else [path]
        for item in candidates:
            key = "-" if item == "-" else _identity(Path(item))
            if key in seen:
                continue
            seen.add(key)
            out.append(item)
    return out


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


def _identity(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # symlink loop
        return str(path.absolute())


def count_inputs(paths: Sequence[str | Path]) -> int:
    """How many inputs ``iter_inputs`` will yield for ``paths`` (for a progress bar)."""
    return len(_expand(paths))


def iter_inputs(
    paths: Sequence[str | Path], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Input | Quarantined | Skipped]:
    """One Input per file (or per "-", read from ``stdin``), or a Quarantined saying why not.

    README/LICENSE-like files met while walking a folder are yielded as Skipped (named explicitly,
    they are read like any file). Raises StorylineError(E001) before yielding anything if any path
    does not exist.
    """
    given = {str(p) for p in paths}
    for item in _expand(paths):
        if item != "-" and str(item) not in given and _documentation(Path(item).name):
            yield Skipped(origin=str(item), reason="documentation, not an article")
        elif item == "-":
            yield _read_stdin(stdin if stdin is not None else sys.stdin.buffer, settings)
        else:
            yield _read_file(Path(item), settings)


def _read_file(path: Path, settings: Settings) -> Input | Quarantined:
    origin = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        why = "it is a broken link" if path.is_symlink() else (exc.strerror or str(exc))
        return quarantine(Q101, origin, None, why=why)
    if stat.S_ISDIR(info.st_mode):
        return quarantine(Q101, origin, None, why="the folder cannot be listed")
    if not stat.S_ISREG(info.st_mode):
        # Reading a FIFO or a device could block forever or never end.
        return quarantine(Q101, origin, None, why="it is not a regular file")
    limit = settings.max_input_bytes
    if info.st_size > limit:
        return quarantine(Q104, origin, None, size=info.st_size, limit=limit)
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        return quarantine(Q101, origin, None, why=exc.strerror or str(exc))
    if len(data) > limit:  # grew since stat
        return quarantine(Q104, origin, None, size=len(data), limit=limit)
    return Input(origin=origin, data=data, name=path.name)


def _read_stdin(stream: BinaryIO, settings: Settings) -> Input | Quarantined:
    limit = settings.max_input_bytes
    kept: list[bytes] = []
    total = 0
    try:
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total <= limit:
                kept.append(chunk)
    except OSError as exc:
        return quarantine(Q101, STDIN, None, why=exc.strerror or str(exc))
    if total > limit:
        # Read on to the end so the size in the message is true and the writer is not cut off.
        return quarantine(Q104, STDIN, None, size=total, limit=limit)
    return Input(origin=STDIN, data=b"".join(kept), name=STDIN)
