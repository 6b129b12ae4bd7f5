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
