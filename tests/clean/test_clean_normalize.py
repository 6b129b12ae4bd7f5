"""Normalisation of kept lines, and the clean-to-raw map it leaves behind."""

from __future__ import annotations

import unicodedata

import pytest

from storyline.clean import clean
from storyline.clean.normalize import normalise_line, normalise_text, split_lines
from storyline.records import SourceDoc


def _clean(text: str):
    return clean(SourceDoc(origin="t", format="txt", text=text, title="T"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("«Crucial», he said", '"Crucial", he said'),
        ("“coordinate” and „so“ and ‟x”", '"coordinate" and "so" and "x"'),
        ("last week’s attack, ‘crucial’", "last week's attack, 'crucial'"),
        ("and – which is – of importance", "and - which is - of importance"),
        ("1990—2000 ‒ ― − 5", "1990-2000 - - - 5"),
        ("Cavusoglu\u00a0said\u00a0 in", "Cavusoglu said in"),
        ("a \t  b\u2003c", "a b c"),
        ("zero\u200bwidth soft\u00adhyphen", "zerowidth softhyphen"),
        ("bell\x07 and\x00 nul", "bell and nul"),
        ("\ufeffbom at start", "bom at start"),
        ("wait… for it", "wait… for it"),
        ("cafe\u0301 and Å", "café and Å"),
        ("emoji 👨\u200d👩\u200d👧 family", "emoji 👨\u200d👩\u200d👧 family"),
        ("Persian می\u200cخواهم", "Persian می\u200cخواهم"),
        ("  \u00a0 padded \u200b ", "padded"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ],
)
def test_normalize_line(raw, expected):
    out, pieces = normalise_line(raw, 0)
    assert out == expected
    assert "".join(p[0] for p in pieces) == out
    assert normalise_text(raw) == expected
    assert unicodedata.is_normalized("NFC", out)


def test_normalize_nfc_cluster_maps_to_its_raw_span():
    raw = "Ce\u0301sar\n"
    result = _clean(raw)
    assert result.text == "César"
    assert result.offsets.to_raw(1) == 1  # "é" stands for raw "e" + combining acute
    assert result.offsets.span_to_raw(1, 2) == (1, 3)
    assert result.offsets.to_raw(2) == 3  # "s" maps to raw "s"


def test_normalize_line_breaks_crlf_cr_and_unicode():
    raw = "One line.\r\nTwo line.\rThree line.\u2028Four line.\n"
    lines = split_lines(raw)
    assert [ln.text for ln in lines] == ["One line.", "Two line.", "Three line.", "Four line."]
    assert all(raw[ln.start : ln.end] == ln.text for ln in lines)
    assert _clean(raw).text == "One line.\n\nTwo line.\n\nThree line.\n\nFour line."


def test_normalize_paragraph_break_maps_onto_raw_break():
    raw = "First para.\n\nSecond para.\r\n\r\nThird para."
    result = _clean(raw)
    assert result.text == "First para.\n\nSecond para.\n\nThird para."
    first_break = result.text.index("\n\n")
    assert result.offsets.span_to_raw(first_break, first_break + 2) == (11, 13)
    second_break = result.text.index("\n\n", first_break + 2)
    assert result.offsets.span_to_raw(second_break, second_break + 2) == (25, 29)


def test_normalize_break_over_removed_line_stops_at_the_raw_line_end():
    raw = "First para.\n\nLeave a Reply\n\nSecond para."
    result = _clean(raw)
    assert result.text == "First para.\n\nSecond para."
    brk = result.text.index("\n\n")
    assert result.offsets.span_to_raw(brk, brk + 2) == (11, 12)
    assert result.offsets.to_raw(brk + 2) == raw.index("Second")


def test_normalize_stripped_line_maps_to_its_text_not_its_padding():
    raw = "   \u00a0Indented body line.\u00a0  \n"
    result = _clean(raw)
    assert result.text == "Indented body line."
    assert result.offsets.span_to_raw(0, len(result.text)) == (4, 4 + len("Indented body line."))


def test_normalize_blank_lines_are_neither_kept_nor_removed():
    raw = "\n\n\u200b\n \u00a0\t\nBody.\n\n\n"
    result = _clean(raw)
    assert result.text == "Body."
    assert result.removed == []


def test_normalize_empty_text():
    result = _clean("")
    assert result.text == "" and result.removed == [] and result.offsets.clean_length == 0
