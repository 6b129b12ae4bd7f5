"""`storyline quotes`: who said what, with spans."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, state


@app.command()
def quotes(
    ctx: typer.Context,
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="Only quotes by this entity (name or id).")] = None,
    article: Annotated[Optional[str], typer.Option("--article", help="Only quotes in this article.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="At most this many.")] = None,
    fragments: Annotated[bool, typer.Option(
        "--fragments", help="Also list short quoted phrases (scare quotes, 1-3 words).")] = False,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """List quotations and reported speech with their speakers and spans."""
    st = state(ctx, json_, db)
    with st.open_store(readonly=True) as store:
        speaker_id = None
        if speaker:
            match = [e for e in store.entities(name=speaker, limit=None) if e.type in ("PERSON", "ORG", "GPE", "NORP")]
            speaker_id = speaker if not match and ":" in speaker else (match[0].id if match else "-none-")
        found = store.quotes(article_id=article, speaker_entity_id=speaker_id, limit=limit,
                             fragments=fragments)
    data = {"quotes": [
        {"article": q.article_id, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
         "speaker": q.speaker, "speaker_entity": q.speaker_entity_id, "cue": q.cue,
         "attribution": q.attribution,
         "speaker_start": q.speaker_start, "speaker_end": q.speaker_end} for q in found]}

    def human(con):  # type: ignore[no-untyped-def]
        table = Table("speaker", "kind", "quote", "article", title=f"{len(found)} quotes")
        for q in found:
            table.add_row(q.speaker or "(unattributed)", q.kind, q.text, q.article_id)
        con.print(table)

    st.emit(data, human)
