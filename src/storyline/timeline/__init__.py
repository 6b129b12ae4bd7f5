"""Timelines: the dated events of a story (or of any set of articles, or of one entity in them)
in date order, each told in a source's own words and cited to every sentence that reports it."""

from __future__ import annotations

from storyline.timeline.build import build_timeline
from storyline.timeline.entry import TimelineEntry
from storyline.timeline.settings import TimelineSettings

__all__ = ["TimelineEntry", "TimelineSettings", "build_timeline"]
