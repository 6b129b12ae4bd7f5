"""Matching a parsed query against a few texts in Python: highlights, and BM25 over small sets.

FTS5 answers "which of millions of sentences match, best first"; asking it about ten given
sentences (highlights, an article's best sentence, a 50-article story) is slow, because it reads
each word's whole posting list for every question. For those, this module tokenises the texts as
the FTS5 index does (unicode61: letters and digits, case and diacritics folded) and compares light
stems (plural, -ed, -ing), close to FTS5's Porter stems for news words.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from storyline.search.query import Clause, ParsedQuery

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
K1, B = 1.2, 0.75


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without diacritics, as unicode61 with remove_diacritics does."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix fold: "attacks" ~ "attacked" ~ "attacking" ~ "attack"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    return word


@dataclass(slots=True)
class Tokens:
    spans: list[tuple[int, int]]
    stems: list[str]
    folded: list[str]
    where: dict[str, list[int]] = field(default_factory=dict)  # stem -> token positions


def tokens(text: str) -> Tokens:
    spans, stems, folded = [], [], []
    where: dict[str, list[int]] = {}
    for i, m in enumerate(_TOKEN.finditer(text)):
        f = fold(m.group())
        spans.append((m.start(), m.end()))
        folded.append(f)
        st = stem(f)
        stems.append(st)
        where.setdefault(st, []).append(i)
    return Tokens(spans, stems, folded, where)


def _clause_hits(c: Clause, t: Tokens) -> list[tuple[int, int]]:
    """Token index ranges [i, j) where the clause matches."""
    want = [stem(fold(w)) for w in c.words]
    n = len(want)
    if n == 1 and not c.prefix:
        return [(i, i + 1) for i in t.where.get(want[0], ())]
    if n == 1:
        head = fold(c.words[0])
        return [(i, i + 1) for i, f in enumerate(t.folded) if f.startswith(head)]
    out = []
    for i in t.where.get(want[0], ()):
        last = i + n - 1
        if last >= len(t.stems) or any(t.stems[i + k] != want[k] for k in range(1, n - 1)):
            continue
        if (t.folded[last].startswith(fold(c.words[-1])) if c.prefix
                else t.stems[last] == want[-1]):
            out.append((i, i + n))
    return out


def highlights(parsed: ParsedQuery, text: str) -> list[tuple[int, int]]:
    """Character spans of ``text`` where any word of the query occurs (merged, sorted)."""
    t = tokens(text)
    words = [Clause((w,), c.prefix and k == len(c.words) - 1)
             for g in parsed.groups for c in g for k, w in enumerate(c.words)]
    marked: set[int] = set()
    for c in words:
        for i, _ in _clause_hits(c, t):
            marked.add(i)
    return [t.spans[i] for i in sorted(marked)]


def _prefilter(parsed: ParsedQuery) -> re.Pattern[str]:
    """Texts that can match contain one of the query's stems at a word start (cheap to test on
    the whole text; only those are tokenised)."""
    heads = {stem(fold(w)) for g in parsed.groups for c in g for w in c.words}
    heads = {h[:-1] if len(h) > 3 and h.endswith("y") else h for h in heads}  # "ies" plurals
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(h) for h in sorted(heads)) + ")")


def bm25_rank(parsed: ParsedQuery, texts: Sequence[str]) -> list[tuple[int, float, bool]]:
    """(index into ``texts``, BM25 score, all clauses matched) of the texts matching any clause,
    texts matching every clause group first, then by score. IDF is over ``texts`` themselves."""
    can = _prefilter(parsed)
    clauses = [c for g in parsed.groups for c in g]
    n = len(texts)
    avg = sum(x.count(" ") + 1 for x in texts) / max(n, 1)
    found: list[tuple[int, Tokens, Counter[Clause]]] = []
    for i, x in enumerate(texts):
        if not can.search(x.lower() if x.isascii() else fold(x)):
            continue
        t = tokens(x)
        counts: Counter[Clause] = Counter({c: len(_clause_hits(c, t)) for c in clauses})
        if any(counts.values()) and not any(_clause_hits(c, t) for c in parsed.excluded):
            found.append((i, t, counts))
    df = Counter(c for _, _, counts in found for c, k in counts.items() if k)
    out = []
    for i, t, counts in found:
        score = 0.0
        for c, k in counts.items():
            if k:
                idf = math.log(1 + (n - df[c] + 0.5) / (df[c] + 0.5))
                score += idf * k * (K1 + 1) / (k + K1 * (1 - B + B * len(t.stems) / avg))
        strict = all(any(counts[c] for c in g) for g in parsed.groups)
        out.append((i, score, strict))
    out.sort(key=lambda r: (not r[2], -r[1]))
    return out
