"""The example corpus' timeline: 2011 to 2021, dated at true granularity, every word cited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.events import group_events, sort_key
from storyline.timeline import TimelineSettings, build_timeline

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "russia-turkey"


@pytest.fixture(scope="module")
def events(seeds):
    return group_events(seeds)


@pytest.fixture(scope="module")
def timeline(seeds, events):
    return build_timeline(seeds, events)


def test_timeline_spans_2011_to_2021_in_date_order(timeline):
    assert timeline[0].date == "2011" and timeline[-1].date.startswith("2021")
    keys = [sort_key(e.value) for e in timeline]
    assert keys == sorted(keys)


def test_timeline_has_the_2016_rapprochement_and_the_2017_ankara_visit(timeline):
    dates = {e.date for e in timeline}
    assert {"2016-06-29", "2016-07-01", "2017-09-28"} <= dates
    sochi = [e for e in timeline if e.date == "2016-07-01"]
    assert any("Sochi" in e.text or "Friday" in e.text for e in sochi)


def test_timeline_shoot_down_is_background_and_cites_several_outlets(seeds, timeline):
    entry = next(e for e in timeline if "shot down" in e.text and e.date.startswith("2015"))
    assert entry.background and entry.date == "2015-11" and entry.granularity == "month"
    assert len({c.article for c in entry.citations}) >= 3 and entry.support >= 3
    assert not any(e.background for e in timeline if e.date.startswith(("2016-07", "2017-09")))


def test_timeline_every_citation_is_a_real_sentence_and_text_is_quoted(seeds, timeline):
    for e in timeline:
        for c in e.citations:
            spans = {(s.start, s.end) for s in seeds.sentences(c.article)}
            assert (c.start, c.end) in spans
            assert seeds.quote(c).strip()
        assert e.text == " ".join(seeds.quote(c) for c in e.text_citations)
        assert e.citations[:len(e.text_citations)] == e.text_citations
        assert len(set(e.citations)) == len(e.citations)


def test_timeline_keeps_true_granularity(timeline):
    by_date = {e.date: e.granularity for e in timeline}
    assert by_date["2011"] == "year" and by_date["2019"] == "year"
    assert by_date["2021-09"] == "month" and by_date["2016-06-29"] == "day"
    for e in timeline:
        assert len(e.date) == {"year": 4, "month": 7, "day": 10}[e.granularity]


def test_timeline_entity_focus_keeps_only_events_that_mention_it(seeds, events, timeline):
    lavrov = build_timeline(seeds, events, entity="Lavrov")
    assert lavrov and len(lavrov) < len(timeline)
    for e in lavrov:
        assert any("Lavrov" in seeds.quote(c) for c in e.citations)
    assert build_timeline(seeds, events, entity="Angela Merkel") == []


def test_timeline_entries_and_sentences_per_entry_are_settings(seeds, events):
    three = build_timeline(seeds, events, max_entries=3)
    assert len(three) == 3
    assert any(e.background for e in three)  # the shoot-down, told by four outlets, is salient
    two = build_timeline(seeds, events, sentences_per_entry=2,
                         settings=TimelineSettings(entries=0))
    shoot = next(e for e in two if e.date == "2015-11")
    assert len(shoot.text_citations) == 2
    assert len({c.article for c in shoot.text_citations}) == 2


def test_timeline_same_for_any_article_order(seeds, timeline, reorder):
    again = build_timeline(reorder(seeds))
    assert [e.to_dict() for e in again] == [e.to_dict() for e in timeline]


def test_timeline_json_shape_is_the_contract(timeline):
    d = timeline[0].to_dict()
    assert {"date", "text", "citations"} <= set(d)
    assert set(d["citations"][0]) == {"article", "start", "end"}


def test_cli_timeline_json_on_files():
    result = CliRunner().invoke(app, ["--json", "timeline", str(SEEDS), "--entries", "4"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["entries"]) == 4
    for e in data["entries"]:
        assert isinstance(e["citations"][0]["start"], int) and e["text"]


def test_cli_timeline_bad_option_is_a_coded_error():
    result = CliRunner().invoke(app, ["timeline", str(SEEDS), "--entries", "-1"])
    assert result.exit_code != 0
    assert "E015" in str(result.exception)
