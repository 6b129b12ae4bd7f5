"""Cross-source events on the example corpus (five real articles, 2016-2021)."""

from __future__ import annotations

import pytest

from storyline.events import EventSettings, group_events


@pytest.fixture(scope="module")
def events(seeds):
    return group_events(seeds)


def _text(corpus, m):
    return corpus.articles[m.article_id].clean_text[m.sentence_start:m.sentence_end]


def _shoot_down(corpus, events):
    hits = [e for e in events
            if any("F-16 fighter shot down" in _text(corpus, m) for m in e.mentions)]
    assert len(hits) == 1
    return hits[0]


def test_events_shoot_down_is_one_background_event_told_by_several_outlets(seeds, events):
    e = _shoot_down(seeds, events)
    assert e.date == "2015-11" and e.granularity == "month"  # "November last year" (2016)
    assert e.background  # every article recalling it ran months or years later
    outlets = {seeds.articles[m.article_id].origin.rsplit("/", 1)[-1] for m in e.mentions}
    assert {"telegraph.txt", "strategic-culture.txt"} <= outlets and len(outlets) >= 3
    # "in 2015" mentions join the month-level ones; the event keeps the finer date
    assert any(m.date == "2015" for m in e.mentions)


def test_events_sochi_meeting_of_1_july_2016_is_dated_to_the_day_and_news(seeds, events):
    sochi = [e for e in events if e.date == "2016-07-01"
             and any("Sochi" in _text(seeds, m) for m in e.mentions)]
    assert sochi and not any(e.background for e in sochi)
    assert all(e.granularity == "day" for e in sochi)


def test_events_a_sentence_with_two_disjoint_dates_reports_two_happenings(seeds, events):
    regret = "expressed regret for the death of a Russian pilot"
    dates = sorted(e.date for e in events for m in e.mentions if regret in _text(seeds, m))
    assert dates == ["2015-11", "2016-W26"]  # the apology last week; the downing in Nov 2015


def test_events_every_mention_once_and_ids_unique(seeds, events):
    keys = [(m.article_id, m.sentence_start, m.timex_start, m.timex_end)
            for e in events for m in e.mentions]
    assert len(keys) == len(set(keys))
    assert len({e.id for e in events}) == len(events)
    assert all(e.id.startswith("ev-") for e in events)


def test_events_a_dateline_or_undated_year_guess_is_no_event(seeds, events):
    # the Yahoo copy has no publication year: its "in December" and "earlier in the week" were
    # dated by guess and must not date events; its "in 2015" (written out) does.
    yahoo = next(i for i, a in seeds.articles.items() if "independent-yahoo" in a.origin)
    dates = {m.date for e in events for m in e.mentions if m.article_id == yahoo}
    assert dates == {"2015"}


def test_events_same_input_any_article_order_same_events(seeds, events, reorder):
    again = group_events(reorder(seeds))
    assert [(e.id, e.date, e.background, e.mentions) for e in again] == \
        [(e.id, e.date, e.background, e.mentions) for e in events]


def test_events_a_near_copy_joins_the_event_without_counting_as_another_outlet(seeds,
                                                                             copy_article):
    telegraph = next(i for i, a in seeds.articles.items() if "telegraph" in a.origin)
    doubled = copy_article(seeds, telegraph, "copy-of-telegraph")
    e = _shoot_down(doubled, group_events(doubled))
    assert {"copy-of-telegraph", telegraph} <= {m.article_id for m in e.mentions}
    # background needs two distinct recalling stories: the copy alone must not make one
    s = EventSettings(background_min_articles=5)
    assert not _shoot_down(doubled, group_events(doubled, s)).background


def test_events_settings_from_global_settings_override_by_name():
    class Global:
        event_link_threshold = 0.9
        story_embedder = "static"

    s = EventSettings.of(Global())
    assert s.link_threshold == 0.9 and s.embedder == "static"
    assert EventSettings.of(None) == EventSettings()


def test_events_empty_corpus_has_none(seeds):
    assert group_events(seeds.subset([])) == []
