from __future__ import annotations

import codecs
import random

import pytest

from storyline.errors import Q102, Q105
from storyline.ingest.decode import DecodeFailure, binary_signature, decode


def test_decode_cp1252_smart_quotes_and_dashes_come_out_as_typography():
    raw = b"Erdogan said: \x93We are allies now\x94 \x96 and Putin\x92s aides agreed \x97 for now."
    assert decode(raw) == "Erdogan said: “We are allies now” – and Putin’s aides agreed — for now."


def test_decode_cp1252_seed_article_round_trips(seeds):
    text = seeds["telegraph"]
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "text, encoding",
    [
        ("Le président français a déclaré à Paris que la réunion était très importante. " * 2, "latin-1"),
        ("Der Außenminister erklärte, dass die Gespräche über Syrien fortgesetzt würden.", "cp1252"),
        ("Cumhurbaşkanı Erdoğan, Rusya Devlet Başkanı Putin ile Ankara'da görüştü. Şimdi ılımlı bir dönem.", "cp1254"),
        ("Президент России Владимир Путин прибыл в Анкару для переговоров с Эрдоганом.", "cp1251"),
        ("Prezydent Rosji spotkał się z przywódcą Turcji w Ankarze. Rozmowy dotyczyły współpracy.", "iso8859_2"),
    ],
)
def test_decode_legacy_encodings_read_correctly(text, encoding):
    assert decode(text.encode(encoding)) == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_decode_unicode_encodings_with_bom_return_text_without_bom(seeds, encoding):
    text = seeds["nhandan"]
    raw = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        raw = (codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE) + raw
    assert decode(raw) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom_is_recognised(seeds, encoding):
    text = seeds["independent-yahoo"]
    assert decode(text.encode(encoding)) == text


def test_decode_keeps_line_endings_exactly():
    raw = "Ankara\r\nMoscow\rDamascus\n\nIdlib".encode()
    assert decode(raw) == "Ankara\r\nMoscow\rDamascus\n\nIdlib"


def test_decode_declared_charset_settles_short_ambiguous_text():
    raw = "Şişli".encode("cp1254")
    assert decode(raw, hint="cp1254") == "Şişli"
    assert decode("Путин".encode("koi8_r"), hint="koi8_r") == "Путин"


def test_decode_utf8_wins_over_a_wrong_declaration():
    assert decode("Erdoğan’s visit".encode(), hint="latin-1") == "Erdoğan’s visit"


@pytest.mark.parametrize(
    "raw, what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
    ],
)
def test_decode_binary_signatures_are_q102(raw, what):
    with pytest.raises(DecodeFailure) as info:
        decode(raw + b"Some trailing bytes")
    assert info.value.code is Q102
    assert what in info.value.reason


def test_decode_ascii_text_starting_like_a_magic_number_is_still_text():
    assert binary_signature(b"MZ Wallace opened a store in Ankara.") is None
    assert decode(b"ID3 tags were stripped, the lawyer said.") == "ID3 tags were stripped, the lawyer said."


def test_decode_random_bytes_are_binary():
    raw = random.Random(7).randbytes(4096)
    with pytest.raises(DecodeFailure) as info:
        decode(raw)
    assert info.value.code is Q102


def test_decode_nul_bytes_in_ascii_are_binary():
    with pytest.raises(DecodeFailure) as info:
        decode(b"Putin\x00visited\x00\x00Ankara on Thursday" * 5)
    assert info.value.code is Q102


def test_decode_control_characters_throughout_are_binary():
    with pytest.raises(DecodeFailure) as info:
        decode(bytes([1, 2, 3, 4, 5, 6, 7, 8, 65, 66]) * 40)
    assert info.value.code is Q102


def test_decode_bytes_no_encoding_fits_are_q105():
    with pytest.raises(DecodeFailure) as info:
        decode(b"Hello " + bytes(range(0x80, 0x100)) * 3)
    assert info.value.code is Q105


def test_decode_broken_text_after_a_utf8_bom_is_q105():
    with pytest.raises(DecodeFailure) as info:
        decode(codecs.BOM_UTF8 + b"Ankara \xff\xfe\xfd talks")
    assert info.value.code is Q105
