from __future__ import annotations

import io
import json

import pytest
from ingest_helpers import article_html, paragraphs, read_bytes, read_path
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.ingest.readers import extract_html
from storyline.records import SourceDoc


# --- plain text -------------------------------------------------------------------------------


def test_readers_txt_is_the_whole_text_with_title_in_text(tmp_path, seeds):
    path = tmp_path / "telegraph.txt"
    path.write_text(seeds["telegraph"], encoding="utf-8")
    (doc,) = read_path(path)
    assert isinstance(doc, SourceDoc)
    assert doc.format == "txt" and doc.text == seeds["telegraph"] and doc.origin == str(path)
    assert doc.title_in_text is True and doc.title is None


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_readers_txt_legacy_and_utf16_files_read_correctly(tmp_path, encoding):
    text = "Erdogan\u2019s \u201cnew era\u201d \u2013 Putin\u2019s visit \u2014 Ankara, Sept. 28\r\nSecond line.\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = read_path(path)
    assert isinstance(doc, SourceDoc) and doc.text == text


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n ", "\n  \n".encode("utf-16")])
def test_readers_empty_or_blank_input_is_q103(data):
    (q,) = read_bytes("empty.txt", data)
    assert (q.code, q.reason) == ("Q103", "empty") and q.payload == data


def test_readers_png_named_txt_is_q102_with_payload_kept():
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"
    (q,) = read_bytes("photo.txt", data)
    assert q.code == "Q102" and q.payload == data and q.size == len(data)


def test_readers_undecodable_is_q105():
    (q,) = read_bytes("x.txt", b"Hello " + bytes(range(0x80, 0x100)) * 3)
    assert q.code == "Q105" and "Save it as UTF-8" in q.detail


@pytest.mark.parametrize("name", ["report.pdf", "Story.DOCX", "deck.pptx"])
def test_readers_office_and_pdf_names_are_q109(name):
    (q,) = read_bytes(name, b"%PDF-1.4 whatever")
    assert q.code == "Q109" and name in q.detail


def test_readers_unknown_extension_binary_is_q102():
    (q,) = read_bytes("blob.bin", bytes(range(256)) * 4)
    assert q.code == "Q102"


# --- HTML -------------------------------------------------------------------------------------


def test_readers_html_extracts_text_and_metadata(tmp_path, seeds):
    html = article_html(seeds["telegraph"])
    path = tmp_path / "page.HTML"
    path.write_text(html, encoding="utf-8")
    (doc,) = read_path(path)
    assert isinstance(doc, SourceDoc) and doc.format == "html" and doc.origin == str(path)
    body = paragraphs(seeds["telegraph"])[1:]
    lines = doc.text.split("\n")
    assert body[0] in lines and body[-1] in lines  # one paragraph per line
    assert "Sport" not in lines and not any("Telegraph Media Group" in line for line in lines)
    assert doc.title == paragraphs(seeds["telegraph"])[0]
    assert doc.url == "https://www.telegraph.co.uk/news/2017/09/28/russia-turkey/"
    assert (doc.outlet, doc.byline, doc.published, doc.language) == ("The Telegraph", "Roland Oliphant", "2017-09-28", "en")
    assert doc.original == html and doc.title_in_text is False


def test_readers_html_meta_charset_is_honoured_for_legacy_pages(seeds):
    html = article_html(seeds["csmonitor-ap"], charset="windows-1254").replace("<h1>", "<h1>Şişli: ")
    (doc,) = read_bytes("page.htm", html.encode("cp1254", "replace"))
    assert isinstance(doc, SourceDoc) and doc.title and doc.title.startswith("Şişli")


def test_readers_html_without_article_text_is_q108():
    html = b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    (q,) = read_bytes("index.html", html)
    assert q.code == "Q108" and q.payload == html


def test_readers_extract_html_returns_none_for_a_shell_and_a_doc_for_an_article(seeds):
    assert extract_html("<html><body></body></html>") is None
    doc = extract_html(article_html(seeds["nhandan"]), "https://example.org/x")
    assert doc is not None and doc.format == "html" and paragraphs(seeds["nhandan"])[1] in doc.text


# --- content sniffing (stdin, unknown extensions) ---------------------------------------------


def test_readers_stdin_html_is_sniffed(seeds):
    (doc,) = read_bytes("<stdin>", article_html(seeds["telegraph"]).encode())
    assert isinstance(doc, SourceDoc) and doc.format == "html" and doc.outlet == "The Telegraph"


def test_readers_stdin_jsonl_is_sniffed(seeds):
    line = json.dumps({"title": "T", "text": seeds["nhandan"]})
    (doc,) = read_bytes("<stdin>", line.encode())
    assert isinstance(doc, SourceDoc) and doc.format == "jsonl" and doc.text == seeds["nhandan"]


def test_readers_text_starting_with_a_bracket_stays_text():
    text = "[Updated] Putin visits Ankara\n\nRussian President Vladimir Putin arrived on Thursday."
    (doc,) = read_bytes("<stdin>", text.encode())
    assert isinstance(doc, SourceDoc) and doc.format == "txt" and doc.text == text


def test_readers_stdin_plain_text_is_txt(seeds):
    (doc,) = read_bytes("<stdin>", seeds["strategic-culture"].encode())
    assert isinstance(doc, SourceDoc) and doc.format == "txt" and doc.title_in_text


def test_readers_stdin_warc_is_sniffed(seeds):
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    payload = io.BytesIO(article_html(seeds["telegraph"]).encode())
    writer.write_record(writer.create_warc_record("https://t.co/a", "response", payload=payload, http_headers=headers))
    (doc,) = read_bytes("<stdin>", buf.getvalue())
    assert isinstance(doc, SourceDoc) and doc.format == "warc"


def test_readers_xml_that_is_xhtml_goes_to_html(seeds):
    xhtml = '<?xml version="1.0" encoding="utf-8"?>\n' + article_html(seeds["telegraph"]).split("\n", 1)[1]
    (doc,) = read_bytes("page.xml", xhtml.encode())
    assert isinstance(doc, SourceDoc) and doc.format == "html"


def test_readers_xml_that_is_not_a_feed_is_q109():
    xml = b'<?xml version="1.0"?><urlset><url><loc>https://example.org/a</loc></url></urlset>'
    (q,) = read_bytes("sitemap.xml", xml)
    assert q.code == "Q109" and "neither RSS nor Atom" in q.detail
