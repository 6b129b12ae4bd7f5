"""Checkable claims of articles: numbers bound to what they count and their event, events bound to
dates, quotes bound to speakers, people bound to roles."""

from storyline.claims.extract import article_claims, extract_claims
from storyline.claims.numbers import Number, find_numbers
from storyline.claims.records import Claim

__all__ = ["Claim", "Number", "article_claims", "extract_claims", "find_numbers"]
