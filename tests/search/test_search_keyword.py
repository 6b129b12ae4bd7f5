"""Keyword search (BM25 over FTS5) on the example corpus: right articles, exact citations."""

from __future__ import annotations

import re

from storyline.search import search


def test_search_keyword_finds_airport_attack_in_the_right_articles(store, names) -> None:
    names = {v: k for k, v in names.items()}
    hits = search(store, "airport attack", mode="keyword", limit=5)
    # Only two seeds report the Istanbul airport attack; their sentences come first.
    top = [names[h.article] for h in hits[:3]]
    assert set(top) == {"telegraph", "strategic-culture"}
    for h in hits[:3]:
        assert "airport" in h.text.lower() and "attack" in h.text.lower()
        assert h.ranks == {"keyword": hits.index(h) + 1}


def test_search_citations_are_exact_spans_of_the_clean_text(store) -> None:
    for kind in ("sentences", "articles"):
        for h in search(store, "Putin Erdogan talks", kind=kind, mode="keyword", limit=8):
            clean = store.get_article(h.article).clean_text
            assert clean[h.start:h.end] == h.text
            assert h.citation == {"article": h.article, "start": h.start, "end": h.end}
            for s, e in h.highlights:
                assert h.start <= s < e <= h.end
                assert clean[s:e].lower().startswith(("putin", "erdogan", "talk"))


def test_search_articles_are_each_listed_once_and_cite_their_best_sentence(store) -> None:
    hits = search(store, "airport attack", kind="articles", mode="keyword", limit=10)
    assert len({h.article for h in hits}) == len(hits) == 2
    assert all(h.kind == "article" and "airport" in h.text.lower() for h in hits)


def test_search_stems_and_folds_diacritics(store) -> None:
    # "attacks" finds "attack" (Porter stemmer); "zurich" finds "Zürich".
    assert any("attack" in h.text for h in search(store, "attacks", mode="keyword"))
    assert search(store, "zurich cafe", mode="keyword")[0].article == "hostile"


def test_search_all_words_rank_before_any_word(store) -> None:
    hits = search(store, "harbour blaze", mode="keyword", limit=10)
    # No sentence has both words: the looser match still finds each, the article's sentences.
    assert hits and all(h.article == "harbour-fire" for h in hits)
    both = search(store, "harbour warehouse", mode="keyword", limit=10)
    assert "harbour warehouse" in both[0].text


def test_search_phrase_exclusion_and_prefix(store) -> None:
    phrase = search(store, '"suicide attack"', mode="keyword", limit=10)
    assert phrase and all("suicide attack" in h.text for h in phrase)
    excluded = search(store, "airport -Lavrov", mode="keyword", limit=10)
    assert excluded and all("Lavrov" not in h.text for h in excluded)
    prefix = search(store, "Erdo*", mode="keyword", limit=5)
    assert prefix and all("Erdo" in h.text for h in prefix)
    alternatives = search(store, "tea OR tickets", mode="keyword", limit=5)
    assert {h.article for h in alternatives} == {"harbour-fire", "bus-fares"}


def test_search_common_words_are_not_ranked_by_fts5(store, names, monkeypatch) -> None:
    """With a low COMMON_ROWS, the example corpus has common words: "airport attack" is then
    ranked by its rarer word only, and "the" plus a common word by counting here; the hits must
    still have every word, best first."""
    from storyline.search import engine

    expected = [(h.article, h.start) for h in search(store, "airport attack", mode="keyword",
                                                     limit=3)]
    monkeypatch.setattr(engine, "COMMON_ROWS", 5)  # "attack" is in 7 sentences, "airport" in 3
    assert engine._common(store, '"attack"', "sentence_fts")
    assert not engine._common(store, '"airport"', "sentence_fts")
    hits = search(store, "airport attack", mode="keyword", limit=3)
    assert {(h.article, h.start) for h in hits} == set(expected)
    monkeypatch.setattr(engine, "COMMON_ROWS", 0)  # every word is common
    hits = search(store, "the airport", mode="keyword", limit=5)
    assert hits and all({"the", "airport"} <= set(re.findall(r"\w+", h.text.lower()))
                        for h in hits)
    assert hits == sorted(hits, key=lambda h: -h.score)
    shortest = min(len(h.text) for h in hits)
    assert len(hits[0].text) <= 2 * shortest  # BM25's length norm: short sentences come first
