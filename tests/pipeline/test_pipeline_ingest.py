"""The runner over real stages and a real store: recurring outlet lines, wire copies, restore."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.clean.normalize import normalise_text
from storyline.config import Settings
from storyline.pipeline import IngestRunner, reclean_article
from storyline.prepare import article_id
from storyline.records import SourceDoc
from storyline.store.sqlite import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "russia-turkey"
TAGLINE = "Valley Courier: the independent voice of the valley since 1887"


def body_paragraphs() -> list[str]:
    text = (EXAMPLES / "telegraph.txt").read_text(encoding="utf-8")
    return [ln for ln in text.splitlines() if len(ln.split()) > 15]


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_pipeline_line_recurring_across_an_outlet_is_removed_from_all_its_articles(tmp_path: Path) -> None:
    paras = body_paragraphs()
    records = [{"id": f"vc{i}", "source": "Valley Courier", "title": f"Story {i}",
                "text": f"{paras[i]}\n{paras[i + 5]}\n{TAGLINE}"} for i in range(4)]
    # The same line in two articles of another outlet is not boilerplate there.
    records += [{"id": f"ot{i}", "source": "Other Times", "title": f"Other {i}",
                 "text": f"{paras[i + 1]}\n{TAGLINE}"} for i in range(2)]
    write_jsonl(tmp_path / "a.jsonl", records)
    with Store(tmp_path / "s.db") as store:
        report = IngestRunner(store, Settings()).run([tmp_path / "a.jsonl"])
        assert report.articles_added == 6
        for i in range(4):
            art = store.get_article(f"vc{i}")
            assert TAGLINE not in art.clean_text
            assert [r.reason for r in art.removed if r.text == TAGLINE] == ["recurring"]
            assert normalise_text(paras[i]) in art.clean_text
        for i in range(2):
            assert TAGLINE in store.get_article(f"ot{i}").clean_text


def test_pipeline_copies_of_one_story_do_not_make_its_sentences_boilerplate(tmp_path: Path) -> None:
    paras = body_paragraphs()
    story = "\n".join(paras[:8])
    records = [{"id": f"w{i}", "source": "Valley Courier", "url": f"https://vc.example/{i}",
                "title": "Russia and Turkey to coordinate on Syria", "text": story} for i in range(4)]
    write_jsonl(tmp_path / "w.jsonl", records)
    with Store(tmp_path / "s.db") as store:
        report = IngestRunner(store, Settings()).run([tmp_path / "w.jsonl"])
        assert report.duplicate_links == 6  # every pair of the four copies, linked exactly once
        assert store.duplicate_group("w0") == ["w0", "w1", "w2", "w3"]
        for i in range(4):
            assert store.get_article(f"w{i}").clean_text.count("\n\n") == 7


def test_pipeline_wire_copy_with_other_boilerplate_links_as_near_duplicate(tmp_path: Path) -> None:
    ap = (EXAMPLES / "csmonitor-ap.txt").read_text(encoding="utf-8")
    body = [ln for ln in ap.splitlines() if len(ln.split()) > 12 and "Vldamir" not in ln]
    copy = "Putin, Erdogan hail Syria deal in Ankara\nBy The Associated Press\n" + "\n".join(body) + \
        "\nShare this article\nCopyright 2017 The Associated Press. All rights reserved."
    (tmp_path / "copy.txt").write_text(copy, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = IngestRunner(store, Settings()).run([EXAMPLES / "csmonitor-ap.txt", tmp_path / "copy.txt"])
        assert report.articles_added == 2
        assert report.duplicate_links == 1
        ids = [a.id for a in store.list_articles()]
        links = store.duplicates_of(ids[0])
        assert [ln.kind for ln in links] == ["near"]
        assert links[0].similarity >= Settings().near_duplicate_threshold


def test_pipeline_same_text_at_two_urls_stays_two_linked_articles() -> None:
    a = SourceDoc(origin="x", format="jsonl", text="Same wire text.", url="https://a.example/1")
    b = SourceDoc(origin="y", format="jsonl", text="Same wire text.", url="https://b.example/1")
    assert article_id(a) != article_id(b)
    assert article_id(a) == article_id(SourceDoc(origin="z", format="jsonl", text="Same wire text.",
                                                 url="https://a.example/1"))


def test_pipeline_restored_line_survives_a_reclean(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        IngestRunner(store, Settings()).run([EXAMPLES / "telegraph.txt"])
        aid = store.list_articles()[0].id
        art = store.get_article(aid)
        caption = next(r for r in art.removed if r.reason == "repeated-caption")
        store.restore_line(aid, caption.start)
        assert reclean_article(store, aid, Settings())
        again = store.get_article(aid)
        assert caption.text in again.clean_text
        start = again.clean_text.index(caption.text)
        raw_start, raw_end = again.raw_span(start, start + len(caption.text))
        assert again.raw_text[raw_start:raw_end] == caption.text
        assert not reclean_article(store, aid, Settings())  # nothing changes a second time


def test_pipeline_worker_pool_gives_the_same_store_as_one_process(tmp_path: Path) -> None:
    paras = body_paragraphs()
    pile = tmp_path / "pile"
    pile.mkdir()
    for i in range(40):  # enough inputs for the pool to start
        text = "\n".join(paras[(i + k) % len(paras)] for k in range(3))
        if i % 10 == 9:
            text = "\n".join(paras[(i - 1 + k) % len(paras)] for k in range(3))  # a copy of i-1
        (pile / f"{i:02d}.txt").write_text(f"Headline number {i}\n{text}\n", encoding="utf-8")
    results = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            report = IngestRunner(store, Settings(), workers=workers).run([pile])
            ids = [a.id for a in store.list_articles()]
            links = sorted((ln.article_id, ln.other_id, ln.kind) for aid in ids
                           for ln in store.duplicates_of(aid))
            texts = [store.get_article(aid).clean_text for aid in ids]
            results.append((report.articles_added, ids, links, texts))
    assert results[0] == results[1]
    assert results[0][0] == 40 and results[0][2]


def test_pipeline_given_id_reused_for_other_text_is_kept_apart_with_a_warning(tmp_path: Path) -> None:
    paras = body_paragraphs()
    write_jsonl(tmp_path / "a.jsonl", [{"id": "story-1", "title": "A", "text": paras[0]}])
    write_jsonl(tmp_path / "b.jsonl", [{"id": "story-1", "title": "B", "text": paras[1]},
                                       {"id": "story-1", "title": "A", "text": paras[0]}])
    with Store(tmp_path / "s.db") as store:
        IngestRunner(store, Settings()).run([tmp_path / "a.jsonl"])
        report = IngestRunner(store, Settings()).run([tmp_path / "b.jsonl"])
        assert report.articles_added == 1 and report.articles_already_stored == 1
        assert len(report.warnings) == 1 and report.warnings[0].startswith("[W201]")
        ids = sorted(a.id for a in store.list_articles())
        assert ids[0] == "story-1" and ids[1].startswith("story-1-")
        assert store.get_article(ids[1]).title == "B"


def test_pipeline_reused_ids_and_outlet_boilerplate_lose_nothing(tmp_path: Path) -> None:
    # Regression: an id kept apart (W201) was lost again when the article was re-cleaned for
    # recurring lines, and the other article's fingerprints were overwritten.
    paras = body_paragraphs()
    tag = "Follow the Courier on all platforms for more updates from the valley"
    write_jsonl(tmp_path / "a.jsonl", [{"id": str(i), "source": "Courier", "text": f"{paras[i]}\n{tag}"}
                                       for i in range(4)])
    write_jsonl(tmp_path / "b.jsonl", [{"id": str(i), "source": "Courier", "text": f"{paras[i + 4]}\n{tag}"}
                                       for i in range(4)])
    with Store(tmp_path / "s.db") as store:
        IngestRunner(store, Settings()).run([tmp_path / "a.jsonl"])
        report = IngestRunner(store, Settings()).run([tmp_path / "b.jsonl"])
        assert report.articles_added == 4 and len(report.warnings) == 4
        assert store.count_articles() == 8
        texts = [store.get_article(a.id).clean_text for a in store.list_articles()]
        for i in range(8):
            assert any(normalise_text(paras[i]) in t for t in texts)
        assert all(tag not in t for t in texts)


def test_pipeline_stock_sentence_of_a_big_outlet_is_not_boilerplate(tmp_path: Path) -> None:
    paras = body_paragraphs()
    stock = "The ministry did not immediately respond to a request for comment."
    records = [{"id": f"r{i}", "source": "Wire", "text": paras[i % len(paras)] + (f"\n{stock}" if i < 3 else "")}
               for i in range(12)]
    write_jsonl(tmp_path / "r.jsonl", records)
    with Store(tmp_path / "s.db") as store:
        IngestRunner(store, Settings()).run([tmp_path / "r.jsonl"])
        assert all(stock in store.get_article(f"r{i}").clean_text for i in range(3))


def test_pipeline_lone_surrogates_in_json_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "s.jsonl").write_text(
        '{"id": "x", "title": "Emoji \\ud83d cut", "text": "Putin met Erdogan \\ud83d in Sochi on Friday."}\n'
        '{"id": "y", "title": "Fine", "text": "Lavrov met Cavusoglu in Sochi."}\n', encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = IngestRunner(store, Settings()).run([tmp_path / "s.jsonl"])
        assert report.articles_added == 2
        x = store.get_article("x")
        assert x.title == "Emoji \ufffd cut" and "\ufffd in Sochi" in x.clean_text
