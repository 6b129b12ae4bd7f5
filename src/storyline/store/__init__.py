"""The embedded SQLite store."""

from storyline.store.sqlite import LATEST_VERSION, ArticleSummary, Store

__all__ = ["LATEST_VERSION", "ArticleSummary", "Store"]
