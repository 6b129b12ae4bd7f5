"""`storyline quarantine`: what could not be ingested, and why."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, state


@app.command()
def quarantine(
    ctx: typer.Context,
    run: Annotated[Optional[int], typer.Option("--run", help="Only this ingest run.")] = None,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """List quarantined inputs with their code and reason."""
    st = state(ctx, json_, db)
    with st.open_store(readonly=True) as store:
        items = store.list_quarantined(run)
    data = {"quarantined": [
        {"origin": q.origin, "code": q.code, "reason": q.reason, "detail": q.detail, "size": q.size}
        for q in items]}

    def human(con):  # type: ignore[no-untyped-def]
        table = Table("origin", "code", "reason", "what to do", title=f"{len(items)} quarantined")
        for q in items:
            table.add_row(q.origin, q.code, q.reason, q.detail)
        con.print(table)

    st.emit(data, human)
