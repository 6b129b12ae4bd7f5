"""`storyline show ID` and `storyline restore ID N...`: one article, its removed lines, its copies."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, state
from storyline.errors import E002, E007, StorylineError
from storyline.pipeline import reclean_article
from storyline.records import Article
from storyline.store.sqlite import Store


def resolve_id(store: Store, given: str, db: object) -> str:
    """Accept a full id or an unambiguous prefix of one."""
    if store.has_article(given):
        return given
    matches = store.find_article_ids(given)
    if len(matches) == 1:
        return matches[0]
    raise StorylineError(E002, id=given, db=db)


def article_json(store: Store, a: Article) -> dict[str, object]:
    links = store.duplicates_of(a.id)
    return {
        "id": a.id, "title": a.title, "outlet": a.outlet, "outlet_source": a.outlet_source,
        "byline": a.byline, "published": a.published, "published_source": a.published_source,
        "url": a.url, "language": a.language, "origin": a.origin, "format": a.format,
        "metadata": a.metadata,
        "text": a.clean_text,
        "removed": [
            {"index": i, "reason": r.reason, "start": r.start, "end": r.end, "text": r.text}
            for i, r in enumerate(a.removed, 1)
        ],
        "duplicates": [
            {"article": (ln.other_id if ln.article_id == a.id else ln.article_id),
             "kind": ln.kind, "similarity": round(ln.similarity, 3)} for ln in links
        ],
        "duplicate_group": store.duplicate_group(a.id),
    }


@app.command()
def show(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id (or a unique prefix).")],
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Show one article: clean text, removed lines with reasons, and its duplicates."""
    st = state(ctx, json_, db)
    with st.open_store(readonly=True) as store:
        aid = resolve_id(store, article_id, st.db)
        article = store.get_article(aid)
        assert article is not None
        data = article_json(store, article)
    st.emit(data, lambda con: _print_article(con, data))


def _print_article(con: Console, d: dict) -> None:  # type: ignore[type-arg]
    con.rule(f"[bold]{d['title'] or '(no title)'}")
    con.print(f"id {d['id']} · outlet {d['outlet'] or 'unknown'} ({d['outlet_source'] or '-'}) · "
              f"byline {d['byline'] or '-'} · published {d['published'] or 'unknown'} · {d['origin']}")
    con.print()
    con.print(d["text"], markup=False)
    con.print()
    if d["removed"]:
        table = Table("#", "reason", "removed line", title="Removed lines (`storyline restore ID N` brings one back)")
        for r in d["removed"]:
            table.add_row(str(r["index"]), r["reason"], r["text"])
        con.print(table)
    if d["duplicates"]:
        table = Table("copy of", "kind", "similarity", title="Duplicates")
        for x in d["duplicates"]:
            table.add_row(x["article"], x["kind"], f"{x['similarity']:.2f}")
        con.print(table)


@app.command()
def restore(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(metavar="ID", help="Article id (or a unique prefix).")],
    indexes: Annotated[list[int], typer.Argument(metavar="N...", help="Removed-line numbers from `show`.")],
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Put removed lines back into an article's clean text."""
    st = state(ctx, json_, db)
    with st.open_store() as store:
        aid = resolve_id(store, article_id, st.db)
        article = store.get_article(aid)
        assert article is not None
        with store.transaction():
            for n in indexes:
                if not 1 <= n <= len(article.removed):
                    raise StorylineError(E007, id=aid, index=n)
                store.restore_line(aid, article.removed[n - 1].start)
            reclean_article(store, aid, st.settings)
        updated = store.get_article(aid)
        assert updated is not None
        data = article_json(store, updated)
    st.emit(data, lambda con: _print_article(con, data))
