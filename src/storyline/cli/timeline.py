"""`storyline timeline (PATH... | --story ID)`: what happened when, each entry cited."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli import app
from storyline.cli.sources import PathsArg, StoryOpt, corpus_for
from storyline.cli.state import DbOpt, JsonOpt, state, shown
from storyline.errors import E015, StorylineError


@app.command()
def timeline(
    ctx: typer.Context,
    paths: PathsArg = None,
    story: StoryOpt = None,
    entity: Annotated[str | None, typer.Option(
        "--entity", help="Only events whose sentences mention this entity (name, alias or id).")] = None,
    entries: Annotated[int | None, typer.Option(
        "--entries", help="At most this many entries (the dates that matter most); 0 for all.")] = None,
    sentences: Annotated[int | None, typer.Option(
        "--sentences", help="Source sentences quoted per entry.")] = None,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Print the dated events of a story or of the given files, oldest first, with citations."""
    st = state(ctx, json_, db)
    if entries is not None and entries < 0:
        raise StorylineError(E015, why=f"--entries must be 0 or more, not {entries}",
                             command="timeline")
    if sentences is not None and sentences < 1:
        raise StorylineError(E015, why=f"--sentences must be 1 or more, not {sentences}",
                             command="timeline")
    corpus = corpus_for(st, paths, story, command="timeline")
    from storyline.timeline import build_timeline

    found = build_timeline(corpus, entity=entity, max_entries=entries,
                           sentences_per_entry=sentences, settings=st.settings)
    data = {"entries": [e.to_dict() for e in found]}

    def human(con):  # type: ignore[no-untyped-def]
        if not found:
            what = f" mentioning '{entity}'" if entity else ""
            con.print(f"No dated events{what}.")
            return
        for e in found:
            flag = " [dim](background)[/dim]" if e.background else ""
            con.print(f"[bold]{shown(e.date)}[/bold]{flag}  {e.text}", markup=True)
            n = len(e.citations)
            con.print(f"    [dim]{', '.join(e.outlets)} · {n} sentence{'s' if n != 1 else ''}"
                      "[/dim]", markup=True)

    st.emit(data, human)
