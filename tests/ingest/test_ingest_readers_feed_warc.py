from __future__ import annotations

import gzip
import io
from xml.sax.saxutils import escape

from ingest_helpers import article_html, docs, paragraphs, quarantined, read_bytes, read_path
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.records import SourceDoc

# --- RSS / Atom -------------------------------------------------------------------------------


def _html_paragraphs(seed: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs(seed)[1:])


def test_readers_rss_entries_become_articles(tmp_path, seeds):
    rss = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Telegraph World News</title><link>https://www.telegraph.co.uk/news/world/</link><language>en-gb</language>
<item><title>{escape(paragraphs(seeds["telegraph"])[0])}</title><link>https://www.telegraph.co.uk/news/1</link>
<guid>tele-1</guid><pubDate>Thu, 28 Sep 2017 18:30:00 +0100</pubDate><dc:creator>Roland Oliphant</dc:creator>
<category>Russia</category><description>Short teaser.</description>
<content:encoded><![CDATA[{_html_paragraphs(seeds["telegraph"])}]]></content:encoded></item>
<item><title>No body</title><link>https://www.telegraph.co.uk/news/2</link></item>
<item><title>{escape(paragraphs(seeds["csmonitor-ap"])[0])}</title><link>https://www.telegraph.co.uk/news/3</link>
<pubDate>sometime soon</pubDate><description>{escape(_html_paragraphs(seeds["csmonitor-ap"]))}</description></item>
</channel></rss>"""
    path = tmp_path / "world.rss"
    path.write_text(rss, encoding="utf-8")
    out = read_path(path)
    first, third = docs(out)
    assert first.origin == f"{path}#entry=1" and first.format == "feed"
    assert first.text.split("\n") == paragraphs(seeds["telegraph"])[1:]
    assert first.title == paragraphs(seeds["telegraph"])[0] and first.url == "https://www.telegraph.co.uk/news/1"
    assert (first.published, first.byline, first.outlet) == ("2017-09-28T17:30:00+00:00", "Roland Oliphant", "The Telegraph World News")
    assert (first.given_id, first.language, first.metadata["tags"]) == ("tele-1", "en", ["Russia"])
    assert first.metadata["summary"] == "Short teaser."
    (q,) = quarantined(out)
    assert (q.origin, q.code) == (f"{path}#entry=2", "Q108")
    assert third.origin.endswith("#entry=3") and third.published is None
    assert third.metadata["published_raw"] == "sometime soon"
    assert paragraphs(seeds["csmonitor-ap"])[1] in third.text.split("\n")


def test_readers_atom_entries_become_articles(seeds):
    atom = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Strategic Culture</title><id>urn:sc</id><updated>2017-10-02T00:00:00Z</updated>
<entry><title>{escape(paragraphs(seeds["strategic-culture"])[0])}</title><id>urn:sc:1</id>
<link rel="alternate" href="https://www.strategic-culture.org/news/1"/>
<updated>2017-10-02T08:15:00Z</updated><author><name>Peter Korzun</name></author>
<content type="html">{escape(_html_paragraphs(seeds["strategic-culture"]))}</content></entry>
</feed>"""
    (doc,) = read_bytes("sc.atom", atom.encode())
    assert isinstance(doc, SourceDoc)
    assert doc.text.split("\n") == paragraphs(seeds["strategic-culture"])[1:]
    assert (doc.outlet, doc.byline, doc.published) == ("Strategic Culture", "Peter Korzun", "2017-10-02T08:15:00+00:00")
    assert (doc.url, doc.given_id) == ("https://www.strategic-culture.org/news/1", "urn:sc:1")


def test_readers_broken_feed_without_entries_is_q106():
    (q,) = read_bytes("x.rss", b'<rss version="2.0"><channel><title>Oops</title></chan')
    assert q.code == "Q106" and "malformed RSS/Atom" in q.detail


def test_readers_feed_data_naming_a_file_is_not_opened(tmp_path):
    secret = tmp_path / "secret.xml"
    secret.write_text('<rss version="2.0"><channel><item><title>Leak</title><description>secret</description></item></channel></rss>')
    out = read_bytes("x.rss", str(secret).encode())
    assert not docs(out)  # feedparser given a path-like string would read the file


# --- WARC -------------------------------------------------------------------------------------


def _response(writer: WARCWriter, url: str, body: bytes, ctype: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def _archive(seeds: dict[str, str], *, compress: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    page = article_html(seeds["telegraph"]).replace('<link rel="canonical" href="https://www.telegraph.co.uk/news/2017/09/28/russia-turkey/">', "")
    _response(writer, "https://www.telegraph.co.uk/a", page.encode(), "text/html; charset=utf-8")
    writer.write_record(writer.create_warc_record("https://www.telegraph.co.uk/a", "request", payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
    _response(writer, "https://www.telegraph.co.uk/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png")
    _response(writer, "https://www.telegraph.co.uk/gone", article_html(seeds["nhandan"]).encode(), "text/html", "404 Not Found")
    latin = article_html(seeds["csmonitor-ap"], charset="iso-8859-1").replace("<h1>", "<h1>Café ")
    _response(writer, "https://www.csmonitor.com/b", latin.encode("latin-1", "replace"), "text/html; charset=ISO-8859-1")
    return buf.getvalue()


def test_readers_warc_html_responses_become_articles(tmp_path, seeds):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_archive(seeds))
    out = read_path(path)
    assert not quarantined(out)
    first, second = docs(out)
    assert (first.origin, second.origin) == (f"{path}#record=1", f"{path}#record=5")
    assert first.format == "warc" and first.url == "https://www.telegraph.co.uk/a"
    # trafilatura drops the seed's repeated photo caption; every distinct paragraph is there, in order
    assert list(dict.fromkeys(first.text.split("\n")[1:])) == list(dict.fromkeys(paragraphs(seeds["telegraph"])[1:]))
    assert first.published == "2017-09-28"  # from the page, never the crawl date
    assert first.metadata["crawled"].startswith("20") and first.metadata["crawled"] != first.published
    assert second.title and second.title.startswith("Café")


def test_readers_uncompressed_warc_reads_the_same(seeds):
    out = read_bytes("crawl.warc", _archive(seeds, compress=False))
    assert [d.origin for d in docs(out)] == ["crawl.warc#record=1", "crawl.warc#record=5"] and not quarantined(out)


def test_readers_truncated_warc_gz_keeps_what_was_read(seeds):
    data = _archive(seeds)
    cut = data[: len(data) - 500]
    out = read_bytes("crawl.warc.gz", cut)
    assert [d.origin for d in docs(out)] == ["crawl.warc.gz#record=1"]
    (q,) = quarantined(out)
    assert q.origin == "crawl.warc.gz#record=5" and q.code == "Q106"
    assert q.payload and cut.endswith(q.payload) and len(q.payload) < len(cut)


def test_readers_truncated_plain_warc_is_noticed(seeds):
    data = gzip.decompress(_archive(seeds))
    out = read_bytes("crawl.warc", data[: len(data) // 3])
    assert [q.code for q in quarantined(out)] == ["Q106"]


def test_readers_warc_without_html_is_q108():
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    _response(writer, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png")
    (q,) = read_bytes("images.warc.gz", buf.getvalue())
    assert q.code == "Q108"
