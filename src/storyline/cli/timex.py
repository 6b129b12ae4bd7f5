"""`storyline timex FILE --dct YYYY-MM-DD`: the time expressions of any text, normalised."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import JsonOpt, state
from storyline.errors import E001, E010, Q101, StorylineError
from storyline.ingest.decode import DecodeFailure, decode
from storyline.temporal import find_timexes
from storyline.temporal.calendar import parse_dct


def _read(file: str) -> tuple[str, str]:
    if file == "-":
        return "<stdin>", decode(sys.stdin.buffer.read())
    path = Path(file)
    if not path.is_file():
        raise StorylineError(E001, path=file)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StorylineError(Q101, origin=file, why=exc.strerror or str(exc)) from exc
    return file, decode(data)


@app.command()
def timex(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A text file, or '-' for standard input.")],
    dct: Annotated[str | None, typer.Option(
        "--dct", help="Document creation time, YYYY-MM-DD. Without it, relative expressions "
                      "keep X placeholders (XXXX-XX-XX).")] = None,
    json_: JsonOpt = False,
) -> None:
    """Print the time expressions of a text: start, end, text, type, value."""
    st = state(ctx, json_)
    try:
        parse_dct(dct)
    except ValueError as exc:
        raise StorylineError(E010, value=dct) from exc
    origin, text = "", ""
    try:
        origin, text = _read(file)
    except DecodeFailure as exc:
        raise StorylineError(exc.code, origin=file, why=exc.reason) from exc
    found = find_timexes(text, dct)
    data = {
        "file": origin, "dct": dct,
        "timexes": [{"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                     "value": t.value, "granularity": t.granularity, "mod": t.mod}
                    for t in found],
    }

    def human(con):  # type: ignore[no-untyped-def]
        table = Table("start", "end", "text", "type", "value",
                      title=f"{len(found)} time expression(s) in {origin}"
                            + (f", DCT {dct}" if dct else ", no DCT"))
        for t in found:
            value = t.value + (f" ({t.mod})" if t.mod else "")
            table.add_row(str(t.start), str(t.end), t.text.replace("\n", " ")[:60], t.type, value)
        con.print(table)

    st.emit(data, human)
