"""Properties of the cleaner on arbitrary text: it never crashes, its map is always valid, and every
non-blank raw line is either kept or reported as removed."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.clean import clean, line_key
from storyline.clean.normalize import normalise_text, split_lines
from storyline.records import SourceDoc

SEEDS = Path(__file__).parents[2] / "examples" / "russia-turkey"
_SEED_LINES = sorted(
    {
        ln
        for p in sorted(SEEDS.glob("*.txt"))
        for ln in p.read_text(encoding="utf-8").splitlines()
        if ln
    }
)
_TRICKY = [
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\u2028",
    "\x85",
    "\x0c",
    " ",
    "\u00a0",
    "\t",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\ufeff",
    "\x00",
    "\x7f",
    "\u0301",
    "\u0308",
    "e\u0301",
    "\u1100\u1161",
    "\u11a8",
    "«",
    "»",
    "“",
    "”",
    "‘",
    "’",
    "–",
    "—",
    "…",
    "👍",
    "🇹🇷",
    "👨\u200d👩\u200d👧",
    "مرحبا",
    "שלום",
    "\u202e",
    "\u2066",
    "\ud800",
    "\udfff",
    "Leave a Reply",
    "Share",
    "(Photo: Reuters)",
    "By Jane Doe",
    "The Telegraph",
    ": Getty",
    "Kayhan Ozer/AP",
    "You've read  of  free articles.",
]
_any_char = st.characters(codec=None, exclude_categories=())
_chunks = st.one_of(
    st.text(_any_char, max_size=12),
    st.sampled_from(_TRICKY),
    st.sampled_from(_SEED_LINES),
)
texts = st.lists(_chunks, max_size=30).map("".join)
docs = st.builds(
    lambda text, title, title_in_text: SourceDoc(
        origin="h", format="txt", text=text, title=title, title_in_text=title_in_text
    ),
    texts,
    st.one_of(st.none(), st.sampled_from(_TRICKY + _SEED_LINES[:5])),
    st.booleans(),
)
_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_settings
@given(docs)
def test_properties_clean_never_crashes_and_text_is_tidy(doc):
    result = clean(doc)
    assert unicodedata.is_normalized("NFC", result.text)
    for para in result.text.split("\n\n") if result.text else []:
        assert para and para == para.strip() and "  " not in para and "\n" not in para
    assert not any("\ud800" <= ch <= "\udfff" for ch in result.text)
    result.text.encode("utf-8")


@_settings
@given(docs)
def test_properties_clean_to_raw_map_is_valid(doc):
    raw, result = doc.text, clean(doc)
    m = result.offsets
    assert m.clean_length == len(result.text)
    last = -1
    for i in range(len(result.text)):
        r = m.to_raw(i)
        assert 0 <= r < len(raw)
        assert r >= last
        last = r
    if result.text:
        start, end = m.span_to_raw(0, len(result.text))
        assert 0 <= start < end <= len(raw)
    for seg_clean, seg_raw, seg_raw_end in m.segments:
        assert 0 <= seg_raw <= seg_raw_end <= len(raw)
        assert seg_clean < len(result.text)


@_settings
@given(docs)
def test_properties_removed_and_kept_lines_cover_every_raw_line(doc):
    raw, result = doc.text, clean(doc)
    removed = {r.start: r for r in result.removed}
    kept = []
    for ln in split_lines(raw):
        norm = normalise_text(ln.text)
        if not norm:
            assert ln.start not in removed  # blank lines are never reported
            continue
        if ln.start in removed:
            assert removed.pop(ln.start).text == ln.text == raw[ln.start : ln.end]
        else:
            kept.append(norm)
    assert not removed  # every removed line is a real raw line
    assert (result.text.split("\n\n") if result.text else []) == kept


@_settings
@given(docs)
def test_properties_keep_everything_restores_every_line(doc):
    first = clean(doc)
    restored = clean(doc, keep={r.start for r in first.removed})
    assert restored.removed == []
    assert len(restored.text) >= len(first.text)


@_settings
@given(docs)
def test_properties_recurring_only_removes_its_lines(doc):
    first = clean(doc)
    again = clean(doc, recurring=set(first.line_keys))
    newly = [r for r in again.removed if r.reason == "recurring"]
    assert {line_key(r.text) for r in newly} <= set(first.line_keys)
    assert len(again.removed) == len(first.removed) + len(newly)
