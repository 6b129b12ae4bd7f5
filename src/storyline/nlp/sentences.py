"""Split an article's clean text into sentences with character offsets.

Blingfire's sentence breaker does the work (fast, no data to download, good on news: "Mr. Putin",
"Sept. 28", "U.S. Army" and quotes ending a sentence come out right). Around it:

- Line structure first. A blank line is a paragraph break and no sentence crosses it. A single line
  break ends a sentence too (a headline, a caption or a list item has no final stop), unless the
  next line plainly continues the previous one: it starts in lower case, or the previous line ends
  in a comma, hyphen or opening bracket (text wrapped at a fixed width).
- Two fixes on top of blingfire, both for titles: it splits after "Gen." or "St." when a name
  follows ("St. | Petersburg"), and it does not split before a title ("She left. Dr. Smith came").
- Every sentence is stripped of surrounding white space, so ``text[start:end] == sentence.text``.
"""

from __future__ import annotations

import ctypes
import re

import blingfire
import numpy as np

from storyline.records import Sentence

# Titles that stand before a name and, with their stop, almost never end a sentence.
TITLES = frozenset(
    "Mr Mrs Ms Mx Dr Prof Gen Lt Col Maj Capt Cpt Sgt Cpl Adm Cmdr Brig Sen Rep Gov Rev Fr Sr Sra "
    "Hon Pres Supt Insp Det Amb St Mt Ft".split()
)
# Abbreviations after which a sentence may go on when a number follows ("Sept. 28", "No. 10").
BEFORE_NUMBER = frozenset(
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Vol Art Fig Ch Sec Para Pt pp p".split()
)

_LINE_BREAK = re.compile(r"\n")
_CONTINUES_BEFORE = re.compile(r"[,;(\[\-–—/&]\s*$")
_CONTINUES_AFTER = re.compile(r"^\s*[a-z(\[,;]")
_LAST_WORD = re.compile(r"(\w+)\.\s*$")
_FIRST_TOKEN = re.compile(r"^\s*(\S)")
# "...left. Dr. Smith": a stop after a lower-case word or a digit, then a title and a name.
_TITLE_ALTERNATION = "|".join(sorted(TITLES))
_TITLE_START = re.compile(rf"(?<=[a-z0-9)][.!?])[\"'”’»]?(\s+)(?=(?:{_TITLE_ALTERNATION})\.?\s+[A-Z])")
_WORD_BEFORE = re.compile(r"(\w+)[.!?][\"'”’»]?$")


def split_sentences(article_id: str, text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; offsets index ``text`` and never cross a blank line.

    >>> [s.text for s in split_sentences("a", "Mr. Putin's visit came on Sept. 28. It went well.")]
    ["Mr. Putin's visit came on Sept. 28.", 'It went well.']
    """
    out: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        for start, end in _split_block(text, block_start, block_end):
            out.append(Sentence(article_id, start, end, text[start:end]))
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text that sentences may not cross: paragraphs, and lines that stand alone."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        lines.append((pos, m.start()))
        pos = m.end()
    lines.append((pos, len(text)))

    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            if current is not None:
                blocks.append(current)
                current = None
            continue
        if current is not None:
            previous = text[current[0] : current[1]]
            if _CONTINUES_BEFORE.search(previous) or _CONTINUES_AFTER.match(line):
                current = (current[0], end)
                continue
            blocks.append(current)
        current = (start, end)
    if current is not None:
        blocks.append(current)
    return blocks


def _split_block(text: str, block_start: int, block_end: int) -> list[tuple[int, int]]:
    # Line breaks left inside a block join wrapped lines: a space for blingfire, same length.
    block = text[block_start:block_end].replace("\n", " ").replace("\r", " ")
    if not block.strip():
        return []
    offsets = _sentence_offsets(block)
    pieces = _merge_after_titles(block, [(s, e) for s, e in offsets if e > s])
    spans: list[tuple[int, int]] = []
    for s, e in pieces:
        for s2, e2 in _split_before_titles(block, s, e):
            s2, e2 = _strip(block, s2, e2)
            if e2 > s2:
                spans.append((block_start + s2, block_start + e2))
    return spans


def _sentence_offsets(block: str) -> list[tuple[int, int]]:
    """``blingfire.text_to_sentences_and_offsets(block)[1]``, without the wrapper's Python loop
    over every byte (most of its time): the library's UTF-8 offsets are mapped to string offsets
    by a prefix count of the characters' lead bytes."""
    data = block.encode("utf-8")
    if not data.strip():
        return []  # never asked: blank blocks have no sentences
    size = len(data) * 2
    out = ctypes.create_string_buffer(size)
    starts = (ctypes.c_int32 * size)()
    ends = (ctypes.c_int32 * size)()
    n_out = blingfire.blingfire.TextToSentencesWithOffsets(
        ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(out), ctypes.byref(starts),
        ctypes.byref(ends), ctypes.c_int(size))
    if n_out == -1 or n_out > size:
        return blingfire.text_to_sentences_and_offsets(block)[1]  # the wrapper's own path
    n = out.value.count(b"\n") + 1
    first, last = starts[:n], [e + 1 for e in ends[:n]]
    if len(data) == len(block):  # ASCII: a byte is a character
        pairs = list(zip(first, last, strict=True))
    else:
        lead = (np.frombuffer(data, dtype=np.uint8) & 0xC0) != 0x80
        chars = np.concatenate(([0], np.cumsum(lead))).tolist()
        if not all(p == len(data) or lead[p] for p in (*first, *last)):
            return blingfire.text_to_sentences_and_offsets(block)[1]
        pairs = [(chars[a], chars[b]) for a, b in zip(first, last, strict=True)]
    flat = [x for pair in pairs for x in pair]
    if flat != sorted(flat) or flat[-1] > len(block):  # not in order: let the wrapper map them
        return blingfire.text_to_sentences_and_offsets(block)[1]
    return pairs


def _merge_after_titles(block: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in pieces:
        if merged:
            ps, pe = merged[-1]
            if _joins(block[ps:pe], block[s:e]):
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    return merged


def _joins(previous: str, following: str) -> bool:
    m = _LAST_WORD.search(previous)
    if not m:
        return False
    word = m.group(1)
    first = _FIRST_TOKEN.match(following)
    if not first:
        return False
    if word in TITLES and first.group(1).isupper():
        return True
    return word in BEFORE_NUMBER and first.group(1).isdigit()


def _split_before_titles(block: str, s: int, e: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cut = s
    for m in _TITLE_START.finditer(block, s, e):
        before = _WORD_BEFORE.search(block, cut, m.start(1))
        # "Gen. Dr. Smith": the stop belongs to an abbreviation, not to a sentence.
        if before and (before.group(1) in TITLES or len(before.group(1)) == 1):
            continue
        spans.append((cut, m.start(1)))
        cut = m.end(1)
    spans.append((cut, e))
    return spans


def _strip(block: str, s: int, e: int) -> tuple[int, int]:
    while s < e and block[s].isspace():
        s += 1
    while e > s and block[e - 1].isspace():
        e -= 1
    return s, e
