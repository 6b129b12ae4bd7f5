"""Typed records that flow one way through the pipeline.

Every stage is a function from records to records, so the same code runs in one process, over the
SQLite store, or on Spark partitions. Records are plain dataclasses (picklable, no hidden state) and
every derived record carries provenance: the article id and a character span.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from typing import Any



def readable(value: str) -> str:
    """A TIMEX3 value as people write it: the decade "201" is "2010s"; others are already read."""
    return f"{value}0s" if len(value) == 3 and value.isdigit() else value

@dataclass(slots=True)
class Input:
    """One unit the user handed us: a file or standard input, read as bytes."""

    origin: str  # a path, or "<stdin>"
    data: bytes
    name: str  # file name used to pick a reader ("<stdin>" has none: the content decides)


@dataclass(slots=True)
class Quarantined:
    """An input (or one record inside it) that could not become an article, and why.

    Nothing is dropped silently: the payload is kept so the user can fix and re-ingest it.
    """

    origin: str  # "path", "path#L12" (JSONL line), "path#row=3" (CSV), "path#record=5" (WARC)
    code: str  # a code from storyline.errors, e.g. "Q103"
    reason: str  # short slug: "empty", "binary", "oversized", ...
    detail: str  # one sentence saying what is wrong and what to do
    payload: bytes | None = None
    size: int = 0


@dataclass(slots=True)
class Skipped:
    """A file found while walking a folder that is documentation, not an article (README, LICENSE).

    Reported in the run summary, never silently ignored; name the file explicitly to ingest it.
    """

    origin: str
    reason: str


@dataclass(slots=True)
class SourceDoc:
    """What a reader extracted from an input, before cleaning.

    ``text`` is the raw text the cleaner works on; every clean character maps back into it.
    """

    origin: str
    format: str  # "txt", "html", "jsonl", "csv", "feed", "warc"
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601, from metadata only
    outlet: str | None = None  # from metadata only
    byline: str | None = None
    language: str | None = None
    given_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    original: str | None = None  # the payload ``text`` was extracted from (HTML), kept verbatim
    title_in_text: bool = False  # the first non-empty line of ``text`` is the headline (.txt)


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class RemovedLine:
    """A line the cleaner took out of the raw text, with its reason, so it can be shown or restored."""

    start: int  # offsets into the raw text
    end: int
    text: str
    reason: str  # a slug from storyline.clean.reasons


class OffsetMap:
    """Maps every character of the clean text back to the raw text.

    Stored as segments ``(clean_start, raw_start, raw_end)``. A segment whose clean length equals its
    raw length is linear (character i maps to raw_start + i); otherwise every character of the
    segment maps into ``[raw_start, raw_end)`` and a span ending in it ends at ``raw_end``.

    >>> b = OffsetMapBuilder()
    >>> b.add("Hello", 10, 15); b.add(" ", 15, 18); b.add("world", 18, 23)
    >>> m = b.build()
    >>> m.to_raw(6), m.span_to_raw(0, 7)
    (18, (10, 19))
    """

    __slots__ = ("_clean", "_raw", "_raw_end", "clean_length")

    def __init__(self, segments: list[tuple[int, int, int]], clean_length: int) -> None:
        self._clean = [s[0] for s in segments]
        self._raw = [s[1] for s in segments]
        self._raw_end = [s[2] for s in segments]
        self.clean_length = clean_length

    def _segment(self, i: int) -> int:
        if not 0 <= i < self.clean_length:
            raise IndexError(f"clean offset {i} outside 0..{self.clean_length}")
        return bisect.bisect_right(self._clean, i) - 1

    def _seg_clean_len(self, k: int) -> int:
        nxt = self._clean[k + 1] if k + 1 < len(self._clean) else self.clean_length
        return nxt - self._clean[k]

    def to_raw(self, i: int) -> int:
        """Raw offset of clean character ``i``."""
        k = self._segment(i)
        off = i - self._clean[k]
        raw_len = self._raw_end[k] - self._raw[k]
        if self._seg_clean_len(k) == raw_len:
            return self._raw[k] + off
        return self._raw[k] + min(off, max(raw_len - 1, 0))

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw span covering the clean span ``[start, end)``."""
        if end <= start:
            pos = self.to_raw(start) if start < self.clean_length else self.raw_end()
            return pos, pos
        k = self._segment(end - 1)
        if self._seg_clean_len(k) == self._raw_end[k] - self._raw[k]:
            raw_end = self._raw[k] + (end - 1 - self._clean[k]) + 1
        else:
            raw_end = self._raw_end[k]
        return self.to_raw(start), raw_end

    def raw_end(self) -> int:
        return self._raw_end[-1] if self._raw_end else 0

    @property
    def segments(self) -> list[tuple[int, int, int]]:
        return list(zip(self._clean, self._raw, self._raw_end))

    def to_json(self) -> str:
        return json.dumps({"n": self.clean_length, "s": self.segments}, separators=(",", ":"))

    @classmethod
    def from_json(cls, data: str) -> OffsetMap:
        obj = json.loads(data)
        return cls([tuple(s) for s in obj["s"]], obj["n"])  # type: ignore[misc]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and self.to_json() == other.to_json()

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._clean)} segments, {self.clean_length} chars)"


class OffsetMapBuilder:
    """Builds an OffsetMap while the clean text is appended piece by piece."""

    def __init__(self) -> None:
        self._segments: list[tuple[int, int, int]] = []
        self._length = 0

    def add(self, clean_piece: str, raw_start: int, raw_end: int) -> None:
        """Append ``clean_piece``, which stands for ``raw[raw_start:raw_end]``."""
        if not clean_piece:
            return
        if raw_end < raw_start:
            raise ValueError("raw_end before raw_start")
        n = len(clean_piece)
        if self._segments:
            cs, rs, re_ = self._segments[-1]
            last_linear = (self._length - cs) == (re_ - rs)
            if last_linear and n == raw_end - raw_start and re_ == raw_start:
                self._segments[-1] = (cs, rs, raw_end)  # extend a linear run
                self._length += n
                return
        self._segments.append((self._length, raw_start, raw_end))
        self._length += n

    def build(self) -> OffsetMap:
        return OffsetMap(list(self._segments), self._length)


@dataclass(slots=True)
class Article:
    """A cleaned article: the unit every later stage reads."""

    id: str
    origin: str
    format: str
    raw_text: str
    clean_text: str
    offsets: OffsetMap
    removed: list[RemovedLine] = field(default_factory=list)
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    outlet_source: str | None = None  # "metadata", "url" or "text"
    byline: str | None = None
    published: str | None = None  # ISO 8601
    published_source: str | None = None  # "metadata"; later stages add "inferred"
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    original: str | None = None
    content_hash: str = ""  # of the normalised clean text; equal hashes are exact duplicates

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.span_to_raw(start, end)


@dataclass(slots=True)
class Sentence:
    article_id: str
    start: int  # offsets into the article's clean text
    end: int
    text: str


@dataclass(slots=True)
class DuplicateLink:
    """Two articles that are copies of each other (kept both: coverage counts stay true)."""

    article_id: str
    other_id: str
    kind: str  # "exact" or "near"
    similarity: float


# --- Understanding articles (sentences, entities, quotes, time) ---------------------------------
# All spans below are character offsets into the article's clean text; Article.raw_span maps them
# back to the raw text.


@dataclass(slots=True)
class Mention:
    """A named-entity mention, linked to its canonical entity."""

    article_id: str
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ... (spaCy's labels)
    entity_id: str | None = None  # Entity.id once canonicalised


@dataclass(slots=True)
class Entity:
    """One real-world thing, across articles: "Mr Erdogan", "Recep Tayyip Erdogan" -> one Entity."""

    id: str  # stable: derived from type + canonical name
    name: str  # canonical (most complete, most frequent) surface form
    type: str  # PERSON, ORG, GPE, ...
    aliases: list[str] = field(default_factory=list)  # every surface form seen or listed
    n_mentions: int = 0


@dataclass(slots=True)
class Quote:
    article_id: str
    start: int  # the quoted words (direct) or the reported clause (indirect)
    end: int
    text: str
    kind: str  # "direct", "reported", or "fragment" (a quoted phrase of under four words)
    speaker: str | None = None  # canonical speaker name
    speaker_entity_id: str | None = None
    speaker_start: int | None = None  # the mention (or pronoun/title) that names the speaker
    speaker_end: int | None = None
    cue: str | None = None  # "said", "told", "according to", ...
    sentence_start: int = 0
    sentence_end: int = 0
    # how the speaker was found: "name", "pronoun", "title", "org", "anonymous", "continuation"
    attribution: str | None = None


@dataclass(slots=True)
class TimeExpr:
    """A TIMEX3-style temporal expression, normalised against the document creation time."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value: "2017-09-28", "2016-11", "2016", "199", "P1M", "PRESENT_REF", "XXXX-09-28"
    granularity: str | None = None  # "day", "month", "year", "decade", "century", "week", "quarter", "season", "time"
    anchored: bool = True  # False when the value needed a DCT that was unknown
    article_id: str | None = None
    mod: str | None = None  # TIMEX3 mod: "APPROX", "START", "END", "MORE_THAN", ...


@dataclass(slots=True)
class DctEstimate:
    """An article's document creation (publication) time and how sure we are of it."""

    article_id: str
    value: str | None  # "YYYY-MM-DD" (or coarser, "YYYY-MM", "YYYY") or None when unknown
    granularity: str | None
    confidence: float  # 0..1; 1.0 for a user-given date
    source: str  # "metadata", "user", "inferred", "unknown"
    evidence: list[str] = field(default_factory=list)  # human-readable reasons, each with its span/text
    # The most probable day, to anchor relative expressions even when ``value`` is coarser.
    anchor: str | None = None


@dataclass(slots=True)
class EventCandidate:
    """A sentence that carries a normalised date: the input to story events and timelines."""

    article_id: str
    sentence_start: int
    sentence_end: int
    date: str  # TIMEX3 value of the date (day, month, year, ... granularity)
    granularity: str
    timex_start: int
    timex_end: int
    entity_ids: list[str] = field(default_factory=list)


# --- what the story stages produce ------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Citation:
    """The exact words of one outlet: ``clean_text[start:end]`` of article ``article``.

    Every sentence Storyline writes (timeline entry, summary sentence, disagreement side) carries
    citations; ``Corpus.cite``/``Corpus.quote`` check and resolve them, and the article's OffsetMap
    maps them back to the raw text.
    """

    article: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end}


@dataclass(slots=True)
class Event:
    """One happening reported by one or more sentences (often across outlets): grouped event
    candidates with one date at its granularity."""

    id: str
    date: str  # TIMEX3 value: "2016-07-01", "2015-11", "2011"
    granularity: str
    mentions: list[EventCandidate]  # every sentence that reports it, earliest article first
    entity_ids: list[str] = field(default_factory=list)
    story_id: str | None = None
    background: bool = False  # recalled by many later articles (the 2015 shoot-down), not new


@dataclass(slots=True)
class Story:
    """Articles about one ongoing story, with what a reader sees in a story list."""

    id: str  # stable: derived from the story's first article (canonical order)
    title: str  # the most central headline
    article_ids: list[str]
    start: str | None = None  # earliest publication date (YYYY-MM-DD or coarser)
    end: str | None = None
    entity_ids: list[str] = field(default_factory=list)  # top canonical entities, most central first
    outlets: list[str] = field(default_factory=list)
    n_articles: int = 0
    n_events: int = 0
