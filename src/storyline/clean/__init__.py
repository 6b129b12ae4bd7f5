"""Cleaning: raw article text -> clean text with a clean-to-raw map and every removed line kept."""

from storyline.clean.cleaner import Cleaned, clean, line_key
from storyline.clean.outlets import outlet_from_line, outlet_from_url
from storyline.clean.reasons import REASONS

__all__ = ["REASONS", "Cleaned", "clean", "line_key", "outlet_from_line", "outlet_from_url"]
