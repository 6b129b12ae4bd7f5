"""`storyline summarize (PATH... | --story ID)`: a cited summary within a word or byte budget."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from storyline.cli import app
from storyline.cli.sources import PathsArg, StoryOpt, corpus_for
from storyline.cli.state import DbOpt, JsonOpt, state, shown


@app.command()
def summarize(
    ctx: typer.Context,
    paths: PathsArg = None,
    story: StoryOpt = None,
    words: Annotated[int | None, typer.Option(
        "--words", help="At most this many words (default 150).")] = None,
    bytes_: Annotated[int | None, typer.Option(
        "--bytes", help="At most this many bytes (UTF-8), instead of --words.")] = None,
    entity: Annotated[str | None, typer.Option(
        "--entity", help="Only what concerns this entity (a name or canonical id).")] = None,
    since: Annotated[str | None, typer.Option(
        "--since", help="Only sentences dated on or after this date (YYYY[-MM[-DD]]).")] = None,
    until: Annotated[str | None, typer.Option(
        "--until", help="Only sentences dated on or before this date (YYYY[-MM[-DD]]).")] = None,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Summarize a story: the most informative, least repeated sentences, each one cited."""
    from storyline.summarize import summarize as run  # loads the embedding model on first use
    from storyline.summarize.params import SummaryParams
    from storyline.summarize.summary import budget_of, date_bound

    st = state(ctx, json_, db)
    # Bad options fail before the (slow) reading of the articles.
    budget_of(words, bytes_, SummaryParams())
    date_bound(since, end=False)
    date_bound(until, end=True)
    corpus = corpus_for(st, paths, story, command="summarize")
    found = run(corpus, words=words, bytes_=bytes_, entity=entity, since=since, until=until,
                settings=st.settings)
    data: dict[str, Any] = {"sentences": [s.to_dict() for s in found]}
    sources: list[str] = list(dict.fromkeys(c.article for s in found for c in s.citations))
    number = {a: k for k, a in enumerate(sources, 1)}
    data["sources"] = [{"n": number[a], "article": a, "title": corpus.articles[a].title,
                        "outlet": corpus.outlet(a), "published": corpus.published(a)}
                       for a in sources]

    def human(con):  # type: ignore[no-untyped-def]
        if not found:
            con.print("No sentence fits: every sentence is out of scope (--entity, --since, "
                      "--until) or too short to stand alone.")
            return
        for k, s in enumerate(found, 1):
            marks = "".join(f"[{number[a]}]" for a in dict.fromkeys(c.article for c in s.citations))
            con.print(f"{k}. {s.text}{'…' if s.truncated else ''} {marks}", soft_wrap=True,
                      markup=False)
        con.print()
        con.print("Sources:")
        for src in data["sources"]:
            what = " · ".join(str(x) for x in (src["outlet"], src["published"] and shown(src["published"]),
                                                src["title"]) if x)
            con.print(f"[{src['n']}] {src['article']}  {what}", soft_wrap=True, markup=False)

    st.emit(data, human)
