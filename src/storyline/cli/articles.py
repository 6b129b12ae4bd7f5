"""`storyline articles`: list stored articles."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Optional

import typer
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, state


@app.command()
def articles(
    ctx: typer.Context,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="At most this many.")] = None,
    offset: Annotated[int, typer.Option("--offset", help="Skip this many first.")] = 0,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """List the articles in the store."""
    st = state(ctx, json_, db)
    with st.open_store(readonly=True) as store:
        rows = store.list_articles(limit=limit, offset=offset, outlet=outlet)
        total = store.count_articles()
    data = {"total": total, "articles": [asdict(r) for r in rows]}

    def human(con):  # type: ignore[no-untyped-def]
        table = Table("id", "outlet", "published", "title", "chars", "removed", "copies",
                      title=f"{total} article(s)")
        table.columns[0].no_wrap = True
        for r in rows:
            table.add_row(r.id, r.outlet or "-", r.published or "-", (r.title or "-")[:70],
                          str(r.n_chars), str(r.n_removed), str(max(r.dup_group_size - 1, 0)))
        con.print(table)

    st.emit(data, human)
