"""Outlets from URLs and from lines of text."""

from __future__ import annotations

import pytest

from storyline.clean import outlet_from_line, outlet_from_url

YAHOO = (
    "By using Yahoo you agree that Yahoo and partners may use Cookies for personalisation and "
    "other purposes"
)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("www.telegraph.co.uk", "The Telegraph"),
        ("https://www.telegraph.co.uk/news/2016/07/01/russia-and-turkey/", "The Telegraph"),
        ("https://apnews.com/article/abc", "Associated Press"),
        ("http://www.reuters.com/article/us-mideast-crisis", "Reuters"),
        ("https://www.bbc.co.uk/news/world", "BBC"),
        ("https://www.bbc.com/news/world", "BBC"),
        ("https://www.independent.co.uk/news/world", "The Independent"),
        (
            "https://www.csmonitor.com/World/Middle-East/2017/0928/x",
            "The Christian Science Monitor",
        ),
        ("https://news.yahoo.com/putin-hails-ties.html", "Yahoo News"),
        ("https://en.nhandan.vn/world/analysis/item/1.html", "Nhan Dan"),
        ("https://m.aljazeera.com/news", "Al Jazeera"),
        ("HTTPS://WWW.NYTIMES.COM/2017/09/28/x.html", "The New York Times"),
        ("https://www.example.com/a", "example.com"),
        ("https://news.example.co.uk/a", "example.co.uk"),
        ("https://blog.example.com.au:8080/a?b=c", "example.com.au"),
        ("http://10.0.0.1/x", "10.0.0.1"),
    ],
)
def test_outlets_from_url(url, outlet):
    assert outlet_from_url(url) == outlet


@pytest.mark.parametrize("url", [None, "", "   ", "localhost", "not a url", "http://[::1"])
def test_outlets_from_url_without_a_domain(url):
    assert outlet_from_url(url) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("The Telegraph", ("The Telegraph", "masthead")),
        ("The Christian Science Monitor", ("The Christian Science Monitor", "masthead")),
        ("This story was reported by the Associated Press.", ("Associated Press", "credit")),
        ("This article originally appeared on Al-Monitor.", ("Al-Monitor", "credit")),
        ("This article was first published by Foo Bar Daily.", ("Foo Bar Daily", "credit")),
        (
            YAHOO,
            ("Yahoo", "consent"),
        ),
        ("© 2017 The Associated Press. All rights reserved.", ("Associated Press", "copyright")),
        ("Copyright 2016 Foo Daily News, all rights reserved", ("Foo Daily News", "copyright")),
    ],
)
def test_outlets_from_line(line, expected):
    assert outlet_from_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "However, a government official told the Telegraph that there would be no changes.",
        "The report was published by Reuters on Monday.",
        "By using this site, you agree to our cookie policy.",
        "This story was updated on Monday.",
        "Science",
        "",
    ],
)
def test_outlets_from_line_none(line):
    assert outlet_from_line(line) is None


@pytest.mark.parametrize("origin,outlet", [
    ("examples/russia-turkey/nhandan.txt", "Nhan Dan"),
    ("/data/strategic-culture.txt", "Strategic Culture Foundation"),
    ("telegraph_2016-07-01.html", "The Telegraph"),
    ("reuters_syria.html", "Reuters"),
    ("independent-yahoo.txt", None),  # "independent" is a plain word too
    ("notes.txt", None),
    ("metro-line-closures.txt", None),  # a known outlet name that is also a plain word
    ("<stdin>", None),
])
def test_outlet_from_filename(origin, outlet):
    from storyline.clean.outlets import outlet_from_filename

    assert outlet_from_filename(origin) == outlet


def test_outlet_from_text_wins_over_the_file_name():
    from storyline.prepare import build_article, prepare_doc
    from storyline.config import Settings
    from storyline.records import SourceDoc

    text = "Headline here\nBody text of the story.\nThis story was reported by the Associated Press.\n"
    p = prepare_doc(SourceDoc(origin="csmonitor-ap.txt", format="txt", text=text,
                              title_in_text=True), Settings())
    a = build_article(p.doc, p.cleaned, p.article_id)
    assert (a.outlet, a.outlet_source) == ("Associated Press", "text")
    p = prepare_doc(SourceDoc(origin="nhandan.txt", format="txt", text="Headline\nBody text.\n",
                              title_in_text=True), Settings())
    a = build_article(p.doc, p.cleaned, p.article_id)
    assert (a.outlet, a.outlet_source) == ("Nhan Dan", "filename")
