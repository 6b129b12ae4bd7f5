"""Shorter sentences that still quote their outlet: parts a news summary can do without are cut.

A summary's budget is best spent on what happened. News sentences carry parts that say little once
the sentence stands in a summary: a parenthetical aside ("120-mph (205-kph) winds"), a leading
connective that points at a sentence the summary does not show ("But", "Meanwhile,"), and the
attribution tail of a reported fact (", police said Saturday."; the citation still names the
outlet, and the source sentence is one click away). Each is cut only where the rest stays a
sentence; what is kept is a list of exact spans of the article's clean text (``Piece``), so
the summary sentence cites the very words it prints, piece by piece.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.records import Sentence
from storyline.summarize.text import n_words

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WHEN = (rf"(?:(?:on|early|late|last|this)\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?"
         r"|today|yesterday|(?:last|this)\s+(?:week|month|year)")
# Words that tie a sentence to the one before it in its article; out of that context they mislead
# or say nothing. Cut only before a capital, so the rest still reads as a sentence.
_LEAD = re.compile(
    r"^(?:But|And|So|Yet|Still|Also|Meanwhile|However|Moreover|Furthermore|Nevertheless|"
    r"Nonetheless|Instead|Indeed|Separately|Besides|Now|Then|Thus|In addition|In turn|"
    r"At the same time|In the meantime|Most recently|Earlier|Later|Recently|"
    rf"(?i:{_WHEN})|(?:Earlier|Later)\s+(?:this|that|in the)\s+(?:week|month|day|year))"
    r"(?:\s*,\s*|\s+(?=[A-Z]))(?=[\"“]?[A-Z])")
# A parenthetical aside of a few words: a conversion, an abbreviation, an age, a party label.
_PAREN = re.compile(r"\s*\([^()\"“”]{1,60}\)")
# ", <who> said [when]." / ", according to <who>." at the end of a statement. The speaker is short
# (no comma: "the National Emergency Commission"); a sentence with a quotation keeps its speaker.
_VERB = r"(?:said|says|reported|reports|announced|added|told reporters|confirmed|stated)"
_TAIL = re.compile(
    rf",\s+(?:[^,\"“”]{{1,60}}?\s+{_VERB}(?:\s+(?:{_WHEN}))?|according to [^,\"“”]{{1,60}}?)"
    r"\s*(?=[.!]$)")
_QUOTE = re.compile(r"[\"“”]")
# A wire dateline at the head of a story: "BRUSSELS, Belgium (AP) _ ", "WASHINGTON - ". The city is
# in capitals; the summary dates each sentence and names its outlet anyway.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{2,}(?:,\s+[A-Z][A-Za-z.'\- ]{1,30})?\s*(?:\([A-Za-z.\- ]{1,20}\)\s*)?"
    r"(?:[-—–_]{1,2})\s+(?=[\"“]?[A-Z])")


@dataclass(frozen=True, slots=True)
class Piece:
    """Kept words: ``clean_text[start:end]`` of the sentence's article."""

    start: int
    end: int


def join(parts: list[str]) -> str:
    """The printed sentence from its kept pieces: one space between words, none before a mark."""
    out = ""
    for part in parts:
        if out and part[:1] not in ".,;:!?":
            out += " "
        out += part
    return out


def cuts(text: str, *, attribution: bool = True) -> list[tuple[int, int]]:
    """Spans of ``text`` (offsets in the sentence) that the summary may leave out.
    ``attribution=False`` keeps ", police said" tails (SummaryParams.cut_attribution)."""
    out: list[tuple[int, int]] = []
    if m := _DATELINE.match(text):
        out.append((m.start(), m.end()))
    elif m := _LEAD.match(text):
        out.append((m.start(), m.end()))
    for m in _PAREN.finditer(text):
        if text[m.end():].strip(" .!?;:\"'”’"):  # an aside before the full stop would leave a
            out.append((m.start(), m.end()))       # piece that is a bare "."
    if attribution and not _QUOTE.search(text) and (m := _TAIL.search(text)):
        out.append((m.start(), m.end()))
    out.sort()
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def compress(s: Sentence, *, min_words: int = 6, attribution: bool = True) -> list[Piece]:
    """The kept pieces of a sentence (one piece, the whole sentence, when nothing can go).

    Cut text never leaves fewer than ``min_words`` words: a short sentence is kept whole.
    """
    text = s.text
    keep: list[Piece] = []
    at = 0
    for a, b in cuts(text, attribution=attribution):
        keep.append(Piece(at, a))
        at = b
    keep.append(Piece(at, len(text)))
    out = []
    for p in keep:  # strip the whitespace at each edge, so each piece is words only
        a, b = p.start, p.end
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b and not (out and text[a:b] == "." and text[out[-1].end - s.start - 1] == "."):
            out.append(Piece(s.start + a, s.start + b))  # ("Corp." needs no second full stop)
    if len(out) > 1 or (out and (out[0].start, out[0].end) != (s.start, s.end)):
        kept = join([text[p.start - s.start:p.end - s.start] for p in out])
        if n_words(kept) < min_words:
            return [Piece(s.start, s.end)]
    return out or [Piece(s.start, s.end)]


def pieces_text(s: Sentence, pieces: list[Piece]) -> str:
    return join([s.text[p.start - s.start:p.end - s.start] for p in pieces])


def prefix(s: Sentence, pieces: list[Piece], fits: Callable[[str], bool]) -> list[Piece]:
    """The longest start of the printed sentence that ends at a word and ``fits``, as pieces
    (empty when not even one word fits)."""
    parts = [(p, s.text[p.start - s.start:p.end - s.start]) for p in pieces]
    best: list[Piece] = []
    done: list[Piece] = []
    for k, (p, part) in enumerate(parts):
        ends = [m.start() for m in re.finditer(r"(?<=\S)\s", part)]
        for e in ends:  # a cut inside this piece
            cand = done + [Piece(p.start, p.start + e)]
            if not fits(pieces_text(s, cand)):
                return best
            best = cand
        done = done + [p]
        if k + 1 < len(parts):  # a cut between this piece and the next
            if not fits(pieces_text(s, done)):
                return best
            best = done
    return best
