"""`storyline disagreements [PATH...] [--story ID] [--json]`: where outlets disagree, every side
cited."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from storyline.cli import app
from storyline.cli.sources import PathsArg, StoryOpt, corpus_for
from storyline.cli.state import DbOpt, JsonOpt, state, shown
from storyline.corpus import load_corpus
from storyline.disagree import REPORTED, VERDICTS, find_disagreements
from storyline.errors import E014, StorylineError


@app.command()
def disagreements(
    ctx: typer.Context,
    paths: PathsArg = None,
    story: StoryOpt = None,
    all_verdicts: Annotated[bool, typer.Option(
        "--all", help="Also list claims that agree or are compatible, not only conflicts and "
                      "updates.")] = False,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Numbers, dates and quotes that outlets report differently: conflicts and updates, with
    both sides cited. Without PATH... or --story: the whole store."""
    st = state(ctx, json_, db)
    if paths or story:
        corpus = corpus_for(st, paths, story, command="disagreements")
    else:
        with st.open_store(readonly=True) as store:
            corpus = load_corpus(store)
        if not corpus.analyses:
            raise StorylineError(E014, where=f" in {st.db}")
    found = find_disagreements(corpus, settings=st.settings,
                               verdicts=VERDICTS if all_verdicts else REPORTED)
    data = {"disagreements": [d.to_dict() for d in found]}

    def human(con):  # type: ignore[no-untyped-def]
        if not found:
            con.print(f"No disagreements among {len(corpus)} article(s).")
            return
        for d in found:
            con.print(f"[bold]{d.verdict.upper()}[/bold] ({d.kind}) {escape(d.what)}")
            con.print(f"  {escape(d.explanation)}")
            for s in d.sides:
                cite = ", ".join(f"{c.article}:{c.start}-{c.end}" for c in s.citations)
                con.print(f"  - [bold]{escape(s.value)}[/bold]  {escape(s.outlet or '?')}, "
                          f"{shown(s.published, 'undated')}  {escape('[' + cite + ']')}")
                con.print(f"    \u201c{escape(' '.join(s.text.split()))}\u201d")
            con.print()

    st.emit(data, human)
