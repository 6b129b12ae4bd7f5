"""`storyline report`: a story as Markdown, one self-contained HTML file and a timeline chart."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from storyline.cli import app
from storyline.cli.sources import PathsArg, StoryOpt, corpus_for
from storyline.cli.state import DbOpt, JsonOpt, state
from storyline.corpus import load_corpus
from storyline.errors import E013, E014, E015, StorylineError
from storyline.report import FORMATS, files_story, write_report
from storyline.web import parts
from storyline.web.story import build_story


@app.command()
def report(
    ctx: typer.Context,
    paths: PathsArg = None,
    story: StoryOpt = None,
    out: Annotated[Path, typer.Option("--out", help="Folder to write the report into.")] = Path("report"),
    fmt: Annotated[str, typer.Option("--format", help="md, html or both.")] = "both",
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Write a story as Markdown and as one self-contained HTML file (summary with numbered
    citations, timeline, disagreements, entities, outlets), with the timeline chart as SVG (and
    PNG when matplotlib is installed). `--story all` reports the whole store as one story."""
    st = state(ctx, json_, db)
    if fmt not in FORMATS:
        raise StorylineError(E015, why=f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}",
                             command="report")
    if story and not paths:
        with st.open_store(readonly=True) as store:
            found = parts.find_story(store, story)
            if found is None:
                raise StorylineError(E013, id=story, db=st.db)
            corpus = load_corpus(store, found.article_ids)
            if not corpus.analyses:
                raise StorylineError(E014, where=f" in story {story}")
            view = build_story(corpus, found, st.settings, store=store)
    else:
        corpus = corpus_for(st, paths, story, command="report")
        view = build_story(corpus, files_story(corpus), st.settings)
    files = write_report(view, out, fmt)
    data = files.to_dict()

    def human(con: Console) -> None:
        for kind, path in files.written.items():
            con.print(f"{kind:>4}  {path}")
        for note in files.notes:
            con.print(note)

    st.emit(data, human)
