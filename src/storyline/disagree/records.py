"""Where outlets disagree: every side of one disagreement, each with its own words cited."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.records import Citation

# Verdicts from most to least newsworthy; a group of claims takes its most newsworthy pair's.
VERDICTS = ("conflict", "update", "compatible", "agree")
REPORTED = frozenset({"conflict", "update"})


@dataclass(slots=True)
class Side:
    value: str  # the words that carry the value: "44", "more than 40", "November 2015", a speaker
    outlet: str | None
    published: str | None
    article: str
    citations: list[Citation]  # the sentence that makes the claim
    text: str  # that sentence
    span: Citation | None = None  # the value's own words inside it
    low: float | None = None
    high: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "outlet": self.outlet, "published": self.published,
                "article": self.article, "citations": [c.to_dict() for c in self.citations],
                "text": self.text, "span": self.span.to_dict() if self.span else None,
                "low": self.low, "high": None if self.high in (None, float("inf")) else self.high}


@dataclass(slots=True)
class Disagreement:
    kind: str  # "number", "date" or "quote"
    verdict: str  # one of VERDICTS
    what: str  # "people killed", "shot down", "who said “…”"
    explanation: str  # one line
    sides: list[Side] = field(default_factory=list)
    score: float = 0.0  # how sure the alignment is that the sides speak of one thing (0..1)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "verdict": self.verdict, "what": self.what,
                "explanation": self.explanation, "score": round(self.score, 3),
                "sides": [s.to_dict() for s in self.sides]}
