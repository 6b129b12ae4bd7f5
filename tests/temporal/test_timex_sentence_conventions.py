"""Conventions that need more of the sentence than a few words around the expression: a future
marker far back in the same sentence, a sentence that opens with the date and says what happened
further on, the reported quarter behind "the latest period", parts of a year, anaphora with and
without an antecedent, ordinal days, seasons counted in the plural, Easter week and quoted
programme titles. Every sentence is written for the test."""

from __future__ import annotations

from storyline.temporal import find_timexes
from storyline.temporal.tense import past_at, tense_at


def found(text: str, dct: str | None) -> dict[str, tuple[str, str]]:
    return {t.text: (t.type, t.value) for t in find_timexes(text, dct)}


def values(text: str, dct: str | None) -> dict[str, str]:
    return {k: v for k, (_, v) in found(text, dct).items()}


# --- a future marker far back in the same sentence ---------------------------------------------


def test_timex_future_marker_beyond_the_near_window_still_governs_its_clause() -> None:
    text = ("Major Ana Ruiz will be named commander of the new orbital research platform for a "
            "long mission in December.")
    i = text.index("December")
    assert i - text.index("will") > 70  # beyond the near window: the sentence scan decides
    assert tense_at(text, i, i + len("December")) == "future"
    assert values(text, "2024-03-04")["December"] == "2024-12"


def test_timex_far_future_marker_stops_at_a_past_verb_or_a_new_event() -> None:
    # The minister's trip is ahead, but the attack on the convoy happened: a past tense between.
    text = ("The foreign minister will travel to the remote northern provinces, where the rebel "
            "fighters attacked a convoy of aid lorries in March.")
    assert text.index("March") - text.index("will") > 70
    assert values(text, "2024-06-10")["March"] == "2024-03"
    # "following the bombing on Tuesday": a nominal event of its own, dated in the past.
    text = ("The two governments will also resume their joint counter-terrorism work following "
            "the bombing of the central railway station on Tuesday.")
    assert values(text, "2024-05-10")["Tuesday"] == "2024-05-07"
    # A reporting verb ends the reach as well: the saying is dated.
    text = ("The two delegations will meet again in the capital to finish the draft agreement, "
            "the envoy said Tuesday.")
    assert values(text, "2024-05-10")["Tuesday"] == "2024-05-07"


def test_timex_sentence_opening_with_a_month_reads_its_verb_past_abbreviations() -> None:
    # The verb comes after "vs." and "Ala.", which do not end the sentence.
    text = ("Some clinics closed. In January, a week after the anniversary of Smith vs. Jones and "
            "a march in Mobile, Ala., a bomb outside a clinic killed a guard.")
    i = text.index("January")
    assert past_at(text, i)
    assert values(text, "2023-10-25")["January"] == "2023-01"


def test_timex_sentence_opening_with_a_month_takes_its_first_verb() -> None:
    # "who will remain chairman" is a later clause: "brought in" tells what January saw.
    text = ("In January, the board brought in a new chief executive, John A. Carver, who will "
            "remain chairman.")
    assert values(text, "2023-10-25")["January"] == "2023-01"
    # With the plan first, the coming January stays.
    text = "In January, the board plans to bring in a new chief executive."
    assert values(text, "2023-10-25")["January"] == "2024-01"


# --- earnings reports ----------------------------------------------------------------------------


def test_timex_latest_period_is_the_quarter_just_reported_even_if_named_like_the_current() -> None:
    # A fiscal fourth quarter reported in November: the latest period is that quarter, not the
    # calendar quarter before the one under way.
    text = ("Acme Foods Co. reported a 40% decline in fourth-quarter earnings. The company earned "
            "$4 million, compared with $8 million a year earlier. Sales in the latest period were "
            "$1.2 billion.")
    v = values(text, "1995-11-02")
    assert v["fourth-quarter"] == "1995-Q4"
    assert v["the latest period"] == "1995-Q4"


def test_timex_latest_quarter_without_a_reported_one_is_the_last_ended() -> None:
    text = "Sales in the latest quarter rose 3%."
    assert values(text, "1995-11-02")["the latest quarter"] == "1995-Q3"


def test_timex_part_of_the_year_names_the_year() -> None:
    f = found("Revenue fell 4% through the first nine months of the year.", "2001-10-30")
    assert f["the first nine months"] == ("DURATION", "P9M")
    assert f["the year"] == ("DATE", "2001")
    assert values("Orders should stay flat for the rest of the year.", "2001-10-30") == {
        "the year": "2001"}
    # Not any "of the year": an award is not a date.
    assert values("She was named player of the year.", "2001-10-30") == {}


# --- anaphora and ordinal days -----------------------------------------------------------------


def test_timex_that_day_needs_a_day_named_before() -> None:
    # Generic: no day has been named, and today would not be "that day".
    assert "that day" not in values(
        "You hear a rumour, it spreads, and you get heavy selling that day.", "2024-05-10")
    v = values("The plant closed on March 3. Most workers left town that day.", "2024-05-10")
    assert v["that day"] == "2024-03-03"


def test_timex_ordinal_day_said_in_the_present_is_today() -> None:
    assert values("Today is the eighth day of the strike at the port.", "2024-05-10")[
        "the eighth day"] == "2024-05-10"
    assert values("It's the second day of an offensive in the hills.", "2024-05-10")[
        "the second day"] == "2024-05-10"
    # In the past tense it is some other day, which the sentence does not give.
    assert values("It was the second day of the talks.", "2024-05-10") == {}


def test_timex_the_years_is_a_vague_span_of_years() -> None:
    assert found("Over the years the town has lost its mills.", "2024-05-10") == {
        "the years": ("DURATION", "PXY")}
    assert found("In the years that followed, the rebels fought on.", "2024-05-10") == {
        "the years": ("DURATION", "PXY")}
    assert found("Fewer lives are saved in the early years.", "2024-05-10") == {
        "the early years": ("DURATION", "PXY")}
    # Shorter units before an event are dated by the event, which this rule does not attempt.
    assert found("His car was seen in the weeks before the shooting.", "2024-05-10") == {}


# --- seasons, holidays, titles -------------------------------------------------------------------


def test_timex_seasons_counted_in_the_plural_are_a_set() -> None:
    assert found("Riots have broken out in the city for the past three summers.",
                 "1998-03-22") == {"the past three summers": ("SET", "XXXX-SU")}
    assert found("They spent two winters in the north.", "1998-03-22") == {
        "two winters": ("SET", "XXXX-WI")}
    # "falls" is mostly tumbles.
    assert found("The climber survived two falls.", "1998-03-22") == {}


def test_timex_easter_week_and_the_days_of_holy_week() -> None:
    # A week is under way from its first day: the coming Easter (2000-04-23) is meant.
    assert found("Pilgrims prayed as Easter week began.", "2000-04-17") == {
        "Easter week": ("DATE", "2000-W16")}
    assert values("Holy Week 1999 was calm.", "2000-04-25") == {"Holy Week 1999": "1999-W13"}
    assert values("The shops were shut on Good Friday.", "2000-04-25") == {
        "Good Friday": "2000-04-21"}
    assert values("Crowds waved palms on Palm Sunday.", "2000-04-25") == {
        "Palm Sunday": "2000-04-16"}
    # Easter alone is still the day.
    assert values("The family met at Easter.", "2000-05-02") == {"Easter": "2000-04-23"}


def test_timex_quoted_programme_title_is_not_a_date() -> None:
    text = 'The envoy said on the "This Week With Ann Ross" programme that talks would resume.'
    assert found(text, "1991-02-25") == {}
    # A quoted phrase that is no title still counts.
    assert values('He said "this week we vote" and left.', "1991-02-25") == {
        "this week": "1991-W09"}


def test_timex_thousands_of_years_are_a_count_not_the_year_2000() -> None:
    f = find_timexes("The guild has kept its glass-blowing secrets for more than two thousand "
                     "years.", "1998-01-21")
    assert [(t.text, t.type, t.value, t.mod) for t in f] == [
        ("more than two thousand years", "DURATION", "P2000Y", "MORE_THAN")]
    # The spoken year itself is still a year.
    assert values("The bridge opens in the year two thousand.", "1998-01-21") == {
        "the year two thousand": "2000"}
