"""Helpers shared by the ingest tests (a unique module name: every test folder may have a conftest)."""

from __future__ import annotations

from pathlib import Path

from storyline.config import Settings
from storyline.ingest.readers import read_input
from storyline.records import Input, Quarantined, SourceDoc


def read_bytes(name: str, data: bytes, settings: Settings | None = None) -> list[SourceDoc | Quarantined]:
    return list(read_input(Input(origin=name, data=data, name=name), settings or Settings()))


def read_path(path: Path, settings: Settings | None = None) -> list[SourceDoc | Quarantined]:
    return list(read_input(Input(origin=str(path), data=path.read_bytes(), name=path.name), settings or Settings()))


def docs(items: list[SourceDoc | Quarantined]) -> list[SourceDoc]:
    return [i for i in items if isinstance(i, SourceDoc)]


def quarantined(items: list[SourceDoc | Quarantined]) -> list[Quarantined]:
    return [i for i in items if isinstance(i, Quarantined)]


def paragraphs(text: str) -> list[str]:
    """Non-empty lines of a seed article, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def article_html(seed: str, *, charset: str = "utf-8", extra_head: str = "") -> str:
    """A news page as outlets publish it: navigation, the article, a footer."""
    title, *body = paragraphs(seed)
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="{charset}"><title>{title} | The Telegraph</title>
<link rel="canonical" href="https://www.telegraph.co.uk/news/2017/09/28/russia-turkey/">
<meta property="og:site_name" content="The Telegraph">
<meta name="author" content="Roland Oliphant">
<meta property="article:published_time" content="2017-09-28T18:30:00+01:00">{extra_head}
</head><body>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/money">Money</a></li></ul></nav>
<article><h1>{title}</h1>
{"".join(f"<p>{p}</p>" for p in body)}
</article>
<footer><p>© Telegraph Media Group Limited 2017</p><a href="/terms">Terms and Conditions</a></footer>
</body></html>"""
