"""Web archives (WARC, ARC; gzipped or not): every HTML response becomes an article.

Other records (requests, metadata, images, redirects, errors) are not articles and are skipped. A
truncated or corrupt archive keeps what was read and quarantines the remainder.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from storyline.config import Settings
from storyline.errors import Q106
from storyline.ingest.decode import DecodeFailure, decode
from storyline.ingest.quarantine import quarantine
from storyline.ingest.readers.html import declared_charset, extract_html
from storyline.records import Input, Quarantined, SourceDoc

__all__ = ["read_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record) -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    value = (headers.get_header("Content-Type") or "") if headers is not None else ""
    parts = [p.strip() for p in value.split(";")]
    charset = None
    for part in parts[1:]:
        if part.lower().startswith("charset="):
            charset = part.split("=", 1)[1].strip("\"' ") or None
    return parts[0].lower(), charset


def _is_article(record) -> bool:  # type: ignore[no-untyped-def]
    if record.rec_type not in ("response", "resource"):
        return False
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode()
        if not (status or "").startswith("2"):
            return False  # redirects and error pages are not articles
    mime, _ = _content_type(record)
    return mime in _HTML_TYPES


def _record_doc(record, body: bytes, origin: str) -> SourceDoc | Quarantined | None:  # type: ignore[no-untyped-def]
    _, charset = _content_type(record)
    try:
        html = decode(body, hint=charset or declared_charset(body))
    except DecodeFailure:
        return None  # mislabelled binary: not an article
    url = record.rec_headers.get_header("WARC-Target-URI")
    doc = extract_html(html, url)
    if doc is None:
        return None  # index pages, empty shells: the archive has no article here
    doc.origin = origin
    doc.format = "warc"
    crawled = record.rec_headers.get_header("WARC-Date")
    if crawled:
        doc.metadata["crawled"] = crawled  # when it was fetched, not when it was published
    if url:
        doc.metadata.setdefault("warc_target_uri", url)
    return doc


class _Truncated(Exception):
    pass


class _QuietArchiveIterator(ArchiveIterator):  # type: ignore[misc]
    # warcio writes this warning straight to sys.stderr, bypassing logging; a library stage must
    # not print. Bad lengths that lose data are caught below as truncation instead.
    INC_RECORD = ""


def read_warc(inp: Input, settings: Settings) -> Iterator[SourceDoc | Quarantined]:
    archive = _QuietArchiveIterator(io.BytesIO(inp.data), arc2warc=True)
    number = complete = 0
    good_end = 0  # where the last complete record ended: the remainder starts here
    problem: str | None = None
    try:
        for record in archive:
            number += 1
            body = record.content_stream().read() if _is_article(record) else None
            archive.read_to_end(record)
            if getattr(record.raw_stream, "limit", 0) > 0:
                # warcio hands back a short record without complaint when the file ends early.
                raise _Truncated(f"record {number} ends before its Content-Length")
            if body is not None:
                doc = _record_doc(record, body, f"{inp.origin}#record={number}")
                if doc is not None:
                    yield doc
            good_end = archive.offset
            complete = number
    except _Truncated as exc:
        problem = str(exc)
    except Exception as exc:  # warcio raises many kinds on corrupt data; all mean "stop here"
        problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    rest = inp.data[good_end:]
    if problem is None and rest.strip(b"\r\n\x00"):
        # A gzip member cut in the middle just ends the iteration, silently.
        problem = "unread bytes after the last complete record"
    if problem is not None:
        origin = f"{inp.origin}#record={complete + 1}"
        why = f"archive cut short or corrupt after byte {good_end}: {problem}"
        yield quarantine(Q106, origin, rest, format="WARC", why=why)
