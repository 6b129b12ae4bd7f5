"""Story clustering: determinism, order, bridges, edge cases, and the example corpus as one story."""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from storyline.config import Settings
from storyline.prepare import build_article, prepare_doc
from storyline.records import SourceDoc
from storyline.stories import StoryFeatures, StoryIndex, StoryParams, cluster, story_features_batch
from storyline.stories.features import article_date, lexical_terms

EXAMPLES = Path(__file__).parents[2] / "examples" / "russia-turkey"

OTHER_TOPIC = [
    ("quake-1", "Strong earthquake shakes southern Chile\nA magnitude 7.1 earthquake struck off the "
     "coast of southern Chile near Valdivia on Tuesday, the US Geological Survey said. Residents of "
     "Valdivia and Puerto Montt fled to higher ground as a tsunami warning was issued for the Los "
     "Rios region. Chile's emergency office ONEMI reported damaged roads and power cuts."),
    ("quake-2", "Chile lifts tsunami warning after Valdivia earthquake\nChilean authorities lifted a "
     "tsunami warning on Wednesday, a day after a magnitude 7.1 earthquake hit near Valdivia. "
     "ONEMI said two people were injured in Puerto Montt and hundreds of homes in the Los Rios "
     "region were damaged by the quake."),
    ("quake-3", "Valdivia counts damage from Chile earthquake\nEngineers inspected bridges in "
     "Valdivia on Thursday after the magnitude 7.1 earthquake that struck southern Chile. The "
     "Los Rios regional government said schools would stay closed while ONEMI assessed the damage "
     "to roads and homes near Puerto Montt."),
]


def _vec(*hot: int, dim: int = 16) -> np.ndarray:
    v = np.zeros(dim, dtype=np.float32)
    for h in hot:
        v[h] = 1.0
    return v / np.linalg.norm(v)


def _f(aid: str, words: str, ents: str = "", hot: tuple[int, ...] = (0,),
       when: str | None = None) -> StoryFeatures:
    return StoryFeatures(aid, _vec(*hot), lexical_terms(None, words),
                         {e: 1.0 for e in ents.split()}, when, "published" if when else None)


def _two_stories() -> list[StoryFeatures]:
    a = "earthquake valdivia chile tsunami onemi"
    b = "election lima peru ballot congress"
    return [
        _f("a1", a, "GPE:chile PERSON:boric", (0, 1)),
        _f("a2", a + " damage", "GPE:chile", (0, 1)),
        _f("a3", a + " warning", "GPE:chile ORG:onemi", (0, 1)),
        _f("b1", b, "GPE:peru PERSON:castillo", (5, 6)),
        _f("b2", b + " vote", "GPE:peru", (5, 6)),
        _f("b3", b + " result", "GPE:peru ORG:jne", (5, 6)),
    ]


def _as_sets(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset(g) for g in groups}


def test_stories_cluster_empty() -> None:
    assert cluster([]) == []
    assert StoryIndex().stories() == []


def test_stories_cluster_one_article_stories() -> None:
    fs = [_f("x", "volcano iceland eruption"), _f("y", "football final madrid", hot=(9,))]
    assert _as_sets(cluster(fs)) == {frozenset({"x"}), frozenset({"y"})}
    idx = StoryIndex()
    idx.add(fs[0])
    assert idx.stories() == [["x"]] and idx.story_of("x") == 0


def test_stories_cluster_order_of_arrival_does_not_matter() -> None:
    fs = _two_stories()
    want = {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}
    for seed in range(5):
        shuffled = fs[:]
        random.Random(seed).shuffle(shuffled)
        assert _as_sets(cluster(shuffled)) == want
        idx = StoryIndex()
        idx.extend(shuffled)
        assert _as_sets(idx.stories()) == want


def test_stories_cluster_is_deterministic() -> None:
    fs = _two_stories()
    assert cluster(fs) == cluster(list(fs)) == cluster(fs, Settings())
    one, two = StoryIndex(), StoryIndex()
    one.extend(fs)
    two.extend(fs)
    assert one.stories() == two.stories()


def test_stories_cluster_bridge_article_merges_two_stories() -> None:
    # The two stories share a little (below the threshold); the bridge is close to both.
    params = StoryParams(threshold=0.40, bridge=0.40, merge_slack=0.35)
    left = "summit tariff steel aluminium"
    right = "summit climate emission coal"
    idx = StoryIndex(params=params)
    idx.add(_f("l1", left, "PERSON:xi", (0, 1)))
    idx.add(_f("r1", right, "PERSON:biden", (2, 3)))
    assert idx.n_stories == 2
    idx.add(_f("bridge", f"{left} {right}", "PERSON:xi PERSON:biden", (0, 1, 2, 3)))
    assert idx.n_stories == 1
    assert _as_sets(idx.stories()) == {frozenset({"l1", "r1", "bridge"})}


def test_stories_index_state_round_trips() -> None:
    fs = _two_stories()
    idx = StoryIndex()
    idx.extend(fs[:4])
    state = json.loads(json.dumps(idx.to_state()))
    again = StoryIndex.from_state(state)
    again.extend(fs[4:])
    idx.extend(fs[4:])
    assert again.stories() == idx.stories()


def test_stories_time_alone_does_not_split_a_story() -> None:
    words = "earthquake valdivia chile tsunami onemi puerto montt"
    fs = [_f("t1", words, "GPE:chile", (0, 1), "2010-02-27"),
          _f("t2", words, "GPE:chile", (0, 1), "2015-02-27")]
    assert len(cluster(fs)) == 1


def test_stories_article_date_prefers_publication() -> None:
    assert article_date(None) == (None, None)


def test_stories_granularity_moves_the_threshold() -> None:
    broad = StoryParams.from_settings(Settings(story_granularity=0.0))
    fine = StoryParams.from_settings(Settings(story_granularity=1.0))
    assert broad.threshold < StoryParams().threshold < fine.threshold


# --- real text: the example corpus is one story, another topic stays apart --------------------

@pytest.fixture(scope="module")
def embedder():
    from storyline.stories import Embedder

    return Embedder.get("minilm")


@pytest.fixture(scope="module")
def example_features(embedder):
    from storyline.analyze import analyse_batch
    from storyline.nlp.ner import EntityTagger

    settings = Settings()
    docs = [SourceDoc(origin=p.name, format="txt", text=p.read_text(encoding="utf-8"),
                      title_in_text=True) for p in sorted(EXAMPLES.glob("*.txt"))]
    docs += [SourceDoc(origin=name, format="txt", text=text, title_in_text=True)
             for name, text in OTHER_TOPIC]
    articles = []
    for d in docs:
        p = prepare_doc(d, settings)
        articles.append(build_article(d, p.cleaned, d.origin))
    analyses, _, _ = analyse_batch(articles, EntityTagger(), today=date(2026, 1, 1))
    return story_features_batch(articles, embedder, analyses)


def test_stories_examples_form_one_story_and_another_topic_stays_apart(example_features) -> None:
    groups = _as_sets(cluster(example_features))
    examples = frozenset(p.name for p in EXAMPLES.glob("*.txt"))
    assert examples in groups
    quakes = frozenset(name for name, _ in OTHER_TOPIC)
    assert quakes in groups


def test_stories_examples_incremental_matches(example_features) -> None:
    idx = StoryIndex(Settings())
    for f in example_features:
        idx.add(f)
    examples = frozenset(p.name for p in EXAMPLES.glob("*.txt"))
    assert examples in _as_sets(idx.stories())


# --- full path: calibrated similarity, average link (issue 4) ----------------------------------

def test_stories_calibrate_puts_long_and_short_articles_on_one_scale() -> None:
    from storyline.stories.cluster import calibrate

    # Long articles A, B alike at 0.8, with an unrelated long article E at 0.55; short articles
    # C, D alike at only 0.3, with an unrelated short one F at 0.1. Raw, the short pair (0.3) sits
    # below the long background (0.55): no one threshold separates both pairs from their background.
    sim = np.full((6, 6), 0.05, dtype=np.float32)
    np.fill_diagonal(sim, 1.0)
    for (i, j, v) in [(0, 1, 0.8), (0, 4, 0.55), (1, 4, 0.55), (2, 3, 0.3), (2, 5, 0.1), (3, 5, 0.1)]:
        sim[i, j] = sim[j, i] = v
    pairs, background = [(0, 1), (2, 3)], [(0, 4), (1, 4), (2, 5), (3, 5)]
    assert min(sim[p] for p in pairs) < max(sim[b] for b in background)
    cal = calibrate(sim, k=1, floor=0.0)
    assert min(cal[p] for p in pairs) > max(cal[b] for b in background)
    assert np.allclose(cal, cal.T)


def test_stories_cluster_incremental_path_beyond_full_max() -> None:
    fs = _two_stories()
    want = {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})}
    assert _as_sets(cluster(fs, params=StoryParams(full_max=2))) == want
    assert _as_sets(cluster(fs)) == want


def test_stories_cluster_full_path_splits_stories_of_one_kind() -> None:
    # Two earthquakes: shared vocabulary, different places and names (ECB+ subtopics).
    common = "earthquake magnitude tsunami warning damage rescue"
    fs = [_f(f"c{i}", f"{common} valdivia chile onemi", "GPE:chile ORG:onemi", (0, 1))
          for i in range(4)]
    fs += [_f(f"j{i}", f"{common} sendai japan fukushima", "GPE:japan GPE:sendai", (0, 2))
           for i in range(4)]
    groups = _as_sets(cluster(fs))
    assert frozenset(f"c{i}" for i in range(4)) in groups
    assert frozenset(f"j{i}" for i in range(4)) in groups


def _two_quakes() -> list[StoryFeatures]:
    """Two earthquakes told alike (ECB+ subtopics), interleaved as a feed would bring them."""
    common = "earthquake magnitude tsunami warning damage rescue"
    chile = [_f(f"c{i}", f"{common} valdivia chile onemi", "GPE:chile ORG:onemi", (0, 1))
             for i in range(5)]
    japan = [_f(f"j{i}", f"{common} sendai japan fukushima", "GPE:japan GPE:sendai", (0, 2))
             for i in range(4)]
    return [chile[0], japan[0], chile[1], japan[1], chile[2], japan[2], chile[3], japan[3],
            chile[4]]


def _lookup(fs: list[StoryFeatures]):
    by_id = {f.article_id: f for f in fs}
    return lambda ids: [by_id[a] for a in ids if a in by_id]


def test_stories_index_settles_stories_of_one_kind_apart() -> None:
    # One at a time, the first Chile article welds the Japan one to it at the raw threshold; the
    # re-cluster at the 8th arrival (full method, neighbour scaling) takes them apart again, and
    # the 9th article, one by one, joins its own story.
    fs = _two_quakes()
    chile = frozenset(f"c{i}" for i in range(5))
    japan = frozenset(f"j{i}" for i in range(4))
    raw = StoryIndex(params=StoryParams(settle_from=8))  # no features at hand: no re-cluster
    raw.extend(fs)
    assert raw.n_stories == 1 and raw.settles == 0
    idx = StoryIndex(params=StoryParams(settle_from=8), lookup=_lookup(fs))
    idx.extend(fs[:8])
    assert idx.settles == 1
    assert _as_sets(idx.stories()) == _as_sets(cluster(fs[:8]))
    idx.add(fs[8])
    assert idx.settles == 1  # the next re-cluster waits for 15% more articles
    assert _as_sets(idx.stories()) == {chile, japan}
    assert idx.story_of("c4") == idx.story_of("c0") != idx.story_of("j0")


def test_stories_index_settled_result_does_not_depend_on_arrival_order() -> None:
    fs = _two_quakes()[:8]
    want = _as_sets(cluster(fs))
    for seed in range(4):
        shuffled = list(fs)
        random.Random(seed).shuffle(shuffled)
        idx = StoryIndex(params=StoryParams(settle_from=8), lookup=_lookup(fs))
        idx.extend(shuffled)
        assert _as_sets(idx.stories()) == want


def test_stories_index_settle_state_round_trips_and_needs_features() -> None:
    fs = _two_quakes()
    params = StoryParams(settle_from=8)
    idx = StoryIndex(params=params, lookup=_lookup(fs))
    idx.extend(fs[:5])
    state = json.loads(json.dumps(idx.to_state()))
    again = StoryIndex.from_state(state, params=params, lookup=_lookup(fs))
    again.extend(fs[5:])
    idx.extend(fs[5:])
    assert again.stories() == idx.stories() and again.settles == idx.settles == 1
    # Features gone from the store: the stories stay as they were, nothing is lost.
    blind = StoryIndex(params=params, lookup=lambda ids: [])
    blind.extend(fs)
    assert blind.settles == 0 and sorted(a for g in blind.stories() for a in g) == sorted(
        f.article_id for f in fs)
