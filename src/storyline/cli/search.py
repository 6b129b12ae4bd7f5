"""`storyline search`: keyword + semantic search over stored sentences or articles, with citations."""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich.markup import escape
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, err_console, state, shown
from storyline.search import index_embeddings
from storyline.search import search as run_search
from storyline.search.hits import Hit


def _marked(h: Hit) -> str:
    """The hit's sentence with its matches in bold (article text is escaped for rich markup)."""
    out, pos = [], h.start
    for s, e in h.highlights:
        out.append(escape(h.text[pos - h.start:s - h.start]))
        out.append("[bold yellow]" + escape(h.text[s - h.start:e - h.start]) + "[/]")
        pos = e
    out.append(escape(h.text[pos - h.start:]))
    return "".join(out)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(
        help='Words to find; "an exact phrase", -word or NOT word to exclude, word* for a prefix,'
             " OR between alternatives.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="At most this many results.")] = 10,
    articles: Annotated[bool, typer.Option(
        "--articles", help="Rank articles (each cited by its best sentence), not sentences.")] = False,
    story: Annotated[Optional[str], typer.Option("--story", help="Only this story (id or prefix).")] = None,
    entity: Annotated[Optional[str], typer.Option(
        "--entity", help="Only articles mentioning this canonical entity (name or id).")] = None,
    outlet: Annotated[Optional[str], typer.Option("--outlet", help="Only this outlet.")] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", help="Published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(
        "--until", help="Published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")] = None,
    mode: Annotated[str, typer.Option(
        "--mode", help="hybrid (keyword + semantic, fused), keyword (BM25) or semantic.")] = "hybrid",
    build_index: Annotated[bool, typer.Option(
        "--build-index", help="First compute the semantic vectors of articles that lack them.")] = False,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Find sentences (or articles) by words and meaning; every result cites its source span."""
    st = state(ctx, json_, db)
    if build_index:
        with st.open_store() as store:
            n = index_embeddings(store, model=st.settings.search_embedder)
        if not st.json:
            err_console().print(f"semantic index: {n} articles embedded")
    with st.open_store(readonly=True) as store:
        hits = run_search(store, query, limit=limit, kind="articles" if articles else "sentences",
                          story=story, entity=entity, outlet=outlet, since=since, until=until,
                          mode=mode)
    data = {"query": query, "mode": mode, "kind": "articles" if articles else "sentences",
            "hits": [h.to_dict() for h in hits]}

    def human(con):  # type: ignore[no-untyped-def]
        table = Table("#", "text", "outlet", "published", "citation",
                      title=f"{len(hits)} results for {escape(query)!r}")
        for i, h in enumerate(hits, start=1):
            text = _marked(h)
            if h.title and articles:
                text = f"[bold]{escape(h.title)}[/]\n{text}"
            table.add_row(str(i), text, escape(h.outlet or ""), shown(h.published, ""),
                          f"{h.article} [{h.start}:{h.end}]")
        con.print(table)

    st.emit(data, human)
