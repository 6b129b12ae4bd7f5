"""RSS and Atom feeds: one article per entry, its HTML content turned into paragraphs of text."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import feedparser
import lxml.html
from lxml import etree
from trafilatura import bare_extraction

from storyline.config import Settings
from storyline.errors import Q103, Q106, Q108, Q109
from storyline.ingest.dates import normalise_date
from storyline.ingest.quarantine import quarantine
from storyline.records import Input, Quarantined, SourceDoc

__all__ = ["fragment_text", "read_feed"]

_BLOCKS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
    "table", "section", "article", "pre", "figure", "figcaption", "dd", "dt", "hr",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\r\f\v]+")  # HTML collapses these; a no-break space is content
_HTMLISH = re.compile(r"<[a-zA-Z!/][^>]*>|&[#a-zA-Z0-9]+;")


def _lxml_text(fragment: str) -> str:
    # Entry content is a fragment, often a few <p>s; trafilatura may find it too short to be an
    # article, so fall back to the text of every block, one per line.
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
        elif not isinstance(el.tag, str):  # comments, processing instructions
            el.text = ""
    for el in root.xpath("//script|//style"):
        el.drop_tree()
    lines = (_SPACES.sub(" ", line).strip() for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def fragment_text(fragment: str) -> str:
    """Readable text of an HTML fragment, paragraphs on their own lines ("" if none)."""
    if not _HTMLISH.search(fragment):
        return fragment.strip()
    try:
        doc = bare_extraction(
            f"<html><body><article>{fragment}</article></body></html>",
            include_comments=False,
            include_tables=True,
            deduplicate=False,
        )
    except Exception:  # pathological markup: the plain lxml route below still has a go
        doc = None
    text = getattr(doc, "text", None) or ""
    fallback = _lxml_text(fragment)
    # trafilatura drops short fragments, and sometimes keeps only part of one: take whichever
    # kept more of the words.
    return text.strip() if len(text.split()) >= len(fallback.split()) else fallback


def _entry_html(entry: Any) -> tuple[str, bool]:
    """The entry's fullest body and whether it is HTML."""
    contents = entry.get("content") or []
    for content in contents:
        value = content.get("value") or ""
        if value.strip():
            return value, content.get("type", "text/html") != "text/plain"
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, detail.get("type", "text/html") != "text/plain"


def _published(entry: Any) -> tuple[str | None, str | None]:
    for parsed_key, raw_key in (("published_parsed", "published"), ("updated_parsed", "updated")):
        parsed = entry.get(parsed_key)
        if parsed:
            iso = normalise_date(parsed)
            if iso:
                return iso, None
        raw = entry.get(raw_key)
        if raw:
            iso = normalise_date(raw)
            if iso:
                return iso, None
            return None, raw
    return None, None


def _entry_doc(entry: Any, origin: str, feed: Any) -> SourceDoc | Quarantined:
    body, is_html = _entry_html(entry)
    text = fragment_text(body) if is_html else body.strip()
    if not text:
        payload = repr(dict(entry)).encode("utf-8", "replace")
        return quarantine(Q108, origin, payload)
    published, raw = _published(entry)
    metadata: dict[str, Any] = {}
    if raw:
        metadata["published_raw"] = raw
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        metadata["tags"] = tags
    if entry.get("summary") and body != entry.get("summary"):
        metadata["summary"] = entry.get("summary")
    if feed.get("link"):
        metadata["feed_link"] = feed.get("link")
    language = (entry.get("content") or [{}])[0].get("language") or feed.get("language")
    return SourceDoc(
        origin=origin,
        format="feed",
        text=text,
        title=entry.get("title") or None,
        url=entry.get("link") or None,
        published=published,
        outlet=feed.get("title") or None,
        byline=entry.get("author") or None,
        language=language.split("-")[0].lower() if language else None,
        given_id=entry.get("id") or None,
        metadata=metadata,
        original=body if is_html else None,
    )


def read_feed(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    # A stream, never bytes or str: feedparser.parse() opens strings that look like a file name
    # or a URL, which must not happen to data we were handed.
    parsed = feedparser.parse(io.BytesIO(inp.data))
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            why = str(parsed.get("bozo_exception") or "not well-formed")
            yield quarantine(Q106, inp.origin, inp.data, format="RSS/Atom", why=why)
        elif parsed.get("version"):
            yield quarantine(Q103, inp.origin, inp.data)
        else:
            yield quarantine(Q109, inp.origin, inp.data, why="XML that is neither RSS nor Atom")
        return
    feed = parsed.get("feed") or {}
    for number, entry in enumerate(entries, start=1):
        yield _entry_doc(entry, f"{inp.origin}#entry={number}", feed)
