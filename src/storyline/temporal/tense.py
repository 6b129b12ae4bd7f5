"""Is the clause around a time expression about the future? A cheap scan, no tagger.

News writes of the past by default: "met on Thursday" is the Thursday before publication. Only a
future marker in the same clause ("will meet on Thursday", "is due to visit in March", "plans to
...") turns a bare weekday or month towards the future. A regex over a small window costs
microseconds, where a POS tagger would cost more than the rest of the temporal tagger.
"""

from __future__ import annotations

import re

# Markers that put what follows them in the future. A bare "would" is left out on purpose: in
# news it is mostly reported speech after the date ("said Friday that he would ..."), while
# "would be travelling Thursday" looks ahead.
_FUTURE = re.compile(
    r"(?:\b(?:will|won't|shall|going\s+to|(?:is|are)\s+to|plans?\s+to|planning\s+to"
    r"|planned\s+(?:for|to)|would\s+be\s+\w+ing|expected\s+to|scheduled|slated|due|set\s+to"
    r"|to\s+be\s+held|upcoming|intends?\s+to|as\s+(?:soon|early)\s+as|next)\b|'ll\b)",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"[.!?;\n]\s|[\n]")
# Only the words before the expression count: a marker after it belongs to another clause more
# often than not ("said on Tuesday that Iraq will retaliate").
WINDOW_BEFORE = 70


def clause_start(text: str, start: int) -> int:
    """Where the sentence holding ``start`` begins, looking back at most WINDOW_BEFORE chars."""
    lo = max(0, start - WINDOW_BEFORE)
    cut = None
    for m in _BOUNDARY.finditer(text, lo, start):
        cut = m.end()
    return lo if cut is None else cut


def tense_at(text: str, start: int, end: int) -> str:
    """"future" when the clause before the expression has a future marker, else "past"."""
    if _FUTURE.search(text, clause_start(text, start), start):
        return "future"
    return "past"
