"""The static report: timeline chart (SVG), Markdown and one self-contained HTML file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from storyline.report import PNG_NOTE, png_available, render_html, render_markdown, write_report
from storyline.report.chart import date_range, timeline_svg

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "russia-turkey"
SVG_NS = "{http://www.w3.org/2000/svg}"
HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)"> **bold** [x](javascript:alert(3))'


def _view(text: str = "Turkey shot down a Russian jet.") -> dict:
    """A story view as build_story makes it (numbered citations, sources with quotes)."""
    src = {"n": 1, "article": "a1", "start": 0, "end": len(text), "quote": text,
           "title": "Jet " + HOSTILE, "outlet": "The Telegraph", "published": "2015-11-24"}
    cite = {"article": "a1", "start": 0, "end": len(text), "n": 1}
    return {
        "story": {"id": "s1", "title": "Jet " + HOSTILE, "start": "2015-11-24", "end": "2016-07",
                  "outlets": ["The Telegraph"], "n_articles": 1, "n_events": 2},
        "summary": {"status": "ok", "sentences": [{"text": text, "citations": [cite]}]},
        "timeline": {"status": "ok", "entries": [
            {"date": "2015-11-24", "text": text, "citations": [cite], "background": True},
            {"date": "2016-07", "text": "Talks " + HOSTILE, "citations": [cite]},
            {"date": "XXXX-09-28", "text": "undated", "citations": []}]},
        "disagreements": {"status": "ok", "disagreements": [
            {"kind": "number", "verdict": "conflict", "what": "people killed",
             "explanation": "43 vs 44", "sides": [
                 {"value": "43", "outlet": "A", "published": "2016-07", "citations": [cite]},
                 {"value": "44", "outlet": "B", "published": "2016-07-01", "citations": [cite]}]}]},
        "entities": [{"id": "GPE:turkey", "name": "Turkey", "type": "GPE", "mentions": 3,
                      "articles": 1}],
        "outlets": [{"outlet": "The Telegraph", "n_articles": 1, "first": "2015-11-24",
                     "last": "2015-11-24"}],
        "sources": [src],
    }


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every element the browser would build from ``page``."""
    from html.parser import HTMLParser

    found: list[tuple[str, dict[str, str | None]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, dict(attrs)))

    Collect().feed(page)
    return found


def test_report_date_range_keeps_the_granularity() -> None:
    d = date(2016, 7, 1).toordinal()
    assert date_range("2016-07-01") == (d, d + 1, "day")
    assert date_range("2016-07") == (d, date(2016, 8, 1).toordinal(), "month")
    assert date_range("2016-12")[1] == date(2017, 1, 1).toordinal()
    assert date_range("2019") == (date(2019, 1, 1).toordinal(), date(2020, 1, 1).toordinal(), "year")
    assert date_range("201")[2] == "decade"
    for value in ("XXXX-09-28", "PRESENT_REF", "P1M", "2016-02-30", ""):
        assert date_range(value) is None


def test_report_svg_draws_each_dated_entry_and_escapes_text() -> None:
    entries = _view()["timeline"]["entries"]
    svg = timeline_svg(entries)
    root = ET.fromstring(svg)  # well-formed, so the escaping held
    marks = root.findall(f"{SVG_NS}circle") + [r for r in root.findall(f"{SVG_NS}rect")
                                               if r.find(f"{SVG_NS}title") is not None]
    assert len(marks) == 2  # the undated entry has no place on the axis
    titles = sorted(m.find(f"{SVG_NS}title").text for m in marks)
    assert titles[1].startswith("2016-07: Talks <script>")  # the text, not markup
    day = root.find(f"{SVG_NS}circle")
    assert day.attrib["fill"] == "#9aa5b1"  # the background event is grey
    assert "<script" not in svg


def test_report_html_is_self_contained_and_escaped() -> None:
    page = render_html(_view())
    tags = _tags(page)
    assert {t for t, _ in tags} & {"script", "img", "iframe", "object"} == set()
    for tag, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for a in ("href", "src"):
            assert not (attrs.get(a) or "#").lower().startswith(("javascript:", "http", "//")), attrs
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # every numbered citation points at a source that quotes the cited words
    for n in set(re.findall(r'href="#src-(\d+)"', page)):
        assert f'id="src-{n}"' in page
    assert "<q>Turkey shot down a Russian jet.</q>" in page
    assert page.count("<svg") == 1 and "43" in page and "44" in page


def test_report_markdown_cites_and_neutralises_markup() -> None:
    text = render_markdown(_view())
    assert "Turkey shot down a Russian jet. [1]" in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "\\*\\*bold\\*\\*" in text and "\\[x\\](javascript" in text
    assert "1. The Telegraph" in text and "“Turkey shot down a Russian jet.”" in text
    assert "**43** [1]" in text and "**44** [1]" in text


def test_report_missing_parts_are_said_not_hidden(tmp_path: Path) -> None:
    view = _view()
    view["timeline"] = {"status": "not_computed", "message": "not computed yet: no timeline"}
    files = write_report(view, tmp_path, "both")
    assert "svg" not in files.written
    assert "not computed yet: no timeline" in (tmp_path / "story.html").read_text()
    assert "not computed yet: no timeline" in (tmp_path / "story.md").read_text()


def test_report_writes_svg_and_png_or_says_why(tmp_path: Path) -> None:
    files = write_report(_view(), tmp_path, "html")
    assert set(files.written) >= {"svg", "html"} and "md" not in files.written
    if png_available():
        assert (tmp_path / "timeline.png").read_bytes()[:4] == b"\x89PNG"
    else:
        assert PNG_NOTE in files.notes and not (tmp_path / "timeline.png").exists()


@pytest.mark.slow
def test_report_cli_on_the_example_files(tmp_path: Path) -> None:
    out = tmp_path / "report"
    proc = subprocess.run([sys.executable, "-m", "storyline", "--json", "report", str(EXAMPLES),
                           "--out", str(out)], capture_output=True, timeout=900, check=False,
                          env=dict(os.environ, STORYLINE_DB=str(tmp_path / "unused.db")))
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout)
    assert set(data["files"]) >= {"md", "html", "svg"}
    page = (out / "story.html").read_text()
    assert "<script" not in page.lower()
    cited = set(re.findall(r'href="#src-(\d+)"', page))
    assert cited and all(f'id="src-{n}"' in page for n in cited)
    root = ET.fromstring((out / "timeline.svg").read_text())
    years = {t.text for t in root.iter(f"{SVG_NS}text") if t.text and t.text.isdigit() and len(t.text) == 4}
    assert {"2012", "2016", "2020"} <= years  # the seeds' story runs from 2011 to 2021
    assert not (tmp_path / "unused.db").exists()  # files are read without touching a store


def test_report_shows_a_decade_as_read() -> None:
    # A publication date inferred only to the decade is stored as TIMEX3 "201".
    view = _view()
    view["sources"][0]["published"] = "201"
    view["timeline"]["entries"][1]["date"] = "199"
    page, md_text = render_html(view), render_markdown(view)
    for out in (page, md_text):
        assert "2010s" in out and "1990s" in out
        assert "(201)" not in out and ">201<" not in out
