"""`storyline ingest PATH...`: read, clean, link duplicates, store."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from storyline.cli import app
from storyline.cli.analyze import print_analysis, run_analysis
from storyline.cli.stories import print_story_report, run_stories
from storyline.cli.state import DbOpt, JsonOpt, err_console, state
from storyline.errors import E005, StorylineError
from storyline.ingest.sources import count_inputs
from storyline.pipeline import IngestReport, IngestRunner

EXIT_QUARANTINED = 3


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Files or folders (read recursively); '-' reads standard input.")] = None,
    max_bytes: Annotated[Optional[int], typer.Option(
        "--max-bytes", help="Quarantine inputs larger than this many bytes.")] = None,
    batch_size: Annotated[Optional[int], typer.Option(
        "--batch-size", help="Articles written per transaction.")] = None,
    near_threshold: Annotated[Optional[float], typer.Option(
        "--near-threshold", help="Similarity (0-1) at which articles are linked as near duplicates.")] = None,
    workers: Annotated[Optional[int], typer.Option(
        "--workers", help="Processes that read and clean in parallel (default: CPU count, up to 4).")] = None,
    analyse: Annotated[bool, typer.Option(
        "--analyze/--no-analyze", help="Analyse the new articles (sentences, entities, quotes, dates).")] = True,
    progress: Annotated[Optional[bool], typer.Option(
        "--progress/--no-progress", help="Show a progress bar (default: when stderr is a terminal).")] = None,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Ingest articles (txt, HTML, JSONL/JSON, CSV, RSS/Atom, WARC) into the store.

    Exit code 0 when every input became articles, 3 when some were quarantined (see
    `storyline quarantine`), 1 on an error that stopped the run.
    """
    st = state(ctx, json_, db)
    if not paths:
        raise StorylineError(E005)
    settings = st.settings.override(max_input_bytes=max_bytes, batch_size=batch_size,
                                    near_duplicate_threshold=near_threshold)
    show_progress = sys.stderr.isatty() if progress is None else progress
    stdin = sys.stdin.buffer if "-" in paths else None
    with st.open_store() as store:
        if show_progress:
            total = count_inputs(paths)
            with Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                          TimeRemainingColumn(), console=err_console(), transient=True) as bar:
                task = bar.add_task("ingest", total=total or None)
                runner = IngestRunner(store, settings, workers=workers,
                                      progress=lambda n: bar.advance(task, n))
                report = runner.run(paths, stdin=stdin, argv=sys.argv[1:])
        else:
            report = IngestRunner(store, settings, workers=workers).run(paths, stdin=stdin, argv=sys.argv[1:])
        data = report.to_dict()
        if analyse and report.articles_added + report.recleaned_for_recurring_lines:
            data["analysis"] = run_analysis(st, store, progress=show_progress)
            data["stories"] = run_stories(st, store, progress=show_progress)

    def human(con: Console) -> None:
        _print_report(con, report)
        if "analysis" in data:
            print_analysis(con, data["analysis"])  # type: ignore[arg-type]
        if "stories" in data:
            print_story_report(con, data["stories"])  # type: ignore[arg-type]

    st.emit(data, human)
    if report.quarantined:
        raise typer.Exit(EXIT_QUARANTINED)


def _print_report(con: Console, report: IngestReport) -> None:
    con.print(
        f"Ingested {report.inputs} input(s) into {report.db} in {report.seconds:.1f}s: "
        f"{report.articles_added} new article(s), {report.articles_already_stored} already stored, "
        f"{report.inputs_already_seen} input(s) seen before, {report.duplicate_links} duplicate link(s), "
        f"{len(report.quarantined)} quarantined."
    )
    if report.recleaned_for_recurring_lines:
        con.print(f"Removed outlet-wide boilerplate from {report.recleaned_for_recurring_lines} article(s).")
    for w in report.warnings:
        con.print(f"warning {w}")
    for s in report.skipped:
        con.print(f"Skipped {s.origin}: {s.reason} (name it explicitly to ingest it).")
    if report.quarantined:
        table = Table("origin", "code", "why", title="Quarantined (kept in the store; fix and re-ingest)")
        for q in report.quarantined:
            table.add_row(q.origin, q.code, q.detail)
        con.print(table)
