"""CSV and TSV with a header row: one article per row, the columns named as for JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from storyline.config import Settings
from storyline.errors import Q103, Q106, Q107
from storyline.ingest.fields import has_text_field, record_to_doc
from storyline.ingest.quarantine import quarantine
from storyline.ingest.readers.base import decode_input
from storyline.ingest.readers.html import extract_html
from storyline.records import Input, Quarantined, SourceDoc

__all__ = ["read_csv"]

_DELIMITERS = ",\t;|"


class _Tape:
    """Feeds lines to csv.reader and remembers them, so a bad row's raw text can be quarantined."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.taken: list[str] = []

    def __iter__(self) -> _Tape:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        return line

    def cut(self) -> bytes:
        raw = "".join(self.taken).encode("utf-8", "surrogatepass")
        self.taken.clear()
        return raw


def _dialect(text: str, tab: bool) -> str:
    if tab:
        return "\t"
    sample = text[:64 * 1024]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ","


def read_csv(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    text = decode_input(inp)
    if isinstance(text, Quarantined):
        yield text
        return
    # Article bodies are long; the default 128 KiB field limit would reject real rows.
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_input_bytes))
    tape = _Tape(text)
    reader = csv.reader(tape, delimiter=_dialect(text, inp.name.lower().endswith(".tsv")), strict=True)
    fmt = "CSV"
    try:
        header = next(reader)
    except StopIteration:
        yield quarantine(Q103, inp.origin, inp.data)
        return
    except csv.Error as exc:
        yield quarantine(Q106, inp.origin, inp.data, format=fmt, why=f"bad header row: {exc}")
        return
    header = [h.strip() for h in header]
    tape.cut()
    if not has_text_field(header):
        yield quarantine(Q107, inp.origin, inp.data)
        return

    row_number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_number += 1
            where = f"{inp.origin}#row={row_number}"
            yield quarantine(Q106, where, tape.cut(), format=fmt, why=f"{exc} (line {reader.line_num})")
            continue
        payload = tape.cut()
        if not any(cell.strip() for cell in row):
            continue  # blank line
        row_number += 1
        where = f"{inp.origin}#row={row_number}"
        if len(row) > len(header):
            # Usually an unquoted delimiter inside the text, which splits the article.
            why = f"{len(row)} fields where the header has {len(header)} (line {reader.line_num})"
            yield quarantine(Q106, where, payload, format=fmt, why=why)
            continue
        record = dict(zip(header, row))
        yield record_to_doc(record, where, "csv", payload, extract_html)
    if row_number == 0:
        yield quarantine(Q103, inp.origin, inp.data)
