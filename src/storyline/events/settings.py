"""Settings of the events stage, with documented defaults.

``EventSettings.of(settings)`` accepts None, an EventSettings, or the global
:class:`storyline.config.Settings`: a global field named ``event_<name>`` (e.g.
``event_link_threshold``) overrides the default of ``<name>``, so config files can tune the stage
once the fields are declared there.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

__all__ = ["EventSettings"]


@dataclass(frozen=True, slots=True)
class EventSettings:
    # Sentence vectors: "minilm", "static", or "none" (lexical overlap and entities only).
    # None follows the stories' `story_embedder`.
    embedder: str | None = None
    # Two mentions report one happening when their content similarity (sentence vectors, words
    # and entities blended, 0..1) reaches a threshold set by the coarser of their dates: two
    # mentions of one day are likelier the same happening than two of one month, or one year.
    link_threshold: float = 0.38
    month_threshold: float = 0.45  # weeks and months
    year_threshold: float = 0.50  # years, seasons, quarters
    # Extra similarity asked when the dates only nest ("July 2016" / "1 July 2016").
    nested_margin: float = 0.03
    # Two mentions in one article (the same meeting told twice) need more than across outlets.
    same_article_margin: float = 0.05
    # An event is background when at least this many distinct articles (copies counted once),
    # published at least `background_lag_days` after it, recall it.
    background_lag_days: int = 30
    background_min_articles: int = 2
    # A dated sentence needs this many content words besides its date (a dateline is no event).
    min_content_words: int = 3
    # An article's first sentence without a date of its own is dated by publication (Datewise's
    # "published on" evidence): the day of a news story is what its lead tells.
    lead_events: bool = True

    @classmethod
    def of(cls, settings: Any = None) -> EventSettings:
        if settings is None:
            return cls()
        if isinstance(settings, cls):
            return settings
        values: dict[str, Any] = {}
        for f in fields(cls):
            v = getattr(settings, f"event_{f.name}", None)
            if v is not None and v != "":  # "" (a typed default) means "not set"
                values[f.name] = v
        if "embedder" not in values:
            values["embedder"] = getattr(settings, "story_embedder", None)
        return cls(**values)

    def embedder_kind(self) -> str:
        return self.embedder or "minilm"
