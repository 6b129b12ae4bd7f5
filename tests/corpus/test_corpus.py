"""The corpus the story stages read: the same from files as from a store, and citations checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.corpus import load_corpus, read_corpus
from storyline.errors import StorylineError
from storyline.pipeline import IngestRunner
from storyline.analyze import Analyzer
from storyline.store.sqlite import Store

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "russia-turkey"


@pytest.fixture(scope="module")
def seeds():
    return read_corpus([SEEDS])


def test_read_corpus_analyses_every_seed_and_skips_the_readme(seeds):
    assert len(seeds) == 5
    assert set(seeds.analyses) == set(seeds.articles)
    assert [s.origin for s in seeds.skipped] == [str(SEEDS / "README.md")]
    assert all(seeds.dct(i).value for i in seeds.ids)
    # One Putin across outlets, whatever the spelling.
    putins = [e for e in seeds.entities.values() if "Putin" in e.name and e.type == "PERSON"]
    assert len(putins) == 1 and putins[0].name == "Vladimir Putin"


def test_citations_resolve_to_the_sentence_text(seeds):
    for s in seeds.sentences():
        assert seeds.quote(seeds.cite(s.article_id, s.start, s.end)) == s.text


@pytest.mark.parametrize("start,end", [(-1, 5), (5, 5), (0, 10**7)])
def test_bad_citation_is_a_coded_error(seeds, start, end):
    with pytest.raises(StorylineError, match=r"\[E012\]"):
        seeds.cite(seeds.ids[0], start, end)


def test_stored_corpus_equals_the_stateless_one(seeds, tmp_path):
    with Store(tmp_path / "s.db") as store:
        IngestRunner(store, Settings()).run([SEEDS])
        Analyzer(store, Settings()).run()
        stored = load_corpus(store)
    assert stored.ids == seeds.ids
    for i in seeds.ids:
        assert stored.analyses[i].sentences == seeds.analyses[i].sentences
        assert stored.dct(i).value == seeds.dct(i).value
    assert set(stored.entities) == set(seeds.entities)


def test_subset_keeps_only_what_its_articles_mention(seeds):
    one = seeds.subset([seeds.ids[0]])
    assert one.ids == [seeds.ids[0]]
    mentioned = {m.entity_id for m in one.analyses[one.ids[0]].mentions if m.entity_id}
    assert set(one.entities) == mentioned and len(one.entities) < len(seeds.entities)


def test_empty_folder_gives_an_empty_corpus(tmp_path):
    assert len(read_corpus([tmp_path])) == 0
