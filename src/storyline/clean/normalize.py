"""Split raw text into lines and normalise a line, keeping where every output character came from.

Choices (each keeps the meaning and makes copies of one text compare equal):

- Unicode NFC. NFC may merge characters (``e`` + combining acute -> ``é``); such a cluster becomes
  one non-linear piece mapped onto its whole raw span.
- Quotes: ``« » “ ” „ ‟ ″ 〝 〞 ＂`` -> ``"`` and ``‘ ’ ‚ ‛ ′ ‹ ›`` -> ``'`` (apostrophes too).
- Dashes and minus: ``‐ ‑ ‒ – — ― − ﹘ ﹣ －`` -> ``-``; the spacing around them is kept as written
  (``and – which`` -> ``and - which``), so word boundaries do not move.
- Tabs, no-break and other Unicode spaces -> ``" "``; runs of spaces collapse to one; lines are
  stripped.
- Dropped: control characters, soft hyphen, zero-width space, word joiner, byte-order mark and
  bidirectional marks/embeddings, which are invisible and only split words apart. Zero-width
  (non-)joiners are kept: they shape emoji sequences and Persian or Indic words.
- Lone surrogates (possible in text decoded from JSON) -> U+FFFD, so the text can be encoded.
- The ellipsis ``…`` and every other character stay as they are.

Line breaks are whatever :meth:`str.splitlines` splits on (``\\r\\n``, ``\\r``, ``\\n``, U+2028,
...).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# A piece of normalised text and the raw span it stands for.
Piece = tuple[str, int, int]

_DQUOTES = "«»“”„‟″〝〞＂"
_SQUOTES = "‘’‚‛′‹›"
_DASHES = "‐‑‒–—―−﹘﹣－"
_SPACES = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_INVISIBLE = (
    "\u00ad\u200b\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Control characters that are not line breaks (those never reach a line) and not tab (a space).
_CONTROLS = "".join(
    chr(c)
    for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))
    if chr(c) not in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85"
)
_DROP = _INVISIBLE + _CONTROLS
_BLANKISH = " " + _SPACES + _DROP
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_DQUOTES, '"'),
        **dict.fromkeys(_SQUOTES, "'"),
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys(_DROP, None),
    }
)

_esc = re.escape
# Replacements that keep the length, so offsets do not move (a regex beats str.translate here:
# only a few characters of a line change, and translate looks up every one).
_ONE_TO_ONE = {
    **dict.fromkeys(_DQUOTES, '"'),
    **dict.fromkeys(_SQUOTES, "'"),
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_SPACES, " "),
}
_ONE_TO_ONE_RE = re.compile(f"[{_esc(''.join(_ONE_TO_ONE))}]")


def _one_to_one(m: re.Match[str]) -> str:
    return _ONE_TO_ONE[m.group()]


# What changes the length once the above is done: runs of spaces, and invisible characters.
_SHRINK = re.compile(f" {{2,}}| *[{_esc(_DROP)}][{_esc(_DROP)} ]*")
_SURROGATE = re.compile("[\ud800-\udfff]")


class Line(NamedTuple):
    start: int  # raw offset of the first character of the line
    end: int  # raw offset just past the line, before its line break
    next_start: int  # raw offset of the next line (after the break)
    text: str  # raw[start:end]


def split_lines(raw: str) -> list[Line]:
    """Every line of ``raw`` with its offsets; a final line break does not start an empty line."""
    out: list[Line] = []
    pos = 0
    for chunk in raw.splitlines(keepends=True):
        n = len(chunk)
        if chunk.endswith("\r\n"):
            body = chunk[:-2]
        elif chunk[-1] in _BREAKS:
            body = chunk[:-1]
        else:
            body = chunk
        out.append(Line(pos, pos + len(body), pos + n, body))
        pos += n
    return out


def normalise_line(text: str, raw_start: int) -> tuple[str, list[Piece]]:
    """Normalise one line (no line breaks in it); say which raw span each piece stands for."""
    if not text:
        return "", []
    body = text.strip(_BLANKISH)
    if not body:
        return "", []
    base = raw_start + len(text) - len(text.lstrip(_BLANKISH))
    ascii_ = body.isascii()
    if not ascii_:
        body = _ONE_TO_ONE_RE.sub(_one_to_one, body)
        if _SURROGATE.search(body):
            body = _SURROGATE.sub("\ufffd", body)
    elif "\t" in body:
        body = body.replace("\t", " ")
    if "  " not in body and body.isprintable():
        # Nothing to collapse or drop (every dropped character is unprintable): one piece.
        if ascii_ or unicodedata.is_normalized("NFC", body):
            return body, [(body, base, base + len(body))]
    pieces: list[Piece] = []
    pos = 0
    for m in _SHRINK.finditer(body):
        s, e = m.span()
        if s > pos:
            pieces.append((body[pos:s], base + pos, base + s))
        if " " in m.group():
            pieces.append((" ", base + s, base + e))
        pos = e
    if pos == 0:
        pieces.append((body, base, base + len(body)))
        out = body
    else:
        if pos < len(body):
            pieces.append((body[pos:], base + pos, base + len(body)))
        out = "".join(p[0] for p in pieces)
    if not ascii_ and not unicodedata.is_normalized("NFC", out):
        pieces = _nfc_pieces(pieces)
        out = "".join(p[0] for p in pieces)
    return out, pieces


def _nfc_pieces(pieces: list[Piece]) -> list[Piece]:
    """Re-cut pieces so the text is NFC; each cluster NFC changes maps onto its raw span."""
    text = "".join(p[0] for p in pieces)
    starts: list[int] = []
    ends: list[int] = []
    for piece, rs, re_ in pieces:
        if len(piece) == re_ - rs:
            starts.extend(range(rs, re_))
            ends.extend(range(rs + 1, re_ + 1))
        else:
            starts.extend([rs] * len(piece))
            ends.extend([re_] * len(piece))
    # Clusters start at characters that never combine with what precedes them. Hangul vowel and
    # final jamo have combining class 0 yet compose, so they never start a cluster.
    cuts = [0]
    for i in range(1, len(text)):
        c = text[i]
        if unicodedata.combining(c) == 0 and not "\u1160" <= c <= "\u11ff":
            cuts.append(i)
    cuts.append(len(text))
    clusters = [(cuts[k], cuts[k + 1]) for k in range(len(cuts) - 1)]
    nfc = [unicodedata.normalize("NFC", text[s:e]) for s, e in clusters]
    if "".join(nfc) != unicodedata.normalize("NFC", text):
        # Composition crossed our cluster cuts (rare scripts): map the whole line as one piece.
        clusters = [(0, len(text))]
        nfc = [unicodedata.normalize("NFC", text)]
    out: list[Piece] = []
    for (s, e), norm in zip(clusters, nfc, strict=True):
        if norm == text[s:e] and all(ends[k] - starts[k] == 1 for k in range(s, e)):
            out.extend((text[k], starts[k], ends[k]) for k in range(s, e))
        else:
            out.append((norm, starts[s], max(ends[s:e])))
    return _merge(out)


def _merge(pieces: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for p in pieces:
        if merged:
            t, rs, re_ = merged[-1]
            if re_ == p[1] and len(t) == re_ - rs and len(p[0]) == p[2] - p[1]:
                merged[-1] = (t + p[0], rs, p[2])
                continue
        merged.append(p)
    return merged


def normalise_text(text: str) -> str:
    """The same normalisation without offsets, for one line of text (titles, bylines, keys)."""
    out = " ".join(_SURROGATE.sub("\ufffd", text.translate(_TRANSLATE)).split())
    return out if out.isascii() else unicodedata.normalize("NFC", out)
