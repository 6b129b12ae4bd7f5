"""A user's query -> safe FTS5 MATCH expressions.

Users type what they would type into any search box: words, "exact phrases", ``-word`` or ``NOT
word`` to exclude, ``word*`` for a prefix, ``OR`` between alternatives. Everything else is text:
FTS5 operators, column filters, parentheses, ``^``, ``:`` or stray quotes in the query are never
passed through. Each word is cut into the same pieces FTS5's unicode61 tokenizer makes and written
as a quoted FTS5 string, so no input can produce an FTS5 syntax error.

>>> parse_query('airport "suicide bomber" -Istanbul').strict
'"airport" AND "suicide bomber" NOT "istanbul"'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.errors import E015, StorylineError

# Letters, digits and marks are token characters for unicode61; everything else separates.
_PIECE = re.compile(r"[^\W_]+|_+", re.UNICODE)
_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
MAX_CLAUSES = 32  # a pasted paragraph stays a fast query


@dataclass(frozen=True, slots=True)
class Clause:
    """One phrase (one or more words that must follow each other), maybe a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """``groups``: clauses that must all match, each group an OR of alternatives; ``excluded``:
    clauses that must not match; ``text``: the words, for the semantic side."""

    groups: tuple[tuple[Clause, ...], ...]
    excluded: tuple[Clause, ...]
    text: str

    @property
    def explicit(self) -> bool:
        """Did the user use operators? Then no looser fallback query is run."""
        return any(len(g) > 1 for g in self.groups) or bool(self.excluded) or any(
            len(c.words) > 1 for g in self.groups for c in g)

    def _not(self) -> str:
        return "".join(f" NOT {c.fts()}" for c in self.excluded)

    @property
    def strict(self) -> str:
        """Every group must match."""
        return " AND ".join(_group(g) for g in self.groups) + self._not()

    @property
    def loose(self) -> str:
        """Any clause may match (ranked by BM25, so more and rarer matches come first)."""
        every = [c for g in self.groups for c in g]
        body = " OR ".join(c.fts() for c in every)
        return f"({body}){self._not()}" if self.excluded else body

    @property
    def any_term(self) -> str:
        """Every word on its own, for highlighting whichever of them a text contains."""
        words = dict.fromkeys((w, c.prefix and i == len(c.words) - 1)
                              for g in self.groups for c in g for i, w in enumerate(c.words))
        return " OR ".join(Clause((w,), p).fts() for w, p in words)


def _group(g: tuple[Clause, ...]) -> str:
    return g[0].fts() if len(g) == 1 else "(" + " OR ".join(c.fts() for c in g) + ")"


def _pieces(text: str) -> tuple[str, ...]:
    return tuple(p.lower() for p in _PIECE.findall(text) if not p.startswith("_"))


def parse_query(query: str) -> ParsedQuery:
    """Parse ``query``; E015 when it has no word to search for."""
    groups: list[list[Clause]] = []
    excluded: list[Clause] = []
    words: list[str] = []
    negate = join_or = False
    for m in _TOKEN.finditer(query or ""):
        phrase, raw = m.group(1), m.group(2)
        if raw is not None:
            if raw == "OR":
                join_or = bool(groups)
                continue
            if raw in ("AND", "NEAR"):
                continue
            if raw == "NOT":
                negate = True
                continue
            if raw.startswith("-") and len(raw) > 1:
                negate, raw = True, raw[1:]
            prefix = raw.endswith("*") and len(raw.rstrip("*")) > 0
            pieces = _pieces(raw)
        else:
            prefix, pieces = False, _pieces(phrase)
        if not pieces:
            negate = join_or = False
            continue
        clause = Clause(pieces, prefix)
        if negate:
            excluded.append(clause)
        elif join_or:
            groups[-1].append(clause)
            words.extend(pieces)
        else:
            groups.append([clause])
            words.extend(pieces)
        negate = join_or = False
    if not groups:
        raise StorylineError(E015, command="search",
                             why=f"The query {query!r} has no word to search for (only operators,"
                                 " punctuation or excluded words)")
    groups = groups[:MAX_CLAUSES]
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded[:MAX_CLAUSES]),
                       " ".join(words))
