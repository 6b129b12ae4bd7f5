"""Find and normalise temporal expressions in running text: pure regex, no model.

Every rule runs over the text; overlapping matches are resolved leftmost-longest, and the winners
are normalised in document order so anaphora ("the next day", "a year earlier" after "the third
quarter") can read what came before.
"""

from __future__ import annotations

import re

from storyline.records import TimeExpr
from storyline.temporal.calendar import parse_dct
from storyline.temporal.rules import RULES, Context, Norm, day_before_after

__all__ = ["Scan", "find_timexes", "normalise", "scan"]

_DIGITS = re.compile(r"\d+")
LEFT = 60  # how far an expression may reach left of its key word ("more than the past ...")
RIGHT = 45


def _windows(text: str, lower: str, keys: tuple[str, ...],
             cache: dict[str, list[int]]) -> list[tuple[int, int]]:
    """Merged stretches of text around every occurrence of the rule's key strings."""
    hits: list[int] = []
    for key in keys:
        pos = cache.get(key)
        if pos is None:
            if key == "#digit":
                pos = [m.start() for m in _DIGITS.finditer(text)]
            else:
                pos = []
                i = lower.find(key)
                while i >= 0:
                    pos.append(i)
                    i = lower.find(key, i + 1)
            cache[key] = pos
        hits.extend(pos)
    if not hits:
        return []
    hits.sort()
    n = len(text)
    out: list[tuple[int, int]] = []
    for i in hits:
        lo, hi = max(0, i - LEFT), min(n, i + RIGHT)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    # Never cut a word at a window's end: a pattern would see a false word boundary there.
    fixed = []
    for lo, hi in out:
        while hi < n and (text[hi].isalnum() or text[hi] in "'.-"):
            hi += 1
        fixed.append((lo, hi))
    return fixed


_Candidate = tuple[int, int, int, int, "re.Match[str]"]


class Scan:
    """The rules' matches in one text, found once and normalised against any number of DCTs:
    finding is the costly part and does not depend on the DCT (only normalising does).

    >>> s = scan("It rained on Thursday.")
    >>> [t.value for t in find_timexes(s.text, "2024-05-10", scan=s)]
    ['2024-05-09']
    """

    __slots__ = ("candidates", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.candidates = _candidates(text) if text else []


def scan(text: str) -> Scan:
    """The candidate matches of ``text``, for :func:`find_timexes` with several DCTs."""
    return Scan(text)


def _candidates(text: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    lower = text.lower()
    cache: dict[str, list[int]] = {}
    for idx, rule in enumerate(RULES):
        has_t = "t" in rule.pattern.groupindex
        seen_end = -1
        for lo, hi in _windows(text, lower, rule.keys, cache):
            for m in rule.pattern.finditer(text, lo, hi):
                s, e = m.span("t") if has_t and m.group("t") else m.span()
                if e > s and m.start() >= seen_end:
                    out.append((s, e, rule.priority, idx, m))
            seen_end = hi
    # Leftmost first; at one start the longest, then the higher-priority rule.
    out.sort(key=lambda c: (c[0], -(c[1] - c[0]), -c[2], c[3]))
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    """Trim whitespace and a trailing comma a pattern may have swallowed."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _tag(text: str, ctx: Context, candidates: list[_Candidate] | None = None
         ) -> list[tuple[int, int, Norm]]:
    found: list[tuple[int, int, Norm]] = []
    covered = 0
    for s, e, _prio, idx, m in (_candidates(text) if candidates is None else candidates):
        if s < covered:
            continue
        ctx.pos = s
        norm = RULES[idx].handler(m, ctx)
        if norm is None:
            continue
        s, e = _strip(text, s, e)
        if e <= s:
            continue
        moved = day_before_after(text, s, norm)
        if moved is not None and moved[0] >= covered:
            s, norm = moved
        found.append((s, e, norm))
        ctx.remember(norm)
        covered = e
    return found


def find_timexes(text: str, dct: str | None, *, article_id: str | None = None,
                 scan: Scan | None = None) -> list[TimeExpr]:
    """Every temporal expression in ``text``, normalised against ``dct`` ("YYYY-MM-DD" or None).

    Spans are offsets into ``text``. With no DCT, relative expressions get X placeholders
    ("on Thursday" -> "XXXX-XX-XX", anchored=False) while absolute ones are fully normalised.
    Raises ValueError for a DCT that is not a real date. ``scan`` is :func:`scan` of the same
    text, to normalise it against another DCT without finding the expressions again.
    """
    d = parse_dct(dct)
    if not text:
        return []
    if scan is not None and scan.text is not text and scan.text != text:
        raise ValueError("scan of another text")
    ctx = Context(text, d)
    return [
        TimeExpr(start=s, end=e, text=text[s:e], type=n.type, value=n.value,
                 granularity=n.granularity, anchored=n.anchored, article_id=article_id, mod=n.mod)
        for s, e, n in _tag(text, ctx, None if scan is None else scan.candidates)
    ]


def normalise(expr_text: str, dct: str | None, *,
              tense: str | None = None) -> tuple[str, str, str | None, str | None] | None:
    """Normalise one expression already found: ``(type, value, granularity, mod)`` or None.

    ``tense`` ("past" or "future") stands in for the clause the expression came from, since a
    bare weekday or month is read backwards from the DCT unless the clause speaks of the future.
    The expression must be (nearly) all of ``expr_text``: the longest match is used.
    """
    d = parse_dct(dct)
    text = expr_text.strip()
    if not text:
        return None
    ctx = Context(text, d, tense)
    found = _tag(text, ctx)
    if not found:
        return None
    s, e, n = max(found, key=lambda f: f[1] - f[0])
    if (e - s) < 0.5 * len(text):
        return None
    return n.type, n.value, n.granularity, n.mod
