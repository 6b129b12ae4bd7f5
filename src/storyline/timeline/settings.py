"""Settings of the timeline stage. ``TimelineSettings.of(settings)`` accepts None, a
TimelineSettings, or the global Settings, whose ``timeline_<name>`` fields override these."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

__all__ = ["TimelineSettings"]


@dataclass(frozen=True, slots=True)
class TimelineSettings:
    # Entries kept (the dates that matter most, then told in date order); 0 keeps every event.
    entries: int = 25
    # Source sentences quoted per entry (from different outlets when there are).
    sentences_per_entry: int = 1
    # Text choice, MMR-style: how much a sentence's likeness to text already chosen counts
    # against it (0 ignores redundancy).
    redundancy: float = 0.7

    @classmethod
    def of(cls, settings: Any = None) -> TimelineSettings:
        if settings is None:
            return cls()
        if isinstance(settings, cls):
            return settings
        values = {f.name: v for f in fields(cls)
                  if (v := getattr(settings, f"timeline_{f.name}", None)) is not None}
        return cls(**values)
