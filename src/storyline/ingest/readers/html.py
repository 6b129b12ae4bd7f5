"""HTML pages: trafilatura finds the main text and the page's metadata; the HTML is kept verbatim."""

from __future__ import annotations

import codecs
import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import lxml.html
from lxml import etree
from trafilatura import bare_extraction

from storyline.config import Settings
from storyline.errors import Q108
from storyline.ingest.dates import normalise_date
from storyline.ingest.quarantine import quarantine
from storyline.ingest.readers.base import decode_input
from storyline.records import Input, Quarantined, SourceDoc

__all__ = ["declared_charset", "extract_html", "read_html"]

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*""", re.IGNORECASE)
# Page metadata worth keeping beside the text (title, url, author, sitename, date have fields).
_KEPT = ("hostname", "description", "categories", "tags", "image", "pagetype", "license")


def declared_charset(data: bytes) -> str | None:
    """The charset a page's <meta> declares, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _options() -> dict[str, Any]:
    return {
        "with_metadata": True,
        "include_comments": False,
        "include_tables": True,
        "deduplicate": False,
        # Balanced mode: trafilatura already retries with recall settings when the first pass
        # keeps little of the page, which is the "moderate" recall we want without pulling in
        # link lists and teasers on every page.
        "favor_recall": False,
        # trafilatura runs htmldate itself with these; the publication date, not "last updated".
        "date_extraction_params": {
            "original_date": True,
            "extensive_search": False,
            "max_date": date.today().isoformat(),
        },
    }


def _only_navigation(text: str, html: str, title: str | None) -> bool:
    """Whether every extracted line is a link's text or the title: a menu, not an article.

    trafilatura's fallback extractors return whatever text a page has, so a home page or an
    empty shell comes back as "Home\nWorld\nSport".
    """
    lines = {" ".join(line.split()) for line in text.split("\n")} - {""}
    try:
        root = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return False
    links = {" ".join(a.text_content().split()) for a in root.iter("a")}
    if title:
        links.add(" ".join(title.split()))
    return lines <= links


def extract_html(html: str, url: str | None = None) -> SourceDoc | None:
    """Main text and metadata of one page, or None if it has no article text.

    ``origin`` of the result is ``url`` (or "<html>"); readers set their own.
    """
    try:
        doc = bare_extraction(html, url=url, **_options())
    except Exception as exc:  # lxml and trafilatura can fail on pathological markup
        log.debug("trafilatura failed on %s: %s", url, exc)
        return None
    if doc is None or isinstance(doc, dict):
        return None
    text = doc.text or ""
    if not text.strip() or _only_navigation(text, html, doc.title):
        return None
    metadata: dict[str, Any] = {}
    for key in _KEPT:
        value = getattr(doc, key, None)
        if value:
            metadata[key] = value
    published = normalise_date(doc.date)
    if doc.date and published is None:
        metadata["published_raw"] = doc.date
    lang = doc.language
    if not lang:
        match = _HTML_LANG.search(html[:4096])
        lang = match.group(1).lower() if match else None
    return SourceDoc(
        origin=url or "<html>",
        format="html",
        text=text,
        title=doc.title or None,
        url=doc.url or url,
        published=published,
        outlet=doc.sitename or None,
        byline=doc.author or None,
        language=lang,
        metadata=metadata,
        original=html,
    )


def read_html(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    text = decode_input(inp, hint=declared_charset(inp.data))
    if isinstance(text, Quarantined):
        yield text
        return
    doc = extract_html(text)
    if doc is None:
        yield quarantine(Q108, inp.origin, inp.data)
        return
    doc.origin = inp.origin
    yield doc
