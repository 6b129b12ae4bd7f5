"""The `storyline` command line. Printing happens here only; the library never prints."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from storyline.cli.state import State
from storyline.config import Settings
from storyline.errors import StorylineError

app = typer.Typer(
    name="storyline",
    help="Storyline: turn a pile of raw news articles into stories, timelines and cited summaries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _global(
    ctx: typer.Context,
    db: Annotated[Path, typer.Option("--db", envvar="STORYLINE_DB",
                                     help="The store (SQLite file).")] = Path("storyline.db"),
    json_: Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")] = False,
    config: Annotated[Optional[Path], typer.Option("--config", exists=True, dir_okay=False,
                                                   help="A TOML file of settings.")] = None,
) -> None:
    settings = Settings.from_file(config) if config else Settings()
    ctx.obj = State(db=db, json=json_, settings=settings)


# Commands register themselves on `app` when imported.
from storyline.cli import (  # noqa: E402,F401
    analyze, articles, dates, disagreements, entities, ingest, quarantine, quotes, report, search,
    serve, show, stories, summarize, timeline, timex)


def main(argv: list[str] | None = None) -> None:
    """Entry point: usage errors are typer's (exit 2); Storyline's errors are one coded line (exit 1)."""
    try:
        app(args=argv, prog_name="storyline")
    except StorylineError as exc:
        print(f"storyline: error {exc.message}", file=sys.stderr)
        sys.exit(1)
