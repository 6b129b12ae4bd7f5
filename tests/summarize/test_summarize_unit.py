from __future__ import annotations

from datetime import date

import pytest

from storyline.summarize.period import overlaps, span
from storyline.summarize.text import bigrams, terms, unbalanced_quote


def test_text_unbalanced_quote_flags_pieces_of_long_quotes() -> None:
    assert unbalanced_quote('"Assad is, at the end of the day, a killer.')
    assert unbalanced_quote('We may not like each other, but on that we\'re backing the same policy."')
    assert not unbalanced_quote('"I consider these agreements our common success," Putin said.')
    assert not unbalanced_quote("Putin praised “our friend, President Erdogan” for the deal.")
    assert unbalanced_quote("“The necessary conditions have been created for peace.")


def test_text_bigrams_need_a_content_word() -> None:
    got = bigrams(terms("Turkey shot down a Russian warplane in 2015"))
    assert ("shot", "down") in got
    assert ("russian", "warplane") in got
    assert ("warplane", "in") in got  # one content word is enough ...
    assert not any(a in {"in", "a"} and b in {"in", "a"} for a, b in got)  # ... none is not


def test_period_spans_keep_granularity() -> None:
    assert span("2016-07-01") == (date(2016, 7, 1), date(2016, 7, 1))
    assert span("2016-07") == (date(2016, 7, 1), date(2016, 7, 31))
    assert span("2016") == (date(2016, 1, 1), date(2016, 12, 31))
    assert span("201") == (date(2010, 1, 1), date(2019, 12, 31))
    assert span("P1M") is None and span("PRESENT_REF") is None
    assert overlaps("2016", date(2016, 7, 1), None)
    assert not overlaps("2015-11-24", date(2016, 1, 1), date(2016, 12, 31))


@pytest.mark.parametrize(("text", "ok"), [
    ("This trend defines the current situation in Syria and across the wider region.", False),
    ("These talks were the first between the two foreign ministers since the jet was downed.", False),
    ("This week the two foreign ministers met in Sochi to discuss the war in Syria.", True),
    ("This year Turkey bought the S-400 air defence system from Russia despite NATO objections.", True),
    ("Turkey and Russia are witnessing positive changes in their bilateral cooperation.", True),
])
def test_summarize_skips_sentences_that_point_back_at_an_unseen_one(text: str, ok: bool) -> None:
    from storyline.records import Sentence
    from storyline.summarize.candidates import usable
    from storyline.summarize.params import SummaryParams

    assert usable(Sentence("a", 0, len(text), text), SummaryParams()) is ok
