"""`storyline analyze`: sentences, entities, quotes, dates and event candidates for stored articles."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, State, err_console, state
from storyline.store.sqlite import Store


def run_analysis(st: State, store: Store, *, redo: bool = False,
                 progress: bool | None = None) -> dict[str, object]:
    from storyline.analyze import Analyzer  # loads spaCy: only when analysis is asked for

    show = sys.stderr.isatty() if progress is None else progress
    analyzer = Analyzer(store, st.settings)
    ids = analyzer.pending(redo=redo)
    if not show:
        report = analyzer.run(ids).to_dict()
    else:
        with Progress(TextColumn("analyse"), BarColumn(), MofNCompleteColumn(),
                      TimeRemainingColumn(), console=err_console(), transient=True) as bar:
            task = bar.add_task("analyse", total=len(ids) or None)
            analyzer.progress = lambda n: bar.advance(task, n)
            report = analyzer.run(ids).to_dict()
    report["search_vectors"] = index_search(st, store, ids)
    return report


def index_search(st: State, store: Store, ids: list[str]) -> dict[str, object]:
    """Sentence vectors for semantic search; a missing model is a warning, not a failed ingest."""
    from storyline.search import index_search as build

    report = build(store, st.settings.search_embedder, ids)
    if "error" in report:
        err_console().print(f"[yellow]warning[/]: semantic search disabled: {report['error']}")
    return report


def print_analysis(con: Console, r: dict[str, object]) -> None:
    con.print(f"Analysed {r['articles']} article(s) in {r['seconds']:.1f}s: {r['sentences']} sentences, "
              f"{r['mentions']} entity mentions ({r['entities']} entities in the store), "
              f"{r['quotes']} quotes, {r['timexes']} time expressions, {r['events']} dated event "
              f"candidates; publication dates by source: {r['dated']}."
              + _search_line(r.get("search_vectors")))


def _search_line(sv: object) -> str:
    if not isinstance(sv, dict) or not sv.get("articles"):
        return ""
    return f" Search vectors ({sv['model']}) for {sv['articles']} article(s)."


@app.command()
def analyze(
    ctx: typer.Context,
    redo: Annotated[bool, typer.Option("--redo", help="Analyse every article again.")] = False,
    progress: Annotated[Optional[bool], typer.Option(
        "--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal).")] = None,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Analyse stored articles that have no current analysis (ingest does this by itself)."""
    st = state(ctx, json_, db)
    with st.open_store() as store:
        report = run_analysis(st, store, redo=redo, progress=progress)
        from storyline.cli.stories import print_story_report, run_stories

        report["stories"] = run_stories(st, store, progress=progress)

    def human(con: Console) -> None:
        print_analysis(con, report)
        print_story_report(con, report["stories"])  # type: ignore[arg-type]

    st.emit(report, human)
