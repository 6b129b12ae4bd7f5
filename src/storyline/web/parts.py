"""The one place the web UI and the report call the story stages built by other parts.

Each stage is looked up when called. A stage that does not exist yet (its module or function is
missing) gives :class:`Missing`, and one that raises gives :class:`Failed`; either way the page
shows that panel as "not computed yet" or "failed" and every other panel still works.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

from storyline.config import Settings
from storyline.corpus import Corpus
from storyline.records import Event, Story
from storyline.store.sqlite import Store

log = logging.getLogger(__name__)

ALL = "all"  # the whole store as one story, while (or where) no stories are stored


@dataclass(frozen=True, slots=True)
class Missing:
    """A stage that is not built (yet)."""

    part: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"status": "not_computed", "part": self.part,
                "message": f"not computed yet: {self.reason}"}


@dataclass(frozen=True, slots=True)
class Failed:
    """A stage that raised; the traceback is in the server log."""

    part: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"status": "failed", "part": self.part, "message": f"failed: {self.reason}"}


Outcome = Any  # the stage's result, or Missing / Failed


def unavailable(x: object) -> bool:
    return isinstance(x, (Missing, Failed))


def _lookup(module: str, name: str) -> Callable[..., Any] | Missing:
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        return Missing(module, f"{module} is not installed ({exc})")
    fn = getattr(mod, name, None)
    if not callable(fn):
        return Missing(module, f"{module}.{name} does not exist")
    return fn  # type: ignore[no-any-return]


def _call(part: str, module: str, name: str, *args: Any, **kwargs: Any) -> Outcome:
    fn = _lookup(module, name)
    if isinstance(fn, Missing):
        return fn
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # one failing stage must not take the page down
        log.exception("%s failed", part)
        return Failed(part, f"{type(exc).__name__}: {exc}")


def as_dict(x: Any) -> Any:
    """A stage's record as JSON data: its own ``to_dict`` when it has one."""
    if hasattr(x, "to_dict"):
        return x.to_dict()
    if is_dataclass(x) and not isinstance(x, type):
        return asdict(x)
    return x


# -- stories (lead) ------------------------------------------------------------------------------


def stored_stories(store: Store) -> list[Story] | None:
    """The stored stories, or None when the store keeps none (yet)."""
    fn = getattr(store, "stories", None)
    if fn is None:
        return None
    found = list(fn())
    return found or None


def find_story(store: Store, story_id: str) -> Story | None:
    """A stored story by id or unique prefix; ``"all"`` is the whole store."""
    if story_id == ALL:
        return whole_store(store)
    fn = getattr(store, "find_story", None)
    return fn(story_id) if fn is not None else None


ALL_LIMIT = 2000  # articles the whole-store story reads at most (the newest ones)


def whole_store(store: Store, limit: int = ALL_LIMIT) -> Story:
    """Stored articles as one story (what the UI shows until stories are built). A big store is
    cut to its newest ``limit`` articles, so the page stays computable; ``n_articles`` keeps the
    true count."""
    rows = store.list_articles()
    kept = rows[-limit:]
    dates = sorted(r.published[:10] for r in kept if r.published)
    outlets = [name for name, _ in store.outlets()]
    title = "All articles" if len(kept) == len(rows) else \
        f"The newest {len(kept)} of {len(rows)} articles (no stories are stored yet)"
    return Story(id=ALL, title=title, article_ids=[r.id for r in kept],
                 start=dates[0] if dates else None, end=dates[-1] if dates else None,
                 outlets=outlets, n_articles=len(rows))


def update_stories(store: Store, settings: Settings, keep: dict[str, Any]) -> Outcome:
    """Give newly analysed articles to stories, as `storyline ingest` does. ``keep`` carries the
    loaded embedding model from one upload to the next."""
    cls = _lookup("storyline.stories.runner", "StoryRunner")
    if isinstance(cls, Missing):
        return cls
    try:
        runner = cls(store, settings, embedder=keep.get("embedder"))
        report = runner.update()
        keep["embedder"] = runner.embedder
        return report
    except Exception as exc:
        log.exception("stories failed")
        return Failed("stories", f"{type(exc).__name__}: {exc}")


def stored_result(store: Store | None, story_id: str | None, kind: str) -> Any | None:
    """A result the story runner kept at ingest (e.g. "disagreements"), if any."""
    fn = getattr(store, "story_result", None)
    if fn is None or not story_id or story_id == ALL:
        return None
    return fn(story_id, kind)


# -- story stages (events, timeline, summary, disagreements) -------------------------------------


def events(corpus: Corpus, settings: Settings | None, store: Store | None = None,
           story_id: str | None = None) -> Outcome:
    """A story's events: the stored ones when ingest kept them, else grouped now."""
    if store is not None and story_id and story_id != ALL and hasattr(store, "story_events"):
        stored = store.story_events(story_id)
        if stored:
            return stored
    return _call("events", "storyline.events", "group_events", corpus, settings=settings)


def timeline(corpus: Corpus, evs: Outcome, settings: Settings | None,
             store: Store | None = None, story_id: str | None = None) -> Outcome:
    """The story's timeline: the one stored at ingest, else built now."""
    stored = stored_result(store, story_id, "timeline")
    if stored is not None:
        return stored
    given = None if unavailable(evs) else evs
    return _call("timeline", "storyline.timeline", "build_timeline", corpus, events=given,
                 settings=settings)


def summary(corpus: Corpus, settings: Settings | None, *, words: int | None = None,
            store: Store | None = None, story_id: str | None = None) -> Outcome:
    """The story's summary: the default one stored at ingest, else made now."""
    stored = stored_result(store, story_id, "summary") if words is None else None
    if stored is not None:
        return stored
    return _call("summary", "storyline.summarize", "summarize", corpus, words=words,
                 settings=settings)


def disagreements(corpus: Corpus, evs: Outcome, settings: Settings | None,
                  store: Store | None = None, story_id: str | None = None) -> Outcome:
    """The story's disagreements: the ones stored at ingest, else found now."""
    stored = stored_result(store, story_id, "disagreements")
    if stored is not None:
        return stored
    given = None if unavailable(evs) else evs
    return _call("disagreements", "storyline.disagree", "find_disagreements", corpus,
                 events=given, settings=settings)


# -- search --------------------------------------------------------------------------------------


def search(store: Store, query: str, *, limit: int = 10, story: str | None = None,
           entity: str | None = None, outlet: str | None = None, since: str | None = None,
           until: str | None = None) -> Outcome:
    return _call("search", "storyline.search", "search", store, query, limit=limit, story=story,
                 entity=entity, outlet=outlet, since=since, until=until)


def event_list(evs: Outcome) -> Sequence[Event]:
    return [] if unavailable(evs) else list(evs)
