"""Settings with documented defaults; a TOML file or keyword arguments override only what they set."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from storyline.errors import E006, StorylineError


@dataclass(frozen=True, slots=True)
class Settings:
    # Ingest: inputs larger than this are quarantined (Q104) instead of read.
    max_input_bytes: int = 50_000_000
    # Articles written to the store per transaction; a crash loses at most one batch of work.
    batch_size: int = 200
    # Near duplicates: estimated Jaccard similarity of word shingles at or above which two
    # articles are linked as copies (wire copies with different boilerplate score ~0.9).
    near_duplicate_threshold: float = 0.8
    minhash_permutations: int = 128
    shingle_words: int = 4
    # Cross-article boilerplate: a line seen in at least this many distinct (non-duplicate)
    # articles of one outlet, and in at least this share of them, is removed from all of them.
    recurring_line_min_articles: int = 3
    recurring_line_min_share: float = 0.3
    # Analysis: articles analysed together (entities canonicalised and publication dates inferred
    # across them; larger batches see more evidence, smaller ones use less memory).
    analysis_batch_size: int = 2000
    # Extra alias tables (TSV: canonical name, type, aliases...) merged over the shipped one.
    alias_files: tuple[str, ...] = ()
    # Stories: how fine-grained they are, 0..1. Lower joins more (one story per long-running
    # conflict), higher splits more (one story per episode). 0.5 is the tested default.
    story_granularity: float = 0.5
    # Dense vectors for stories: "minilm" (all-MiniLM-L6-v2, best) or "static" (a model2vec model
    # distilled from it once and cached in ~/.cache/storyline: ~100x faster, a little less exact).
    story_embedder: str = "minilm"
    # Events inside stories: sentence vectors for grouping mentions of one happening across
    # outlets ("" follows story_embedder; "static" is faster; "none" uses words and entities only).
    # Finer knobs live in storyline/events/settings.py and are read from fields named event_<name>.
    event_embedder: str = ""
    # Timelines: entries shown (0: all) and source sentences per entry.
    timeline_entries: int = 25
    timeline_sentences_per_entry: int = 1
    # Story pages: the timeline and summary of up to this many stories an ingest changed (the
    # biggest first) are computed at ingest and stored, so a page is read, not computed, on a
    # visit; other stories are computed on their first visit. 0: never at ingest.
    story_views_at_ingest: int = 20
    # Semantic search: sentence vectors stored after analysis, "static" (the distilled model2vec
    # model, ~10,000 sentences/s) or "minilm" (slower, a little better); "none": keyword search only.
    search_embedder: str = "static"

    def override(self, **changes: Any) -> Settings:
        known = {f.name: f for f in fields(self)}
        clean: dict[str, Any] = {}
        for name, value in changes.items():
            if value is None:
                continue
            if name not in known:
                raise StorylineError(E006, name=name, value=value, why="no such setting")
            default = getattr(self, name)
            if isinstance(default, tuple) and isinstance(value, str):
                value = (value,)  # one file given as a string, not a list
            try:
                clean[name] = type(default)(value)
            except (TypeError, ValueError) as exc:
                raise StorylineError(E006, name=name, value=value, why=str(exc)) from exc
            if isinstance(default, (int, float)) and clean[name] <= 0 and name in _POSITIVE:
                raise StorylineError(E006, name=name, value=value, why="must be positive")
        return replace(self, **clean)

    @classmethod
    def from_file(cls, path: Path) -> Settings:
        try:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise StorylineError(E006, name="--config", value=path, why=str(exc)) from exc
        return cls().override(**data.get("storyline", data))


DEFAULT = Settings()
_POSITIVE = frozenset({"max_input_bytes", "batch_size", "minhash_permutations", "shingle_words",
                       "recurring_line_min_articles", "analysis_batch_size"})
