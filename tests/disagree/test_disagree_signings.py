"""An agreement is signed once: a date written before an agreement ("a May 20 agreement") dates
its signing, and two signing dates of agreements about the same thing between the same parties
are two accounts of one signing. A truce and a later settlement of the same parties are not."""

from __future__ import annotations

from pathlib import Path

from storyline.claims.dates import SIGN

from two_reports import event_of, found as verdicts_of, two_reports


def dates(tmp_path: Path, a: tuple[str, str], b: tuple[str, str]) -> list[tuple[str, list[str]]]:
    """Verdicts on the dates of two reports given as (publication day, text)."""
    return verdicts_of(two_reports(tmp_path, a[1], b[1], (a[0], b[0]), "Grain deal"), "date")


def test_a_date_before_an_agreement_dates_its_signing():
    assert event_of("At issue was a May 20 agreement letting Valdoria sell grain.",
                    "May 20") == SIGN
    assert event_of("Officials said the 1995 accord on fishing rights still held.",
                    "1995") == SIGN
    assert event_of("Officials said the 1995 flood ruined the harvest.", "1995") != SIGN


def test_two_signing_dates_of_one_agreement_conflict(tmp_path):
    got = dates(tmp_path,
                ("1996-08-27", "Officials in Dorvik say the Valdoria-Kestrel memorandum on partial "
                               "grain sales signed last June says nothing about how many "
                               "inspectors may work in Valdoria."),
                ("1996-08-28", "Talks centred on a May 20 agreement allowing Valdoria to sell "
                               "grain worth $2 billion to buy medicine for its hospitals."))
    assert ("conflict", ["May 20", "last June"]) in got


def test_a_truce_and_a_later_settlement_are_two_signings(tmp_path):
    # the same two envoys sign a truce one week and a settlement the next: one party and one
    # verb, but nothing the two agreements are about in common
    got = dates(tmp_path,
                ("1996-08-23", "Envoy Arvo Tamm and rebel commander Olev Sirk signed an agreement "
                               "on Thursday under which the two sides would stop all fighting "
                               "in Dorvik at noon on Friday."),
                ("1996-09-01", "Rebels in Dorvik will see the deal signed by envoy Arvo Tamm in "
                               "the early hours of Saturday as a victory for their cause."))
    assert not any(label == "conflict" for label, _ in got)


def test_two_agreements_of_one_pair_about_different_things_are_two_signings(tmp_path):
    # the same parties sign an exchange of prisoners one month and a sale of grain another:
    # nothing the two agreements are about in common
    got = dates(tmp_path,
                ("1996-08-27", "Officials in Dorvik say the Valdoria-Kestrel memorandum on "
                               "prisoner exchanges signed last June says nothing about how many "
                               "inspectors may work in Valdoria."),
                ("1996-08-28", "Talks centred on a May 20 agreement allowing Valdoria to sell "
                               "grain worth $2 billion to buy medicine for its hospitals."))
    assert not any(label == "conflict" for label, _ in got)


def test_agreements_about_one_thing_of_other_parties_are_two_signings(tmp_path):
    # two countries' grain agreements: about the same thing, signed by no party in common
    got = dates(tmp_path,
                ("1996-08-27", "Officials say the memorandum between Valdoria and the World Bank "
                               "on grain sales signed last June says nothing about how many "
                               "inspectors may work in Valdoria."),
                ("1996-08-28", "Officials say a May 20 agreement allowing Ostrava to sell grain "
                               "says nothing about how many inspectors may work in Ostrava."))
    assert not any(label == "conflict" for label, _ in got)



def test_what_happened_around_an_agreement_is_not_its_subject(tmp_path):
    # the border is where troops went before the grain agreement, not what it is about: a pact
    # on border visits and one on grain sales are two agreements
    got = dates(tmp_path,
                ("1996-08-27", "Officials in Dorvik hold that the Valdoria memorandum allowing "
                               "border visits, signed last June, does not say how many foreign "
                               "observers should be stationed there."),
                ("1996-08-28", "At issue was a May 20 agreement allowing Valdoria to sell grain "
                               "worth $2 billion to buy medicine since its troops crossed the "
                               "border."))
    assert not any(label == "conflict" for label, _ in got)


def test_what_any_agreement_does_is_not_its_subject(tmp_path):
    # "allowing" frames both agreements: one lets inspectors visit ports, the other sells grain
    got = dates(tmp_path,
                ("1996-08-27", "Officials in Dorvik hold that the Valdoria memorandum allowing "
                               "inspectors to visit ports, signed last June, does not say how "
                               "many foreign observers should be stationed there."),
                ("1996-08-28", "At issue was a May 20 agreement allowing Valdoria to sell grain "
                               "worth $2 billion to buy medicine."))
    assert not any(label == "conflict" for label, _ in got)


def test_an_agreement_told_as_signed_has_its_subject_too(tmp_path):
    got = dates(tmp_path,
                ("1996-08-27", "A memorandum on partial grain sales was signed by Valdoria last "
                               "June, yet officials in Dorvik still argue over how many foreign "
                               "inspectors it lets in."),
                ("1996-08-28", "Talks centred on a May 20 agreement allowing Valdoria to sell "
                               "grain worth $2 billion to buy medicine for its hospitals."))
    assert ("conflict", ["May 20", "last June"]) in got
