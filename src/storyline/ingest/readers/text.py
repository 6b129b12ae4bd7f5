"""Plain text: the whole file is the article, its first line the headline (the cleaner decides)."""

from __future__ import annotations

from collections.abc import Iterator

from storyline.config import Settings
from storyline.ingest.readers.base import decode_input
from storyline.records import Input, Quarantined, SourceDoc


def read_text(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    text = decode_input(inp)
    if isinstance(text, Quarantined):
        yield text
        return
    yield SourceDoc(origin=inp.origin, format="txt", text=text, title_in_text=True)
