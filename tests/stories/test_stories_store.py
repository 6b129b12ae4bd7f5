"""Stories in the store: built at ingest, extended by later runs without recomputing, re-clustered
on demand with the same result, and shown by the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.analyze import Analyzer
from storyline.config import Settings
from storyline.pipeline import IngestRunner
from storyline.stories.runner import StoryRunner
from storyline.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples" / "russia-turkey"

QUAKES = {
    "quake-1.txt": "Strong earthquake shakes southern Chile\nA magnitude 7.1 earthquake struck off "
    "the coast of southern Chile near Valdivia on Tuesday, the US Geological Survey said. Residents "
    "of Valdivia and Puerto Montt fled to higher ground as a tsunami warning was issued for the Los "
    "Rios region. Chile's emergency office ONEMI reported damaged roads and power cuts.\n",
    "quake-2.txt": "Chile lifts tsunami warning after Valdivia earthquake\nChilean authorities lifted "
    "a tsunami warning on Wednesday, a day after a magnitude 7.1 earthquake hit near Valdivia. ONEMI "
    "said two people were injured in Puerto Montt and hundreds of homes in the Los Rios region were "
    "damaged by the quake.\n",
}


def _ingest(store: Store, *paths: Path) -> None:
    IngestRunner(store, Settings()).run(list(paths))
    Analyzer(store, Settings()).run()


@pytest.fixture(scope="module")
def quakes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("quakes")
    for name, text in QUAKES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, quakes: Path) -> Path:
    """Seeds in a first run, then two articles of another story in a second one."""
    db = tmp_path_factory.mktemp("store") / "s.db"
    with Store(db) as store:
        _ingest(store, SEEDS)
        first = StoryRunner(store).update()
        assert first.articles == 5 and first.stories == 1
        assert first.reclustered  # a first pile is clustered whole, not one article at a time
        _ingest(store, quakes)
        second = StoryRunner(store).update()
        assert second.articles == 2  # only the new arrivals were assigned
        assert not second.reclustered  # fewer arrivals than stored articles: incremental
    return db


def test_seeds_are_one_story_with_a_sensible_record(built: Path) -> None:
    with Store(built, readonly=True) as store:
        big = store.stories()[0]
        assert big.n_articles == 5
        assert "Russia" in big.title and "Turkey" in big.title
        assert big.start.startswith("2016") and big.end.startswith("2021")
        names = {e.name for e in store.entities_by_id(big.entity_ids)}
        assert {"Turkey", "Russia", "Recep Tayyip Erdogan"} <= names
        assert {"Associated Press", "The Telegraph"} <= set(big.outlets)
        assert all(store.story_of(a) == big.id for a in big.article_ids)


def test_a_later_run_opens_a_new_story_and_keeps_the_old_id(built: Path) -> None:
    with Store(built, readonly=True) as store:
        stories = store.stories()
        assert [s.n_articles for s in stories] == [5, 2]
        assert "earthquake" in stories[1].title.lower()
        seed_ids = {store.story_of(a) for a in stories[0].article_ids}
        assert seed_ids == {stories[0].id}


def test_recluster_gives_the_same_stories_and_ids(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with Store(built, readonly=True) as src:
        src._conn.execute(f"VACUUM INTO '{copy}'")
    with Store(copy) as store:
        before = {s.id: sorted(s.article_ids) for s in store.stories()}
        report = StoryRunner(store).recluster()
        after = {s.id: sorted(s.article_ids) for s in store.stories()}
        assert report.reclustered and before == after
        # and the index goes on from the re-clustered state: nothing new, nothing changes
        assert StoryRunner(store).update().articles == 0
        assert {s.id: sorted(s.article_ids) for s in store.stories()} == after


def test_a_changed_granularity_reclusters(built: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    with Store(built, readonly=True) as src:
        src._conn.execute(f"VACUUM INTO '{copy}'")
    with Store(copy) as store:
        report = StoryRunner(store, Settings(story_granularity=0.6)).update()
        assert report.reclustered


def test_empty_store_has_no_stories(tmp_path: Path) -> None:
    with Store(tmp_path / "e.db") as store:
        report = StoryRunner(store).update()
        assert report.articles == 0 and store.stories() == []
        assert store.find_story("s") is None


def _cli(*args: str, db: Path | None = None, cwd: Path | None = None
         ) -> subprocess.CompletedProcess:
    pre = ["--db", str(db)] if db else []
    return subprocess.run([sys.executable, "-m", "storyline", *pre, *args], capture_output=True,
                          timeout=300, cwd=cwd)


def test_cli_stories_and_story(built: Path) -> None:
    listing = json.loads(_cli("stories", "--json", db=built).stdout)
    assert [len(s["articles"]) for s in listing["stories"]] == [5, 2]
    first = listing["stories"][0]
    shown = json.loads(_cli("story", first["id"][:6], "--json", db=built).stdout)
    assert shown["id"] == first["id"] and len(shown["articles"]) == 5
    assert all(a["published"] for a in shown["articles"])
    missing = _cli("story", "nosuchstory", db=built)
    assert missing.returncode == 1 and b"[E013]" in missing.stderr


def test_cli_cluster_is_stateless_and_keeps_the_contract(quakes: Path, tmp_path: Path) -> None:
    proc = _cli("cluster", str(SEEDS), str(quakes), "--json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    groups = sorted(len(s["articles"]) for s in data["stories"])
    assert groups == [2, 5]
    assert all(set(s) >= {"id", "articles"} for s in data["stories"])
    assert not list(tmp_path.iterdir())  # no store was written where we stand


def test_a_small_store_index_reclusters_itself_and_rewrites_every_story(
        quakes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Re-cluster points lowered so that 5 + 2 articles reach one (by default: 16, 19, 22, ...).
    from storyline.stories.index import StoryParams

    monkeypatch.setattr(StoryParams, "from_settings", classmethod(lambda cls, s: cls(settle_from=6)))
    with Store(tmp_path / "s.db") as store:
        _ingest(store, SEEDS)
        StoryRunner(store).update()
        seed_id = store.stories()[0].id
        _ingest(store, quakes)
        report = StoryRunner(store).update()
        assert report.articles == 2 and not report.reclustered
        # the seed story was rewritten too (a re-cluster may move any article), under its old id
        assert sorted(report.touched) == sorted(s.id for s in store.stories())
        stories = store.stories()
        assert [s.n_articles for s in stories] == [5, 2] and stories[0].id == seed_id
        assert all(store.story_of(a) == s.id for s in stories for a in s.article_ids)
