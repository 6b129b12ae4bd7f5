"""Ages bound to the people they are of."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.claims import extract_claims
from storyline.corpus import read_corpus
from storyline.disagree import VERDICTS, find_disagreements

LEAD = "Police in Staunton made an arrest on Friday in a double murder case from 1967. "


def corpus(tmp_path: Path, a: str, b: str):
    paths = []
    for name, body in (("wire-a", a), ("paper-b", b)):
        p = tmp_path / f"{name}.jsonl"
        p.write_text(json.dumps({"id": name, "title": "Arrest in 1967 killings", "source": name,
                                 "text": LEAD + body}) + "\n", encoding="utf-8")
        paths.append(p)
    return read_corpus(paths)


def ages(c):
    return sorted((x.text, x.value, x.bearer) for x in extract_claims(c) if x.unit == "age")


def verdicts(c):
    return [(d.verdict, sorted(s.value for s in d.sides))
            for d in find_disagreements(c, verdicts=VERDICTS) if d.kind == "number"]


def test_two_ages_of_one_person_conflict(tmp_path):
    c = corpus(tmp_path,
               "Sixty-year-old Sharon Dale Crawford is now accused of murdering two women.",
               "Police have arrested and charged Sharon Dale Crawford, age 61, with murder.")
    got = ages(c)
    assert [(t, v) for t, v, _ in got] == [("61", 61.0), ("Sixty-year-old", 60.0)]
    assert got[0][2] == got[1][2]  # one person
    assert ("conflict", ["61", "Sixty-year-old"]) in verdicts(c)


def test_ages_of_two_people_are_not_compared(tmp_path):
    c = corpus(tmp_path,
               "The 60-year-old Sharon Dale Crawford was arrested at her home.",
               "Police Chief James Wilkins, 61, announced the arrest on Friday.")
    assert len(ages(c)) == 2
    assert all(v != "conflict" for v, _ in verdicts(c))


def test_an_unnamed_persons_age_is_compared_where_the_sentences_tell_one_person(tmp_path):
    # "a 60-year-old woman" of one report is the Sharon Dale Crawford of the other: nothing in the
    # name rules it out, the sentences tell the same arrest
    c = corpus(tmp_path,
               "A 60-year-old woman charged with killing two young women in a Staunton ice "
               "cream shop in 1967 was arrested on Friday.",
               "Police arrested 61-year-old Sharon Dale Crawford on Friday and charged her with "
               "killing two young women in a Staunton ice cream shop in 1967.")
    assert [(t, b) for t, _, b in ages(c)][0] == ("60-year-old", "woman")
    assert ("conflict", ["60-year-old", "61-year-old"]) in verdicts(c)
    # an age with neither a name nor a person noun next to it is no claim
    c = corpus(tmp_path, "The 60-year-old was arrested.", "The suspect is 61 years old.")
    assert ages(c) == []


def whats(c):
    return [d.what for d in find_disagreements(c, verdicts=VERDICTS) if d.kind == "number"]


def test_an_unnamed_persons_age_is_not_compared_where_the_sentences_name_nothing_in_common(
        tmp_path):
    # two accused women of two cases: the sentences share no town, no police, no name
    def apart(a: str, b: str):
        paths = []
        for name, body in (("wire-a", a), ("paper-b", b)):
            p = tmp_path / f"{name}.jsonl"
            p.write_text(json.dumps({"id": name, "title": "Murder charge", "source": name,
                                     "text": body}) + "\n", encoding="utf-8")
            paths.append(p)
        return read_corpus(paths)

    c = apart("Mara Voss, 43, is charged with killing two young women in September.",
              "A 60-year-old woman charged with killing two young women in a Redfield gas "
              "station in 1971 was released without bail.")
    assert len(ages(c)) == 2
    assert not any("age" in what for what in whats(c))
    c = apart("Mara Voss, 43, is charged with murder in the shooting of two co-workers in "
              "Redfield.",
              "A 60-year-old woman charged with killing two co-workers in Redfield was "
              "released without bail.")
    assert ("conflict", ["43", "60-year-old"]) in verdicts(c)


def test_an_age_before_and_is_an_age_not_a_count(tmp_path):
    c = corpus(tmp_path,
               "Two women were killed when Arlo Penn, 20 and Jonah Vasquez, 24, opened fire.",
               "Police said two women were killed in the shooting in the town.")
    assert [(t, v) for t, v, _ in ages(c)] == [("20", 20.0), ("24", 24.0)]
    assert not [x for x in extract_claims(c) if x.unit is None and x.value in (20.0, 24.0)]
    assert not any(v == "conflict" for v, _ in verdicts(c))


def test_an_age_at_death_is_an_age_of_the_one_who_died_not_a_count(tmp_path):
    c = corpus(tmp_path,
               "Film star Vera Holm died of pneumonia at the age of 85 in a hospital on Thursday.",
               "Swimming champion Mara Lindqvist died in her sleep on Thursday, aged 91.")
    got = ages(c)
    assert [(t, v) for t, v, _ in got] == [("85", 85.0), ("91", 91.0)]
    assert got[0][2] != got[1][2]  # two people
    assert not any(x.event for x in extract_claims(c) if x.text in ("85", "91"))
    assert verdicts(c) == []
