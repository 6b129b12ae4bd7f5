"""Semantic search and hybrid fusion."""

from __future__ import annotations

import pytest

from storyline.errors import StorylineError
from storyline.search import search
from storyline.search.fuse import rrf

PARAPHRASE = "town hall approves pricier transit fares"


def test_search_semantic_finds_a_paraphrase_that_shares_no_word(store) -> None:
    assert search(store, PARAPHRASE, mode="keyword") == []
    hits = search(store, PARAPHRASE, mode="semantic", limit=3)
    assert hits[0].article == "bus-fares"
    assert "bus tickets" in hits[0].text
    assert search(store, PARAPHRASE, mode="semantic", kind="articles", limit=1)[0].article == "bus-fares"


def test_search_hybrid_fuses_both_rankings(store) -> None:
    hits = search(store, "airport attack", limit=5)
    assert any(set(h.ranks) == {"keyword", "semantic"} for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    # Keyword-less paraphrases still come through the semantic side.
    assert search(store, PARAPHRASE, limit=3)[0].article == "bus-fares"


def test_search_rrf_rewards_agreement() -> None:
    fused = rrf({"a": ["x", "y", "z"], "b": ["y", "w"]})
    assert fused[0][0] == "y" and fused[0][2] == {"a": 2, "b": 1}
    assert [item for item, _, _ in fused] == ["y", "x", "w", "z"]


def test_search_semantic_without_vectors_is_a_coded_error(tmp_path, store_cls) -> None:
    with store_cls(tmp_path / "empty.db") as empty:
        with pytest.raises(StorylineError) as err:
            search(empty, "anything", mode="semantic")
        assert err.value.code.code == "E015"
        assert search(empty, "anything") == []  # hybrid falls back to keyword
