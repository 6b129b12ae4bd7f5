"""Dates of planned releases named indirectly: a date on "expected", "scheduled" or "set for"
dates the happening it qualifies, "the same time as X" gives X the date too, and one named
product is released once, however often its maker releases things."""

from __future__ import annotations

from pathlib import Path

from storyline.claims import extract_claims
from storyline.claims.context import unmarked_names
from storyline.claims.dates import themes
from storyline.claims.parse import parse
from storyline.records import Mention

from two_reports import event_of, found, two_reports

EXPECTED = ("Reviewers praise the new features. Analysts say Sony Meridian is also expected to "
            "offer many of these features when it is released, expected in late 2016.")


def test_a_planning_participle_dates_the_happening_it_follows():
    assert event_of(EXPECTED, "late 2016") == "release"
    for planned in ("due in", "slated for", "scheduled for"):
        assert event_of(f"Analysts say Sony Meridian will sell well when it is released, "
                        f"{planned} late 2016.", "late 2016") == "release", planned


def test_a_planning_participle_dates_the_noun_it_qualifies():
    assert event_of("Delegates will meet again at the summit, set for April in Lisbon.",
                    "April") == "summit"
    # notes due on a day are repaid then: the date is no happening of the notes
    assert event_of("The notes, due Nov. 1, 2019, were sold at par.", "Nov. 1, 2019") != "note"
    # a record set in a year was set then: no plan
    assert event_of("The record, set in 1996, still stands.", "1996") == "set"


def test_a_planning_participle_with_its_own_object_names_the_plan():
    assert event_of("The tablet is expected to ship in late 2016.", "late 2016") == "ship"
    # the talks are planned for April, not the meeting in Lisbon
    assert event_of("The ministers met in Lisbon, having scheduled more talks for April.",
                    "April") == "schedule"


def test_it_stands_for_the_named_subject_above():
    doc = parse(["Sony Meridian is expected to sell well when it is released next year."])[0]
    released = next(t for t in doc if t.text == "released")
    assert themes(released) == ("meridian sony",)


def test_the_same_time_as_lends_the_date():
    for tail in ("the same time as Sony's Meridian.", "at the same time as Sony's Meridian.",
                 "alongside Sony's Meridian."):
        doc = parse([f"Nokia said its Falcon would be released in 2017, {tail}"])[0]
        released = next(t for t in doc if t.text == "released")
        assert themes(released) == ("falcon", "meridian sony"), tail


def _unmarked(sentence: str, tagged: list[tuple[str, str, str]]) -> list[str]:
    """unmarked_names of ``sentence`` where the tagger found only ``tagged`` (text, label, id)."""
    doc = parse([sentence])[0]
    mentions = [Mention("a", sentence.index(text), sentence.index(text) + len(text), text, label,
                        entity_id) for text, label, entity_id in tagged]
    return unmarked_names(doc, 0, mentions)


def test_a_possessed_name_the_tagger_missed_is_the_owners_product():
    sony = ("Sony", "ORG", "ORG:sony")
    assert _unmarked("Nokia said its tablet would ship alongside Sony's Meridian.", [sony]) \
        == ["ORG:sony-meridian"]
    # a person the report names elsewhere, and the organisation's own initials, are no product
    assert _unmarked("Nokia's tablet will ship alongside Sony's Meridian, said Bill Meridian.",
                     [sony, ("Bill Meridian", "PERSON", "PERSON:bill-meridian")]) == []
    assert _unmarked("Students protested the Zonal Trade Council's (ZTC) handling of the talks.",
                     [("Zonal Trade Council", "ORG", "ORG:zonal-trade-council")]) == []


def test_two_dates_for_one_named_release_conflict(tmp_path: Path):
    c = two_reports(tmp_path, EXPECTED,
                    "Nokia announced that its new tablet would be released in 2017, the same "
                    "time as Sony's Meridian.", ("2015-05-07", "2015-06-06"))
    claims = [x for x in extract_claims(c) if x.kind == "date" and x.event == "release"]
    assert all("meridian sony" in x.themes for x in claims)
    assert found(c, "date") == [("conflict", ["2017", "late 2016"])]


def test_releases_of_two_named_products_are_two_happenings(tmp_path: Path):
    lead = "Sony executives told the trade fair in Berlin that the new {} would be released in {}."
    c = two_reports(tmp_path, lead.format("Meridian", "late 2016"), lead.format("Polaris", "2017"),
                    ("2015-05-07", "2015-06-06"))
    assert not any(v == "conflict" for v, _ in found(c, "date"))
    # the same product named in both: one release, two dates
    c = two_reports(tmp_path, lead.format("Meridian", "late 2016"),
                    lead.format("Meridian", "2017"), ("2015-05-07", "2015-06-06"))
    assert ("conflict", ["2017", "late 2016"]) in found(c, "date")
