"""Filters by story (article ids), entity, outlet and date."""

from __future__ import annotations

import pytest

from storyline.errors import StorylineError
from storyline.search import search


def test_search_outlet_filter(store) -> None:
    hits = search(store, "Putin", outlet="The Telegraph", limit=20)
    assert hits and {h.outlet for h in hits} == {"The Telegraph"}
    assert search(store, "Putin", outlet="the telegraph", limit=20)  # any case
    assert search(store, "Putin", outlet="No Such Outlet") == []


def test_search_date_filters_use_the_publication_day(store) -> None:
    assert [h.article for h in search(store, "fire", since="2019-03-01", until="2019-03-31",
                                      mode="keyword")] == ["harbour-fire"]
    assert search(store, "fire", until="2019-03-01", mode="keyword") == []
    assert search(store, "fire", since="2019-03-03", mode="keyword") == []
    for mode in ("keyword", "semantic", "hybrid"):
        for h in search(store, "Russia Turkey relations", since="2017", until="2017", mode=mode,
                        limit=20):
            assert h.published and h.published.startswith("2017"), (mode, h.published)


def test_search_bad_date_is_a_coded_error(store) -> None:
    with pytest.raises(StorylineError) as err:
        search(store, "fire", since="last tuesday")
    assert err.value.code.code == "E015" and "--since" in err.value.message


def test_search_entity_filter_keeps_articles_mentioning_it(store) -> None:
    ids = {e.id for e in store.entities(name="Lavrov")}
    assert ids
    hits = search(store, "talks", entity="Lavrov", limit=20)
    assert hits
    for h in hits:
        assert ids & {m.entity_id for m in store.mentions_of(h.article)}
    assert search(store, "talks", entity="Nobody Atall") == []


def test_search_story_filter_takes_article_ids(store, names) -> None:
    only = [names["telegraph"], names["nhandan"]]
    for mode in ("keyword", "semantic", "hybrid"):
        hits = search(store, "Putin Erdogan", story=only, mode=mode, limit=30)
        assert hits and {h.article for h in hits} <= set(only)


def test_search_unknown_story_id_is_a_coded_error(store) -> None:
    with pytest.raises(StorylineError) as err:
        search(store, "Putin", story="no-such-story")
    assert err.value.code.code == "E013"
