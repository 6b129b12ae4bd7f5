"""Search results: the Hit record and its highlighted snippet."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from storyline.records import Citation

SNIPPET_CHARS = 320  # longer sentences are cut around their first match


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: a sentence (or an article, cited by its best sentence) with its citation.

    ``start``/``end`` is the cited sentence's span in the article's clean text and ``text`` that
    sentence. ``highlights`` are the matched words as spans of the same clean text; ``snippet`` is
    the sentence (cut to ~320 characters) as HTML: the text escaped, matches in ``<mark>``, so it can
    be inserted into a page as it is. ``score`` is the fused score in hybrid mode, -BM25 in keyword
    mode and the cosine in semantic mode; ``ranks`` says where each side ranked it (1 = first).
    """

    article: str
    title: str | None
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str
    snippet: str
    score: float
    kind: str = "sentence"
    highlights: list[tuple[int, int]] = field(default_factory=list)
    ranks: dict[str, int] = field(default_factory=dict)

    @property
    def citation(self) -> dict[str, Any]:
        return Citation(self.article, self.start, self.end).to_dict()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article, "title": self.title, "outlet": self.outlet,
            "published": self.published, "start": self.start, "end": self.end,
            "text": self.text, "snippet": self.snippet, "score": round(self.score, 6),
            "kind": self.kind, "highlights": [list(h) for h in self.highlights],
            "citation": self.citation, "ranks": dict(self.ranks),
        }


def snippet_html(text: str, spans: list[tuple[int, int]], limit: int = SNIPPET_CHARS) -> str:
    """``text`` escaped for HTML, ``spans`` in <mark>, cut to about ``limit`` characters."""
    lo, hi = 0, len(text)
    if len(text) > limit:
        first = spans[0][0] if spans else 0
        lo = max(0, min(first - limit // 3, len(text) - limit))
        while lo > 0 and not text[lo - 1].isspace() and first - lo < limit // 2:
            lo -= 1  # start on a word boundary
        hi = min(len(text), lo + limit)
        while hi < len(text) and not text[hi].isspace() and hi - lo < limit + 20:
            hi += 1
    out = ["…" if lo > 0 else ""]
    pos = lo
    for s, e in spans:
        s, e = max(s, lo), min(e, hi)
        if s >= e or s < pos:
            continue
        out.append(html.escape(text[pos:s]))
        out.append("<mark>" + html.escape(text[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(text[pos:hi]))
    if hi < len(text):
        out.append("…")
    return "".join(out)
