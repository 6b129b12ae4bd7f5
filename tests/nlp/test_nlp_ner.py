"""Named-entity mentions with spaCy on the seeds and on hostile text."""

from __future__ import annotations

import random

import pytest

from storyline.nlp.ner import chunks, ner_components


def mention_texts(mentions) -> set[str]:
    return {m.text for m in mentions}


def test_ner_loads_only_what_ner_needs(tagger):
    # en_core_web_sm 3.8's ner has its own tok2vec: tagger, parser, lemmatizer... are excluded.
    assert tagger.nlp.pipe_names == ["ner"]
    listening = {
        "components": {
            "ner": {"model": {"tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "upstream": "tok2vec"}}}
        }
    }
    assert ner_components(listening) == ["tok2vec", "ner"]


def test_ner_seeds_find_people_and_places(tagger, clean_seeds):
    names = list(clean_seeds)
    found = dict(zip(names, tagger.mentions(clean_seeds.items())))
    for name, mentions in found.items():
        text = clean_seeds[name]
        assert mentions, name
        for m in mentions:
            assert m.article_id == name
            assert text[m.start : m.end] == m.text
            assert m.entity_id is None
        starts = [m.start for m in mentions]
        assert starts == sorted(starts)
    everything = {(m.text, m.label) for ms in found.values() for m in ms}
    for person in ["Vladimir Putin", "Putin", "Recep Tayyip Erdogan", "Erdogan", "Sergei Lavrov", "Sergey Lavrov", "Lavrov"]:
        assert (person, "PERSON") in everything, person
    for place in ["Ankara", "Sochi", "Moscow", "Syria"]:
        assert (place, "GPE") in everything, place
    # Dates and numbers are not names.
    assert not {label for _, label in everything} & {"DATE", "CARDINAL", "TIME", "PERCENT"}


def test_ner_spans_are_repaired(tagger):
    text = (
        "Friday's talks came after Vladimir Putin's call. At the same time, the Russian Foreign "
        "Ministry on Wednesday expressed respect.\nHarriet Agerholm\nRelations between the countries "
        "have been tumultuous."
    )
    (mentions,) = tagger.mentions([("a", text)])
    texts = mention_texts(mentions)
    assert "Vladimir Putin" in texts and "Vladimir Putin's" not in texts
    assert "Russian Foreign Ministry" in texts
    assert not any("\n" in t or t.lower().startswith("the ") for t in texts)


def test_ner_alias_table_finds_what_the_model_misses(tagger, clean_seeds):
    (mentions,) = tagger.mentions([("sc", clean_seeds["strategic-culture"])])
    text = clean_seeds["strategic-culture"]
    is_mentions = [m for m in mentions if m.text in ("IS", "IS group")]
    # "over IS comes", "the IS group", "anti-IS coalition", "anti-IS effort"
    assert len(is_mentions) == 4 and all(m.label == "ORG" for m in is_mentions)
    assert all(text[m.start : m.end] == m.text for m in is_mentions)
    # "Islamic" (NORP) + "State" (ORG) from the model become one "Islamic State".
    assert ("Islamic State", "ORG") in {(m.text, m.label) for m in mentions}
    assert "Islamic" not in mention_texts(mentions)


def test_ner_short_acronyms_not_matched_in_capitals(tagger):
    (mentions,) = tagger.mentions([("h", "WHAT IS NEXT FOR THE PEACE TALKS\n\nThe talks went on.")])
    assert "IS" not in mention_texts(mentions)
    (mentions,) = tagger.mentions([("h", "Turkey will fight IS in Syria, officials said.")])
    assert ("IS", "ORG") in {(m.text, m.label) for m in mentions}


def test_ner_keeps_order_and_empty_articles(tagger):
    docs = [("a", ""), ("b", "Putin met Erdogan in Sochi."), ("c", "   \n\n "), ("d", "no names here at all")]
    out = list(tagger.mentions(iter(docs)))
    assert len(out) == 4
    assert out[0] == [] and out[2] == [] and out[3] == []
    assert {m.article_id for m in out[1]} == {"b"}
    assert {"Putin", "Erdogan", "Sochi"} <= mention_texts(out[1])


def test_ner_chunks_cover_text_and_respect_limit():
    rng = random.Random(3)
    words = ["Putin", "met", "Erdogan.", "Ankara", "talks\n\n", "in", "Sochi", "🙂", "Путин"]
    text = " ".join(rng.choice(words) for _ in range(60_000))
    pieces = chunks(text, 10_000)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 10_000 for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])  # cut at paragraph breaks
    blob = "y" * 250_001
    assert [len(p) for _, p in chunks(blob, 100_000)] == [100_000, 100_000, 50_001]


def test_ner_long_text_offsets_shift_per_chunk(tagger, clean_seeds, monkeypatch):
    text = clean_seeds["telegraph"]
    (whole,) = tagger.mentions([("t", text)])
    monkeypatch.setattr(tagger, "max_chars", 600)
    (chunked,) = tagger.mentions([("t", text)])
    assert all(text[m.start : m.end] == m.text for m in chunked)
    assert [(m.start, m.end, m.label) for m in chunked] == [(m.start, m.end, m.label) for m in whole]


@pytest.mark.slow
def test_ner_hostile_text(tagger):
    # A data blob pasted into an article: one line, 1 MB, a few words of text around it.
    blob = random.Random(1).randbytes(500_000).hex()
    one_mb_line = "Putin met Erdogan in Ankara. " + " ".join(blob[i : i + 4000] for i in range(0, len(blob), 4000))
    one_mb_line += ". Foreign Minister Sergei Lavrov flew to Sochi on Friday."
    assert len(one_mb_line) > 1_000_000 and "\n" not in one_mb_line
    mixed = "🙂🙂 Путин встретился с Эрдоганом. 普京 Vladimir Putin 🇷🇺 met Recep Tayyip Erdogan in Ankara. مرحبا"
    out = list(tagger.mentions([("big", one_mb_line), ("mixed", mixed), ("emoji", "🙂" * 5000)]))
    for (_, text), mentions in zip([("big", one_mb_line), ("mixed", mixed), ("emoji", "")], out):
        assert all((text or "🙂" * 5000)[m.start : m.end] == m.text for m in mentions)
    big = mention_texts(out[0])
    assert {"Putin", "Erdogan", "Ankara", "Sergei Lavrov", "Sochi"} <= big
    assert all(len(t) < 100 for t in big)  # no blob taken for a name
    assert {"Vladimir Putin", "Recep Tayyip Erdogan", "Ankara"} <= mention_texts(out[1])
