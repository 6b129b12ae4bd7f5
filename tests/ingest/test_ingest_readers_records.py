from __future__ import annotations

import json

from ingest_helpers import article_html, docs, paragraphs, quarantined, read_bytes, read_path

from storyline.records import SourceDoc


def _jsonl(*records: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode()


# --- JSON Lines -------------------------------------------------------------------------------


def test_readers_jsonl_reads_fields_aliases_and_keeps_unknown_ones(tmp_path, seeds):
    path = tmp_path / "articles.jsonl"
    record = {
        "id": 42,
        "headline": "Turkey and Russia seek common interests",
        "body": seeds["nhandan"],
        "publishedAt": "2017-10-03T09:12:00Z",
        "source": {"id": None, "name": "Nhan Dan"},
        "author": ["Staff", "Xinhua"],
        "link": "https://en.nhandan.org.vn/world/item/5543.html",
        "lang": "en",
        "section": "World",
        "views": 1200,
    }
    path.write_bytes(_jsonl(record))
    (doc,) = read_path(path)
    assert isinstance(doc, SourceDoc)
    assert doc.origin == f"{path}#L1" and doc.format == "jsonl" and doc.text == seeds["nhandan"]
    assert (doc.given_id, doc.title, doc.outlet, doc.byline) == ("42", record["headline"], "Nhan Dan", "Staff, Xinhua")
    assert (doc.url, doc.language, doc.published) == (record["link"], "en", "2017-10-03T09:12:00+00:00")
    assert doc.metadata["section"] == "World" and doc.metadata["views"] == 1200
    assert doc.metadata["source"] == record["source"] and doc.metadata["author"] == record["author"]


def test_readers_jsonl_bad_line_is_quarantined_alone(tmp_path, seeds):
    path = tmp_path / "mixed.ndjson"
    bad = '{"title": "Broken", "text": "Putin said'
    path.write_bytes(
        _jsonl(
            {"title": "One", "text": seeds["telegraph"]},
            bad,
            "",
            {"title": "Three", "text": seeds["csmonitor-ap"]},
            [1, 2, 3],
            {"title": "No body", "url": "https://example.org"},
            {"title": "Blank", "content": "   "},
        )
    )
    out = read_path(path)
    assert [d.title for d in docs(out)] == ["One", "Three"]
    assert [d.origin.rsplit("#", 1)[1] for d in docs(out)] == ["L1", "L4"]
    got = [(q.origin.rsplit("#", 1)[1], q.code) for q in quarantined(out)]
    assert got == [("L2", "Q106"), ("L5", "Q106"), ("L6", "Q107"), ("L7", "Q103")]
    assert quarantined(out)[0].payload == bad.encode()
    assert "line 2" in quarantined(out)[0].detail


def test_readers_jsonl_html_only_record_is_extracted(seeds):
    html = article_html(seeds["telegraph"])
    (doc,) = read_bytes("feed.jsonl", _jsonl({"html": html, "date": "Sept. 28, 2017"}))
    assert isinstance(doc, SourceDoc)
    assert paragraphs(seeds["telegraph"])[1] in doc.text and doc.original == html
    assert doc.title == paragraphs(seeds["telegraph"])[0] and doc.outlet == "The Telegraph"
    assert doc.published == "2017-09-28"


def test_readers_jsonl_unparseable_date_is_kept_raw(seeds):
    (doc,) = read_bytes("a.jsonl", _jsonl({"text": seeds["nhandan"], "date": "last Thursday"}))
    assert isinstance(doc, SourceDoc) and doc.published is None and doc.metadata["published_raw"] == "last Thursday"


def test_readers_pretty_printed_json_saved_as_jsonl_is_read(seeds):
    data = json.dumps([{"text": seeds["nhandan"]}, {"text": seeds["telegraph"]}], indent=2).encode()
    out = read_bytes("dump.jsonl", data)
    assert [d.origin for d in docs(out)] == ["dump.jsonl#0", "dump.jsonl#1"]


# --- JSON -------------------------------------------------------------------------------------


def test_readers_json_list_single_object_and_wrapped_list(seeds):
    listed = read_bytes("a.json", json.dumps([{"text": seeds["nhandan"]}, {"title": "x"}]).encode())
    assert [(type(o).__name__, o.origin) for o in listed] == [("SourceDoc", "a.json#0"), ("Quarantined", "a.json#1")]
    (single,) = read_bytes("b.json", json.dumps({"text": seeds["telegraph"], "title": "T"}).encode())
    assert isinstance(single, SourceDoc) and single.origin == "b.json" and single.title == "T"
    newsapi = {"status": "ok", "totalResults": 2, "articles": [{"content": seeds["nhandan"]}, {"content": seeds["telegraph"]}]}
    wrapped = read_bytes("c.json", json.dumps(newsapi).encode())
    assert [d.text for d in docs(wrapped)] == [seeds["nhandan"], seeds["telegraph"]]


def test_readers_jsonl_saved_as_json_is_read_line_by_line(seeds):
    out = read_bytes("a.json", _jsonl({"text": seeds["nhandan"]}, {"text": seeds["telegraph"]}))
    assert [d.origin for d in docs(out)] == ["a.json#L1", "a.json#L2"]


def test_readers_json_malformed_file_is_q106():
    (q,) = read_bytes("a.json", b'{"text": "Putin visited Ankara", ')
    assert q.code == "Q106" and "malformed JSON" in q.detail


# --- CSV / TSV --------------------------------------------------------------------------------


def _csv_cell(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def test_readers_csv_rows_with_multiline_text_and_a_bad_row(tmp_path, seeds):
    path = tmp_path / "export.csv"
    bad_row = '2,Broken,"Putin "said" this,2017-09-28\n'
    path.write_text(
        "id,title,text,date,section\n"
        f"1,Telegraph,{_csv_cell(seeds['telegraph'])},2017-09-28,World\n"
        + bad_row
        + f"3,Nhan Dan,{_csv_cell(seeds['nhandan'])},03/10/2017,\n",
        encoding="utf-8",
        newline="",
    )
    out = read_path(path)
    good = docs(out)
    assert [d.origin for d in good] == [f"{path}#row=1", f"{path}#row=3"]
    assert good[0].text == seeds["telegraph"] and good[0].given_id == "1" and good[0].metadata == {"section": "World"}
    assert good[1].published is None and good[1].metadata["published_raw"] == "03/10/2017"
    (q,) = quarantined(out)
    assert q.origin == f"{path}#row=2" and q.code == "Q106" and q.payload == bad_row.encode()


def test_readers_tsv_with_bom_and_a_huge_field(seeds):
    huge = " ".join(paragraphs(seeds["strategic-culture"])) * 40  # > csv's 128 KiB default limit
    assert len(huge) > 131072
    data = ("\ufeffid\ttitle\ttext\n7\tLong\t" + huge + "\n").encode("utf-8")
    (doc,) = read_bytes("big.tsv", data)
    assert isinstance(doc, SourceDoc) and doc.given_id == "7" and doc.text == huge


def test_readers_csv_semicolon_delimiter_is_sniffed(seeds):
    data = ("title;text;outlet\nT;" + _csv_cell(seeds["nhandan"]) + ";Nhan Dan\n").encode()
    (doc,) = read_bytes("x.csv", data)
    assert isinstance(doc, SourceDoc) and doc.outlet == "Nhan Dan" and doc.text == seeds["nhandan"]


def test_readers_csv_row_with_extra_fields_is_q106(seeds):
    data = b"title,text\nOne,Putin visited Ankara, and then left\nTwo,Erdogan stayed home.\n"
    out = read_bytes("x.csv", data)
    assert [d.title for d in docs(out)] == ["Two"]
    (q,) = quarantined(out)
    assert q.origin == "x.csv#row=1" and "3 fields where the header has 2" in q.detail


def test_readers_csv_without_a_text_column_is_one_q107():
    (q,) = read_bytes("x.csv", b"title,url\nOne,https://a\nTwo,https://b\n")
    assert q.code == "Q107" and q.origin == "x.csv"


def test_readers_csv_header_only_is_q103():
    (q,) = read_bytes("x.csv", b"title,text\n")
    assert q.code == "Q103"
