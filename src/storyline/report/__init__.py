"""The static report of a story: Markdown, one self-contained HTML file, and the timeline chart
as SVG (and PNG when matplotlib is installed).

>>> from storyline.report import render_markdown, render_html, timeline_svg, write_report
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.corpus import Corpus
from storyline.records import Story
from storyline.report.chart import png_available, timeline_png, timeline_svg
from storyline.report.render import render_html, render_markdown

__all__ = ["FORMATS", "ReportFiles", "files_story", "png_available", "render_html",
           "render_markdown", "timeline_png", "timeline_svg", "write_report"]

FORMATS = ("md", "html", "both")
PNG_NOTE = "PNG not written: it needs matplotlib (`pip install matplotlib`); the SVG has the same chart."


def files_story(corpus: Corpus, story_id: str = "files") -> Story:
    """Files read on the command line as one story: titled by its first headline, spanning the
    articles' publication dates."""
    titles = [a.title for a in corpus.articles.values() if a.title]
    dates = sorted(d for d in (corpus.published(i) for i in corpus.ids) if d)
    outlets = [o for o, _ in Counter(a.outlet for a in corpus.articles.values() if a.outlet)
               .most_common()]
    return Story(id=story_id, title=titles[0] if titles else "Articles", article_ids=corpus.ids,
                 start=dates[0] if dates else None, end=dates[-1] if dates else None,
                 outlets=outlets, n_articles=len(corpus))


@dataclass(slots=True)
class ReportFiles:
    out: Path
    written: dict[str, str] = field(default_factory=dict)  # kind -> path
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"out": str(self.out), "files": dict(self.written), "notes": list(self.notes)}


def write_report(view: dict[str, Any], out: Path, fmt: str = "both") -> ReportFiles:
    """Write the story ``view`` (see storyline.web.story.build_story) into the folder ``out``:
    story.md and/or story.html, timeline.svg, and timeline.png when matplotlib is installed."""
    out.mkdir(parents=True, exist_ok=True)
    files = ReportFiles(out)
    tl = view["timeline"]
    entries = tl.get("entries", []) if tl.get("status") == "ok" else []
    chart = timeline_svg(entries)
    if tl.get("status") == "ok":
        (out / "timeline.svg").write_text(chart, encoding="utf-8")
        files.written["svg"] = str(out / "timeline.svg")
        if timeline_png(entries, out / "timeline.png"):
            files.written["png"] = str(out / "timeline.png")
        else:
            files.notes.append(PNG_NOTE)
    else:
        files.notes.append("No timeline chart: " + str(tl.get("message", "timeline not computed")))
    if fmt in ("md", "both"):
        (out / "story.md").write_text(render_markdown(view), encoding="utf-8")
        files.written["md"] = str(out / "story.md")
    if fmt in ("html", "both"):
        (out / "story.html").write_text(render_html(view, chart=chart), encoding="utf-8")
        files.written["html"] = str(out / "story.html")
    return files
