"""A timeline entry: one dated event, told in a source's own words, with every citation."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from storyline.records import Citation

__all__ = ["TimelineEntry"]


@dataclass(slots=True)
class TimelineEntry:
    date: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY": the event's date at its true granularity
    granularity: str  # "day", "month" or "year"
    text: str  # the chosen source sentence(s), verbatim
    citations: list[Citation]  # every sentence that reports the event; the text's own come first
    event_id: str
    background: bool = False  # recalled by later articles, not news when they ran
    value: str = ""  # the TIMEX3 value the date comes from ("2016-W26" is told as "2016-07")
    text_citations: list[Citation] = field(default_factory=list)  # the sentence(s) in ``text``
    outlets: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    support: int = 0  # distinct reporting articles, copies of one story counted once
    score: float = 0.0  # how much the date matters (Datewise-style), for ranking

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date, "granularity": self.granularity, "text": self.text,
            "citations": [c.to_dict() for c in self.citations],
            "text_citations": [c.to_dict() for c in self.text_citations],
            "event_id": self.event_id, "background": self.background, "value": self.value,
            "outlets": self.outlets, "articles": self.articles, "support": self.support,
            "score": round(self.score, 4),
        }
