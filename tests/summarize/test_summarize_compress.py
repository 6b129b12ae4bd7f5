"""Shortened sentences: what is cut, what must stay, and that the kept pieces are exact spans."""

from __future__ import annotations

import pytest

from storyline.corpus import Corpus
from storyline.records import Sentence
from storyline.summarize.compress import compress, join, pieces_text, prefix


def sentence(text: str, at: int = 40) -> Sentence:
    return Sentence("a", at, at + len(text), text)


def shortened(text: str) -> str:
    s = sentence(text)
    return pieces_text(s, compress(s))


def test_compress_cuts_on_the_example_story(corpus: Corpus) -> None:
    got = {}
    for s in corpus.sentences():
        pieces = compress(s)
        clean = corpus.articles[s.article_id].clean_text
        # Every piece is words of the sentence itself, and together they print the short form.
        assert all(s.start <= p.start < p.end <= s.end for p in pieces)
        assert join([clean[p.start:p.end] for p in pieces]) == pieces_text(s, pieces)
        got[s.text] = pieces_text(s, pieces)
    lead = next(t for t in got if t.startswith("At the same time, Russia and Turkey"))
    assert got[lead].startswith("Russia and Turkey will cooperate")
    but = next(t for t in got if t.startswith("But Russia and Turkey"))
    assert got[but].startswith("Russia and Turkey, together with Iran")
    aside = next(t for t in got if "(mainly on the issue of the Syrian Kurds)" in t)
    assert "mainly" not in got[aside] and "disputes with the US and the EU" in got[aside]
    assert sum(got[t] != t for t in got) < len(got) / 5  # most sentences stay whole


@pytest.mark.parametrize(("text", "short"), [
    ("At least 231 people were confirmed dead in the north of the country, the National "
     "Emergency Commission said Saturday.",
     "At least 231 people were confirmed dead in the north of the country."),
    ("The two leaders agreed to reopen the border crossing next month, according to a "
     "government statement.",
     "The two leaders agreed to reopen the border crossing next month."),
    ("However, the talks collapsed after two days of argument over the vote.",
     "However, the talks collapsed after two days of argument over the vote."),  # no capital next
    # A quotation keeps its speaker.
    ('"We will not leave until the vote is counted," the opposition leader said.',
     '"We will not leave until the vote is counted," the opposition leader said.'),
    ("The storm hit with 120-mph (205-kph) winds and flooded the old harbour district.",
     "The storm hit with 120-mph winds and flooded the old harbour district."),
    ("Meanwhile, police arrested him.", "Meanwhile, police arrested him."),  # too short to cut
    ("BRUSSELS, Belgium (AP) _ The European Union expressed concern over reports of abuse.",
     "The European Union expressed concern over reports of abuse."),  # a wire dateline
    ("U.S. officials said the plan was dead on arrival in the Senate.",
     "U.S. officials said the plan was dead on arrival in the Senate."),  # not a dateline
    ("The company agreed to buy the rest of Netscape Communications Corp., executives said.",
     "The company agreed to buy the rest of Netscape Communications Corp."),  # one full stop
])
def test_compress_rules(text: str, short: str) -> None:
    assert shortened(text) == short


def test_compress_tail_keeps_the_full_stop_as_a_piece() -> None:
    text = "The mayor opened the new bridge to traffic on the east bank, officials said."
    s = sentence(text)
    pieces = compress(s)
    assert len(pieces) == 2
    assert text[pieces[1].start - s.start:pieces[1].end - s.start] == "."


def test_compress_keeps_an_aside_before_the_full_stop_and_tails_on_request() -> None:
    # Cutting "(AP)." would leave a piece that is a bare full stop.
    assert shortened("The storm flooded the old harbour district of the city (AP).") == \
        "The storm flooded the old harbour district of the city (AP)."
    text = "The mayor opened the new bridge to traffic on the east bank, officials said."
    s = sentence(text)
    assert pieces_text(s, compress(s, attribution=False)) == text


def test_compress_prefix_ends_at_a_word_and_fits() -> None:
    s = sentence("The storm hit with 120-mph (205-kph) winds and flooded the old harbour district.")
    pieces = compress(s)
    for room in (10, 25, 40, 200):
        kept = prefix(s, pieces, lambda t: len(t) <= room)
        text = pieces_text(s, kept)
        assert len(text) <= room
        assert pieces_text(s, pieces).startswith(text)
        full = pieces_text(s, pieces)
        assert len(text) == len(full) or full[len(text)].isspace()
    assert pieces_text(s, prefix(s, pieces, lambda t: len(t) <= 26)) == "The storm hit with 120-mph"
    across = prefix(s, pieces, lambda t: len(t) <= 35)  # the cut aside is skipped, not counted
    assert pieces_text(s, across) == "The storm hit with 120-mph winds"
    assert len(across) == 2
    assert prefix(s, pieces, lambda t: len(t) <= 2) == []
