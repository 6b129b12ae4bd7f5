"""Hostile input: nothing to find, one huge line, emoji, mixed scripts. No crash, offsets valid."""

from __future__ import annotations


from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.temporal import find_timexes


def _check_offsets(text: str, dct: str | None = "2017-09-28") -> list:
    found = find_timexes(text, dct)
    last_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= last_end  # no overlaps, in order
        last_end = t.end
    return found


def test_temporal_hostile_empty_and_blank() -> None:
    assert find_timexes("", "2017-09-28") == []
    assert find_timexes("   \n\n\t", None) == []
    assert find_timexes(".", "2017-09-28") == []


def test_temporal_hostile_no_sentences_no_time() -> None:
    assert _check_offsets("lorem ipsum dolor sit amet " * 200) == []


def test_temporal_hostile_one_megabyte_line_is_valid() -> None:
    chunk = "Putin met Erdogan on Thursday and again on Sept. 28, 2017 while 3,000 people waited "
    text = chunk * (1_000_000 // len(chunk))
    assert "\n" not in text and len(text) > 990_000
    found = _check_offsets(text)  # dense worst case: every rule scans the whole line
    assert len(found) == 2 * text.count("Putin")
    assert {t.value for t in found} == {"2017-09-28"}


def test_temporal_hostile_digit_soup_line() -> None:
    text = "1234567890 " * 50_000 + "2015"
    found = _check_offsets(text)
    assert [t.value for t in found] == ["2015"]


def test_temporal_hostile_emoji_and_mixed_scripts() -> None:
    text = ("🇷🇺🤝🇹🇷 Путин встретился с Эрдоганом 28 сентября. 普京周四访问了土耳其。"
            "بوتين زار تركيا يوم الخميس. Putin visited Turkey on Thursday 🎉 in 2017 😀.")
    found = _check_offsets(text)
    assert [(t.text, t.value) for t in found] == [("Thursday", "2017-09-28"), ("2017", "2017")]


def test_temporal_hostile_surrogates_and_controls() -> None:
    text = "on Thursday\x00\x07 \ud800 Sept. 28 \u200b2015\u200b"
    found = _check_offsets(text)
    assert [t.text for t in found] == ["Thursday", "Sept. 28", "2015"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Thursday Sept.28,2017 ago weeks the last-May 0123"
                                             "456789 \n.'s"))), st.sampled_from([None, "2016-07-01"]))
def test_temporal_hostile_random_text_keeps_offsets(text: str, dct: str | None) -> None:
    _check_offsets(text, dct)


@settings(max_examples=100, deadline=None)
@given(st.text())
def test_temporal_hostile_any_unicode(text: str) -> None:
    _check_offsets(text, None)
