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


def test_search_filters_follow_changes_to_the_store(seed_db, tmp_path, store_cls) -> None:
    """Resolved filters are kept between searches only while the store stays the same."""
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(seed_db, db)
    with store_cls(db, readonly=True) as s:
        before = {h.article for h in search(s, "fire", outlet="Coastal Gazette", limit=20)}
        assert before == {"harbour-fire"}
        assert search(s, "fire", outlet="Moved Desk", limit=20) == []
    with store_cls(db) as s:
        with s.transaction():
            s._conn.execute("UPDATE articles SET outlet = 'Moved Desk' WHERE id = 'harbour-fire'")
            assert s.change_token() is None  # own uncommitted writes: nothing is reused
    with store_cls(db, readonly=True) as s:
        assert search(s, "fire", outlet="Coastal Gazette", limit=20) == []
        assert {h.article for h in search(s, "fire", outlet="Moved Desk", limit=20)} == before


def test_search_store_filters_matches_by_dates_and_articles(store, names) -> None:
    from storyline.store.search import RowFilter, split_rowid

    fire = store.pks_of_ids([names["harbour-fire"]]).pop()
    every = frozenset(store.pks_of_ids(names.values()))
    for f, want in ((RowFilter(every, "2019-01-01", "2019-12-31"), {fire}),
                    (RowFilter(None, "2019-03-02", "2019-03-02"), {fire}),
                    (RowFilter(None, "2019-03-03", None), set()),
                    (RowFilter(every - {fire}, "2019-01-01", "2019-12-31"), set())):
        found = store.fts_sentences('"fire"', f, 10, 2000)
        assert {split_rowid(rowid)[0] for rowid, _ in found} == want, f
        assert {pk for pk, _ in store.fts_articles('"fire"', f, 10, 2000)} == want, f
