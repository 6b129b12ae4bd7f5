"""`storyline articles`: list stored articles."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Optional

import typer
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, state
from storyline.records import readable


def shown_date(value: str, granularity: str | None, likeliest: str | None) -> str:
    """'201' -> '2010s'; a coarse date shows its most likely day too: '2017 (~2017-09-28)'."""
    text = readable(value)
    if granularity != "day" and likeliest and granularity != "decade":
        text += f" (~{likeliest})"
    return text


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
        dates = {r.id: store.dct_of(r.id) for r in rows}
    data = {"total": total, "articles": [
        {**asdict(r), "date": None if dates[r.id] is None else {
            "value": dates[r.id].value, "granularity": dates[r.id].granularity,
            "confidence": round(dates[r.id].confidence, 2), "source": dates[r.id].source,
            "most_likely_day": dates[r.id].anchor}}
        for r in rows]}

    def human(con):  # type: ignore[no-untyped-def]
        table = Table("id", "outlet", "date (how sure)", "title", "chars", "removed", "copies",
                      title=f"{total} article(s)")
        table.columns[0].no_wrap = True
        for r in rows:
            d = dates[r.id]
            when = (f"{shown_date(d.value, d.granularity, d.anchor)} ({d.source}, {d.confidence:.2f})"
                    if d and d.value else r.published or "unknown")
            table.add_row(r.id, r.outlet or "-", when, (r.title or "-")[:70],
                          str(r.n_chars), str(r.n_removed), str(max(r.dup_group_size - 1, 0)))
        con.print(table)

    st.emit(data, human)
