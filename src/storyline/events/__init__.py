"""Cross-source events: dated sentences of different articles that report one happening.

``group_events(corpus)`` turns a corpus' event candidates into :class:`storyline.records.Event`
records (all mentions, one date at its granularity, background flag); timelines, coverage and
disagreement detection stand on them.
"""

from __future__ import annotations

from storyline.events.dates import contract_date, date_span, sort_key
from storyline.events.group import group_events
from storyline.events.settings import EventSettings

__all__ = ["EventSettings", "contract_date", "date_span", "group_events", "sort_key"]
