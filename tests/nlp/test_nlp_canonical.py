"""Canonical entities across the five seeds, and people who share a surname kept apart."""

from __future__ import annotations

import random
import re

import pytest

from storyline.errors import StorylineError
from storyline.nlp.canonical import AliasTable, canonicalise
from storyline.records import Mention


@pytest.fixture(scope="module")
def seed_result(tagger, raw_seeds):
    """Mentions of the seeds as scraped (captions included: "Vldamir Putin" is in one), linked."""
    mentions = [m for ms in tagger.mentions(raw_seeds.items()) for m in ms]
    linked, entities = canonicalise(mentions)
    return raw_seeds, linked, entities


def entity_at(linked, article: str, start: int, end: int) -> str | None:
    """The entity of the mention covering text[start:end] (a title before it may lie outside)."""
    for m in linked:
        if m.article_id == article and m.start < end and start < m.end and m.entity_id:
            return m.entity_id
    return None


def entities_of(seed_result, surface: str, *, articles: int = 1) -> set[str | None]:
    texts, linked, _ = seed_result
    found: set[str | None] = set()
    seen_in = 0
    for article, text in texts.items():
        hits = list(re.finditer(rf"(?<![\w.-]){re.escape(surface)}(?![\w])", text))
        seen_in += bool(hits)
        for hit in hits:
            found.add(entity_at(linked, article, hit.start(), hit.end()))
    assert seen_in >= articles, f"{surface!r} is not in the seeds"
    return found


@pytest.mark.parametrize(
    "entity_id, surfaces",
    [
        ("PERSON:vladimir-putin", ["Vldamir Putin", "Mr Putin", "Mr. Putin", "Vladimir Putin", "Putin"]),
        ("PERSON:recep-tayyip-erdogan", ["Recep Tayyip Erdogan", "Tayyip Erdogan", "Mr Erdogan", "Mr. Erdogan", "President Erdogan", "Erdogan"]),
        ("PERSON:sergei-lavrov", ["Sergey Lavrov", "Sergei Lavrov", "Mr Lavrov"]),
        ("PERSON:mevlut-cavusoglu", ["Mevlut Cavusoglu", "Cavusoglu"]),
        ("PERSON:bashar-al-assad", ["Bashar Assad", "Bashar al-Assad", "Mr Assad"]),
        ("ORG:islamic-state", ["IS", "Isis", "Isil", "Islamic State", "IS group", "Isis group"]),
        ("GPE:united-states", ["US", "United States"]),
        ("PERSON:dmitry-peskov", ["Dmitry Peskov", "Peskov"]),
    ],
)
def test_canonical_seed_entities_merge(seed_result, entity_id, surfaces):
    for surface in surfaces:
        assert entities_of(seed_result, surface) == {entity_id}, surface


def test_canonical_seed_entities_are_one_each(seed_result):
    _, linked, entities = seed_result
    by_id = {e.id: e for e in entities}
    for needle, entity_id in [
        ("putin", "PERSON:vladimir-putin"),
        ("erdogan", "PERSON:recep-tayyip-erdogan"),
        ("lavrov", "PERSON:sergei-lavrov"),
        ("cavusoglu", "PERSON:mevlut-cavusoglu"),
        ("assad", "PERSON:bashar-al-assad"),
    ]:
        holders = [e.id for e in entities if any(needle in a.lower() for a in e.aliases)]
        assert holders == [entity_id], needle
    assert by_id["PERSON:vladimir-putin"].name == "Vladimir Putin"
    assert by_id["PERSON:recep-tayyip-erdogan"].name == "Recep Tayyip Erdogan"
    assert by_id["ORG:islamic-state"].name == "Islamic State"
    assert {"Vldamir Putin", "Putin", "Vladimir Putin"} <= set(by_id["PERSON:vladimir-putin"].aliases)
    assert {"Sergey Lavrov", "Sergei Lavrov", "Lavrov"} <= set(by_id["PERSON:sergei-lavrov"].aliases)
    # Every mention's entity exists and the counts add up.
    counts: dict[str, int] = {}
    for m in linked:
        if m.entity_id:
            counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    assert counts == {e.id: e.n_mentions for e in entities}
    # Types: a country is not its people, and a mislabelled place stays a place.
    assert by_id["GPE:russia"].type == "GPE" and by_id["NORP:russian"].type == "NORP"
    assert "PERSON:ankara" not in by_id and "GPE:ankara" in by_id


def m(article: str, text: str, label: str = "PERSON", start: int = 0) -> Mention:
    return Mention(article, start, start + len(text), text, label)


def link(mentions):
    linked, entities = canonicalise(mentions)
    return [x.entity_id for x in linked], {e.id: e for e in entities}


def test_canonical_people_sharing_a_surname_stay_apart():
    mentions = [
        m("a", "Bashar al-Assad"), m("a", "Mr Assad", start=40),
        m("b", "Hafez al-Assad"), m("b", "Assad", start=40),
        m("c", "Bashar al-Assad"), m("c", "Hafez al-Assad", start=20), m("c", "Mr Assad", start=60),
        m("d", "Assad"),
    ]
    ids, entities = link(mentions)
    assert ids[:2] == ["PERSON:bashar-al-assad"] * 2
    assert ids[2:4] == ["PERSON:hafez-al-assad"] * 2
    assert ids[4:6] == ["PERSON:bashar-al-assad", "PERSON:hafez-al-assad"]
    # Both Assads named in article c, and two known overall for d: no evidence for either.
    assert ids[6] == ids[7] == "PERSON:assad"
    assert entities["PERSON:assad"].n_mentions == 2


def test_canonical_bare_surname_needs_exactly_one_full_name():
    one = [m("a", "Sergei Lavrov"), m("b", "Mr Lavrov")]
    assert link(one)[0] == ["PERSON:sergei-lavrov"] * 2
    two = [m("a", "Sergei Lavrov"), m("c", "Ivan Lavrov"), m("b", "Mr Lavrov")]
    ids, _ = link(two)
    assert ids == ["PERSON:sergei-lavrov", "PERSON:ivan-lavrov", "PERSON:lavrov"]
    # In its own article, the one Lavrov named there wins even when another exists elsewhere.
    local = [m("a", "Sergei Lavrov"), m("c", "Ivan Lavrov"), m("c", "Lavrov", start=30)]
    assert link(local)[0][2] == "PERSON:ivan-lavrov"


def test_canonical_spellings_merge_but_different_names_do_not():
    ids, entities = link([
        m("a", "Sergey Lavrov"), m("b", "Sergei Lavrov"), m("c", "Сергей Лавров"),
        m("d", "Vldamir Putin"), m("e", "Vladimir Putin"), m("f", "Wladimir Putin"),
        m("g", "Daniel Smith"), m("h", "Daniela Smith"),
        m("i", "Mevlüt Çavuşoğlu"), m("j", "Mevlut Cavusoglu"),
    ])
    assert len(set(ids[0:3])) == 1 and len(set(ids[3:6])) == 1
    assert ids[6] != ids[7]
    assert ids[8] == ids[9]
    assert entities[ids[3]].name == "Vladimir Putin"


def test_canonical_types_follow_the_majority():
    ids, entities = link([
        m("a", "Ankara", "GPE"), m("b", "Ankara", "GPE"), m("c", "Ankara", "PERSON"),
        m("a", "Mevlut Cavusoglu", start=10), m("a", "Cavusoglu", "ORG", start=50),
        m("b", "Russia", "GPE"), m("b", "Russian", "NORP"), m("b", "Russians", "NORP"),
        m("c", "Black Sea", "LOC"), m("d", "Black Sea", "GPE"), m("e", "Black Sea", "LOC"),
        m("a", "Thursday", "DATE"),
    ])
    assert ids[:3] == ["GPE:ankara"] * 3
    assert ids[3] == ids[4] == "PERSON:mevlut-cavusoglu"
    assert ids[5] == "GPE:russia" and ids[6] == ids[7] == "NORP:russian"
    assert ids[8] == ids[9] == ids[10] == "LOC:black-sea"
    assert ids[11] is None and entities["LOC:black-sea"].n_mentions == 3


def test_canonical_is_deterministic_and_order_free(tagger, raw_seeds):
    mentions = [x for ms in tagger.mentions(raw_seeds.items()) for x in ms]
    linked, entities = canonicalise(mentions)
    shuffled = mentions[:]
    random.Random(5).shuffle(shuffled)
    linked2, entities2 = canonicalise(shuffled)
    assert entities == entities2
    by_span = {(x.article_id, x.start): x.entity_id for x in linked2}
    assert [x.entity_id for x in linked] == [by_span[(x.article_id, x.start)] for x in linked]
    assert all(x.entity_id is None for x in mentions)  # the input is not changed


def test_canonical_alias_table_user_file_extends(tmp_path):
    user = tmp_path / "aliases.tsv"
    user.write_text(
        "# mine\nRecep Tayyip Erdogan\tPERSON\tRTE\tReis\nIslamic State\tORG\tthe caliphate group\n",
        encoding="utf-8",
    )
    table = AliasTable.load([user])
    assert table.canonical("Isil") == ("Islamic State", "ORG")  # shipped entries stay
    assert table.canonical("caliphate group") == ("Islamic State", "ORG")
    assert table.canonical("is") is None and table.canonical("IS") == ("Islamic State", "ORG")
    linked, _ = canonicalise(
        [m("a", "RTE"), m("b", "Tayyip Erdogan"), m("c", "Erdogan"), m("d", "ISIL", "ORG")], aliases=table
    )
    ids = [x.entity_id for x in linked]
    assert ids[:3] == ["PERSON:recep-tayyip-erdogan"] * 3
    assert ids[3] == "ORG:islamic-state"
    bad = tmp_path / "bad.tsv"
    bad.write_text("only-one-column\n", encoding="utf-8")
    with pytest.raises(StorylineError) as err:
        AliasTable.load([bad])
    assert "E009" in str(err.value) and "line 1" in str(err.value)


def test_canonical_acronyms_and_descriptors_merge():
    ids, _ = link([
        m("a", "IS", "ORG"), m("b", "Isis", "ORG"), m("c", "Isil", "GPE"), m("d", "Islamic State group", "ORG"),
        m("e", "the Islamic State terror group", "ORG"), m("f", "U.S.", "GPE"), m("g", "America", "GPE"),
        m("h", "the United States", "GPE"), m("i", "UN", "ORG"), m("j", "United Nations", "ORG"),
        m("k", "al-Nusra group", "ORG"), m("l", "Jabhat al-Nusra", "PERSON"),
    ])
    assert set(ids[:5]) == {"ORG:islamic-state"}
    assert set(ids[5:8]) == {"GPE:united-states"}
    assert set(ids[8:10]) == {"ORG:united-nations"}
    assert set(ids[10:12]) == {"ORG:al-nusra-front"}
