"""Temporal expressions: find them in text and normalise them to TIMEX3 values against a DCT."""

from storyline.temporal.tagger import find_timexes, normalise

__all__ = ["find_timexes", "normalise"]
