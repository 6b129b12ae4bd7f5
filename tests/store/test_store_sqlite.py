import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storyline.errors import E002, E003, E004, E008, StorylineError
from storyline.records import (
    Article,
    DuplicateLink,
    OffsetMapBuilder,
    Quarantined,
    RemovedLine,
)
from storyline.store import LATEST_VERSION, ArticleSummary, Store
from storyline.store.migrate import Migration, load_migrations, migrate, user_version

EXAMPLES = Path(__file__).parents[2] / "examples" / "russia-turkey"
OUTLET_FILES = {
    "The Christian Science Monitor": "csmonitor-ap",
    "The Telegraph": "telegraph",
    "Nhan Dan": "nhandan",
    "Strategic Culture": "strategic-culture",
    "The Independent": "independent-yahoo",
}


def make_article(article_id: str, name: str = "csmonitor-ap", outlet: str | None = None) -> Article:
    """An article from a real seed: its closing subscription line removed, the rest kept."""
    raw = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    b = OffsetMapBuilder()
    removed = []
    pos = 0
    for line in raw.splitlines(keepends=True):
        if line.startswith(("You've read", "Leave a Reply", "By using Yahoo")):
            removed.append(RemovedLine(pos, pos + len(line), line.rstrip("\n"), "subscribe"))
        else:
            b.add(line, pos, pos + len(line))
        pos += len(line)
    offsets = b.build()
    clean = "".join(
        raw[rs:re_] for _, rs, re_ in offsets.segments
    )
    return Article(
        id=article_id,
        origin=str(EXAMPLES / f"{name}.txt"),
        format="txt",
        raw_text=raw,
        clean_text=clean,
        offsets=offsets,
        removed=removed,
        title=raw.splitlines()[0],
        outlet=outlet,
        outlet_source="metadata" if outlet else None,
        published="2017-09-28",
        published_source="metadata",
        language="en",
        metadata={"tags": ["syria", "diplomacy"], "n": 1},
        original=f"<html><body><p>{raw}</p></body></html>",
        content_hash=f"hash-{name}",
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.db") as s:
        yield s


def test_sqlite_creates_store_in_wal_mode_and_reopens(tmp_path):
    path = tmp_path / "sub" / "store.db"
    with Store(path) as s:
        assert s.schema_version == LATEST_VERSION
        assert s.add_article(make_article("a1"))
        assert Path(f"{path}-wal").exists()
        mode = s._conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with Store(path) as s:
        assert s.has_article("a1") and s.count_articles() == 1
        assert s.integrity_check() == "ok"


def test_sqlite_round_trips_a_full_article(store):
    a = make_article("60ad520455a34606", outlet="The Christian Science Monitor")
    assert a.removed, "the seed's subscription line must have been removed"
    assert store.add_article(a)
    got = store.get_article(a.id)
    assert got == a
    assert got.offsets.span_to_raw(0, 10) == a.offsets.span_to_raw(0, 10)
    # The original is stored compressed.
    blob = store._conn.execute("SELECT original FROM article_texts").fetchone()[0]
    assert len(blob) < len(a.original.encode()) * 0.8
    assert store.get_article("nope") is None


def test_sqlite_adding_same_article_again_changes_nothing(store):
    a = make_article("a1")
    assert store.add_article(a)
    changed = make_article("a1", "telegraph")
    assert not store.add_article(changed)
    assert store.count_articles() == 1
    assert store.get_article("a1").clean_text == a.clean_text


def test_sqlite_failed_transaction_is_rolled_back(store):
    with pytest.raises(RuntimeError):
        with store.transaction():
            store.add_article(make_article("a1"))
            store.add_article(make_article("a2"))
            raise RuntimeError("crash in the middle of a batch")
    assert store.count_articles() == 0
    assert store.known_ids(["a1", "a2"]) == set()
    # The store is still usable afterwards.
    assert store.add_article(make_article("a1"))


def test_sqlite_nested_transaction_failure_undoes_only_inner_writes(store):
    with store.transaction():
        store.add_article(make_article("outer"))
        with pytest.raises(KeyError):
            with store.transaction():
                store.add_article(make_article("inner"))
                raise KeyError("inner")
    assert store.known_ids(["outer", "inner"]) == {"outer"}


def test_sqlite_failing_write_inside_a_method_leaves_no_partial_row(store):
    a = make_article("a1")
    a.raw_text = None  # NOT NULL in article_texts: fails after the articles row was inserted
    with pytest.raises(sqlite3.IntegrityError):
        store.add_article(a)
    assert not store.has_article("a1")
    with store.transaction():  # inside a batch, the rest of the batch still commits
        store.add_article(make_article("a2"))
        with pytest.raises(sqlite3.IntegrityError):
            store.add_article(a)
    assert store.known_ids(["a1", "a2"]) == {"a2"}


def test_sqlite_migrates_an_empty_database_to_latest(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # a store created before any migration ran
    with Store(path) as s:
        assert s.schema_version == LATEST_VERSION
        tables = {r[0] for r in s._conn.execute("SELECT name FROM sqlite_master")}
        assert {"articles", "article_texts", "duplicates", "lsh_bands", "quarantine"} <= tables


def test_sqlite_migrations_apply_in_order_and_a_failing_one_rolls_back(tmp_path):
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_first.sql").write_text("CREATE TABLE t (x INTEGER);\n")
    (folder / "0002_second.sql").write_text(
        "ALTER TABLE t ADD COLUMN y TEXT; -- comment; with a semicolon\n"
        "INSERT INTO t VALUES (1, 'a');\n"
    )
    conn = sqlite3.connect(tmp_path / "m.db", isolation_level=None)
    assert migrate(conn, load_migrations(folder)[:1]) == 1
    assert migrate(conn, load_migrations(folder)) == 2
    assert conn.execute("SELECT x, y FROM t").fetchall() == [(1, "a")]
    (folder / "0003_broken.sql").write_text(
        "CREATE TABLE u (z);\nINSERT INTO no_such_table VALUES (1);\n"
    )
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, load_migrations(folder))
    assert user_version(conn) == 2
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'u'").fetchone() is None
    (folder / "0005_gap.sql").write_text("SELECT 1;\n")
    with pytest.raises(RuntimeError):
        load_migrations(folder)


def test_sqlite_migration_rejects_an_unterminated_statement():
    with pytest.raises(ValueError):
        Migration(1, "0001_x.sql", "CREATE TABLE t (x);\nCREATE TABLE u (y)\n").statements()


def test_sqlite_refuses_a_store_newer_than_the_code(tmp_path):
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(StorylineError) as err:
        Store(path)
    assert err.value.code is E004
    assert str(LATEST_VERSION + 1) in err.value.message


def test_sqlite_refuses_files_that_are_not_stores(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a database, just text " * 100)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE articles (x)")
    conn.commit()
    conn.close()
    for path in (text, other, tmp_path):
        with pytest.raises(StorylineError) as err:
            Store(path)
        assert err.value.code is E003
    assert text.read_text().startswith("not a database")


def test_sqlite_readonly_reads_but_refuses_writes(tmp_path):
    path = tmp_path / "store.db"
    with Store(path) as s:
        s.add_article(make_article("a1"))
    with Store(path, readonly=True) as ro:
        assert ro.has_article("a1")
        with pytest.raises(StorylineError) as err:
            ro.add_article(make_article("a2"))
        assert err.value.code is E003
    with pytest.raises(StorylineError) as err:
        Store(tmp_path / "missing.db", readonly=True)
    assert err.value.code is E003
    assert not (tmp_path / "missing.db").exists()


def test_sqlite_readonly_sees_writes_of_an_open_writer(tmp_path):
    path = tmp_path / "store.db"
    with Store(path) as writer:
        writer.add_article(make_article("a1"))
        with Store(path, readonly=True) as ro:
            writer.add_article(make_article("a2"))
            assert ro.known_ids(["a1", "a2"]) == {"a1", "a2"}


def test_sqlite_busy_store_raises_e008(tmp_path):
    path = tmp_path / "store.db"
    with Store(path) as first, Store(path, timeout=0.05) as second:
        with first.transaction():
            first.add_article(make_article("a1"))
            with pytest.raises(StorylineError) as err:
                with second.transaction():
                    pass
            assert err.value.code is E008
        with second.transaction():  # free again once the first writer commits
            second.add_article(make_article("a2"))
        assert first.count_articles() == 2


def test_sqlite_known_ids_handles_more_ids_than_one_query_takes(store):
    with store.transaction():
        for i in range(3):
            store.add_article(make_article(f"id{i}"))
    ids = [f"x{i}" for i in range(1200)] + ["id2", "id0", "id0"]
    assert store.known_ids(ids) == {"id0", "id2"}
    assert store.known_ids([]) == set()


def test_sqlite_finds_ids_by_prefix(store):
    with store.transaction():
        for aid in ("60ad5204", "60ad9999", "60b00000", "5fff"):
            store.add_article(make_article(aid))
    assert store.find_article_ids("60ad") == ["60ad5204", "60ad9999"]
    assert store.find_article_ids("60") == ["60ad5204", "60ad9999", "60b00000"]
    assert store.find_article_ids("60", limit=1) == ["60ad5204"]
    assert store.find_article_ids("7") == []


def test_sqlite_lists_articles_with_outlets_and_group_sizes(store):
    with store.transaction():
        for i, (outlet, name) in enumerate(OUTLET_FILES.items()):
            store.add_article(make_article(f"a{i}", name, outlet))
        store.add_article(make_article("copy", "telegraph", "The Telegraph"))
        store.add_article(make_article("no-outlet", "nhandan"))
    store.add_duplicate(DuplicateLink("copy", "a1", "exact", 1.0))
    rows = store.list_articles()
    assert [r.id for r in rows] == ["a0", "a1", "a2", "a3", "a4", "copy", "no-outlet"]
    tel = rows[1]
    assert tel == ArticleSummary(
        id="a1",
        title="The Telegraph",
        outlet="The Telegraph",
        published="2017-09-28",
        n_chars=len(make_article("x", "telegraph").clean_text),
        n_removed=0,
        dup_group_size=2,
        origin=str(EXAMPLES / "telegraph.txt"),
    )
    assert rows[0].n_removed == 1 and rows[0].dup_group_size == 1
    assert [r.id for r in store.list_articles(limit=2, offset=1)] == ["a1", "a2"]
    assert [r.id for r in store.list_articles(outlet="The Telegraph")] == ["a1", "copy"]
    assert store.count_articles() == 7
    assert store.outlets()[0] == ("The Telegraph", 2)
    assert len(store.outlets()) == 5


def test_sqlite_content_hash_lookup_and_replace_clean(store):
    store.add_article(make_article("a1"))
    store.add_article(make_article("a2"))
    assert store.ids_with_content_hash("hash-csmonitor-ap") == ["a1", "a2"]
    b = OffsetMapBuilder()
    b.add("Short clean text.", 100, 117)
    removed = [RemovedLine(0, 100, "cut", "recurring")]
    store.replace_clean("a2", "Short clean text.", b.build(), removed, content_hash="hash-new")
    got = store.get_article("a2")
    assert got.clean_text == "Short clean text." and got.removed == removed
    assert got.offsets.to_raw(0) == 100
    assert got.raw_text == make_article("a2").raw_text
    assert store.ids_with_content_hash("hash-csmonitor-ap") == ["a1"]
    assert store.list_articles()[1].n_chars == len("Short clean text.")
    with pytest.raises(StorylineError) as err:
        store.replace_clean("nope", "", b.build(), [])
    assert err.value.code is E002


def test_sqlite_input_seen_after_mark(store):
    assert not store.input_seen("ab" * 32)
    store.mark_input("seeds/a.txt", "ab" * 32, 1, 0)
    store.mark_input("seeds/a-again.txt", "ab" * 32, 1, 0)
    assert store.input_seen("ab" * 32)


def test_sqlite_quarantine_is_idempotent_and_kept_per_run(store):
    run1 = store.start_run(["storyline", "ingest", "seeds/"])
    run2 = store.start_run(["storyline", "ingest", "more/"])
    q = Quarantined("seeds/x.bin", "Q102", "binary", "looks binary", b"\x00\x01" * 1000, 2000)
    store.add_quarantined(q, run_id=run1)
    store.add_quarantined(q, run_id=run2)  # same input, same reason: not kept twice
    other = Quarantined("seeds/y.txt", "Q103", "empty", "no text", None, 0)
    store.add_quarantined(other, run_id=run2)
    assert store.list_quarantined() == [q, other]
    assert store.list_quarantined(run1) == [q]
    assert store.list_quarantined(run2) == [other]


def test_sqlite_runs_record_argv_and_summary(store):
    run = store.start_run(["storyline", "ingest", "-"])
    assert store.get_run(run)["summary"] is None
    store.finish_run(run, {"articles": 5, "quarantined": 1, "seconds": 0.5})
    got = store.get_run(run)
    assert got["argv"] == ["storyline", "ingest", "-"]
    assert got["summary"] == {"articles": 5, "quarantined": 1, "seconds": 0.5}
    assert got["finished_at"] >= got["started_at"]
    assert store.get_run(run + 1) is None


def test_sqlite_duplicates_are_stored_once_per_pair(store):
    with store.transaction():
        for aid in ("a", "b", "c"):
            store.add_article(make_article(aid))
    store.add_duplicate(DuplicateLink("b", "a", "near", 0.85))
    store.add_duplicate(DuplicateLink("a", "b", "near", 0.9))
    store.add_duplicate(DuplicateLink("a", "a", "exact", 1.0))
    assert store.duplicates_of("a") == [DuplicateLink("a", "b", "near", 0.9)]
    assert store.duplicates_of("b") == [DuplicateLink("b", "a", "near", 0.9)]
    store.add_duplicate(DuplicateLink("b", "a", "exact", 1.0))
    store.add_duplicate(DuplicateLink("c", "a", "near", 0.8))
    assert store.duplicates_of("a") == [
        DuplicateLink("a", "b", "exact", 1.0),
        DuplicateLink("a", "c", "near", 0.8),
    ]
    assert store._conn.execute("SELECT COUNT(*) FROM duplicates").fetchone()[0] == 2
    with pytest.raises(StorylineError):
        store.add_duplicate(DuplicateLink("a", "ghost", "near", 0.9))


def test_sqlite_duplicate_group_is_the_transitive_closure(store):
    with store.transaction():
        for aid in ("a", "b", "c", "d", "e"):
            store.add_article(make_article(aid))
    store.add_duplicate(DuplicateLink("a", "b", "near", 0.9))
    store.add_duplicate(DuplicateLink("d", "c", "near", 0.9))
    assert store.duplicate_group("a") == ["a", "b"]
    assert store.duplicate_group("c") == ["c", "d"]
    store.add_duplicate(DuplicateLink("c", "b", "exact", 1.0))  # joins the two groups
    for aid in "abcd":
        assert store.duplicate_group(aid) == ["a", "b", "c", "d"]
    assert store.duplicate_group("e") == ["e"]
    assert store.duplicate_group("ghost") == []
    assert {r.id: r.dup_group_size for r in store.list_articles()} == {
        "a": 4, "b": 4, "c": 4, "d": 4, "e": 1,
    }  # fmt: skip


def test_sqlite_recurring_keys_count_duplicate_groups_not_copies(store):
    outlet = "The Telegraph"
    with store.transaction():
        for aid in ("t1", "t2", "t3", "t4"):
            store.add_article(make_article(aid, "telegraph", outlet))
        store.add_article(make_article("n1", "nhandan", "Nhan Dan"))
    store.add_duplicate(DuplicateLink("t2", "t1", "near", 0.9))
    for aid in ("t1", "t2", "t3"):
        store.add_line_keys(aid, outlet, ["k-follow-us", f"k-only-{aid}"])
    store.add_line_keys("n1", "Nhan Dan", ["k-follow-us"])
    store.add_line_keys("n1", None, ["k-ignored"])
    # t1 and t2 are one story: "k-follow-us" is in 2 groups of the outlet, not 3.
    assert store.recurring_keys(outlet, 3) == set()
    assert store.recurring_keys(outlet, 2) == {"k-follow-us"}
    store.add_line_keys("t4", outlet, ["k-follow-us", "k-follow-us"])
    assert store.recurring_keys(outlet, 3) == {"k-follow-us"}
    assert store.articles_with_key(outlet, "k-follow-us") == ["t1", "t2", "t3", "t4"]
    assert store.articles_with_key("Nhan Dan", "k-follow-us") == ["n1"]
    assert store.articles_with_key("Nhan Dan", "k-ignored") == []


def test_sqlite_restored_lines(store):
    store.add_article(make_article("a1"))
    assert store.restored_lines("a1") == set()
    store.restore_line("a1", 4100)
    store.restore_line("a1", 4100)
    store.restore_line("a1", 12)
    assert store.restored_lines("a1") == {12, 4100}
    with pytest.raises(StorylineError):
        store.restore_line("ghost", 1)


def test_sqlite_lsh_bands_and_signatures(store):
    with store.transaction():
        for aid in ("a", "b", "c"):
            store.add_article(make_article(aid))
    store.add_lsh_bands("a", [b"band0-aa", b"band1-aa", b"shared!!"])
    store.add_lsh_bands("b", [b"band0-bb", b"band1-bb", b"shared!!"])
    store.add_lsh_bands("c", [b"shared!!", b"band1-cc", b"band2-cc"])  # same hash, other band
    assert store.lsh_candidates([b"zzzzzzzz", b"yyyyyyyy", b"shared!!"]) == {"a", "b"}
    assert store.lsh_candidates([b"band0-aa"]) == {"a"}
    assert store.lsh_candidates([]) == set()
    store.add_lsh_bands("a", [b"new-0000"])  # re-fingerprinting replaces the old bands
    assert store.lsh_candidates([b"band0-aa"]) == set()
    assert store.lsh_candidates([b"new-0000"]) == {"a"}
    store.add_signature("a", b"\x01\x02\x03")
    store.add_signature("a", b"\x04\x05")
    store.add_signature("b", bytearray(b"\x06"))
    assert store.get_signature("a") == b"\x04\x05"
    assert store.get_signature("c") is None
    assert store.get_signatures(["a", "b", "c", "ghost"]) == {"a": b"\x04\x05", "b": b"\x06"}
    with pytest.raises(StorylineError):
        store.add_signature("ghost", b"")


_WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from test_store_sqlite import make_article
from storyline.store import Store
store = Store(sys.argv[1])
i = 0
while True:
    with store.transaction():
        for _ in range(10):
            store.add_article(make_article(f"a{i}"))
            store.add_lsh_bands(f"a{i}", [b"%08d" % i])
            i += 1
    print(i, flush=True)
"""


def test_sqlite_survives_kill_9_mid_batch(tmp_path):
    path = tmp_path / "store.db"
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path), str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        for _ in range(5):  # let a few batches commit, then kill inside a later one
            assert proc.stdout.readline().strip()
        time.sleep(0.13)
    finally:
        proc.kill()
        proc.wait()
    with Store(path) as s:
        assert s.integrity_check() == "ok"
        n = s.count_articles()
        assert n >= 50 and n % 10 == 0  # only whole batches
        assert s._conn.execute("SELECT COUNT(*) FROM lsh_bands").fetchone()[0] == n
