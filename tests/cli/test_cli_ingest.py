"""The ingest command end to end on the example corpus and on hostile inputs."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, run_json


def test_cli_ingest_seeds_stores_five_clean_articles(tmp_path: Path, seeds: list[Path]) -> None:
    db = tmp_path / "s.db"
    report = run_json("ingest", *map(str, seeds), db=db)
    assert report["articles_added"] == 5
    assert report["quarantined"] == 0
    listing = run_json("articles", db=db)
    assert listing["total"] == 5
    outlets = {a["outlet"] for a in listing["articles"]}
    assert {"The Telegraph", "Associated Press"} <= outlets
    # No article text keeps the paywall, comment or consent nags.
    for row in listing["articles"]:
        art = run_json("show", row["id"], db=db)
        for nag in ("Subscribe to continue", "Leave a Reply", "logged in to post", "By using Yahoo"):
            assert nag not in art["text"]
        assert all(r["reason"] for r in art["removed"])


def test_cli_reingest_adds_nothing(tmp_path: Path, seeds: list[Path]) -> None:
    db = tmp_path / "s.db"
    run_json("ingest", str(seeds[0].parent), db=db)
    again = run_json("ingest", str(seeds[0].parent), db=db)
    assert again["articles_added"] == 0
    assert run_json("articles", db=db)["total"] == 5


def test_cli_bad_inputs_are_quarantined_and_batch_goes_on(tmp_path: Path, seeds: list[Path]) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "good.txt").write_bytes(seeds[2].read_bytes())
    (pile / "empty.txt").write_bytes(b"")
    (pile / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    (pile / "broken.jsonl").write_text('{"title": "ok", "text": "Putin met Erdogan in Sochi."}\n{not json\n')
    db = tmp_path / "s.db"
    proc = run_cli("ingest", str(pile), "--json", db=db)
    assert proc.returncode == 3
    import json
    report = json.loads(proc.stdout)
    assert report["articles_added"] == 2
    codes = {q["origin"].split("/")[-1]: q["code"] for q in report["quarantine"]}
    assert codes["empty.txt"] == "Q103"
    assert codes["photo.jpg"] == "Q102"
    assert any(k.startswith("broken.jsonl") and v == "Q106" for k, v in codes.items())
    listed = run_json("quarantine", db=db)["quarantined"]
    assert len(listed) == len(report["quarantine"])


def test_cli_stdin_and_module_entry_point(tmp_path: Path, seeds: list[Path]) -> None:
    db = tmp_path / "s.db"
    report = run_json("ingest", "-", db=db, stdin=seeds[2].read_bytes())
    assert report["articles_added"] == 1


def test_cli_errors_carry_a_code(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    missing = run_cli("ingest", str(tmp_path / "nope"), db=db, check=False)
    assert missing.returncode == 1
    assert b"[E001]" in missing.stderr and len(missing.stderr.decode().strip().splitlines()) == 1
    run_cli("ingest", str(tmp_path), db=db, check=False)
    unknown = run_cli("show", "doesnotexist", db=db, check=False)
    assert unknown.returncode == 1 and b"[E002]" in unknown.stderr


def test_cli_show_and_restore_a_removed_line(tmp_path: Path, seeds: list[Path]) -> None:
    db = tmp_path / "s.db"
    telegraph = next(p for p in seeds if "telegraph" in p.name)
    run_json("ingest", str(telegraph), db=db)
    aid = run_json("articles", db=db)["articles"][0]["id"]
    art = run_json("show", aid[:6], db=db)
    caption = next(r for r in art["removed"] if "YPG, which Turkey considers" in r["text"])
    assert "YPG, which Turkey considers" not in art["text"]
    restored = run_json("restore", aid, str(caption["index"]), db=db)
    assert "YPG, which Turkey considers" in restored["text"]
    assert len(restored["removed"]) == len(art["removed"]) - 1
