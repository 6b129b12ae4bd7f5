"""One check-in, told with different verbs and names: "checked into the clinic", "went to a
wellness clinic"; "Horizons Wellness Center" and "Horizons", which the tagger does not link."""

from __future__ import annotations

from two_reports import event_of, found, two_reports


def test_going_to_a_place_of_care_is_checking_in():
    assert event_of("The singer, 41, was said to have headed to a desert detox clinic on "
                    "Tuesday.", "Tuesday") == "check in"
    assert event_of("The striker went to hospital on Sunday with a knee injury.",
                    "Sunday") == "check in"


def test_going_elsewhere_or_to_visit_is_not_checking_in():
    assert event_of("The singer headed to Paris on Tuesday.", "Tuesday") != "check in"
    assert event_of("The mayor went to the hospital on Sunday to visit the wounded.",
                    "Sunday") != "check in"


def test_a_check_in_where_one_report_shortens_the_clinic_name(tmp_path):
    # the second report writes "Horizons" and "a wellness clinic" where the first names
    # "Horizons Wellness Center": the same place, though no entity links the two
    corpus = two_reports(
        tmp_path,
        "\"Night Shift\" star Lena Marsh checked into Horizons Wellness Center on Friday, though "
        "her agent would not say why.",
        "The singer has gone into Horizons, a friend said without giving a reason. The star, 29, "
        "went to a desert wellness clinic on Tuesday.")
    assert ("conflict", ["Friday", "Tuesday"]) in found(corpus, "date")
