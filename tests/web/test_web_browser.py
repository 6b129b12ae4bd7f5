"""The web UI in a real browser: Debian's Chromium driven by Playwright for Python, against a live
server on the example corpus. Skipped (with the reason) when /usr/bin/chromium is missing."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

LiveServer = object  # the type of the `live` fixture (tests/web/conftest.py), for the hints


def _json(live: LiveServer, path: str) -> dict:
    with urllib.request.urlopen(live.url + path, timeout=600) as r:
        return json.loads(r.read())


@pytest.fixture(scope="module")
def story(live: LiveServer) -> dict:
    sid = _json(live, "/api/stories")["stories"][0]["id"]
    return _json(live, f"/api/stories/{sid}")  # computed once here; the pages then read the cache


def open_story(page, live: LiveServer, story: dict) -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + "/")
    page.locator("#stories a.story-link").first.click()
    page.wait_for_selector("#summary")
    assert page.inner_text("#story-title") == story["story"]["title"]


def test_web_browser_story_list_and_page(page, live: LiveServer, story: dict) -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + "/")
    row = page.locator("#stories tbody tr").first
    assert story["story"]["title"] in row.inner_text()
    assert "The Telegraph" in row.inner_text()
    open_story(page, live, story)
    for panel in ("summary", "timeline", "disagreements", "coverage", "entities", "quotes", "articles"):
        assert page.locator(f"#{panel}").is_visible()
    assert "Vladimir Putin" in page.inner_text("#quotes")
    assert page.locator("#entities li").count() >= 10
    assert page.js_errors == []


def test_web_browser_citation_opens_the_highlighted_source(page, live: LiveServer, story: dict) -> None:  # type: ignore[no-untyped-def]
    if story["summary"]["status"] != "ok":
        pytest.xfail("storyline.summarize is not built yet")
    open_story(page, live, story)
    link = page.locator("#summary a.cite").first
    n = int(link.inner_text().strip("[]"))
    source = next(s for s in story["sources"] if s["n"] == n)
    link.click()
    page.wait_for_selector("mark#hl")
    assert page.text_content("mark#hl") == source["quote"]
    assert page.locator("mark#hl").is_visible()
    # the removed boilerplate is hidden until asked for, then shown in place with its reason
    removed = page.locator(".removed")
    assert removed.count() > 0 and not removed.first.is_visible()
    page.check("#show-removed")
    assert removed.first.is_visible()
    assert page.text_content("mark#hl") == source["quote"]


def test_web_browser_timeline_chart_zooms_and_explains(page, live: LiveServer, story: dict) -> None:  # type: ignore[no-untyped-def]
    if story["timeline"]["status"] != "ok":
        pytest.xfail("storyline.timeline is not built yet")
    open_story(page, live, story)
    marks = page.locator("#timeline-chart .mark")
    assert marks.count() >= 3
    first_label = page.locator("#timeline-chart .tick-label").first.text_content()
    page.locator("#timeline-chart button", has_text="+").click()
    page.locator("#timeline-chart button", has_text="+").click()
    assert page.locator("#timeline-chart .tick-label").first.text_content() != first_label
    page.locator("#timeline-chart button", has_text="Reset").click()
    mark = page.locator("#timeline-chart .mark").first
    mark.hover()
    tip = page.locator("#tooltip")
    assert tip.is_visible()
    entry = story["timeline"]["entries"][int(mark.get_attribute("data-entry"))]
    assert entry["text"] in tip.inner_text()


def test_web_browser_disagreement_panel_shows_both_sides(page, live: LiveServer, story: dict) -> None:  # type: ignore[no-untyped-def]
    if story["disagreements"]["status"] == "not_computed":
        pytest.xfail("storyline.disagree is not built yet")
    open_story(page, live, story)
    values = [v.strip() for v in page.locator("#disagreements .side .value").all_inner_texts()]
    assert "43" in values and "44" in values
    quote = page.locator("#disagreements .side blockquote").first.inner_text()
    assert quote.strip(), "each side quotes its source"


def test_web_browser_search(page, live: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + "/#/search")
    page.fill("input[name=q]", "Erdogan")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("#results li.hit, #results .missing, #results .error")
    if page.locator("#results .missing").count():
        pytest.xfail("storyline.search is not built yet")
    hits = page.locator("#results li.hit")
    assert hits.count() >= 3
    assert "erdogan" in hits.first.locator("mark").first.inner_text().lower()
    hits.first.locator("a.hit-link").click()
    page.wait_for_selector("mark#hl")
    assert "Erdogan" in page.text_content("mark#hl")


def test_web_browser_screenshot(page, live: LiveServer, story: dict, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    open_story(page, live, story)
    shot = tmp_path / "story.png"
    page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


# -- hostile articles ------------------------------------------------------------------------------

PAYLOADS = [
    {"id": "xss-1", "title": "<script>window.__xss=1</script>Putin meets Erdogan <img src=x onerror=\"window.__xss=2\">",
     "url": "javascript:window.__xss=3",
     "source": "<b onmouseover=\"window.__xss=4\">Evil Outlet</b>",
     "published": "2020-03-05",
     "text": "Vladimir Putin met Recep Tayyip Erdogan in Moscow on March 5, 2020, the Kremlin said.\n\n"
             "<script>window.__xss=5</script> The two leaders agreed a ceasefire in Idlib "
             "<img src=x onerror=\"window.__xss=6\">.\n\n"
             "\"It was <svg onload=\"window.__xss=7\"></svg> a hard talk,\" Putin said. "
             "<a href=\"javascript:window.__xss=8\">Read more</a>"},
    {"id": "xss-2", "title": "\"><iframe src=\"javascript:window.__xss=9\"></iframe>Ceasefire in Idlib",
     "published": "2020-03-06",
     "text": "Turkey and Russia agreed a ceasefire in Idlib on March 5, 2020, Erdogan said.\n\n"
             "<details open ontoggle=\"window.__xss=10\">Dozens of people were killed</details> "
             "in the fighting before the deal, officials said."},
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory, serve_store, run_ingest):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("xss")
    path = folder / "hostile.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in PAYLOADS) + "\n", encoding="utf-8")
    db = folder / "xss.db"
    assert run_ingest(db, path)["articles_added"] == 2
    with serve_store(db) as server:
        yield server


def test_web_browser_script_in_articles_never_runs(page, hostile: LiveServer) -> None:  # type: ignore[no-untyped-def]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile.url + "/")
    page.wait_for_selector("#stories a.story-link")
    # the story's title is one of the two hostile headlines, shown as text with its tags
    listed = page.inner_text("#stories")
    assert "<script>window.__xss=1</script>" in listed or '<iframe src="javascript:window.__xss=9">' in listed
    page.locator("#stories a.story-link").first.click()
    page.wait_for_selector("#articles li a")
    for i in range(page.locator("#articles li a").count()):
        page.locator("#articles li a").nth(i).click()
        page.wait_for_selector("#article-text")
        page.check("#show-removed")
        for link in page.locator("main a").all():
            link.hover()
        page.go_back()
        page.wait_for_selector("#articles li a")
    page.goto(hostile.url + "/#/article/xss-1")
    page.wait_for_selector("#article-text")
    assert "<script>window.__xss=5</script>" in page.text_content("#article-text")
    assert "window.__xss=1" in page.inner_text("#article-title")
    page.goto(hostile.url + "/#/search?q=ceasefire")
    page.wait_for_selector("#results li.hit, #results .missing")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("a[href^='javascript:'], iframe, script:not([src])").count() == 0
    assert dialogs == []
