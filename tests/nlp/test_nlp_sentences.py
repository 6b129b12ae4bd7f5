"""Sentences with offsets on the real seeds and on hostile text."""

from __future__ import annotations

import itertools
import re
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.nlp.sentences import split_sentences

BLANK_LINE = re.compile(r"\n\s*\n")


def assert_well_formed(text: str, sentences) -> None:
    previous_end = 0
    for s in sentences:
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.start >= previous_end
        assert not BLANK_LINE.search(s.text), s.text
        previous_end = s.end


def test_sentences_seed_counts_and_offsets(clean_seeds):
    counts = {}
    for name, text in clean_seeds.items():
        sentences = split_sentences(name, text)
        assert_well_formed(text, sentences)
        assert {s.article_id for s in sentences} == {name}
        counts[name] = len(sentences)
        # Nothing but white space is left between sentences.
        covered = "".join(text[a.end : b.start] for a, b in itertools.pairwise(sentences))
        assert not covered.strip()
    assert counts == {
        "csmonitor-ap": 22,
        "independent-yahoo": 14,
        "nhandan": 15,
        "strategic-culture": 50,
        "telegraph": 29,
    }


def test_sentences_titles_and_dates_do_not_split(clean_seeds, raw_seeds):
    texts = [s.text for s in split_sentences("a", clean_seeds["csmonitor-ap"])]
    assert any(t.startswith("Mr. Putin's visit came as Turkey and Russia") for t in texts)
    assert "Putin and Mr. Erdogan also talked about the Iraqi Kurdish referendum" in " ".join(texts)
    assert not any(t.endswith("Mr.") for t in texts)
    raw = [s.text for s in split_sentences("a", raw_seeds["csmonitor-ap"])]
    caption = [t for t in raw if "Sept. 28" in t]
    assert caption and caption[0].startswith("Presidents Recep Tayyip Erdogan and Vldamir Putin")
    assert "to discuss the Syrian civil war" in caption[0]


def test_sentences_quotes_end_sentences(clean_seeds):
    texts = [s.text for s in split_sentences("a", clean_seeds["csmonitor-ap"])]
    assert '"I consider these agreements our common, extremely important success," Putin said.' in texts
    assert any(t.startswith('"The necessary conditions have been created') for t in texts)
    texts = [s.text for s in split_sentences("a", clean_seeds["telegraph"])]
    assert '"Assad is, at the end of the day, a killer.' in texts


def test_sentences_headline_lines_stand_alone(raw_seeds):
    texts = [s.text for s in split_sentences("a", raw_seeds["csmonitor-ap"])]
    assert texts[0] == "Russia and Turkey come together as unlikely allies in the Syrian war"
    text = "Erdogan in Moscow\nPutin hosted the Turkish leader. They spoke for hours."
    assert [s.text for s in split_sentences("a", text)] == [
        "Erdogan in Moscow",
        "Putin hosted the Turkish leader.",
        "They spoke for hours.",
    ]


def test_sentences_wrapped_lines_join_and_paragraphs_split():
    text = "The talks in Sochi were\nlong and, officials said,\nfruitful. Lavrov left\n\nearly the next day."
    got = [s.text for s in split_sentences("a", text)]
    assert got == [
        "The talks in Sochi were\nlong and, officials said,\nfruitful.",
        "Lavrov left",
        "early the next day.",
    ]


def test_sentences_abbreviations():
    text = (
        "The U.S. Army arrived on Sept. 28 in Ankara. She left. Dr. Smith and Gen. Jones met "
        "Sen. Brown. No. 10 Downing St. is in London. St. Petersburg is not."
    )
    assert [s.text for s in split_sentences("a", text)] == [
        "The U.S. Army arrived on Sept. 28 in Ankara.",
        "She left.",
        "Dr. Smith and Gen. Jones met Sen. Brown.",
        "No. 10 Downing St. is in London.",
        "St. Petersburg is not.",
    ]


def test_sentences_hostile_input():
    for text in ["", " ", "\n\n\n", "\t \r\n", ".", "...", "🙂", "x"]:
        sentences = split_sentences("a", text)
        assert_well_formed(text, sentences)
    assert split_sentences("a", "") == [] and split_sentences("a", " \n\n ") == []
    mixed = "🙂🙂 Путин встретился с Эрдоганом. 普京与埃尔多安会面。 Putin met Erdogan 🇷🇺🇹🇷. مرحبا بالعالم. Ok"
    sentences = split_sentences("a", mixed)
    assert_well_formed(mixed, sentences)
    assert "Putin met Erdogan 🇷🇺🇹🇷." in [s.text for s in sentences]
    assert len(sentences) >= 4


def test_sentences_one_megabyte_line_is_fast():
    line = ("Putin met Erdogan in Ankara on Sept. 28 and they talked " * 20_000)[:1_000_000]
    started = time.perf_counter()
    sentences = split_sentences("a", line)
    assert time.perf_counter() - started < 10
    assert_well_formed(line, sentences)
    blob = "x" * 1_000_000
    assert [(s.start, s.end) for s in split_sentences("a", blob)] == [(0, 1_000_000)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["Mr.", "Putin", "said", ".", "!", "?", '"', "«", "»", " ", "  ", "\n", "\n\n", "\r\n",
             "Sept.", "28", "U.S.", "🙂", "Путин", "普京", "\u00a0", "\t", "e.g.", "...", "Dr."]
        ),
        max_size=60,
    ).map("".join)
)
def test_sentences_offsets_always_valid(text):
    assert_well_formed(text, split_sentences("a", text))


@given(st.text(alphabet=st.sampled_from(list("ab. ?!\"”“’é😀東Mr\n")), min_size=1, max_size=80))
@settings(max_examples=200, deadline=None)
def test_sentences_offsets_match_blingfire_wrapper(text: str) -> None:
    import blingfire

    from storyline.nlp.sentences import _sentence_offsets

    block = text.replace("\n", " ")
    if block.strip():
        assert _sentence_offsets(block) == blingfire.text_to_sentences_and_offsets(block)[1]
