"""More news and TimeML conventions: schedules in the simple present, parts of the day, clock hours
told with a part of the day, recurring weekday nights, spelled-out years, halves and reporting
years. Every sentence is written for the test."""

from __future__ import annotations

from storyline.temporal import find_timexes

WED = "2024-05-08"  # a Wednesday


def found(text: str, dct: str | None = WED) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, dct)}


def values(text: str, dct: str | None = WED) -> dict[str, str]:
    return {k: v for k, (_, v) in found(text, dct).items()}


# --- a schedule in the simple present looks ahead -------------------------------------------


def test_timex_scheduled_present_tense_weekday_is_the_coming_one() -> None:
    # "meets the king Monday" announces a meeting: next Monday, not the one just gone.
    assert values("The prime minister meets the king Monday in Amman.")["Monday"] == "2024-05-13"
    assert values("The two leaders meet separately Friday with the envoy.")["Friday"] == (
        "2024-05-10")
    assert values("The committee convenes Thursday to vote.")["Thursday"] == "2024-05-09"


def test_timex_reporting_and_negated_past_stay_in_the_past() -> None:
    # "says" reports; "did not meet" is the past: the nearest past weekday stays.
    assert values("He says Monday was the worst day.")["Monday"] == "2024-05-06"
    assert values("They did not meet Monday as planned.")["Monday"] == "2024-05-06"
    assert values("The ministers met Monday in Brussels.")["Monday"] == "2024-05-06"


# --- parts of the day ------------------------------------------------------------------------


def test_timex_part_of_day_with_a_modifier_is_a_time_of_the_dct() -> None:
    assert found("By mid-afternoon, officials were counting the votes.")["mid-afternoon"] == (
        "TIME", "2024-05-08TAF")
    assert values("Shares rose in London at mid-afternoon yesterday.")[
        "mid-afternoon yesterday"] == "2024-05-07TAF"
    assert values("Trading was thin in the late morning Friday.")[
        "the late morning Friday"] == "2024-05-03TMO"


def test_timex_the_morning_is_the_morning_of_the_day_being_told() -> None:
    got = values("Shares closed higher on Friday. Dealers placed heavy orders in the morning.")
    assert got["Friday"] == "2024-05-03"
    assert got["the morning"] == "2024-05-03TMO"


def test_timex_morning_as_a_name_is_not_a_time() -> None:
    got = found("She spoke on the morning news show, then on state TV's morning talk show.")
    assert got == {}
    assert found("Good morning, and welcome.") == {}


def test_timex_clock_hour_with_a_part_of_the_day() -> None:
    assert found("The fire broke out at nine o'clock at night.")["nine o'clock at night"] == (
        "TIME", "2024-05-08T21:00")
    assert values("The market opened at 10 in the morning yesterday.")[
        "10 in the morning yesterday"] == "2024-05-07T10:00"
    # Announced for "the morning": the coming one.
    assert values("The father will leave at 4 in the morning, his lawyer said.")[
        "4 in the morning"] == "2024-05-09T04:00"


# --- recurring weekday nights ----------------------------------------------------------------


def test_timex_plural_weekday_part_is_a_set() -> None:
    assert found("The club opens on Friday nights.")["Friday nights"] == (
        "SET", "XXXX-WXX-5TNI")
    got = found("The ferry sails on Monday and Tuesday nights from June 3.")
    assert got["Monday"] == ("SET", "XXXX-WXX-1TNI")
    assert got["Tuesday nights"] == ("SET", "XXXX-WXX-2TNI")
    assert got["June 3"] == ("DATE", "2024-06-03")
    # A single night stays a date.
    assert found("Protesters rallied late Tuesday night outside the court.")[
        "late Tuesday night"] == ("TIME", "2024-05-07TNI")


# --- spelled-out years (broadcast transcripts) ------------------------------------------------


def test_timex_month_or_season_with_a_spoken_year() -> None:
    assert values("January nineteen ninety-seven. Atlanta again.")[
        "January nineteen ninety-seven"] == "1997-01"
    assert values("Oil fell to levels last seen in the winter of nineteen ninety-four.")[
        "the winter of nineteen ninety-four"] == "1994-WI"
    assert values("The games open in August two thousand.")["August two thousand"] == "2000-08"


# --- halves, reporting years, ends of months, stretches ahead -------------------------------


def test_timex_first_two_quarters_of_a_year_is_its_first_half_even_after_a_modifier() -> None:
    got = values("The slump will last through at least the first two quarters of 2025.")
    assert got == {"at least the first two quarters of 2025": "2025-H1"}


def test_timex_year_ended_is_a_span_whatever_the_preposition() -> None:
    got = found("Revenue was $980 million in the year ended March 31.")
    assert got["the year"] == ("DURATION", "P1Y")
    assert got["March 31"] == ("DATE", "2024-03-31")
    assert found("It expects a loss in the fiscal year ending June 30, 2025.")[
        "the fiscal year"] == ("DURATION", "P1Y")


def test_timex_end_of_the_month_is_the_month_with_its_part() -> None:
    t = find_timexes("The troops should be in place by the end of the month.", WED)[0]
    assert (t.text, t.value, t.mod) == ("the end of the month", "2024-05", "END")
    assert found("The end of the month of Ramadan was celebrated.") == {}


def test_timex_the_weeks_ahead_is_an_unspecified_duration() -> None:
    assert found("Funds may sell bonds in the weeks ahead.")["the weeks ahead"] == (
        "DURATION", "PXW")


def test_timex_conventions_without_a_dct_use_placeholders() -> None:
    got = values("By mid-afternoon the club, open on Friday nights, was full.", None)
    assert got["mid-afternoon"] == "XXXX-XX-XXTAF"
    assert got["Friday nights"] == "XXXX-WXX-5TNI"


# --- where TBAQ's annotators disagree with each other, the TimeML guidelines decide ----------


def test_timex_guideline_relative_weeks_are_iso_weeks_not_wxx() -> None:
    # TimeML values a specific week as YYYY-Wnn; "XXXX-WXX"-style underspecification is for
    # weeks the text does not fix. May 8, 2024 lies in ISO week 19.
    got = values("Officials met last week and will meet again next week; this week is quiet.")
    assert got == {"last week": "2024-W18", "next week": "2024-W20", "this week": "2024-W19"}


def test_timex_guideline_weekday_night_is_a_time_with_its_part() -> None:
    assert found("The rally was held Thursday night.")["Thursday night"] == (
        "TIME", "2024-05-02TNI")
    assert found("The rally was held on Thursday.")["Thursday"] == ("DATE", "2024-05-02")


def test_timex_guideline_now_and_currently_are_present_ref() -> None:
    got = found("The company now employs 300 people and currently plans no cuts.")
    assert got == {"now": ("DATE", "PRESENT_REF"), "currently": ("DATE", "PRESENT_REF")}


def test_timex_guideline_decades_centuries_and_ago() -> None:
    got = found("Prices rose in the 1960s, the highest of the 20th century, and fell two years "
                "ago.")
    assert got["the 1960s"] == ("DATE", "196")
    assert got["the 20th century"] == ("DATE", "19")
    assert got["two years ago"] == ("DATE", "2022")


def test_timex_clock_time_takes_the_day_after_a_parenthetical_zone() -> None:
    got = values("The blast occurred at about 10:35 a.m. (0735 GMT) Tuesday, toppling a wall.")
    assert got["about 10:35 a.m."] == "2024-05-07T10:35"
    # With no day word at all it stays on the DCT.
    assert values("The polls close at 8 p.m. (1800 GMT).")["8 p.m."] == "2024-05-08T20:00"
