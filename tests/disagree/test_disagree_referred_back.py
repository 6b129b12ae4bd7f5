"""A sentence that speaks of something named sentences before: "the games" after "the Pan
American Games", and a count of where the counted come from ("3,000 athletes from 27 nations"),
to which the sentence's verb does not happen."""

from __future__ import annotations

from pathlib import Path

from two_reports import found, two_reports

from storyline.claims import extract_claims
from storyline.claims.context import named_before
from storyline.claims.records import Claim
from storyline.corpus import Corpus
from storyline.records import Mention

_OPENED = ("The president opened the Pan American Games on Sunday night. A sprinter from Chile "
           "won the games' first gold medal in the morning. The torch relay preceded a fortnight "
           "of contests among 3,000 athletes from 27 nations.")


def _count(corpus: Corpus, text: str) -> Claim:
    return next(c for c in extract_claims(corpus) if c.kind == "number" and c.text == text)


def test_the_games_are_the_games_named_before(tmp_path: Path) -> None:
    c = two_reports(tmp_path, _OPENED, "The stadium was full.")
    nations = _count(c, "27")
    # the sentence names no games; the one before calls them "the games"
    assert any(e.endswith(":pan-american-games") for e in nations.entity_ids)


def test_a_one_word_name_is_no_antecedent() -> None:
    # "Apple" and "the apple": a one-word name is an ordinary word too often; a person is
    # referred back to by "he" or a surname, not by "the <last word>"
    mentions = [Mention("a", 0, 5, "Apple", "ORG", "ORG:apple"),
                Mention("a", 30, 40, "Maria Lopez", "PERSON", "PERSON:maria-lopez"),
                Mention("a", 50, 62, "Shell Oil", "ORG", "ORG:shell-oil")]
    assert named_before(100, "The orchard lost the apple crop to the lopez and the oil.",
                        mentions) == ["ORG:shell-oil"]
    assert named_before(40, "It lost the oil.", mentions) == []  # named after, not before


def test_where_the_counted_come_from_has_no_event(tmp_path: Path) -> None:
    c = two_reports(tmp_path, _OPENED, "The stadium was full.")
    # the relay preceded the contests; nothing happened to the nations
    assert _count(c, "27").event is None


def test_nations_at_the_games_counted_twice_conflict(tmp_path: Path) -> None:
    c = two_reports(
        tmp_path,
        "Peru showed its new stadiums for the Pan American Games to a visiting jury on Thursday, "
        "the heads of the organizing committees from the 29 nations competing in the July event.",
        _OPENED)
    assert found(c) == [("conflict", ["27", "29"])]
