"""Sentences as the claims stage reads them: one sentence that hard-wrapped text cut at a line
break is put back together.

Wire copy is often wrapped at ~70 characters with single newlines, and the sentence splitter never
crosses a paragraph (cleaning makes every raw line one), so "approved 6.4\\nmillion European
currency units" or "a total of 4,299 political\\nopponents died" arrive in two pieces and the
number loses what it counts. A piece is joined to the next when only one line break (no blank
line) separates them in the raw text, the first piece does not end a sentence, and the next piece
goes on mid-sentence (lower case, a digit, or after a comma or a function word). A headline
followed by its lead stays apart: the lead starts with a capital after a line with no comma.
"""

from __future__ import annotations

import re

from storyline.records import Article, Sentence

_ENDS = re.compile(r"""[.!?:;]["'”’)\]]*\s*$|(?:''|”)\s*$""")
_GOES_ON = re.compile(r"^\s*(?:[a-z0-9$€£%(]|``)")
_OPEN_END = re.compile(r"(?:,|\b(?:the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|that|which|"
                       r"who|whose|as|than|said|says|its|his|her|their|some|about|nearly|almost|"
                       r"more|less|least|most|over|under|between|including))\s*$", re.IGNORECASE)


def claim_sentences(article: Article, sentences: list[Sentence]) -> list[Sentence]:
    """``sentences`` of ``article`` (any order) in text order, with the pieces a hard line wrap
    cut joined."""
    text = article.clean_text
    out: list[Sentence] = []
    for s in sorted(sentences, key=lambda s: s.start):
        if out and _continues(article, out[-1], s):
            prev = out[-1]
            out[-1] = Sentence(prev.article_id, prev.start, s.end, text[prev.start:s.end])
        else:
            out.append(s)
    return out


def _continues(article: Article, prev: Sentence, nxt: Sentence) -> bool:
    if article.clean_text[prev.end:nxt.start].strip():
        return False
    raw_end = article.raw_span(prev.start, prev.end)[1]
    raw_start = article.raw_span(nxt.start, nxt.end)[0]
    gap = article.raw_text[raw_end:raw_start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    if _ENDS.search(prev.text):
        return False
    return bool(_GOES_ON.match(nxt.text) or _OPEN_END.search(prev.text))
