"""The per-input stage of ingest: read, identify, clean and fingerprint. Pure functions only.

Everything here maps one input (or one document) to records without touching the store, so it runs
the same in the main process, in a pool of worker processes, or on Spark partitions.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from storyline.clean.cleaner import Cleaned, clean
from storyline.clean.outlets import outlet_from_filename, outlet_from_url
from storyline.config import Settings
from storyline.dedup.fingerprint import Signature, band_hashes, exact_key, fingerprints
from storyline.ingest.readers import read_input
from storyline.records import Article, Input, Quarantined, SourceDoc


@dataclass(slots=True)
class Prepared:
    """One document read, cleaned and fingerprinted, ready for linking and storing."""

    doc: SourceDoc
    article_id: str
    cleaned: Cleaned
    content_hash: str
    sig: Signature
    bands: list[bytes]


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(value: Any) -> Any:
    """Lone surrogates (JSON can carry them, SQLite and UTF-8 cannot) become U+FFFD, one character
    for one, so offsets into the text stay valid."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def scrub_doc(doc: SourceDoc) -> SourceDoc:
    return replace(doc, **{f.name: scrub(getattr(doc, f.name)) for f in fields(doc)
                           if isinstance(getattr(doc, f.name), (str, dict, list))})


def prepare_doc(doc: SourceDoc, settings: Settings, *,
                recurring: frozenset[str] | set[str] = frozenset(),
                keep: frozenset[int] | set[int] = frozenset()) -> Prepared:
    doc = scrub_doc(doc)
    cleaned = clean(doc, recurring=recurring, keep=keep)
    content_hash, sig = fingerprints(cleaned.text, settings)
    return Prepared(doc, article_id(doc), cleaned, content_hash, sig, band_hashes(sig, settings))


def prepare_input(inp: Input, settings: Settings,
                  recurring: Mapping[str, frozenset[str]] | None = None
                  ) -> list[Prepared | Quarantined]:
    """Every document of one input, prepared, or quarantined with its reason.

    ``recurring`` maps an outlet to the keys of its boilerplate lines known so far; a document of
    that outlet containing one is cleaned again without them.
    """
    out: list[Prepared | Quarantined] = []
    for doc in read_input(inp, settings):
        if isinstance(doc, Quarantined):
            out.append(doc)
            continue
        p = prepare_doc(doc, settings)
        keys = (recurring or {}).get(resolve_outlet(p.doc, p.cleaned)[0] or "")
        if keys and keys.intersection(p.cleaned.line_keys):
            p = prepare_doc(doc, settings, recurring=keys)
        out.append(p)
    return out


def article_id(doc: SourceDoc) -> str:
    """The given id, else a hash of text, URL and outlet.

    The same input always gets the same id (so re-ingesting adds nothing), while one wire story
    published at two URLs stays two articles, linked as exact copies: coverage counts stay true.
    """
    return doc.given_id or text_id(doc)


def text_id(doc: SourceDoc) -> str:
    """A hash of the document's text, URL and outlet."""
    key = "\x00".join((unicodedata.normalize("NFC", doc.text), doc.url or "", doc.outlet or ""))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def resolve_outlet(doc: SourceDoc, cleaned: Cleaned) -> tuple[str | None, str | None]:
    if doc.outlet:
        return doc.outlet, "metadata"
    if cleaned.outlet:
        return cleaned.outlet, "text"
    from_url = outlet_from_url(doc.url)
    if from_url:
        return from_url, "url"
    from_name = outlet_from_filename(doc.origin)
    if from_name:
        return from_name, "filename"
    return None, None


# A wire dateline with a full date on a line of its own near the top: "ISLAMABAD 1996-08-25",
# "LONDON, 1996-08-27". The day the story was filed, as sure as metadata.
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'()/-]{1,60}?[ ,]+((?:19|20)\d\d-[01]\d-[0-3]\d)\s*$")
DATELINE_LINES = 3


def dateline_date(text: str) -> str | None:
    """The ISO date of a dateline among the first lines of a text, if it is a valid day."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:DATELINE_LINES]
    for line in lines:
        m = _DATELINE.match(line)
        if m:
            try:
                return date.fromisoformat(m.group(1)).isoformat()
            except ValueError:
                return None
    return None


def build_article(doc: SourceDoc, cleaned: Cleaned, article_id: str) -> Article:
    """Pure: a SourceDoc and its cleaning become an Article."""
    outlet, outlet_source = resolve_outlet(doc, cleaned)
    dateline = None if doc.published else dateline_date(cleaned.text)
    return Article(
        id=article_id,
        origin=doc.origin,
        format=doc.format,
        raw_text=doc.text,
        clean_text=cleaned.text,
        offsets=cleaned.offsets,
        removed=cleaned.removed,
        title=doc.title or cleaned.title,
        url=doc.url,
        outlet=outlet,
        outlet_source=outlet_source,
        byline=doc.byline or cleaned.byline,
        published=doc.published or dateline,
        published_source="metadata" if doc.published else "dateline" if dateline else None,
        language=doc.language,
        metadata=dict(doc.metadata),
        original=doc.original,
        content_hash=exact_key(cleaned.text),
    )


def doc_from_article(article: Article) -> SourceDoc:
    """Rebuild the SourceDoc an article was cleaned from, to clean it again."""
    return SourceDoc(
        origin=article.origin,
        format=article.format,
        text=article.raw_text,
        title=article.title if article.format != "txt" else None,
        url=article.url,
        published=article.published if article.published_source == "metadata" else None,
        outlet=article.outlet if article.outlet_source == "metadata" else None,
        byline=article.byline,
        language=article.language,
        metadata=article.metadata,
        original=article.original,
        title_in_text=article.format == "txt",
    )
