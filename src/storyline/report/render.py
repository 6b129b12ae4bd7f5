"""A story as Markdown and as one self-contained HTML file.

Both render the story view of :func:`storyline.web.story.build_story` (the same data the web UI
shows): summary with numbered citations, timeline (chart and list), disagreements with both sides,
entities, outlets, and the numbered sources with the exact cited words. Article text is escaped
everywhere: the HTML has no script at all and no markup from an article survives as markup.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any

from storyline.report.chart import timeline_svg
from storyline.records import readable

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")



def show_date(value: str | None) -> str:
    """A stored date as read: a TIMEX3 decade "201" is "2010s"."""
    return readable(value) if value else "date unknown"

def md(text: Any) -> str:
    """Text safe inside Markdown: no emphasis, links, headings or HTML from an article."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def h(text: Any) -> str:
    return html.escape("" if text is None else str(text), quote=True)


def _span(start: Any, end: Any) -> str:
    if not start and not end:
        return "dates unknown"
    return str(start) if start == end or not end else f"{start} – {end}"


def _numbers(citations: Iterable[dict[str, Any]]) -> list[int]:
    return [c["n"] for c in citations if c.get("n")]


def _missing(part: dict[str, Any]) -> str:
    return str(part.get("message") or "not computed yet")


# -- Markdown ------------------------------------------------------------------------------------


def render_markdown(view: dict[str, Any]) -> str:
    s = view["story"]
    out = [f"# {md(s['title'] or s['id'])}", "",
           (f"{_span(s.get('start'), s.get('end'))} · {s['n_articles']} articles · "
            f"{len(s.get('outlets') or [])} outlets · story `{s['id']}`"), ""]

    def cite(cs: Iterable[dict[str, Any]]) -> str:
        return "".join(f" [{n}]" for n in _numbers(cs))

    out += ["## Summary", ""]
    summary = view["summary"]
    if summary.get("status") != "ok":
        out += [f"_{md(_missing(summary))}_", ""]
    else:
        out += [" ".join(md(x["text"]) + cite(x.get("citations", [])) for x in summary["sentences"]),
                ""]

    out += ["## Timeline", ""]
    tl = view["timeline"]
    if tl.get("status") != "ok":
        out += [f"_{md(_missing(tl))}_", ""]
    else:
        out += ["![Timeline](timeline.svg)", ""]
        for i, e in enumerate(tl["entries"], 1):
            bg = " _(background)_" if e.get("background") else ""
            out.append(f"{i}. **{md(show_date(e['date']))}**{bg} {md(e['text'])}{cite(e.get('citations', []))}")
        out.append("")

    out += ["## Disagreements", ""]
    dis = view["disagreements"]
    if dis.get("status") != "ok":
        out += [f"_{md(_missing(dis))}_", ""]
    elif not dis["disagreements"]:
        out += ["No disagreement found between the outlets.", ""]
    else:
        for d in dis["disagreements"]:
            out.append(f"- **{md(d.get('what') or d.get('kind'))}** ({md(d.get('verdict', ''))}): "
                       + "; ".join(f"{md(side.get('outlet') or 'outlet unknown')} says "
                                   f"**{md(side.get('value'))}**{cite(side.get('citations', []))}"
                                   for side in d.get("sides", [])))
            if d.get("explanation"):
                out.append(f"  {md(d['explanation'])}")
        out.append("")

    out += ["## Entities", "", "| entity | type | mentions | articles |", "|---|---|---:|---:|"]
    out += [f"| {md(e['name'])} | {md(e['type'])} | {e['mentions']} | {e['articles']} |"
            for e in view["entities"]]
    out += ["", "## Outlets", "", "| outlet | articles | first | last |", "|---|---:|---|---|"]
    out += [f"| {md(o['outlet'])} | {o['n_articles']} | {md(o['first'] or '—')} | "
            f"{md(o['last'] or '—')} |" for o in view["outlets"]]
    out += ["", "## Sources", ""]
    for src in view["sources"]:
        out.append(f"{src['n']}. {md(src.get('outlet') or 'outlet unknown')}, "
                   f"_{md(src.get('title') or src['article'])}_ ({md(show_date(src.get('published')))}), "
                   f"article `{src['article']}` [{src['start']}, {src['end']}): "
                   f"“{md(src['quote'])}”")
    out.append("")
    return "\n".join(out)


# -- HTML ----------------------------------------------------------------------------------------

_CSS = """
body{font:16px/1.55 Georgia,serif;color:#1d232b;max-width:920px;margin:2rem auto;padding:0 1rem}
h1{font-size:1.7rem;margin-bottom:.2rem}h2{font:600 1.2rem system-ui,sans-serif;margin-top:2rem;
border-bottom:1px solid #d9dee4}.meta{color:#5b6673;font:.9rem system-ui,sans-serif}
sup a,a{color:#1f5fae;text-decoration:none}table{border-collapse:collapse;font:.9rem system-ui,
sans-serif}td,th{border-bottom:1px solid #d9dee4;padding:.25rem .6rem;text-align:left}
td.n{text-align:right}.bg{color:#5b6673}.missing{color:#5b6673;font-style:italic}
.sides{display:flex;gap:1rem;flex-wrap:wrap}.side{border:1px solid #d9dee4;border-radius:4px;
padding:.4rem .7rem;flex:1 1 250px}.value{font:700 1.3rem system-ui,sans-serif}
ol.sources li{margin:.3rem 0;font-size:.92rem}q{font-style:italic}svg{max-width:100%;height:auto}
"""


def _sup(cs: Iterable[dict[str, Any]]) -> str:
    return "".join(f'<sup><a href="#src-{n}">[{n}]</a></sup>' for n in _numbers(cs))


def render_html(view: dict[str, Any], *, chart: str | None = None) -> str:
    """One HTML file with everything inline (styles, the SVG chart); no script, no external URL."""
    s = view["story"]
    b: list[str] = [
        "<!doctype html>", '<html lang="en"><head><meta charset="utf-8">',
        ('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
         'style-src \'unsafe-inline\'; img-src data:">'),
        f"<title>{h(s['title'] or s['id'])} · Storyline</title><style>{_CSS}</style></head><body>",
        f"<h1>{h(s['title'] or s['id'])}</h1>",
        (f'<p class="meta">{h(_span(s.get("start"), s.get("end")))} · {s["n_articles"]} articles · '
         f'{h(", ".join(s.get("outlets") or []))} · story <code>{h(s["id"])}</code></p>'),
        "<h2>Summary</h2>"]
    summary = view["summary"]
    if summary.get("status") != "ok":
        b.append(f'<p class="missing">{h(_missing(summary))}</p>')
    else:
        b.append("<p>" + " ".join(h(x["text"]) + _sup(x.get("citations", []))
                                  for x in summary["sentences"]) + "</p>")

    b.append("<h2>Timeline</h2>")
    tl = view["timeline"]
    if tl.get("status") != "ok":
        b.append(f'<p class="missing">{h(_missing(tl))}</p>')
    else:
        svg = chart if chart is not None else timeline_svg(tl["entries"])
        b.append(svg.replace('<svg xmlns="http://www.w3.org/2000/svg"', "<svg", 1))
        b.append("<ol>")
        for e in tl["entries"]:
            cls = ' class="bg"' if e.get("background") else ""
            tag = " (background)" if e.get("background") else ""
            b.append(f"<li{cls}><strong>{h(show_date(e['date']))}</strong>{tag} {h(e['text'])}"
                     f"{_sup(e.get('citations', []))}</li>")
        b.append("</ol>")

    b.append("<h2>Disagreements</h2>")
    dis = view["disagreements"]
    if dis.get("status") != "ok":
        b.append(f'<p class="missing">{h(_missing(dis))}</p>')
    elif not dis["disagreements"]:
        b.append("<p>No disagreement found between the outlets.</p>")
    for d in dis.get("disagreements", []) if dis.get("status") == "ok" else []:
        b.append(f"<h3>{h(d.get('what') or d.get('kind'))} <small>({h(d.get('verdict', ''))})"
                 "</small></h3>")
        if d.get("explanation"):
            b.append(f'<p class="meta">{h(d["explanation"])}</p>')
        b.append('<div class="sides">')
        for side in d.get("sides", []):
            b.append(f'<div class="side"><div class="value">{h(side.get("value"))}</div>'
                     f'<div class="meta">{h(side.get("outlet") or "outlet unknown")} · '
                     f'{h(show_date(side.get("published")))}'
                     f'{_sup(side.get("citations", []))}</div></div>')
        b.append("</div>")

    b.append("<h2>Entities</h2><table><tr><th>entity</th><th>type</th><th>mentions</th>"
             "<th>articles</th></tr>")
    b += [f"<tr><td>{h(e['name'])}</td><td>{h(e['type'])}</td><td class=n>{e['mentions']}</td>"
          f"<td class=n>{e['articles']}</td></tr>" for e in view["entities"]]
    b.append("</table><h2>Outlets</h2><table><tr><th>outlet</th><th>articles</th><th>first</th>"
             "<th>last</th></tr>")
    b += [f"<tr><td>{h(o['outlet'])}</td><td class=n>{o['n_articles']}</td>"
          f"<td>{h(o['first'] or '—')}</td><td>{h(o['last'] or '—')}</td></tr>"
          for o in view["outlets"]]
    b.append('</table><h2>Sources</h2><ol class="sources">')
    for src in view["sources"]:
        b.append(f'<li id="src-{src["n"]}" value="{src["n"]}">{h(src.get("outlet") or "outlet unknown")}, '
                 f'<em>{h(src.get("title") or src["article"])}</em> '
                 f'({h(show_date(src.get("published")))}), article <code>{h(src["article"])}'
                 f'</code> [{src["start"]}, {src["end"]}): <q>{h(src["quote"])}</q></li>')
    b.append("</ol>")
    b.append('<p class="meta">Made by Storyline: every sentence above is quoted from the '
             "articles, with its source.</p></body></html>")
    return "\n".join(b) + "\n"
