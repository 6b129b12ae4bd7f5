"""Words, concepts and sizes of sentences: what selection counts and what a budget measures."""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Quote characters that open and close (straight double quotes count both ways).
_OPEN = "“«"
_CLOSE = "”»"
STOP = frozenset(STOP_WORDS) | {"said", "says", "say", "told", "mr", "mrs", "ms"}


def words(text: str) -> list[str]:
    """Lower-cased word tokens (possessive 's dropped)."""
    out = []
    for w in _WORD.findall(text.lower()):
        w = re.sub(r"['’]s$", "", w)
        out.append(w)
    return out


def stem(w: str) -> str:
    """A light stemmer: plural and third-person -s, so "talks"/"talk" count as one concept."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def terms(text: str) -> list[str]:
    """Stemmed words, stop words kept (they make bigrams such as "shot down")."""
    return [stem(w) for w in words(text)]


def content(ts: list[str]) -> list[str]:
    return [t for t in ts if t not in STOP and not t.isdigit() and len(t) > 1]


def bigrams(ts: list[str]) -> set[tuple[str, str]]:
    """Adjacent pairs with at least one content word (ICSISumm's concepts)."""
    return {(a, b) for a, b in pairwise(ts)
            if (a not in STOP or b not in STOP) and len(a) > 1 and len(b) > 1}


def n_words(text: str) -> int:
    return len(text.split())


def n_bytes(text: str) -> int:
    return len(text.encode("utf-8"))


def unbalanced_quote(text: str) -> bool:
    """A piece of a quotation that runs over several sentences: it opens or closes a quote that the
    sentence does not hold whole, so on its own it misleads ("He is torturing his own people.")."""
    straight = text.count('"')
    if straight % 2:
        return True
    opened = sum(text.count(c) for c in _OPEN)
    closed = sum(text.count(c) for c in _CLOSE)
    return opened != closed
