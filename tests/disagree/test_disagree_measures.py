"""Measures bound through price words and family counts: the haul of a theft is one measure
however it is valued, and "a mother of 12" counts her children, not a name."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.claims import extract_claims
from storyline.corpus import read_corpus
from storyline.disagree import VERDICTS, find_disagreements

HEIST = ("Armed robbers struck a jewellery boutique on a posh Paris avenue on Thursday, police "
         "said. {sentence}")


def corpus(tmp_path: Path, a: str, b: str):
    paths = []
    for name, body in (("wire-a", a), ("paper-b", b)):
        p = tmp_path / f"{name}.jsonl"
        p.write_text(json.dumps({"id": name, "title": "Paris heist", "published": "2008-12-05",
                                 "source": name, "text": body}) + "\n", encoding="utf-8")
        paths.append(p)
    return read_corpus(paths)


def numbers(c):
    return [(d.verdict, sorted(s.value for s in d.sides))
            for d in find_disagreements(c, verdicts=VERDICTS) if d.kind == "number"]


def test_a_haul_valued_or_worth_is_one_measure(tmp_path):
    c = corpus(tmp_path,
               HEIST.format(sentence="They stole diamonds valued at 85 million euros."),
               HEIST.format(sentence="The gang snatched 80 million euros worth of rings."))
    assert numbers(c) == [("conflict", ["80 million euros", "85 million euros"])]
    claims = [x for x in extract_claims(c) if x.kind == "number"]
    assert {x.event for x in claims} == {"stolen"}
    assert {x.head for x in claims} == {None}  # "worth" is no counted noun


def test_amounts_in_two_currencies_are_not_compared(tmp_path):
    c = corpus(tmp_path,
               HEIST.format(sentence="They stole diamonds valued at 85 million euros."),
               HEIST.format(sentence="They stole diamonds valued at $108 million."))
    assert numbers(c) == []


def test_a_parents_children_are_counted(tmp_path):
    c = corpus(tmp_path,
               "Zurana Horton, a mother of 12, was shot dead in Brooklyn on Friday.",
               "Zurana Horton, a mother of 13, was shot dead in Brooklyn on Friday.")
    claims = [x for x in extract_claims(c) if x.kind == "number"]
    assert [(x.text, x.head, x.event) for x in claims] == [("12", "child", "children"),
                                                            ("13", "child", "children")]
    assert numbers(c) == [("conflict", ["12", "13"])]


def test_a_large_count_after_the_is_still_a_count(tmp_path):
    c = corpus(tmp_path,
               "Officials met the heads of the 43 nations competing in the Asian Games in Bangkok.",
               "Officials met the heads of the 41 nations competing in the Asian Games in Bangkok.")
    assert numbers(c) == [("conflict", ["41", "43"])]
    few = corpus(tmp_path, "The two nations signed a trade deal in Bangkok on Friday.",
                 "The three nations signed a trade deal in Bangkok on Friday.")
    assert numbers(few) == []  # "the two nations": nations already named, not a count


def test_a_euro_sign_lost_to_plain_text_is_still_euros(tmp_path):
    # feeds that drop the euro sign print "e80 million"; the headline verb binds the amount
    c = corpus(tmp_path,
               "Robbers in drag steal e80 million from Paris jewellers in record heist\n\n"
               + HEIST.format(sentence="It was the biggest theft in the city's history."),
               HEIST.format(sentence="They stole diamonds valued at 85 million euros."))
    claims = [x for x in extract_claims(c) if x.kind == "number"]
    lost = next(x for x in claims if x.text == "e80 million")
    assert (lost.unit, lost.event, lost.low, lost.high) == ("EUR", "stolen", 76e6, 84e6)
    assert numbers(c) == [("conflict", ["85 million euros", "e80 million"])]


STATION = "The Endeavour crew will join the first pieces of the space station this week. "


def test_two_lengths_of_one_named_module_conflict(tmp_path):
    # "the unit" of one report is the Unity module the other names: one object, two lengths
    c = corpus(tmp_path,
               STATION + "The 36-foot Unity, the first American-made component, will serve as "
               "a connecting passageway for future modules.",
               STATION + "Small compared with the giants to come, the Unity is a hub. The unit "
               "is 18 feet long and is to serve as a connecting hub for other modules.")
    claims = [x for x in extract_claims(c) if x.kind == "number" and x.unit == "ft"]
    assert sorted((x.text, x.bearer) for x in claims) == [("18", "unit"), ("36", "unity")]
    assert numbers(c) == [("conflict", ["18", "36"])]


def test_lengths_of_two_named_objects_are_not_compared(tmp_path):
    c = corpus(tmp_path,
               STATION + "The shuttle arm will lift the 41-foot Zarya, a power module launched "
               "from Kazakstan last month.",
               STATION + "The shuttle arm will lift the 36-foot Unity, a connecting module built "
               "in Alabama.")
    claims = [x for x in extract_claims(c) if x.kind == "number" and x.unit == "ft"]
    assert sorted(x.bearer for x in claims) == ["unity", "zarya"]
    assert numbers(c) == []


def test_one_named_object_measured_in_two_places_agrees(tmp_path):
    c = corpus(tmp_path,
               STATION + "Zarya, 41 feet long, was built in Russia and launched from Kazakstan.",
               STATION + "The shuttle's robot arm grabbed the 41-foot Zarya over Brazil.")
    assert numbers(c) == [("agree", ["41", "41"])]


def test_a_prize_valued_two_ways_is_one_measure(tmp_path):
    # "the prize amount of ... (dlrs 978,000)" and "the prize ... is now worth $938,000" value one
    # prize: what the dollars are the value of is read from "amount of" and from "worth"
    c = corpus(tmp_path,
               "The Nobel committee named the three winners on Monday. The prize amount of 7.6 "
               "million kronor (dlrs 978,000) is divided equally among the three.",
               "The Nobel committee named the three winners on Monday. The prize that the three "
               "scientists will share is now worth $938,000.")
    claims = [x for x in extract_claims(c) if x.unit == "USD"]
    assert {x.head for x in claims} == {"prize"}
    assert numbers(c) == [("conflict", ["$938,000", "978,000"])]


def test_two_amounts_of_two_things_are_not_compared(tmp_path):
    c = corpus(tmp_path,
               "The fund was sending in $4.8 billion in aid in August, officials said.",
               "Russia hopes to wrangle its next disbursement, $4.3 billion, from the fund.")
    assert numbers(c) == []


def test_a_factory_and_its_city_are_not_two_places():
    from storyline.disagree.align import _places_clash

    assert not _places_clash(["GPE:philadelphia"], ["FAC:ne-phila"])
    assert _places_clash(["GPE:honduras"], ["GPE:el-salvador"])
    assert not _places_clash(["GPE:paris", "FAC:louvre"], ["GPE:paris"])


def test_a_third_after_a_count_is_one_more(tmp_path):
    shooting = "A worker opened fire at a Philadelphia food plant on Thursday night. {s}"
    c = corpus(tmp_path,
               shooting.format(s="She killed two workers and wounded two others, police said."),
               shooting.format(s="She admitted killing two coworkers and seriously wounding a "
                                 "third."))
    assert ("conflict", ["a third", "two"]) in numbers(c)


def test_members_seized_and_people_arrested_are_one_count(tmp_path):
    sweep = "Police in Palermo carried out a sweep against the Sicilian Mafia on Tuesday. {s}"
    c = corpus(tmp_path,
               sweep.format(s="Gaetano Lo Presti was one of 99 alleged Mafia members seized in "
                              "the sweep."),
               sweep.format(s="Wiretaps helped lead to the sweep, in which 89 people were "
                              "arrested."))
    assert ("conflict", ["89", "99"]) in numbers(c)
    # soldiers are a part of a toll, not the toll: not made people
    c = corpus(tmp_path, sweep.format(s="Rebels said 18 government soldiers were killed."),
               sweep.format(s="The ministry said 18 rebels were killed."))
    assert all(v != "conflict" for v, _ in numbers(c))


def test_a_third_named_before_its_participle_is_one_more():
    from storyline.claims.plays import find_one_more

    def got(t):
        return next((t[a:b] for a, b, _, _ in find_one_more(t)), None)

    assert got("left two women dead and a third employee wounded") == "a third"
    assert got("two were killed and another wounded") == "another"
    assert got("another 10 wounded") is None  # an increment of ten, not one more
