"""`storyline date ID [YYYY-MM-DD]`: an article's publication date, how sure we are, and why."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer
from rich.console import Console

from storyline.cli import app
from storyline.cli.show import resolve_id
from storyline.cli.state import DbOpt, JsonOpt, shown, state
from storyline.errors import E010, StorylineError


@app.command("date")
def date_(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id (or a unique prefix).")],
    value: Annotated[Optional[str], typer.Argument(
        metavar="[YYYY-MM-DD]", help="Set the publication date (it then wins over any inference).")] = None,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Show an article's publication date with its confidence and evidence, or set it."""
    st = state(ctx, json_, db)
    with st.open_store(readonly=value is None) as store:
        aid = resolve_id(store, article_id, st.db)
        if value is not None:
            try:
                value = dt.date.fromisoformat(value).isoformat()  # "20170928" -> "2017-09-28"
            except ValueError as exc:
                raise StorylineError(E010, value=value) from exc
            store.set_published(aid, value, "user")
            from storyline.cli.analyze import run_analysis
            run_analysis(st, store, progress=False)
        dct = store.dct_of(aid)
    data = {"article": aid, "date": dct.value if dct else None,
            "granularity": dct.granularity if dct else None,
            "confidence": dct.confidence if dct else 0.0,
            "source": dct.source if dct else "unknown",
            "most_likely_day": dct.anchor if dct else None,
            "evidence": dct.evidence if dct else []}

    def human(con: Console) -> None:
        con.print(f"{aid}: {shown(data['date'], 'unknown')} ({data['granularity'] or '-'}), "
                  f"confidence {data['confidence']:.2f}, {data['source']}"
                  + (f"; most likely {data['most_likely_day']}"
                     if data["most_likely_day"] and data["granularity"] != "decade" else ""))
        for e in data["evidence"]:
            con.print(f"  - {e}", markup=False)

    st.emit(data, human)
