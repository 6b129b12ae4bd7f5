"""Queries: FTS5 syntax is text, never an error; the parser's expressions."""

from __future__ import annotations

import pytest

from storyline.errors import StorylineError
from storyline.search import parse_query, search

HOSTILE = ['"', '"unterminated phrase', 'AND', 'OR OR', 'a AND OR b', '*', '-', '--', 'x*y*',
           'NEAR(a b)', 'title:Putin', 'body : x', '^Putin', '(((', ')', "o'neil", 'a"b"c',
           '\x00 Putin', '{col1 col2}: x', 'Putin + Erdogan', '"" -""', '- -x', 'NOT NOT Putin',
           'ünïcödé ❤ 東京', 'x' * 5000, ' '.join(['word'] * 200), "'; DROP TABLE articles; --"]


@pytest.mark.parametrize("query", HOSTILE)
def test_search_hostile_queries_never_crash(store, query: str) -> None:
    for mode in ("keyword", "hybrid"):
        try:
            hits = search(store, query, mode=mode, limit=3)
        except StorylineError as exc:
            assert exc.code.code == "E015"
        else:
            assert isinstance(hits, list)
    assert store.count_articles() == 8


def test_search_query_without_words_is_a_coded_error() -> None:
    for query in ("", "   ", "AND OR NOT", "-Putin", "*", '""'):
        with pytest.raises(StorylineError) as err:
            parse_query(query)
        assert err.value.code.code == "E015"


def test_search_query_expressions() -> None:
    q = parse_query('Putin "Istanbul airport" -Lavrov Erdo* OR Turkey')
    assert q.strict == '"putin" AND "istanbul airport" AND ("erdo"* OR "turkey") NOT "lavrov"'
    assert q.explicit
    plain = parse_query("airport attack")
    assert plain.loose == '"airport" OR "attack"' and not plain.explicit
    # Punctuation splits words as the FTS5 tokenizer does; quotes never reach FTS5 unbalanced.
    assert parse_query('U.S. "al-Assad').strict == '"u s" AND "al assad"'
    assert parse_query('title:x').strict == '"title x"'
