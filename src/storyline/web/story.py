"""Everything shown about one story, as JSON data: the story page, the API and the static report
all read this one dict.

The stages of other parts are called through :mod:`storyline.web.parts`; what this module adds
(entities, outlets, quotes by speaker, coverage, numbered sources) is computed here from the
Corpus. Every citation carries a number ``n`` into ``sources``, which holds the cited words, so a
reader (or the report) can show the exact source text of every sentence.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from storyline.config import Settings
from storyline.corpus import Corpus
from storyline.records import Citation, Event, Story
from storyline.store.sqlite import Store
from storyline.web import parts

MAX_ENTITIES = 40
MAX_QUOTES_PER_SPEAKER = 25
MAX_SPEAKERS = 30
UNKNOWN_OUTLET = "(outlet unknown)"


class Sources:
    """Numbers citations in the order they are first shown; the same span keeps its number."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._numbers: dict[tuple[str, int, int], int] = {}
        self.items: list[dict[str, Any]] = []

    def number(self, c: dict[str, Any]) -> dict[str, Any]:
        """The citation dict with its number (and nothing else changed); unknown spans get none."""
        key = (str(c.get("article")), int(c.get("start", -1)), int(c.get("end", -1)))
        article = self.corpus.articles.get(key[0])
        if article is None or not 0 <= key[1] < key[2] <= len(article.clean_text):
            return {**c, "n": None}
        n = self._numbers.get(key)
        if n is None:
            n = self._numbers[key] = len(self.items) + 1
            self.items.append({
                "n": n, "article": key[0], "start": key[1], "end": key[2],
                "quote": article.clean_text[key[1]:key[2]], "title": article.title,
                "outlet": article.outlet, "published": self.corpus.published(key[0])})
        return {**c, "n": n}

    def numbered(self, cs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        return [self.number(c) for c in cs]


def story_meta(story: Story, corpus: Corpus | None = None) -> dict[str, Any]:
    """A row of the story list."""
    outlets = list(story.outlets)
    if corpus is not None and not outlets:
        outlets = sorted({a.outlet for a in corpus.articles.values() if a.outlet})
    return {"id": story.id, "title": story.title, "start": story.start, "end": story.end,
            "outlets": outlets, "n_outlets": len(outlets),
            "n_articles": story.n_articles or len(story.article_ids),
            "n_events": story.n_events, "entity_ids": list(story.entity_ids)}


def build_story(corpus: Corpus, story: Story, settings: Settings | None = None, *,
                store: Store | None = None) -> dict[str, Any]:
    """The whole story view. ``store`` lets the events stored at ingest be reused."""
    sources = Sources(corpus)
    evs = parts.events(corpus, settings, store, story.id)
    summary = _summary(parts.summary(corpus, settings, store=store, story_id=story.id), sources)
    timeline = _timeline(parts.timeline(corpus, evs, settings, store, story.id), sources)
    disagreements = _disagreements(parts.disagreements(corpus, evs, settings, store, story.id), sources)
    meta = story_meta(story, corpus)
    if not parts.unavailable(evs):
        meta["n_events"] = len(evs)
    return {
        "story": meta,
        "summary": summary,
        "timeline": timeline,
        "entities": entities(corpus),
        "outlets": outlets(corpus),
        "disagreements": disagreements,
        "quotes": quotes_by_speaker(corpus),
        "coverage": coverage(corpus, evs),
        "articles": articles(corpus),
        "sources": sources.items,
    }


# -- the other parts' outputs, numbered ----------------------------------------------------------


def _summary(result: parts.Outcome, sources: Sources) -> dict[str, Any]:
    if parts.unavailable(result):
        return result.to_dict()  # type: ignore[no-any-return]
    sentences = []
    for s in result:
        d = parts.as_dict(s)
        d["pieces"] = d.get("citations", [])  # the exact words printed, piece by piece
        d["citations"] = sources.numbered(by_article(d["pieces"]))
        sentences.append(d)
    return {"status": "ok", "sentences": sentences}


def by_article(cs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One citation per article: a shortened sentence cites its kept pieces, and a reader wants one
    source mark per outlet that opens the whole passage, not one per piece (or a lone ".")."""
    spans: dict[str, list[int]] = {}
    for c in cs:
        a = str(c.get("article"))
        lo, hi = int(c.get("start", -1)), int(c.get("end", -1))
        if a in spans:
            spans[a] = [min(spans[a][0], lo), max(spans[a][1], hi)]
        else:
            spans[a] = [lo, hi]
    return [{"article": a, "start": lo, "end": hi} for a, (lo, hi) in spans.items()]


def _timeline(result: parts.Outcome, sources: Sources) -> dict[str, Any]:
    if parts.unavailable(result):
        return result.to_dict()  # type: ignore[no-any-return]
    entries = []
    for e in result:
        d = parts.as_dict(e)
        d["citations"] = sources.numbered(d.get("citations", []))
        entries.append(d)
    return {"status": "ok", "entries": entries}


def _disagreements(result: parts.Outcome, sources: Sources) -> dict[str, Any]:
    if parts.unavailable(result):
        return result.to_dict()  # type: ignore[no-any-return]
    out = []
    for x in result:
        d = parts.as_dict(x)
        d["sides"] = [{**side, "citations": sources.numbered(side.get("citations", []))}
                      for side in d.get("sides", [])]
        out.append(d)
    return {"status": "ok", "disagreements": out}


# -- computed here from the corpus ---------------------------------------------------------------


def entities(corpus: Corpus, limit: int = MAX_ENTITIES) -> list[dict[str, Any]]:
    """The story's canonical entities, most mentioned first, with how many articles name them."""
    mentions: Counter[str] = Counter()
    in_articles: dict[str, set[str]] = defaultdict(set)
    for aid, analysis in corpus.analyses.items():
        for m in analysis.mentions:
            if m.entity_id:
                mentions[m.entity_id] += 1
                in_articles[m.entity_id].add(aid)
    out = []
    for eid, n in mentions.most_common():
        e = corpus.entities.get(eid)
        if e is None:
            continue
        out.append({"id": eid, "name": e.name, "type": e.type, "mentions": n,
                    "articles": len(in_articles[eid]), "aliases": e.aliases[:8]})
        if len(out) >= limit:
            break
    return out


def outlets(corpus: Corpus) -> list[dict[str, Any]]:
    """Who covered the story: articles per outlet and the first and last publication date."""
    by: dict[str, list[str]] = defaultdict(list)
    for aid, a in corpus.articles.items():
        by[a.outlet or UNKNOWN_OUTLET].append(aid)
    out = []
    for name, ids in by.items():
        dates = sorted(d for d in (corpus.published(i) for i in ids) if d)
        out.append({"outlet": name, "known": name != UNKNOWN_OUTLET, "n_articles": len(ids),
                    "articles": ids, "first": dates[0] if dates else None,
                    "last": dates[-1] if dates else None})
    out.sort(key=lambda o: (-o["n_articles"], o["outlet"]))
    return out


def articles(corpus: Corpus) -> list[dict[str, Any]]:
    rows = [{"id": aid, "title": a.title, "outlet": a.outlet, "published": corpus.published(aid),
             "n_chars": len(a.clean_text)} for aid, a in corpus.articles.items()]
    rows.sort(key=lambda r: (r["published"] or "9999", r["id"]))
    return rows


def quotes_by_speaker(corpus: Corpus) -> dict[str, Any]:
    """Direct and reported quotes grouped by canonical speaker, most quoted first."""
    groups: dict[tuple[str | None, str], list[dict[str, Any]]] = defaultdict(list)
    for aid, analysis in corpus.analyses.items():
        for q in analysis.quotes:
            if q.kind == "fragment":
                continue
            key = (q.speaker_entity_id, q.speaker or "(unattributed)")
            groups[key].append({
                "article": aid, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
                "cue": q.cue, "outlet": corpus.outlet(aid), "published": corpus.published(aid)})
    speakers = []
    for (eid, name), qs in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0][1])):
        speakers.append({"speaker": name, "entity": eid, "n_quotes": len(qs),
                         "quotes": qs[:MAX_QUOTES_PER_SPEAKER]})
    return {"status": "ok", "speakers": speakers[:MAX_SPEAKERS],
            "n_speakers": len(speakers)}


def coverage(corpus: Corpus, evs: parts.Outcome) -> dict[str, Any]:
    """Which outlet reported which event, and when (the article's publication date)."""
    if parts.unavailable(evs):
        return evs.to_dict()  # type: ignore[no-any-return]
    events: list[Event] = sorted(parts.event_list(evs), key=lambda e: (e.date, e.id))
    names = [o["outlet"] for o in outlets(corpus)]
    columns, cells = [], []
    for e in events:
        seen: dict[str, dict[str, Any]] = {}
        for m in e.mentions:
            if m.article_id not in corpus.articles:
                continue
            outlet = corpus.outlet(m.article_id) or UNKNOWN_OUTLET
            cell = seen.setdefault(outlet, {"outlet": outlet, "event": e.id, "articles": []})
            if all(x["article"] != m.article_id for x in cell["articles"]):
                cell["articles"].append({
                    "article": m.article_id, "published": corpus.published(m.article_id),
                    "citation": Citation(m.article_id, m.sentence_start, m.sentence_end).to_dict()})
        if not seen:
            continue
        first = e.mentions[0]
        text = corpus.articles[first.article_id].clean_text[first.sentence_start:first.sentence_end] \
            if first.article_id in corpus.articles else ""
        columns.append({"id": e.id, "date": e.date, "granularity": e.granularity,
                        "background": e.background, "text": text, "n_outlets": len(seen)})
        cells += seen.values()
    return {"status": "ok", "outlets": names, "events": columns, "cells": cells}
