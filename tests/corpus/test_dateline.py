"""A wire dateline with a full date dates the story as metadata would."""

from __future__ import annotations

import json

from storyline.corpus import read_corpus
from storyline.prepare import dateline_date


def test_an_iso_dateline_near_the_top_is_the_publication_day():
    assert dateline_date("AIR CRASH KILLS 12.\nISLAMABAD 1996-08-25\nA bus fell ...") == \
        "1996-08-25"
    assert dateline_date("RESULTS.\nAL-AIN, United Arab Emirates 1996-12-06\n") == "1996-12-06"
    # a date inside a sentence, an impossible day, or a date far down the text is no dateline
    assert dateline_date("The report of 1996-08-25 said so.\nMore.") is None
    assert dateline_date("HEADLINE.\nLONDON 1996-13-45\n") is None
    assert dateline_date("A.\nB.\nC.\nD.\nLONDON 1996-08-30\n") is None


def test_an_undated_wire_story_takes_its_dateline(tmp_path):
    p = tmp_path / "wire.jsonl"
    p.write_text(json.dumps({"id": "w1", "text": "BUS PLUNGES INTO RIVER.\nISLAMABAD 1996-08-25\n"
                             "A bus fell into a river on Sunday, killing at least 19 people, "
                             "police said."}) + "\n", encoding="utf-8")
    corpus = read_corpus([p])
    article = next(iter(corpus.articles.values()))
    assert article.published == "1996-08-25" and article.published_source == "dateline"
    assert corpus.published(article.id) == "1996-08-25"
