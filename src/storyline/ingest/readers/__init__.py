"""Readers: one Input becomes SourceDocs (one per article inside it) or Quarantined records.

``read_input`` never raises on bad data: whatever a reader cannot read is quarantined with a code
from storyline.errors and its payload, and the rest of the input is still read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

from storyline.config import Settings
from storyline.errors import Q103, Q106, Q108, Q109
from storyline.ingest import sniff
from storyline.ingest.quarantine import quarantine
from storyline.ingest.readers.base import decode_input
from storyline.ingest.readers.feed import read_feed
from storyline.ingest.readers.html import extract_html, read_html
from storyline.ingest.readers.jsonl import read_json, read_jsonl
from storyline.ingest.readers.tabular import read_csv
from storyline.ingest.readers.text import read_text
from storyline.ingest.readers.warc import read_warc
from storyline.records import Input, Quarantined, SourceDoc

__all__ = ["extract_html", "read_input", "reader_for"]

log = logging.getLogger(__name__)

Reader = Callable[[Input, Settings], Iterator[SourceDoc | Quarantined]]

READERS: dict[str, Reader] = {
    "txt": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "csv": read_csv,
    "tsv": read_csv,
    "feed": read_feed,
    "xml": read_feed,
    "warc": read_warc,
}


def _read_sniffed_json(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    # Content starting with "{" or "[" is usually JSON, but "[Updated] Putin visits Ankara" is a
    # text article: if no record at all parses, read it as text.
    results = list(read_json(inp, settings))
    if all(isinstance(r, Quarantined) and r.code == Q106.code for r in results):
        yield from read_text(inp, settings)
    else:
        yield from results


def reader_for(inp: Input) -> Reader | Quarantined:
    """The reader an input needs (by name, else by content), or why there is none."""
    fmt = sniff.by_name(inp.name) if inp.name else None
    if fmt == "unsupported":
        ext = inp.name[inp.name.rfind(".") :].lower()
        return quarantine(Q109, inp.origin, inp.data, why=f"a {sniff.UNSUPPORTED[ext]} file")
    if fmt == "xml":
        text = decode_input(inp)
        if isinstance(text, Quarantined):
            return text
        return read_html if sniff.by_content(text) == "html" else read_feed
    if fmt is not None:
        return READERS[fmt]
    if sniff.is_warc_head(inp.data):
        return read_warc
    text = decode_input(inp)
    if isinstance(text, Quarantined):
        return text
    found = sniff.by_content(text)
    return _read_sniffed_json if found == "json" else READERS[found]


def read_input(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    """Every article in ``inp`` as a SourceDoc, and every part that is not one as a Quarantined."""
    if not inp.data.strip():
        yield quarantine(Q103, inp.origin, inp.data)
        return
    reader = reader_for(inp)
    if isinstance(reader, Quarantined):
        yield reader
        return
    produced = False
    try:
        for item in reader(inp, settings):
            produced = True
            yield item
    except Exception as exc:
        # A reader bug or a library failing on input nobody foresaw: quarantine, never crash the batch.
        log.warning("reader %s failed on %s", getattr(reader, "__name__", reader), inp.origin, exc_info=True)
        why = f"{type(exc).__name__}: {exc}"[:200]
        yield quarantine(Q106, inp.origin, inp.data, format="input", why=why)
        return
    if not produced:
        # e.g. a web archive with no HTML page in it: say so rather than yield nothing.
        yield quarantine(Q108, inp.origin, inp.data)
