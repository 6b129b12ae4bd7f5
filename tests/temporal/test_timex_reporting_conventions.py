"""News and TimeML conventions for earnings summaries, shares, days counted from another day,
month names before a noun, and plans told in the past. Every sentence is written for the test."""

from __future__ import annotations

from storyline.temporal import find_timexes

WED = "2024-05-08"  # a Wednesday


def found(text: str, dct: str | None = WED) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, dct)}


# --- "for the year" in an earnings summary ---------------------------------------------------


def test_timex_for_the_year_is_the_reported_year_not_twelve_months() -> None:
    assert found("For the year, cereal volume was flat.")["the year"] == ("DATE", "2024")
    assert found("The stock hit a high for the year in June.")["the year"] == ("DATE", "2024")
    # A year said to end on a day is still a span.
    assert found("Net rose 9% for the year ended March 31.")["the year"] == ("DURATION", "P1Y")


# --- a share is not a quarter of a year ------------------------------------------------------


def test_timex_a_quarter_of_the_market_is_a_share() -> None:
    assert found("Funds hold more than a quarter of the junk market.") == {}
    assert found("Three quarters of its staff left.") == {}
    # Quarters of losses, and a quarter of a century, are lengths of time.
    assert found("It turned a profit after several quarters of losses.")[
        "several quarters"] == ("DURATION", "PXQ")


def test_timex_trading_and_business_days_are_days() -> None:
    assert found("Eight trading days later the index recovered.")["Eight trading days"] == (
        "DURATION", "P8D")
    assert found("Refunds arrive in five business days.")["five business days"] == (
        "DURATION", "P5D")


# --- generic and past-relative uses ----------------------------------------------------------


def test_timex_of_tomorrow_is_the_future_in_general() -> None:
    assert found("He wants to train the engineers of tomorrow.") == {}
    assert found("The vote is tomorrow.")["tomorrow"] == ("DATE", "2024-05-09")


def test_timex_then_current_is_a_past_present() -> None:
    assert found("Holders may buy shares at the then current market price.")[
        "then current"] == ("DATE", "PAST_REF")
    assert found("He met the then-current chairman.")["then-current"] == ("DATE", "PAST_REF")
    assert found("Current rates are high.")["Current"] == ("DATE", "PRESENT_REF")


# --- a day counted from another day ----------------------------------------------------------


def test_timex_day_before_or_after_a_named_day_moves_it_by_one() -> None:
    got = found("The day before last Tuesday's hearing, he visited his cousin.")
    assert got == {"day before last Tuesday": ("DATE", "2024-05-06")}
    assert found("They met the day after Christmas.")["day after Christmas"] == (
        "DATE", "2023-12-26")
    assert found("We leave the day after tomorrow.")["day after tomorrow"] == ("DATE", "2024-05-10")


def test_timex_the_day_before_an_event_after_a_date_is_that_date() -> None:
    got = found("The index fell after Oct. 12, 2023, the day before the plunge.")
    assert got["Oct. 12, 2023"] == ("DATE", "2023-10-12")
    assert got["the day"] == ("DATE", "2023-10-12")
    # With no date just before it, "the day before" is left alone.
    assert "the day" not in found("The day before the vote, he resigned.")


# --- "the March accession" -------------------------------------------------------------------


def test_timex_may_or_march_before_a_noun_is_the_month() -> None:
    assert found("The March accession made them members.")["March"] == ("DATE", "2024-03")
    assert found("The March accession will make them members.")["March"] == ("DATE", "2025-03")
    assert found("They joined the March of Dimes.") == {}
    assert found("The May government fell.") == {}


# --- a plan told in the past looks ahead -----------------------------------------------------


def test_timex_planned_event_on_a_weekday_is_the_coming_one() -> None:
    assert found("Protesters planned a large rally on Saturday.")["Saturday"] == (
        "DATE", "2024-05-11")
    assert found("Protesters held a large rally on Saturday.")["Saturday"] == (
        "DATE", "2024-05-04")
