"""`storyline serve`: the web UI and JSON API on this machine (FastAPI + uvicorn)."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli import app
from storyline.cli.state import DbOpt, err_console, state


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8765,
    max_upload_bytes: Annotated[int | None, typer.Option(
        "--max-upload-bytes", help="Refuse upload requests larger than this (413, code E020).")] = None,
    warm: Annotated[int, typer.Option(
        "--warm", help="Compute the biggest N stories' pages at start, so they open at once.")] = 3,
    db: DbOpt = None,
) -> None:
    """Browse stories, timelines, summaries and disagreements in a web browser; JSON API under
    /api, API docs at /docs. Works offline."""
    import uvicorn

    from storyline.web import create_app

    st = state(ctx, False, db)
    web = create_app(st.db, st.settings, max_upload_bytes=max_upload_bytes, warm=warm)
    err_console().print(f"Storyline on http://{host}:{port}/ (store {st.db}); API docs at "
                        f"http://{host}:{port}/docs. Ctrl-C stops it.")
    uvicorn.run(web, host=host, port=port, log_level="warning")
