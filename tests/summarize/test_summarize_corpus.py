"""The summary of the example story (five real articles, 2016-2021)."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

import pytest

from storyline.corpus import Corpus, read_corpus
from storyline.errors import StorylineError
from storyline.summarize import SummarySentence, summarize
from storyline.summarize.candidates import sort_day
from storyline.summarize.compress import compress, join, pieces_text
from storyline.summarize.period import overlaps
from storyline.summarize.text import content, n_bytes, n_words, terms


@pytest.fixture(scope="module")
def long_summary(corpus: Corpus, embedder) -> list[SummarySentence]:
    return summarize(corpus, embedder=embedder, words=400)


def jaccard(a: str, b: str) -> float:
    x, y = set(content(terms(a))), set(content(terms(b)))
    return len(x & y) / len(x | y)


@pytest.mark.parametrize("words", [25, 60, 150])
def test_summarize_word_budget_respected(corpus: Corpus, words: int, embedder) -> None:
    got = summarize(corpus, embedder=embedder, words=words)
    assert got, "a budget that fits a sentence gives a summary"
    assert sum(n_words(s.text) for s in got) <= words


def test_summarize_byte_budget_and_fill(corpus: Corpus, embedder) -> None:
    cuts = 0
    for budget in (40, 300, 665):
        whole = "\n".join(s.text for s in summarize(corpus, embedder=embedder, bytes_=budget))
        assert n_bytes(whole) <= budget
        filled = summarize(corpus, embedder=embedder, bytes_=budget, overflow=True)
        joined = "\n".join(s.text for s in filled)
        assert n_bytes(whole) <= n_bytes(joined) <= budget
        cut = [s for s in filled if s.truncated]
        assert len(cut) <= 1
        for s in cut:  # the start of a printed sentence, ending at a word, cited piece by piece
            c = s.citations[0]
            full = next(x for x in corpus.sentences(c.article) if x.start <= c.start < x.end)
            printed = pieces_text(full, compress(full))
            assert printed.startswith(s.text) and len(s.text) < len(printed)
            assert printed[len(s.text)].isspace()
            assert join([corpus.quote(x) for x in s.citations]) == s.text
            assert all(full.start <= x.start < x.end <= full.end for x in s.citations)
            cuts += 1
    assert cuts, "40 bytes hold no whole sentence of 8+ words, but part of one"


def test_summarize_citations_are_the_printed_words(corpus: Corpus,
                                                   long_summary: list[SummarySentence]) -> None:
    sentences = {a: corpus.sentences(a) for a in corpus.ids}
    shortened = 0
    for s in long_summary:
        assert s.citations
        by_article: dict[str, list] = {}
        for c in s.citations:
            # Each citation is an exact span of the clean text holding words, not edge spaces.
            text = corpus.articles[c.article].clean_text[c.start:c.end]
            assert text == corpus.quote(c) and text == text.strip() and text
            by_article.setdefault(c.article, []).append(c)
        for k, (aid, cites) in enumerate(by_article.items()):
            # One article's citations are pieces of one of its sentences, in order.
            home = [x for x in sentences[aid] if x.start <= cites[0].start < x.end]
            assert len(home) == 1
            assert all(home[0].start <= c.start < c.end <= home[0].end for c in cites)
            assert all(a.end < b.start for a, b in pairwise(cites))
            kept = join([corpus.quote(c) for c in cites])
            if k == 0:  # the quoted outlet: its pieces are exactly what the summary prints
                assert kept == s.text
                shortened += kept != home[0].text
            else:  # the other outlets: a near copy of it
                assert jaccard(kept, s.text) >= 0.6
    assert shortened, "the example summary cuts a connective or an aside somewhere"


def test_summarize_no_two_sentences_repeat(long_summary: list[SummarySentence]) -> None:
    assert len(long_summary) >= 8
    texts = [s.text for s in long_summary]
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            assert jaccard(a, b) < 0.6, (a, b)


def test_summarize_ordered_by_time(corpus: Corpus, long_summary: list[SummarySentence]) -> None:
    days = [sort_day(corpus, s.citations[0].article) for s in long_summary]
    assert days == sorted(days)
    assert len(set(days)) >= 3  # the story spans years: several articles contribute
    # Within one article, sentences keep the article's own order.
    for a, b in pairwise(long_summary):
        if a.citations[0].article == b.citations[0].article:
            assert a.citations[0].start < b.citations[0].start


def test_summarize_skips_fragments(long_summary: list[SummarySentence]) -> None:
    for s in long_summary:
        assert n_words(s.text) >= 6  # 8 words in the article, at least 6 once shortened
        assert s.text.count('"') % 2 == 0
        assert re.search(r"[.!][\"'”’»)]*$", s.text)


def test_summarize_entity_focus(corpus: Corpus, embedder) -> None:
    plain = summarize(corpus, embedder=embedder, words=150)
    lavrov = summarize(corpus, embedder=embedder, words=150, entity="Lavrov")
    assert lavrov and [s.text for s in lavrov] != [s.text for s in plain]
    eid = next(e.id for e in corpus.entities.values() if "Lavrov" in e.name)
    for s in lavrov:
        c = s.citations[0]
        assert any(m.entity_id == eid and c.start <= m.start < c.end
                   for m in corpus.analyses[c.article].mentions), s.text
    # The canonical id works as well as a name, and a name no article mentions is an error.
    assert [s.text for s in summarize(corpus, embedder=embedder, words=150, entity=eid)] == [s.text for s in lavrov]
    with pytest.raises(StorylineError) as err:
        summarize(corpus, embedder=embedder, words=150, entity="Angela Merkel")
    assert err.value.code.code == "E015"


def test_summarize_date_range(corpus: Corpus, embedder) -> None:
    since = date(2017, 1, 1)
    got = summarize(corpus, embedder=embedder, words=150, since="2017")
    assert got
    for s in got:
        c = s.citations[0]
        dates = [e.date for e in corpus.analyses[c.article].events if e.sentence_start == c.start]
        assert any(overlaps(d, since, None) for d in dates or [corpus.published(c.article)]), s
    until = summarize(corpus, embedder=embedder, words=150, until="2016-12-31")
    assert until and [s.text for s in until] != [s.text for s in got]
    for s in until:
        c = s.citations[0]
        dates = [e.date for e in corpus.analyses[c.article].events if e.sentence_start == c.start]
        assert any(overlaps(d, None, date(2016, 12, 31))
                   for d in dates or [corpus.published(c.article)]), s
    # The 2021 article (dated 2021-09, no earlier date in its sentences) is out of that range.
    assert "2021-09" not in {s.date for s in until}
    with pytest.raises(StorylineError) as err:
        summarize(corpus, embedder=embedder, words=150, since="last week")
    assert err.value.code.code == "E010"


def test_summarize_budget_errors(corpus: Corpus, embedder) -> None:
    for kwargs in ({"words": 10, "bytes_": 100}, {"words": 0}, {"bytes_": -5}):
        with pytest.raises(StorylineError) as err:
            summarize(corpus, embedder=embedder, **kwargs)
        assert err.value.code.code == "E015"


ONE = """Quake hits coastal town

A strong earthquake struck the coastal town of Marlow early on Tuesday, destroying hundreds of homes and cutting power to the whole region.
Rescue teams from three neighbouring provinces worked through the night to pull survivors from collapsed buildings in the old harbour district.
The mayor said the town hall would serve as a shelter for families who lost their homes.
"""
TWO = """Marlow counts the cost

A strong earthquake struck the coastal town of Marlow early on Tuesday, destroying hundreds of homes and cutting power to the whole region.
Engineers warned that the old stone bridge over the river could collapse if strong aftershocks continued during the week.
Schools across the province will stay closed until inspectors have checked every building for structural damage.
"""


def test_summarize_cites_every_outlet_of_a_shared_sentence(tmp_path, embedder) -> None:
    (tmp_path / "one.txt").write_text(ONE, encoding="utf-8")
    (tmp_path / "two.txt").write_text(TWO, encoding="utf-8")
    small = read_corpus(sorted(tmp_path.glob("*.txt")))
    got = summarize(small, embedder=embedder, words=200)
    shared = [s for s in got if s.text.startswith("A strong earthquake struck")]
    assert len(shared) == 1
    assert len({c.article for c in shared[0].citations}) == 2
    for c in shared[0].citations:
        assert small.quote(c) == shared[0].text
