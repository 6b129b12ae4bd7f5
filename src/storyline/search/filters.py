"""Search filters as a user gives them -> the store's RowFilter (allowed article pks, day range)."""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from storyline.errors import E013, E015, StorylineError
from storyline.store.search import RowFilter

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

CACHE_FILTERS = 64  # resolved filters kept per process
CACHE_PKS = 500_000  # allowed pks kept in all (~40 MB)
_cache: OrderedDict[tuple[Any, ...], RowFilter] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class Filters:
    """``story``: a stored story id (or prefix), or a list of article ids; ``entity``: a canonical
    entity id or name; ``outlet``: an outlet name; ``since``/``until``: YYYY[-MM[-DD]], inclusive,
    compared with the article's publication date (given or inferred) at its own granularity."""

    story: str | Sequence[str] | None = None
    entity: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None

    @property
    def any(self) -> bool:
        return any(v is not None for v in (self.story, self.entity, self.outlet, self.since,
                                           self.until))


def day_bound(value: str, *, upper: bool) -> str:
    """'2017' -> '2017-01-01' (or '2017-12-31' as an upper bound); E015 if not a date."""
    m = _DATE.match(value.strip())
    try:
        if m is None:
            raise ValueError(value)
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if day is not None:
            return date(year, int(month), int(day)).isoformat()
        if month is not None:
            date(year, int(month), 1)  # checks the month
            return f"{year:04d}-{month}-{'31' if upper else '01'}"
        return f"{year:04d}-{'12-31' if upper else '01-01'}"
    except ValueError as exc:
        option = "--until" if upper else "--since"
        raise StorylineError(E015, command="search",
                             why=f"{option} '{value}' is not a date: give YYYY, YYYY-MM or"
                                 " YYYY-MM-DD") from exc


def story_article_ids(store: Any, story: str | Sequence[str]) -> list[str]:
    if not isinstance(story, str):
        return list(story)
    find = getattr(store, "find_story", None)
    found = find(story) if find is not None else None
    if found is None:
        raise StorylineError(E013, id=story, db=getattr(store, "path", "the store"))
    return list(found.article_ids)


def resolve(store: Any, f: Filters) -> RowFilter:
    """The filters in store terms; an entity or outlet that matches nothing allows no article.

    Resolved filters are kept (a few, while the store does not change): a popular entity or
    outlet allows tens of thousands of articles, and collecting them costs more than the search.
    """
    token = store.change_token() if hasattr(store, "change_token") else None
    key = None
    if token is not None and f.any:
        story = f.story if f.story is None or isinstance(f.story, str) else tuple(f.story)
        key = (token, story, f.entity, f.outlet, f.since, f.until)
        with _lock:
            found = _cache.get(key)
            if found is not None:
                _cache.move_to_end(key)
                return found
    rf = _resolve(store, f)
    if key is not None:
        with _lock:
            _cache[key] = rf
            while len(_cache) > CACHE_FILTERS or (
                    len(_cache) > 1 and sum(len(v.pks or ()) for v in _cache.values()) > CACHE_PKS):
                _cache.popitem(last=False)
    return rf


def _resolve(store: Any, f: Filters) -> RowFilter:
    pks: set[int] | None = None

    def narrow(found: set[int]) -> None:
        nonlocal pks
        pks = found if pks is None else pks & found

    if f.story is not None:
        narrow(store.pks_of_ids(story_article_ids(store, f.story)))
    if f.outlet is not None:
        narrow(store.pks_of_outlets(store.outlet_names(f.outlet)))
    if f.entity is not None:
        narrow(store.pks_mentioning(store.entity_ids_named(f.entity)))
    since = day_bound(f.since, upper=False) if f.since else None
    until = day_bound(f.until, upper=True) if f.until else None
    if pks is None:
        return RowFilter(None, since, until)
    return RowFilter(frozenset(pks), since, until, json.dumps(sorted(pks)))
