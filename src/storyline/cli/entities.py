"""`storyline entities`: canonical entities across the store."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, state


@app.command()
def entities(
    ctx: typer.Context,
    type_: Annotated[Optional[str], typer.Option("--type", help="PERSON, ORG, GPE, NORP, ...")] = None,
    name: Annotated[Optional[str], typer.Option("--name", help="Only entities whose name or alias contains this.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", help="At most this many.")] = 50,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """List canonical entities (one per real-world person, organisation, place...), most mentioned first."""
    st = state(ctx, json_, db)
    with st.open_store(readonly=True) as store:
        found = store.entities(type_=type_, name=name, limit=limit)
        data = {"entities": [
            {"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases,
             "mentions": e.n_mentions, "articles": store.entity_articles(e.id)} for e in found]}

    def human(con):  # type: ignore[no-untyped-def]
        table = Table("name", "type", "mentions", "articles", "also written", title=f"{len(found)} entities")
        for e in data["entities"]:
            others = [a for a in e["aliases"] if a != e["name"]]
            table.add_row(e["name"], e["type"], str(e["mentions"]), str(len(e["articles"])),
                          "; ".join(others[:6]))
        con.print(table)

    st.emit(data, human)
