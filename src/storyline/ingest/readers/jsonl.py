"""JSON Lines (one article per line) and JSON files (one article, a list, or a wrapped list).

A bad line costs that line only: it is quarantined with its own origin and the rest are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from storyline.config import Settings
from storyline.errors import Q106
from storyline.ingest.fields import record_to_doc
from storyline.ingest.quarantine import quarantine
from storyline.ingest.readers.base import decode_input
from storyline.ingest.readers.html import extract_html
from storyline.records import Input, Quarantined, SourceDoc

__all__ = ["read_json", "read_jsonl"]

# Exports often wrap the list: NewsAPI {"articles": [...]}, others "items", "data", "results".
_WRAPPERS = ("articles", "items", "data", "results", "documents", "records", "entries", "posts", "stories", "docs")


def _encode(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _one(value: Any, origin: str, payload: bytes) -> SourceDoc | Quarantined:
    if not isinstance(value, dict):
        why = f"expected an object, found {type(value).__name__}"
        return quarantine(Q106, origin, payload, format="JSON", why=why)
    return record_to_doc(value, origin, "jsonl", payload, extract_html)


def _lines(text: str, origin: str) -> Iterator[SourceDoc | Quarantined]:
    # split("\n") rather than splitlines(): U+2028 and friends are legal inside JSON strings.
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        where = f"{origin}#L{number}"
        payload = line.encode("utf-8", "surrogatepass")
        try:
            value = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError) as exc:
            why = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield quarantine(Q106, where, payload, format="JSON Lines", why=f"{why} (line {number})")
            continue
        yield _one(value, where, payload)


def _unwrap(value: Any) -> list[Any] | None:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for key in _WRAPPERS:
            inner = value.get(key)
            if isinstance(inner, list) and inner and all(isinstance(v, dict) for v in inner):
                return inner
    return None


def _document(value: Any, text: str, origin: str) -> Iterator[SourceDoc | Quarantined]:
    items = _unwrap(value)
    if items is None:
        yield _one(value, origin, text.encode("utf-8", "surrogatepass"))
        return
    for index, item in enumerate(items):
        yield _one(item, f"{origin}#{index}", _encode(item))


def _parse(text: str) -> tuple[Any, Exception | None]:
    try:
        return json.loads(text), None
    except (json.JSONDecodeError, RecursionError) as exc:
        return None, exc


def read_jsonl(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    text = decode_input(inp)
    if isinstance(text, Quarantined):
        yield text
        return
    first = text.lstrip()
    # A pretty-printed JSON document saved as .jsonl: its first line alone is not valid JSON.
    if first.startswith(("[", "{")) and "\n" in first.strip():
        value, error = _parse(text)
        if error is None:
            yield from _document(value, text, inp.origin)
            return
    yield from _lines(text, inp.origin)


def read_json(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    text = decode_input(inp)
    if isinstance(text, Quarantined):
        yield text
        return
    value, error = _parse(text)
    if error is None:
        yield from _document(value, text, inp.origin)
    elif isinstance(error, json.JSONDecodeError) and error.msg == "Extra data":
        yield from _lines(text, inp.origin)  # JSON Lines saved as .json
    else:
        why = f"{error.msg} at line {error.lineno}" if isinstance(error, json.JSONDecodeError) else "nested too deeply"
        yield quarantine(Q106, inp.origin, inp.data, format="JSON", why=why)
