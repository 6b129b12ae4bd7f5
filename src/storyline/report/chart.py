"""The timeline chart as SVG (own writer, no dependency) and, when matplotlib is installed, PNG.

Entries are placed on a time axis at their true granularity: a day is a dot, a month, a year or a
decade is a bar spanning it, so "in 2019" is drawn as the whole year and not as 1 January.
Background events are grey. Overlapping marks go to separate lanes. Each mark carries its entry
number (as in the report's timeline list) and a <title> with the date and text (a tooltip).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

WIDTH = 900
LANE = 22
TOP = 10
AXIS = 34
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")


@dataclass(frozen=True, slots=True)
class Mark:
    number: int  # 1-based entry number
    start: float  # days since 0001-01-01 (proleptic ordinal)
    end: float
    granularity: str
    background: bool
    label: str  # date and text, for the tooltip


def date_range(value: str) -> tuple[float, float, str] | None:
    """The span a TIMEX3 date value covers, in ordinal days; None for values with no calendar
    position (XXXX-09-28, PRESENT_REF, durations)."""
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3])).toordinal()
            return d, d + 1, "day"
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            nxt = date(y + (mo == 12), mo % 12 + 1, 1)
            return date(y, mo, 1).toordinal(), nxt.toordinal(), "month"
        if m := _YEAR.match(value):
            y = int(m[1])
            return date(y, 1, 1).toordinal(), date(y + 1, 1, 1).toordinal(), "year"
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return date(y, 1, 1).toordinal(), date(y + 10, 1, 1).toordinal(), "decade"
    except ValueError:  # month 13, day 31 of a short month: not drawable
        return None
    return None


def marks(entries: Sequence[dict[str, Any]]) -> list[Mark]:
    out = []
    for n, e in enumerate(entries, 1):
        r = date_range(str(e.get("date", "")))
        if r is not None:
            out.append(Mark(n, r[0], r[1], r[2], bool(e.get("background")),
                            f"{e.get('date')}: {e.get('text', '')}"))
    return out


@dataclass(frozen=True, slots=True)
class Layout:
    marks: list[tuple[Mark, float, float, int]]  # mark, x0, x1, lane
    ticks: list[tuple[float, str]]
    lanes: int
    width: int

    @property
    def height(self) -> int:
        return TOP + max(self.lanes, 1) * LANE + AXIS


def layout(entries: Sequence[dict[str, Any]], width: int = WIDTH) -> Layout:
    ms = marks(entries)
    if not ms:
        return Layout([], [], 0, width)
    lo, hi = min(m.start for m in ms), max(m.end for m in ms)
    pad = max((hi - lo) * 0.04, 15)
    t0, t1 = lo - pad, hi + pad

    def x(t: float) -> float:
        return (t - t0) / (t1 - t0) * width

    placed: list[tuple[Mark, float, float, int]] = []
    lane_end: list[float] = []
    for m in sorted(ms, key=lambda m: (m.start, m.number)):
        x0 = x(m.start)
        x1 = max(x(m.end), x0 + 10) + 14  # room for the entry number after the mark
        lane = next((i for i, end in enumerate(lane_end) if end < x0 - 2), len(lane_end))
        if lane == len(lane_end):
            lane_end.append(0.0)
        lane_end[lane] = x1
        placed.append((m, x0, max(x(m.end), x0 + 10), lane))
    return Layout(placed, _ticks(t0, t1, x), len(lane_end), width)


def _ticks(t0: float, t1: float, x: Any) -> list[tuple[float, str]]:
    y0, y1 = date.fromordinal(max(1, int(t0))).year, date.fromordinal(int(t1)).year
    years = y1 - y0
    if years >= 2:
        step = 10 if years > 40 else 5 if years > 15 else 2 if years > 6 else 1
        first = -(-y0 // step) * step
        return [(x(date(y, 1, 1).toordinal()), str(y)) for y in range(first, y1 + 1, step)
                if t0 <= date(y, 1, 1).toordinal() <= t1]
    out = []
    d = date.fromordinal(int(t0))
    y, mo = d.year, d.month
    while True:
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        t = date(y, mo, 1).toordinal()
        if t > t1:
            break
        out.append((x(t), f"{y}-{mo:02d}"))
    return out[::max(1, len(out) // 12)]


def timeline_svg(entries: Sequence[dict[str, Any]], width: int = WIDTH) -> str:
    """A standalone SVG document of the timeline (also inlined in the HTML report)."""
    lay = layout(entries, width)
    h = lay.height
    parts = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" '
              f'viewBox="0 0 {width} {h}" role="img" aria-label="Timeline" '
              'font-family="sans-serif" font-size="11">'),
             '<rect width="100%" height="100%" fill="#ffffff"/>']
    if not lay.marks:
        parts.append(f'<text x="10" y="{TOP + 14}" fill="#5b6673">No dated entries to draw.</text>')
    for m, x0, x1, lane in lay.marks:
        y = TOP + lane * LANE
        fill = "#9aa5b1" if m.background else "#1f5fae"
        title = f"<title>{escape(m.label)}</title>"
        if m.granularity == "day":
            parts.append(f'<circle cx="{x0 + 5:.1f}" cy="{y + 8}" r="5" fill="{fill}">{title}'
                         "</circle>")
        else:
            parts.append(f'<rect x="{x0:.1f}" y="{y + 3}" width="{x1 - x0:.1f}" height="10" rx="3" '
                         f'fill="{fill}" fill-opacity="0.8">{title}</rect>')
        parts.append(f'<text x="{x1 + 3:.1f}" y="{y + 12}" fill="#1d232b">{m.number}</text>')
    base = h - AXIS + 8
    parts.append(f'<line x1="0" x2="{width}" y1="{base}" y2="{base}" stroke="#5b6673"/>')
    for tx, label in lay.ticks:
        parts.append(f'<line x1="{tx:.1f}" x2="{tx:.1f}" y1="{base}" y2="{base + 5}" '
                     'stroke="#5b6673"/>')
        if tx < width - 8 * len(label):  # a label cut by the edge reads as another year
            parts.append(f'<text x="{tx + 2:.1f}" y="{base + 17}" fill="#5b6673">{escape(label)}'
                         "</text>")
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def png_available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def timeline_png(entries: Sequence[dict[str, Any]], path: Path, width: int = WIDTH) -> bool:
    """Draw the same layout with matplotlib; False (nothing written) when it is not installed."""
    if not png_available():
        return False
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    import matplotlib.pyplot as plt

    lay = layout(entries, width)
    h = lay.height
    fig = plt.figure(figsize=(width / 100, h / 100), dpi=100)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(h, 0)
    ax.axis("off")
    for m, x0, x1, lane in lay.marks:
        y = TOP + lane * LANE
        color = "#9aa5b1" if m.background else "#1f5fae"
        if m.granularity == "day":
            ax.add_patch(plt.Circle((x0 + 5, y + 8), 5, color=color))
        else:
            ax.add_patch(plt.Rectangle((x0, y + 3), x1 - x0, 10, color=color, alpha=0.8))
        ax.text(x1 + 3, y + 12, str(m.number), fontsize=8)
    base = h - AXIS + 8
    ax.plot([0, width], [base, base], color="#5b6673", linewidth=1)
    for tx, label in lay.ticks:
        ax.plot([tx, tx], [base, base + 5], color="#5b6673", linewidth=1)
        if tx < width - 8 * len(label):
            ax.text(tx + 2, base + 17, label, fontsize=8, color="#5b6673")
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


__all__ = ["date_range", "layout", "png_available", "timeline_png", "timeline_svg"]
