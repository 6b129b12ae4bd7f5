"""What every command shares: the store path, JSON mode, settings; and how results are printed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from storyline.config import Settings
from storyline.store.sqlite import Store
from storyline.records import readable

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON on stdout.")]
DbOpt = Annotated[Optional[Path], typer.Option("--db", help="The store (overrides the global --db).")]


@dataclass(frozen=True, slots=True)
class State:
    db: Path
    json: bool
    settings: Settings

    def with_local(self, json_: bool, db: Path | None) -> State:
        """Per-command --json/--db win over the global ones."""
        return replace(self, json=self.json or json_, db=db or self.db)

    def open_store(self, *, readonly: bool = False) -> Store:
        return Store(self.db, readonly=readonly)

    def emit(self, data: Any, human: Callable[[Console], None]) -> None:
        if self.json:
            json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
            sys.stdout.write("\n")
        else:
            # Piped output is read by people too (logs, CI): give tables room instead of 80 columns.
            width = None if sys.stdout.isatty() else 160
            human(Console(highlight=False, soft_wrap=False, width=width))


def state(ctx: typer.Context, json_: bool = False, db: Path | None = None) -> State:
    st: State = ctx.obj
    return st.with_local(json_, db)


def err_console() -> Console:
    return Console(stderr=True, highlight=False)


def shown(value: str | None, missing: str = "?") -> str:
    """A stored date as people read it: a TIMEX3 decade "201" is "2010s"."""
    return readable(value) if value else missing
