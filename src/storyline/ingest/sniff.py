"""Which reader an input needs: by file extension, else by what its first bytes look like."""

from __future__ import annotations

import re
import zlib

__all__ = ["UNSUPPORTED", "by_content", "by_name", "is_warc_head"]

# Longest suffix first, so "x.warc.gz" is a WARC and not a gzip archive.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".arc.gz", "warc"), (".warc", "warc"), (".arc", "warc"),
    (".txt", "txt"), (".text", "txt"), (".md", "txt"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"), (".json", "json"),
    (".csv", "csv"), (".tsv", "tsv"),
    (".rss", "feed"), (".atom", "feed"), (".rdf", "feed"), (".xml", "xml"),
)  # fmt: skip

# Documents people reasonably expect to work; saying so beats calling them "binary".
UNSUPPORTED: dict[str, str] = {
    ext: what
    for what, exts in {
        "PDF": (".pdf",),
        "Word": (".doc", ".docx", ".odt", ".rtf", ".pages"),
        "spreadsheet": (".xls", ".xlsx", ".ods", ".numbers"),
        "slides": (".ppt", ".pptx", ".odp", ".key"),
        "e-book": (".epub", ".mobi"),
    }.items()
    for ext in exts
}

_FEED_TAGS = re.compile(r"<(rss|feed|rdf:rdf|channel)\b")
_HTML_START = re.compile(r"<(!doctype html|html|head|body)\b")
_HTML_TAGS = re.compile(r"<(body|article|div|p|h1|h2|section|main|meta|title)\b")


def by_name(name: str) -> str | None:
    """Reader for a file name ("txt", "html", "jsonl", "json", "csv", "tsv", "feed", "xml",
    "warc"), "unsupported", or None when the name says nothing."""
    lower = name.lower()
    for suffix, fmt in _SUFFIXES:
        if lower.endswith(suffix):
            return fmt
    dot = lower.rfind(".")
    if dot > 0 and lower[dot:] in UNSUPPORTED:
        return "unsupported"
    return None


def is_warc_head(data: bytes) -> bool:
    """WARC or ARC bytes, gzipped or not."""
    if data.startswith(b"\x1f\x8b"):
        try:
            data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:8192], 64)
        except zlib.error:
            return False
    return data.startswith((b"WARC/", b"filedesc://"))


def by_content(text: str) -> str:
    """Reader for decoded text whose name gave no answer: "feed", "html", "json" or "txt"."""
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    if head.startswith("<?xml") or head.startswith(("<rss", "<feed", "<rdf")):
        if _FEED_TAGS.search(head):
            return "feed"
        if "<html" in head:
            return "html"
        return "xml"
    if _HTML_START.match(head) or (head.startswith("<") and _HTML_TAGS.search(head)):
        return "html"
    if head.startswith(("{", "[")):
        return "json"
    return "txt"
