from itertools import combinations
from pathlib import Path

from storyline.config import Settings
from storyline.dedup import (
    MIN_NEAR_WORDS,
    BatchItem,
    Signature,
    band_hashes,
    exact_key,
    find_links,
    link_batch,
    signature,
    similarity,
)
from storyline.records import Article, OffsetMapBuilder
from storyline.store import Store

EXAMPLES = Path(__file__).parents[2] / "examples" / "russia-turkey"
S = Settings()


def read(name: str) -> str:
    return (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def ap_wire_copy() -> str:
    """The CS Monitor AP story as another outlet would run it: same body, another headline,
    other boilerplate lines, one extra sentence at the end."""
    lines = read("csmonitor-ap").splitlines()
    assert lines[-1].startswith("You've read") and lines[-3].startswith("This story was reported")
    body = lines[1:-3]  # everything between the headline and CS Monitor's closing boilerplate
    return "\n".join(
        [
            "Putin, Erdogan hail Syria de-escalation deal at Ankara talks",
            "ANKARA, Turkey (AP)",
            *body,
            "Copyright 2017 The Associated Press. All rights reserved.",
            "Putin is expected to visit Turkey again next year for the opening of a gas pipeline.",
        ]
    )


def fingerprint(article_id: str, text: str) -> BatchItem:
    sig = signature(text, S)
    return BatchItem(article_id, text, exact_key(text), sig, band_hashes(sig, S))


def test_link_wire_copy_links_as_near_duplicate():
    original, wire = read("csmonitor-ap"), ap_wire_copy()
    a, b = signature(original, S), signature(wire, S)
    links = find_links("wire", wire, exact_key(wire), b, {"ap": a}, [], S)
    assert [(link.other_id, link.kind) for link in links] == [("ap", "near")]
    assert links[0].similarity >= S.near_duplicate_threshold
    assert links[0].similarity == similarity(a, b) < 1.0
    # and LSH would have offered the pair as candidates in the first place
    assert set(band_hashes(a, S)) & set(band_hashes(b, S))


def test_link_exact_copy_with_other_whitespace_and_quotes_links_as_exact():
    original = read("telegraph")
    copy = original.replace('"', "“").replace("\n", "\n\n  ").replace("’", "'")
    assert copy != original and exact_key(copy) == exact_key(original)
    links = find_links(
        "copy", copy, exact_key(copy), signature(copy, S),
        {"tel": signature(original, S)}, ["tel", "copy"], S,
    )  # fmt: skip
    assert [(link.other_id, link.kind, link.similarity) for link in links] == [
        ("tel", "exact", 1.0)
    ]


def test_link_different_articles_on_the_same_story_do_not_link():
    names = ["csmonitor-ap", "independent-yahoo", "nhandan", "strategic-culture", "telegraph"]
    sigs = {n: signature(read(n), S) for n in names}
    for x, y in combinations(names, 2):
        assert find_links(x, read(x), exact_key(read(x)), sigs[x], {y: sigs[y]}, [], S) == []
        assert not set(band_hashes(sigs[x], S)) & set(band_hashes(sigs[y], S))


def test_link_short_texts_link_only_when_exact():
    short = "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi."
    other = short.replace("Sochi", "Ankara")
    a, b = signature(short, S), signature(other, S)
    assert a.n_words < MIN_NEAR_WORDS
    assert find_links("b", other, exact_key(other), b, {"a": a}, [], S) == []
    # A long article is not linked to a short candidate either, even with identical estimates.
    assert find_links("c", short, exact_key(short), b, {"a": a}, [], S) == []
    exact = find_links("d", short.upper(), exact_key(short), a, {"a": a}, ["a"], S)
    assert [(link.other_id, link.kind) for link in exact] == [("a", "exact")]


def test_link_skips_candidates_from_other_settings():
    wire = ap_wire_copy()
    old = signature(read("csmonitor-ap"), S.override(minhash_permutations=64))
    assert find_links("w", wire, exact_key(wire), signature(wire, S), {"old": old}, [], S) == []


def test_link_batch_links_within_batch_and_to_store_once_per_pair():
    original, wire, tel = read("csmonitor-ap"), ap_wire_copy(), read("telegraph")
    items = [
        fingerprint("ap", original),
        fingerprint("tel", tel),
        fingerprint("wire", wire),
        fingerprint("ap-copy", original.replace("\n\n", "\n")),
    ]
    stored = signature(read("nhandan"), S)
    links = link_batch(
        items,
        store_candidates={"tel": {"nhandan": stored}},
        store_exact={"tel": ["tel-old"]},
        settings=S,
    )
    got = {(link.article_id, link.other_id, link.kind) for link in links}
    assert got == {
        ("tel", "tel-old", "exact"),
        ("wire", "ap", "near"),
        ("ap-copy", "ap", "exact"),
        ("ap-copy", "wire", "near"),
    }
    assert len(links) == len(got)


def test_link_store_bands_find_the_wire_copy(tmp_path):
    with Store(tmp_path / "s.db") as store:
        for name in ("csmonitor-ap", "telegraph", "nhandan"):
            text = read(name)
            item = fingerprint(name, text)
            offsets = OffsetMapBuilder()
            offsets.add(text, 0, len(text))
            with store.transaction():
                store.add_article(
                    Article(name, f"{name}.txt", "txt", text, text, offsets.build(),
                            content_hash=item.content_hash)
                )  # fmt: skip
                store.add_signature(name, item.sig)  # the store keeps Signature.to_bytes()
                store.add_lsh_bands(name, item.bands)
        wire = fingerprint("wire", ap_wire_copy())
        ids = store.lsh_candidates(wire.bands)
        assert ids == {"csmonitor-ap"}
        stored = store.get_signatures(ids)
        assert Signature.from_bytes(stored["csmonitor-ap"]) == signature(read("csmonitor-ap"), S)
        # find_links reads stored bytes as they come from the store
        links = find_links("wire", wire.clean_text, wire.content_hash, wire.sig, stored, [], S)
        assert [(link.other_id, link.kind) for link in links] == [("csmonitor-ap", "near")]
