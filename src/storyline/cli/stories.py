"""`storyline stories`, `storyline story ID`, and the stateless `storyline cluster PATH...`."""

from __future__ import annotations

import sys
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from storyline.cli import app
from storyline.cli.state import DbOpt, JsonOpt, State, err_console, state, shown
from storyline.errors import E005, E013, StorylineError
from storyline.records import Story
from storyline.store.sqlite import Store


def run_stories(st: State, store: Store, *, recluster: bool = False,
                progress: bool | None = None) -> dict[str, Any]:
    """Give new analysed articles to stories (or re-cluster everything); the report as a dict."""
    from storyline.stories.runner import StoryRunner  # loads the embedding model on first use

    runner = StoryRunner(store, st.settings)
    show = sys.stderr.isatty() if progress is None else progress
    if not show:
        report = runner.recluster() if recluster else runner.update()
    else:
        with Progress(TextColumn("stories"), BarColumn(), MofNCompleteColumn(),
                      console=err_console(), transient=True) as bar:
            task = bar.add_task("stories", total=None)
            runner.progress = lambda n: bar.advance(task, n)
            report = runner.recluster() if recluster else runner.update()
    data = report.to_dict()
    data.pop("touched", None)
    return data


def print_story_report(con: Console, r: dict[str, Any]) -> None:
    how = "Clustered (all together)" if r["reclustered"] else "Assigned"
    con.print(f"{how} {r['articles']} article(s) to stories in {r['seconds']:.1f}s: "
              f"{r['stories_touched']} story(ies) updated, {r['stories_merged']} merged; "
              f"{r['stories']} in the store.")


def story_dict(store: Store, s: Story, *, details: bool = False) -> dict[str, Any]:
    names = {e.id: e for e in store.entities_by_id(s.entity_ids)}
    data: dict[str, Any] = {
        "id": s.id, "title": s.title, "start": s.start, "end": s.end,
        "n_articles": s.n_articles, "n_events": s.n_events, "outlets": s.outlets,
        "entities": [{"id": e, "name": names[e].name if e in names else e,
                      "type": names[e].type if e in names else None} for e in s.entity_ids],
        "articles": s.article_ids,
    }
    if details:
        data["articles"] = []
        for i in s.article_ids:
            a = store.get_article(i)
            d = store.dct_of(i)
            data["articles"].append({
                "id": i, "title": a.title if a else None, "outlet": a.outlet if a else None,
                "published": d.value if d else (a.published if a else None),
                "published_confidence": d.confidence if d else None})
        data["events"] = [{"id": e.id, "date": e.date, "granularity": e.granularity,
                           "background": e.background, "articles": sorted({m.article_id for m in e.mentions}),
                           "mentions": [{"article": m.article_id, "start": m.sentence_start,
                                         "end": m.sentence_end} for m in e.mentions]}
                          for e in store.story_events(s.id)]
        data["disagreements"] = store.story_result(s.id, "disagreements") or []
    return data


@app.command("stories")
def stories_cmd(
    ctx: typer.Context,
    limit: Annotated[Optional[int], typer.Option("--limit", help="Show at most this many.")] = None,
    min_articles: Annotated[int, typer.Option(
        "--min-articles", help="Only stories with at least this many articles.")] = 1,
    recluster: Annotated[bool, typer.Option(
        "--recluster", help="Cluster every stored article again from scratch first.")] = False,
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """List stories, biggest first: title, time span, outlets and counts."""
    st = state(ctx, json_, db)
    with st.open_store(readonly=not recluster) as store:
        report = run_stories(st, store, recluster=True) if recluster else None
        found = store.stories(limit=limit, min_articles=min_articles)
        data: dict[str, Any] = {"stories": [story_dict(store, s) for s in found]}
        if report is not None:
            data["recluster"] = report

    def human(con: Console) -> None:
        if report is not None:
            print_story_report(con, report)
        if not found:
            con.print("No stories yet: `storyline ingest PATH...` groups articles into stories.")
            return
        table = Table("id", "title", "span", "articles", "events", "outlets")
        for s in data["stories"]:
            span = f"{shown(s['start'])} – {shown(s['end'])}"
            table.add_row(s["id"], s["title"], span, str(s["n_articles"]), str(s["n_events"]),
                          ", ".join(s["outlets"][:4]) + (" …" if len(s["outlets"]) > 4 else ""))
        con.print(table)

    st.emit(data, human)


@app.command("story")
def story_cmd(
    ctx: typer.Context,
    story_id: Annotated[str, typer.Argument(help="A story id or a unique prefix of one.")],
    json_: JsonOpt = False,
    db: DbOpt = None,
) -> None:
    """Show one story: its articles, entities, events and where outlets disagree."""
    st = state(ctx, json_, db)
    with st.open_store(readonly=True) as store:
        s = store.find_story(story_id)
        if s is None:
            raise StorylineError(E013, id=story_id, db=st.db)
        data = story_dict(store, s, details=True)

    def human(con: Console) -> None:
        con.print(f"[bold]{data['title']}[/bold]  ({data['id']})")
        con.print(f"{shown(data['start'])} – {shown(data['end'])} · {data['n_articles']} article(s) · "
                  f"{data['n_events']} event(s) · outlets: {', '.join(data['outlets']) or 'unknown'}")
        con.print("Entities: " + ", ".join(e["name"] for e in data["entities"]))
        table = Table("article", "published", "outlet", "title")
        for a in data["articles"]:
            table.add_row(a["id"], shown(a["published"]), a["outlet"] or "", a["title"] or "")
        con.print(table)
        if data["disagreements"]:
            con.print(f"[bold]Where outlets disagree[/bold] ({len(data['disagreements'])}):")
            for d in data["disagreements"]:
                con.print(f"- {d.get('explanation') or d.get('what')}")
                for side in d.get("sides", []):
                    con.print(f"    {side.get('value')}: {side.get('outlet') or side.get('article')}"
                              f" ({shown(side.get('published'), 'undated')})")

    st.emit(data, human)


@app.command("cluster")
def cluster_cmd(
    ctx: typer.Context,
    paths: Annotated[Optional[list[str]], typer.Argument(help="Files or folders to cluster.")] = None,
    json_: JsonOpt = False,
) -> None:
    """Group the given files into stories without a store: {"stories": [{"id", "articles"}]}."""
    from storyline.corpus import read_corpus
    from storyline.stories import cluster, story_features_batch
    from storyline.stories.embed import Embedder
    from storyline.stories.index import StoryParams
    from storyline.stories.profile import story_id

    st = state(ctx, json_)
    if not paths:
        raise StorylineError(E005)
    corpus = read_corpus(paths, st.settings)
    articles = [corpus.articles[i] for i in corpus.ids if i in corpus.analyses]
    feats = story_features_batch(articles, Embedder.get(st.settings.story_embedder),
                                 [corpus.analyses[a.id] for a in articles]) if articles else []
    order = {i: n for n, i in enumerate(corpus.ids)}
    groups = [sorted(g, key=order.__getitem__)
              for g in cluster(feats, params=StoryParams.from_settings(st.settings))]
    groups.sort(key=lambda g: order[g[0]])
    data = {"stories": [{"id": story_id(g[0]), "articles": g,
                         "titles": [corpus.articles[i].title for i in g]} for g in groups],
            "quarantined": [{"origin": q.origin, "code": q.code, "reason": q.detail}
                            for q in corpus.quarantined]}

    def human(con: Console) -> None:
        con.print(f"{len(articles)} article(s) in {len(groups)} story(ies).")
        for s in data["stories"]:
            con.print(f"[bold]{s['id']}[/bold] ({len(s['articles'])})")
            for i, t in zip(s["articles"], s["titles"]):
                con.print(f"  {i}  {t or ''}")
        for q in data["quarantined"]:
            con.print(f"quarantined {q['origin']}: [{q['code']}] {q['reason']}")

    st.emit(data, human)
