"""Snippets: matches marked, article text escaped, hostile markup inert."""

from __future__ import annotations

import html

from storyline.search import search
from storyline.search.hits import snippet_html
from storyline.search.lexical import bm25_rank, highlights, stem
from storyline.search.query import parse_query


def test_search_snippet_marks_the_matched_words(store) -> None:
    h = search(store, "harbour warehouse", mode="keyword")[0]
    assert "<mark>harbour</mark> <mark>warehouse</mark>" in h.snippet
    assert [h.text[s - h.start:e - h.start] for s, e in h.highlights] == ["harbour", "warehouse"]


def test_search_hostile_markup_is_escaped(store) -> None:
    hits = search(store, "script alert img", limit=10, mode="keyword")
    assert hits and hits[0].article == "hostile"
    for h in hits:
        assert "<script" not in h.snippet and "<img" not in h.snippet
        assert h.snippet.replace("<mark>", "").replace("</mark>", "").count("<") == 0
    for h in hits:  # the snippet shows exactly the text, escaped
        assert html.unescape(h.snippet.replace("<mark>", "").replace("</mark>", "")) == h.text
    assert "&lt;<mark>script</mark>&gt;<mark>alert</mark>(" in hits[0].snippet
    syntax = search(store, '"quoted" AND (x OR y) NEAR', mode="keyword", limit=3)
    assert syntax and syntax[0].article == "hostile"


def test_search_snippet_cut_around_the_first_match() -> None:
    text = "word " * 200 + "needle " + "word " * 200
    s = text.index("needle")
    out = snippet_html(text, [(s, s + 6)])
    assert "<mark>needle</mark>" in out and out.startswith("…") and out.endswith("…")
    assert len(out) < 400


def test_search_lexical_matches_like_the_index() -> None:
    text = "Attacks on the Zürich airport; the attacked terminal reopened."
    spans = highlights(parse_query("attack zurich"), text)
    assert [text[s:e] for s, e in spans] == ["Attacks", "Zürich", "attacked"]
    assert stem("attacking") == stem("attacks") == "attack"
    ranked = bm25_rank(parse_query("airport attack"),
                       ["The airport reopened.", "An attack on the airport.", "Nothing here."])
    assert [(i, strict) for i, _, strict in ranked] == [(1, True), (0, False)]
    assert bm25_rank(parse_query("airport -attack"), ["An attack on the airport."]) == []


def test_search_lexical_words_start_at_token_starts() -> None:
    text = "Spies watched the cities; a concatenated spying report, not a despot."
    spans = highlights(parse_query("spy city cat"), text)
    assert [text[s:e] for s, e in spans] == ["Spies", "cities", "spying"]
    ranked = bm25_rank(parse_query("spy"), ["A spy.", "Spies and spies.", "A despy word.",
                                            "Ça spy écrit."])
    assert [i for i, _, _ in ranked] == [1, 0, 3]  # non-ASCII texts are matched too
