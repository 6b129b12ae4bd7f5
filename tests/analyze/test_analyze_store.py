"""The analysis stage over the real example corpus, through the store and the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storyline.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "russia-turkey"
# True publication days of the seeds, to check inferred dates against (never used by the code).
TRUE_DAYS = {"csmonitor-ap": "2017-09-28", "strategic-culture": "2016-07-05",
             "telegraph": "2016-07-01", "nhandan": "2021-09-30", "independent-yahoo": "2017-03-10"}


def cli(db: Path, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-m", "storyline", "--db", str(db), *args, "--json"],
                          capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, COLUMNS="200"))
    assert proc.returncode in (0, 3), proc.stderr
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("analyze") / "s.db"
    report = cli(db, "ingest", str(EXAMPLES))
    assert report["analysis"]["articles"] == 5
    return db


def by_outlet_file(store: Store) -> dict[str, str]:
    return {Path(a.origin).stem: a.id for a in store.list_articles()}


def test_analyze_one_entity_per_person_across_outlets(store_path: Path) -> None:
    people = {e["name"]: e for e in cli(store_path, "entities", "--type", "PERSON", "--limit", "100")["entities"]}
    putins = [n for n in people if "Putin" in n]
    assert putins == ["Vladimir Putin"]
    assert len(people["Vladimir Putin"]["articles"]) >= 4
    assert {"Sergey Lavrov", "Sergei Lavrov"} & ({people["Sergei Lavrov"]["name"]} | set(people["Sergei Lavrov"]["aliases"]))
    assert [n for n in people if "Lavrov" in n] == ["Sergei Lavrov"]
    assert [n for n in people if "Erdogan" in n] == ["Recep Tayyip Erdogan"]
    orgs = {e["name"]: e for e in cli(store_path, "entities", "--type", "ORG", "--limit", "100")["entities"]}
    assert {"IS", "ISIL"} <= set(orgs["Islamic State"]["aliases"]) or "Isil" in orgs["Islamic State"]["aliases"]


def test_analyze_spans_are_exact_in_the_clean_text(store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        for aid in by_outlet_file(store).values():
            text = store.get_article(aid).clean_text
            for s in store.sentences_of(aid):
                assert text[s.start:s.end] == s.text and s.text.strip()
            for m in store.mentions_of(aid):
                assert text[m.start:m.end] == m.text and m.entity_id
            for t in store.timexes_of(aid):
                assert text[t.start:t.end] == t.text
            for q in store.quotes(article_id=aid):
                assert text[q.start:q.end] == q.text
            for e in store.events_of(aid):
                assert e.sentence_start <= e.timex_start < e.timex_end <= e.sentence_end


def test_analyze_quotes_have_canonical_speakers(store_path: Path) -> None:
    quotes = cli(store_path, "quotes", "--speaker", "Putin")["quotes"]
    texts = " ".join(q["text"] for q in quotes)
    assert "I consider these agreements our common, extremely important success" in texts
    assert all(q["speaker"] == "Vladimir Putin" for q in quotes)
    peskov = cli(store_path, "quotes", "--speaker", "Peskov")["quotes"]
    assert any("serious statement" in q["text"] for q in peskov)


def test_analyze_every_seed_is_dated_consistently_with_the_truth(store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        for stem, aid in by_outlet_file(store).items():
            d = cli(store_path, "date", aid)
            assert d["source"] == "inferred" and d["date"] and d["evidence"], stem
            assert 0 < d["confidence"] <= 0.95
            true = TRUE_DAYS[stem]
            if d["granularity"] == "day":
                assert abs(int(true[-2:]) - int(d["date"][-2:])) <= 5 and true[:7] == d["date"][:7], (stem, d)
            else:
                assert true.startswith(d["date"]), (stem, d)


def test_analyze_event_candidates_and_dates_span_the_story_years(store_path: Path) -> None:
    with Store(store_path, readonly=True) as store:
        ids = by_outlet_file(store).values()
        years = {e.date[:4] for aid in ids for e in store.events_of(aid)
                 if len(e.date) >= 4 and e.date[:4].isdigit()}
        published = {store.dct_of(aid).value[:4] for aid in ids}
    assert {"2011", "2015", "2016", "2017", "2019"} <= years
    assert {"2016", "2017", "2021"} <= published | years


def test_analyze_user_date_wins(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    cli(db, "ingest", str(EXAMPLES / "independent-yahoo.txt"))
    aid = cli(db, "articles")["articles"][0]["id"]
    d = cli(db, "date", aid, "20170310")  # basic ISO form, stored as YYYY-MM-DD
    assert (d["date"], d["source"], d["confidence"]) == ("2017-03-10", "user", 1.0)
    with Store(db, readonly=True) as store:
        earlier = [e for e in store.events_of(aid) if "Earlier in the week" in
                   store.get_article(aid).clean_text[e.timex_start:e.timex_end]]
    assert all(e.date.startswith("2017-03") or e.date.startswith("2017-W") for e in earlier)


def test_analyze_incremental_gives_the_entities_of_one_batch(tmp_path: Path, store_path: Path) -> None:
    db = tmp_path / "one-by-one.db"
    for path in sorted(EXAMPLES.glob("*.txt")):
        cli(db, "ingest", str(path))
    def people(path: Path) -> dict:
        return {e["name"]: (e["type"], e["mentions"]) for e in cli(path, "entities", "--limit", "30")["entities"]}
    one_by_one, batch = people(db), people(store_path)
    top = ["Vladimir Putin", "Recep Tayyip Erdogan", "Ankara", "Turkey", "Russia", "Islamic State"]
    assert [one_by_one[n] for n in top] == [batch[n] for n in top]


def test_analyze_date_command_reads_a_decade_as_people_write_it(store_path: Path) -> None:
    # The Yahoo copy only supports the decade: stored as TIMEX3 "201", shown as "2010s".
    with Store(store_path, readonly=True) as store:
        aid = by_outlet_file(store)["independent-yahoo"]
    d = cli(store_path, "date", aid)
    if d["granularity"] != "decade":
        pytest.skip(f"dated finer now: {d['date']}")
    assert d["date"] == "201" and "2010s" in d["evidence"][0]
    proc = subprocess.run([sys.executable, "-m", "storyline", "--db", str(store_path), "date", aid],
                          capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, COLUMNS="200"))
    assert f"{aid}: 2010s (decade)" in proc.stdout
