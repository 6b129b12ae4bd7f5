"""Structured records (a JSON object, a CSV row) to SourceDoc: known fields by name, the rest kept.

Datasets name the same field many ways (NewsAPI's ``publishedAt``, GDELT's ``date``, a scraper's
``body``); the first alias present wins and every other field goes into ``metadata`` untouched,
so nothing the user gave is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from storyline.errors import Q103, Q107, Q108
from storyline.ingest.dates import normalise_date
from storyline.ingest.quarantine import quarantine
from storyline.records import Quarantined, SourceDoc

__all__ = ["ALIASES", "has_text_field", "record_to_doc"]

# Canonical field -> accepted names, in priority order (compared case-insensitively).
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "_id", "article_id", "doc_id", "docid", "uuid", "guid"),
    "url": ("url", "link", "href", "uri", "canonical_url", "source_url", "article_url"),
    "title": ("title", "headline", "heading"),
    "text": ("text", "body", "content", "maintext", "main_text", "article_text", "full_text", "fulltext", "article", "story"),
    "html": ("html", "raw_html", "content_html", "body_html", "html_content"),
    "published": (
        "published", "date", "publish_date", "pubdate", "published_at", "publishedat", "published_date",
        "publication_date", "date_published", "datepublished", "pub_date", "timestamp", "datetime",
    ),
    "source": ("source", "outlet", "site", "publisher", "sitename", "site_name", "source_name", "newspaper", "domain"),
    "language": ("language", "lang", "language_code"),
    "byline": ("author", "byline", "authors", "creator", "writer"),
}  # fmt: skip
_LIST_JOIN = {"text": "\n\n", "byline": ", "}


def _as_text(value: Any, joiner: str = " ") -> str | None:
    """A string for a scalar or a list of scalars; None for missing, empty or nested values."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Mapping):
        # {"id": "reuters", "name": "Reuters"} as NewsAPI gives sources and authors.
        for key in ("name", "title", "value", "text"):
            inner = value.get(key)
            if isinstance(inner, str) and inner.strip():
                return inner
        return None
    if isinstance(value, (list, tuple)):
        parts = [_as_text(v, joiner) for v in value]
        kept = [p for p in parts if p]
        return joiner.join(kept) if kept else None
    return None


def _pick(record: Mapping[str, Any]) -> tuple[dict[str, tuple[str, Any]], dict[str, Any]]:
    """Split a record into known fields (canonical -> (original key, value)) and the rest."""
    lowered: dict[str, str] = {}
    for key in record:
        lowered.setdefault(str(key).strip().lower(), key)
    known: dict[str, tuple[str, Any]] = {}
    used: set[Any] = set()
    for canonical, names in ALIASES.items():
        for name in names:
            key = lowered.get(name)
            if key is None or key in used:
                continue
            value = record[key]
            if _as_text(value, _LIST_JOIN.get(canonical, " ")) is None and canonical in ("text", "html"):
                continue  # an empty "body" should not hide a full "content"
            known[canonical] = (key, value)
            used.add(key)
            break
    rest = {str(k): v for k, v in record.items() if k not in used and v not in (None, "")}
    return known, rest


def has_text_field(names: list[str]) -> bool:
    """Whether a header (CSV) has a column the text or HTML can come from."""
    lowered = {n.strip().lower() for n in names if n}
    return any(a in lowered for a in ALIASES["text"] + ALIASES["html"])


def record_to_doc(
    record: Mapping[str, Any],
    origin: str,
    fmt: str,
    payload: bytes,
    extract_html: Callable[[str, str | None], SourceDoc | None],
) -> SourceDoc | Quarantined:
    """A SourceDoc for one record, or Q107 (no text field), Q103 (empty text), Q108 (HTML gave none)."""
    known, metadata = _pick(record)

    def get(name: str) -> str | None:
        if name not in known:
            return None
        key, value = known[name]
        text = _as_text(value, _LIST_JOIN.get(name, " "))
        if isinstance(value, (list, tuple, Mapping)):
            metadata[str(key)] = value  # keep the structured original (a list of authors, a dict)
        return text

    text, html, url = get("text"), get("html"), get("url")
    if text is None and html is None:
        # A text field that is there but empty is an empty article, not a missing field.
        keys = {str(k).strip().lower() for k in record}
        has_field = any(name in keys for name in ALIASES["text"] + ALIASES["html"])
        return quarantine(Q103 if has_field else Q107, origin, payload)

    original = None
    extracted: SourceDoc | None = None
    if text is None and html is not None:
        extracted = extract_html(html, url)
        if extracted is None:
            return quarantine(Q108, origin, payload)
        text, original = extracted.text, html

    raw_date = known.get("published", (None, None))[1]
    published = normalise_date(raw_date)
    if raw_date not in (None, "") and published is None:
        metadata["published_raw"] = raw_date

    doc = SourceDoc(
        origin=origin,
        format=fmt,
        text=text,
        title=get("title"),
        url=url,
        published=published,
        outlet=get("source"),
        byline=get("byline"),
        language=get("language"),
        given_id=get("id"),
        metadata=metadata,
        original=original,
    )
    if extracted is not None:
        # Fields the record left out may be in the page's own metadata.
        doc.title = doc.title or extracted.title
        doc.url = doc.url or extracted.url
        doc.outlet = doc.outlet or extracted.outlet
        doc.byline = doc.byline or extracted.byline
        doc.language = doc.language or extracted.language
        if doc.published is None and "published_raw" not in metadata:
            doc.published = extracted.published
        for key, value in extracted.metadata.items():
            doc.metadata.setdefault(key, value)
    return doc
