"""Bytes to text for every reader: byte-order marks, then UTF-8, then a legacy-encoding guess.

The decoded string is returned exactly (line endings untouched, only a BOM dropped) because the
cleaner maps every clean character back into it.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from storyline.errors import Q102, Q105, Code

__all__ = ["DecodeFailure", "binary_signature", "decode"]


class DecodeFailure(Exception):
    """The bytes are not text: ``code`` is Q102 (binary) or Q105 (undecodable)."""

    def __init__(self, reason: str, code: Code) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of formats people drop into a folder of articles by mistake. Those made of bytes no
# text has are proof enough on their own.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "icon image"),
)
# ASCII signatures a text can start with too ("MZ Wallace said...", "ID3 tags"): they count only
# when the rest of the bytes are not clean text either.
_WEAK_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"BZh", "bzip2 archive"),
    (b"MZ", "Windows executable"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)
_RIFF = re.compile(rb"^RIFF....(WEBP|WAVE|AVI )", re.DOTALL)
_MP4 = re.compile(rb"^....ftyp", re.DOTALL)

# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape. Text
# scraped from the web has a few; binary data has many.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b")
_CONTROL_RATIO = 0.05
_SAMPLE = 64 * 1024

# What charset-normalizer may choose from: the single-byte and legacy multi-byte encodings news
# text is still published in. Leaving out the exotic ones stops short Latin texts being read as,
# say, IBM EBCDIC or Mac Cyrillic.
_LEGACY = [
    "cp1252", "latin_1", "iso8859_15",
    "cp1250", "iso8859_2",
    "cp1251", "iso8859_5", "koi8_r", "koi8_u",
    "cp1253", "iso8859_7",
    "cp1254", "iso8859_9",
    "cp1255", "iso8859_8",
    "cp1256", "iso8859_6",
    "cp1257", "iso8859_13",
    "cp874", "cp1258",
    "shift_jis", "euc_jp", "iso2022_jp",
    "gb18030", "big5", "euc_kr",
]  # fmt: skip
# Western guesses that differ from cp1252 only in the 0x80-0x9F block (latin-1: C1 controls nobody
# writes) or in a handful of letters; cp1252 is what such files almost always are.
_WESTERN = {"cp1252", "latin_1", "iso8859_15"}
_CHAOS_MARGIN = 0.1


def _clean_text(sample: bytes) -> bool:
    """No NULs, no stray control codes, and valid UTF-8 up to where the sample was cut."""
    if b"\x00" in sample or _controls_ratio(sample) > 0:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        return False
    return True


def binary_signature(data: bytes) -> str | None:
    """Name of the binary format ``data`` starts with, or None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    weak = next((what for magic, what in _WEAK_MAGIC if data.startswith(magic)), None)
    if weak is None and _RIFF.match(data[:12]):
        weak = "RIFF media"
    if weak is None and _MP4.match(data[:8]):
        weak = "MP4/QuickTime media"
    if weak and not _clean_text(data[:_SAMPLE]):
        return weak
    return None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit in every other byte, as in BOM-less UTF-16 text."""
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _controls_ratio(text_bytes: bytes) -> float:
    if not text_bytes:
        return 0.0
    return sum(text_bytes.count(c) for c in _CONTROL) / len(text_bytes)


def _decode_strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _too_many_controls(text: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\x0b\x0c\r\x1b")
    return bad / len(sample) > _CONTROL_RATIO


def decode(data: bytes, *, hint: str | None = None) -> str:
    """Decode ``data`` to text, or raise DecodeFailure (Q102 binary, Q105 undecodable).

    ``hint`` is an encoding the container declared (an HTML meta charset, an HTTP header); it is
    tried only when the bytes are not UTF-8, since declarations are often wrong.

    >>> decode(b"\\x93Quoted\\x94 \\x96 dash")
    '“Quoted” – dash'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_strict(data[len(bom) :], encoding)
            if text is None:
                raise DecodeFailure(f"bytes after the {encoding} byte-order mark are not {encoding}", Q105)
            if _too_many_controls(text):
                raise DecodeFailure("control characters throughout", Q102)
            return text

    what = binary_signature(data)
    if what:
        raise DecodeFailure(f"starts like a {what}", Q102)

    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        encoding = _utf16_without_bom(sample)
        text = _decode_strict(data, encoding) if encoding else None
        if text is None or "\x00" in text or _too_many_controls(text):
            raise DecodeFailure("NUL bytes in what should be text", Q102)
        return text

    if _controls_ratio(sample) > _CONTROL_RATIO:
        raise DecodeFailure("control characters throughout", Q102)

    text = _decode_strict(data, "utf-8")
    if text is not None:
        return text

    if hint:
        text = _decode_strict(data, hint)
        if text is not None and not _has_c1(text):
            return text

    return _guess_legacy(data)


def _has_c1(text: str) -> bool:
    # C1 controls (U+0080-U+009F) are what cp1252 punctuation becomes when misread as latin-1.
    return any("\x80" <= ch <= "\x9f" for ch in text)


def _guess_legacy(data: bytes) -> str:
    try:
        matches = list(from_bytes(data, cp_isolation=_LEGACY))
    except Exception as exc:  # charset-normalizer bug on odd input: treat as undecodable
        raise DecodeFailure(f"encoding detection failed ({type(exc).__name__})", Q105) from exc
    if not matches:
        raise DecodeFailure("no known encoding fits these bytes", Q105)
    # On article-length text several code pages tie on "chaos" (French latin-1 also reads as
    # cp1257 with no odd characters), so among the near-ties the one whose letters fit a language
    # best wins, and Western cp1252 -- by far the commonest legacy encoding of news -- breaks ties.
    least = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= least + _CHAOS_MARGIN]
    near.sort(key=lambda m: (-round(m.coherence, 2), not _WESTERN & set(m.could_be_from_charset), m.chaos))
    chosen = near[0]
    if _WESTERN & set(chosen.could_be_from_charset):
        # latin-1 and cp1252 read this the same way except in 0x80-0x9F, where only cp1252 has
        # letters and punctuation (smart quotes, dashes); latin-1 there is C1 control codes.
        text = _decode_strict(data, "cp1252")
        if text is not None:
            return text
    text = _decode_strict(data, chosen.encoding)
    if text is None:
        raise DecodeFailure(f"bytes are not valid {chosen.encoding}", Q105)
    return text
