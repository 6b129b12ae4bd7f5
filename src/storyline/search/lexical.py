"""Matching a parsed query against a few texts in Python: highlights, and BM25 over small sets.

FTS5 answers "which of millions of sentences match, best first"; asking it about ten given
sentences (highlights, an article's best sentence, a 50-article story) is slow, because it reads
each word's whole posting list for every question. For those, this module tokenises the texts as
the FTS5 index does (unicode61: letters and digits, case and diacritics folded) and compares light
stems (plural, -ed, -ing), close to FTS5's Porter stems for news words. Plain-word queries over
ASCII text skip the tokenising: one regex pass finds the words that start like a query stem.
"""

from __future__ import annotations

import math
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from operator import add

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
    words = tuple(Clause((w,), c.prefix and k == len(c.words) - 1)
                  for g in parsed.groups for c in g for k, w in enumerate(c.words))
    if text.isascii():
        finder = _finder(words)
        return [m.span() for m in finder.at(text.lower()) if finder.which(m.group())]
    t = tokens(text)
    marked: set[int] = set()
    for c in words:
        for i, _ in _clause_hits(c, t):
            marked.add(i)
    return [t.spans[i] for i in sorted(marked)]


class _Finder:
    """Single-word clauses found in lower-cased ASCII text by one regex pass, without tokenising
    the whole text: the regex proposes the tokens that start like a clause's stem (or prefix),
    and only those are stemmed. Same matches as ``tokens`` + ``_clause_hits`` on such text."""

    def __init__(self, clauses: tuple[Clause, ...]) -> None:
        self.clauses = clauses
        self.wants = [(fold(c.words[0]) if c.prefix else stem(fold(c.words[0])), c.prefix)
                      for c in clauses]
        heads = {w if p or len(w) < 2 or not w.endswith("y") else w[:-1]  # "ies" plurals
                 for w, p in self.wants}
        # No look-behind for the word start: a pattern that opens with its literal heads lets
        # the regex engine skip ahead fast; the few matches inside words are dropped by ``at``.
        self.pattern = re.compile(r"(?:" + "|".join(
            re.escape(h) for h in sorted(heads, key=lambda h: (-len(h), h))) + r")[^\W_]*")
        self._seen: dict[str, tuple[int, ...]] = {}

    def at(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` in ``text`` (lower-case ASCII) that are whole tokens."""
        for m in self.pattern.finditer(text):
            start = m.start()
            if not start or not text[start - 1].isalnum():
                yield m

    def which(self, token: str) -> tuple[int, ...]:
        """Indexes of the clauses that the (lower-case ASCII) token matches."""
        found = self._seen.get(token)
        if found is None:
            st = stem(token)
            found = tuple(i for i, (w, p) in enumerate(self.wants)
                          if (token.startswith(w) if p else st == w))
            if len(self._seen) < 10_000:
                self._seen[token] = found
        return found


@lru_cache(maxsize=256)
def _finder(clauses: tuple[Clause, ...]) -> _Finder:
    return _Finder(clauses)


@lru_cache(maxsize=256)
def _prefilter(parsed: ParsedQuery) -> re.Pattern[str]:
    """Texts that can match contain one of the query's stems at a word start (cheap to test on
    the whole text; only those are tokenised)."""
    heads = {stem(fold(w)) for g in parsed.groups for c in g for w in c.words}
    heads = {h[:-1] if len(h) > 1 and h.endswith("y") else h for h in heads}  # "ies" plurals
    return re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(h) for h in sorted(heads)) + ")")


def _fast_counts(finder: _Finder, n_clauses: int, texts: Sequence[str], lengths: bool = True
                 ) -> tuple[list[tuple[int, int, list[int]]], list[int]]:
    """``bm25_rank``'s matches among the ASCII texts, found by one regex pass over all of them
    joined (a Python step per match, not per text), and the indexes of the other texts. The
    texts' lengths in tokens are counted only when ``lengths``."""
    joined = "\n".join(texts)
    if joined.isascii():
        ascii_: Sequence[int] = range(len(texts))
        others: list[int] = []
        sizes = map(len, texts)
    else:
        flags = list(map(str.isascii, texts))
        ascii_ = list(compress(range(len(texts)), flags))
        others = [i for i, ok in enumerate(flags) if not ok]
        joined = "\n".join(compress(texts, flags))
        sizes = map(len, compress(texts, flags))
    joined = joined.lower()
    # where each text starts in ``joined`` (the +k counts the separators)
    offsets = list(map(add, accumulate(sizes, initial=0), count()))
    per: dict[int, list[int]] = {}
    for m in finder.at(joined):
        ks = finder.which(m.group())
        if ks:
            i = ascii_[bisect_right(offsets, m.start()) - 1]
            row = per.get(i)
            if row is None:
                row = per[i] = [0] * len(finder.clauses)
            for k in ks:
                row[k] += 1
    found = [(i, len(_TOKEN.findall(texts[i])) if lengths else 0, row[:n_clauses])
             for i, row in per.items() if not any(row[n_clauses:])]
    return found, others


def bm25_rank(parsed: ParsedQuery, texts: Sequence[str]) -> list[tuple[int, float, bool]]:
    """(index into ``texts``, BM25 score, all clauses matched) of the texts matching any clause,
    texts matching every clause group first, then by score. IDF is over ``texts`` themselves."""
    clauses = list(dict.fromkeys(c for g in parsed.groups for c in g))
    slot = {c: k for k, c in enumerate(clauses)}
    groups = [[slot[c] for c in g] for g in parsed.groups]
    n = len(texts)
    avg = (sum(map(str.count, texts, repeat(" "))) + n) / max(n, 1)
    found: list[tuple[int, int, list[int]]] = []  # (index, tokens, matches per clause)
    everything = tuple(clauses) + parsed.excluded
    slow: Sequence[int] = range(n)
    if all(len(c.words) == 1 for c in everything):
        found, slow = _fast_counts(_finder(everything), len(clauses), texts)
    if slow:
        can = _prefilter(parsed)
        for i in slow:
            x = texts[i]
            if not can.search(x.lower() if x.isascii() else fold(x)):
                continue
            t = tokens(x)
            row = [len(_clause_hits(c, t)) for c in clauses]
            if any(row) and not any(_clause_hits(c, t) for c in parsed.excluded):
                found.append((i, len(t.stems), row))
        found.sort(key=lambda r: r[0])
    df = [0] * len(clauses)
    for _, _, row in found:
        for k, hits in enumerate(row):
            if hits:
                df[k] += 1
    idf = [math.log(1 + (n - d + 0.5) / (d + 0.5)) for d in df]
    out = []
    for i, length, row in found:
        score = 0.0
        norm = K1 * (1 - B + B * length / avg)
        for k, hits in enumerate(row):
            if hits:
                score += idf[k] * hits * (K1 + 1) / (hits + norm)
        strict = all(any(row[k] for k in g) for g in groups)
        out.append((i, score, strict))
    out.sort(key=lambda r: (not r[2], -r[1]))
    return out


def word_counts(parsed: ParsedQuery, texts: Sequence[str]) -> list[list[int]]:
    """How often each word of a plain query (no phrases, prefixes or exclusions) occurs in each
    of ``texts``, in the order of the query's groups."""
    clauses = tuple(g[0] for g in parsed.groups)
    out = [[0] * len(clauses) for _ in texts]
    found, others = _fast_counts(_finder(clauses), len(clauses), texts, lengths=False)
    for i, _, row in found:
        out[i] = row
    for i in others:
        t = tokens(texts[i])
        out[i] = [len(_clause_hits(c, t)) for c in clauses]
    return out
