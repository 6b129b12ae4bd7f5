"""Fixtures shared by the suites that read the example corpus as a whole (events, timeline)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from storyline.corpus import Corpus, read_corpus

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "russia-turkey"


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    return read_corpus([SEEDS])


def reordered(corpus: Corpus) -> Corpus:
    """The same corpus with its articles (and analyses, entities) in reverse order."""
    return Corpus(articles=dict(reversed(list(corpus.articles.items()))),
                  analyses=dict(reversed(list(corpus.analyses.items()))),
                  entities=dict(reversed(list(corpus.entities.items()))),
                  duplicates=list(reversed(corpus.duplicates)))


def with_copy(corpus: Corpus, article_id: str, new_id: str) -> Corpus:
    """The corpus plus a verbatim copy of one article, linked to it as a near duplicate."""
    from storyline.records import DuplicateLink

    out = copy.deepcopy(corpus)
    art = copy.deepcopy(corpus.articles[article_id])
    art.id = new_id
    an = copy.deepcopy(corpus.analyses[article_id])
    an.article_id = new_id
    for rec in (*an.sentences, *an.mentions, *an.quotes, *an.events):
        rec.article_id = new_id
    an.dct.article_id = new_id
    out.articles[new_id] = art
    out.analyses[new_id] = an
    out.duplicates.append(DuplicateLink(article_id, new_id, "near", 0.97))
    return out


@pytest.fixture
def reorder():
    return reordered


@pytest.fixture
def copy_article():
    return with_copy
