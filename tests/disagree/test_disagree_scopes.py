"""Counts for places: one sentence giving a count for each of two places, a count for both
places together, a city written with its country, and a rise that the rest of the coverage
does not bear out."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.claims import extract_claims
from storyline.claims.records import Claim
from storyline.corpus import read_corpus
from storyline.disagree import VERDICTS, DisagreeSettings, find_disagreements
from storyline.disagree.align import AlignContext, similarity
from storyline.disagree.find import judge_all

LEAD = ("Two trucks packed with explosives blew up on Friday outside the consulates in "
        "Mombasa, Kenya, and Tanga, Tanzania, police said. ")


def report(tmp_path: Path, name: str, body: str, published: str, lead: str = LEAD,
           title: str = "Twin truck bombings") -> Path:
    p = tmp_path / f"{name}.jsonl"
    p.write_text(json.dumps({"id": name, "title": title, "source": name,
                             "date": published, "text": lead + body}) + "\n", encoding="utf-8")
    return p


def number_verdicts(corpus) -> list[tuple[str, list[str]]]:  # type: ignore[no-untyped-def]
    return [(d.verdict, sorted(s.value for s in d.sides))
            for d in find_disagreements(corpus, verdicts=VERDICTS) if d.kind == "number"]


def verdicts(tmp_path: Path, *reports: tuple[str, str, str]) -> list[tuple[str, list[str]]]:
    return number_verdicts(read_corpus([report(tmp_path, *r) for r in reports]))


def test_each_count_of_a_sentence_keeps_its_own_place(tmp_path):
    corpus = read_corpus([report(tmp_path, "wire", "The blasts killed 61 people in Kenya and 9 in "
                                 "Tanzania, hospital staff said.", "1999-03-06")])
    counts = {c.text: c for c in extract_claims(corpus) if c.kind == "number"}
    assert counts["61"].places == ["GPE:kenya"]
    assert counts["9"].places == ["GPE:tanzania"]
    assert not counts["61"].whole and not counts["9"].whole


def test_a_place_given_a_compass_part_is_still_where_the_count_was_made(tmp_path):
    corpus = read_corpus([report(tmp_path, "wire", "Five people died in northern Kenya and two "
                                 "in Tanzania, hospital staff said.", "1999-03-06")])
    counts = {c.text: c for c in extract_claims(corpus) if c.kind == "number"}
    assert counts["Five"].places == ["GPE:kenya"] and counts["Five"].placed
    assert counts["two"].places == ["GPE:tanzania"]


def test_a_count_for_both_places_is_not_a_count_for_one(tmp_path):
    got = verdicts(
        tmp_path,
        ("wire", "That raised the toll for both bombings to 70.", "1999-03-06"),
        ("paper", "Officials said 9 people were killed in Tanzania.", "1999-03-06"))
    assert not any("70" in values for _, values in got)


def test_two_places_joined_by_and_make_a_count_for_both(tmp_path):
    corpus = read_corpus([report(tmp_path, "wire", "The bombings in Mombasa, Kenya, and Tanga, "
                                 "Tanzania, killed 70 people.", "1999-03-06")])
    seventy = next(c for c in extract_claims(corpus) if c.text == "70")
    assert seventy.whole


def test_a_city_written_with_its_country_is_inside_it(tmp_path):
    got = verdicts(
        tmp_path,
        ("wire", "The blasts killed 61 people in Kenya and 9 in Tanzania.", "1999-03-06"),
        ("paper", "The truck bomb at the consulate in Mombasa killed 64 people.", "1999-03-06"))
    assert ("conflict", ["61", "64"]) in got
    # and the Tanzanian count is not compared with the count for Mombasa
    assert not any(values == ["64", "9"] for _, values in got)


def pair_verdict(corpus, x: str, y: str) -> str | None:  # type: ignore[no-untyped-def]
    """The verdict on the toll of outlet ``x`` and the toll of outlet ``y``, judged within the
    whole coverage."""
    claims = extract_claims(corpus)
    ctx = AlignContext.build(corpus, claims)
    for j in judge_all(claims, corpus, ctx, DisagreeSettings()):
        outlets = {corpus.articles[j.a.article_id].outlet, corpus.articles[j.b.article_id].outlet}
        if j.a.event == "killed" and outlets == {x, y}:
            return j.verdict.label
    return None


def test_a_rise_the_later_coverage_does_not_bear_out_is_a_conflict(tmp_path):
    dated = [report(tmp_path, "wire", "The blast in Mombasa killed 61 people.", "1999-03-06"),
             report(tmp_path, "paper", "The blast in Mombasa killed 64 people.", "1999-03-07")]
    assert pair_verdict(read_corpus(dated), "wire", "paper") == "update"
    later = report(tmp_path, "weekly", "The blast in Mombasa killed 61 people, the consulate "
                   "said.", "1999-03-12")
    assert pair_verdict(read_corpus([*dated, later]), "wire", "paper") == "conflict"


def test_a_rise_the_later_report_says_happened_stays_an_update(tmp_path):
    docs = [report(tmp_path, "wire", "The blast in Mombasa killed 61 people.", "1999-03-06"),
            report(tmp_path, "paper", "The toll of the blast in Mombasa has risen to 64.",
                   "1999-03-07"),
            report(tmp_path, "weekly", "The blast in Mombasa killed 61 people, the consulate "
                   "said.", "1999-03-12")]
    assert pair_verdict(read_corpus(docs), "wire", "paper") == "update"


def counts_of(tmp_path: Path, body: str) -> dict[str, tuple[float | None, str | None]]:
    corpus = read_corpus([report(tmp_path, "wire", body, "1999-03-06")])
    return {c.text: (c.value, c.head) for c in extract_claims(corpus) if c.kind == "number"}


def test_others_leave_out_the_people_named_with_them(tmp_path):
    got = counts_of(tmp_path, "The driver, his brother and six other people died in the blast. "
                    "A guard perished along with 12 others at the gate.")
    assert got["six"] == (8.0, "people")
    assert got["12"] == (13.0, "people")
    plain = counts_of(tmp_path, "The blast killed three soldiers and 10 other people.")
    assert plain["10"][0] == 10.0


def test_a_part_named_after_the_count_is_counted_by_its_own_noun(tmp_path):
    got = counts_of(tmp_path, "More than 60 people died, nine of them Britons.")
    assert got["nine"][1] != "people"


def test_a_figure_the_sentence_itself_supersedes_is_no_claim(tmp_path):
    got = counts_of(tmp_path, "The toll in Tanga, initially 9, has risen to 12, doctors said.")
    assert "12" in got and "9" not in got


def test_one_person_killed_on_two_dates_is_a_conflict(tmp_path):
    # Friday before Monday 15 March 1999 is 12 March
    got = [(d.verdict, sorted(s.value for s in d.sides)) for d in find_disagreements(
        read_corpus([report(tmp_path, "wire", "Consul Harald Brenner was killed on March 5, 1999 "
                            "by a gunman in Mombasa.", "1999-03-16"),
                     report(tmp_path, "paper", "Harald Brenner was shot on Friday night as he "
                            "left the consulate.", "1999-03-15")]),
        verdicts=VERDICTS) if d.kind == "date"]
    assert ("conflict", ["Friday night", "March 5, 1999"]) in got


def test_a_person_named_in_both_killings_makes_them_one_event(tmp_path):
    # the tagger may miss the person ("Slepian" read as a nationality): the named argument of a
    # once-only event still ties the two sentences together; of a repeatable one it does not
    def dated(aid: str, event: str, words: list[str]) -> Claim:
        return Claim(kind="date", article_id=aid, start=0, end=5, text="March", sentence_start=0,
                     sentence_end=40, what=event, date="1999-03-05", event=event,
                     agent=["brenner"], entity_ids=["NORP:brenner"], words=words)

    corpus = read_corpus([report(tmp_path, "wire", "The blasts killed 61 people.", "1999-03-06"),
                          report(tmp_path, "paper", "Police found the truck.", "1999-03-07")])
    ctx = AlignContext.build(corpus, [])
    settings = DisagreeSettings()
    a, b = corpus.ids
    killed = similarity(dated(a, "kill", ["sniper", "backyard"]),
                        dated(b, "kill", ["kitchen", "back"]), ctx, settings)
    visited = similarity(dated(a, "visit", ["sniper", "backyard"]),
                         dated(b, "visit", ["kitchen", "back"]), ctx, settings)
    assert killed >= settings.min_date > visited


def test_a_far_figure_needs_a_clearly_better_alignment_to_be_the_match():
    from storyline.disagree.find import Judged, _rank
    from storyline.disagree.verdict import Verdict

    def count(aid: str, value: float) -> Claim:
        return Claim(kind="number", article_id=aid, start=0, end=3, text=f"{value:g}",
                     sentence_start=0, sentence_end=30, what="people killed", low=value,
                     high=value, value=value, head="people", event="killed")

    v = Verdict("conflict", "")
    near = Judged(count("a", 247), count("b", 253), 0.13, v)
    far = Judged(count("a", 247), count("b", 10), 0.35, v)
    assert _rank(near) > _rank(far)  # a toll of 247 against a toll of 10: two places' tolls
    much_better = Judged(count("a", 247), count("b", 10), 0.9, v)
    assert _rank(much_better) > _rank(near)


def test_reported_dead_is_a_count_of_the_dead(tmp_path):
    corpus = read_corpus([report(tmp_path, "wire", "At least seven were reported dead in Tanga.",
                                 "1999-03-06")])
    seven = next(c for c in extract_claims(corpus) if c.text == "At least seven")
    assert seven.event == "killed" and seven.low == 7


def test_what_happened_to_people_named_by_nation_decides_what_is_counted(tmp_path):
    got = verdicts(
        tmp_path,
        ("wire", "Police in Tanga rounded up six Iraqis and two Somalis on Monday.", "1999-03-09"),
        ("paper", "Five Iraqis were deported from Tanga on Monday, police said.", "1999-03-09"))
    assert not any(values == ["Five", "six"] for _, values in got)


def test_a_total_offered_is_not_the_sum_one_body_offers(tmp_path):
    got = verdicts(
        tmp_path,
        ("wire", "The State Department is offering a $500,000 reward for the bombers.",
         "1999-03-09"),
        ("paper", "A total of $650,000 is being offered as rewards for the bombers.",
         "1999-03-10"))
    assert not any(values == ["$500,000", "$650,000"] for _, values in got)


def test_closing_prices_of_two_days_are_two_moments(tmp_path):
    corpus = read_corpus([
        report(tmp_path, "wire", "Telequote shares fell 50 cents on Friday to close at $20 each "
               "in composite trading.", "1989-10-30", lead="", title="Telequote bid"),
        report(tmp_path, "paper", "In composite trading, Telequote shares closed at $19.50, up "
               "12.5 cents.", "1989-11-02", lead="", title="Telequote bid")])
    assert ("update", ["$19.50", "$20"]) in number_verdicts(corpus)


def test_a_date_written_before_a_noun_dates_that_noun(tmp_path):
    corpus = read_corpus([report(tmp_path, "wire", "Police have hunted the gunman since the "
                                 "March 5 slaying of Harald Brenner.", "1999-03-20")])
    slaying = next(c for c in extract_claims(corpus) if c.kind == "date" and c.text == "March 5")
    assert slaying.event == "kill" and "brenner" in slaying.agent


def test_trading_volumes_of_two_days_are_two_moments(tmp_path):
    lead = "Stocks slid on the Big Board. "
    corpus = read_corpus([
        report(tmp_path, "wire", "Volume was 840.8 million shares in composite trading.",
               "1989-10-30", lead=lead, title="Stocks slide"),
        report(tmp_path, "paper", "Volume in composite trading totaled 175.2 million shares.",
               "1989-10-27", lead=lead, title="Stocks slide")])
    assert "conflict" not in [v for v, _ in number_verdicts(corpus)]


def test_a_season_of_a_year_and_a_launch_announced_are_dated_claims(tmp_path):
    corpus = read_corpus([report(tmp_path, "wire", "The new system is expected to ship in late "
                                 "2006. Apple announced on Tuesday the first laptops with Intel "
                                 "chips.", "2006-01-11")])
    dated = {c.text: c for c in extract_claims(corpus) if c.kind == "date"}
    assert "late 2006" in dated and dated["late 2006"].date.startswith("2006")
    assert dated["Tuesday"].event == "announce"


def test_a_toll_higher_weeks_later_with_nothing_saying_it_rose_is_a_conflict(tmp_path):
    later = [report(tmp_path, "wire", "The blast in Mombasa killed 61 people.", "1999-03-06"),
             report(tmp_path, "paper", "The blast in Mombasa killed 64 people.", "1999-04-20")]
    assert pair_verdict(read_corpus(later), "wire", "paper") == "conflict"
    said = [later[0], report(tmp_path, "weekly", "The toll of the blast in Mombasa has risen to "
                             "64.", "1999-04-20")]
    assert pair_verdict(read_corpus(said), "wire", "weekly") == "update"


def test_the_ends_of_a_journey_do_not_place_a_count(tmp_path):
    got = verdicts(
        tmp_path,
        ("wire", "The migrants' boat sank on the way from Mombasa to Tanga, and nine adults "
         "drowned.", "1999-03-06"),
        ("paper", "Eleven people died when the boat sank while trying to reach Tanga.",
         "1999-03-06"))
    assert ("conflict", ["Eleven", "nine"]) in got


def test_a_vague_size_does_not_contradict_a_figure_near_it():
    from storyline.disagree.verdict import compare_numbers
    several = Claim(kind="number", article_id="a", start=0, end=7, text="several",
                    sentence_start=0, sentence_end=20, what="people injured", low=3, high=9,
                    value=None, approx="several", head="people", event="injured")
    eleven = Claim(kind="number", article_id="b", start=0, end=2, text="11", sentence_start=0,
                   sentence_end=20, what="people injured", low=11, high=11, value=11,
                   head="people", event="injured")
    fifty = Claim(kind="number", article_id="b", start=0, end=2, text="50", sentence_start=0,
                  sentence_end=20, what="people injured", low=50, high=50, value=50,
                  head="people", event="injured")
    settings = DisagreeSettings()
    assert compare_numbers(several, eleven, None, None, settings).label == "compatible"
    assert compare_numbers(several, fifty, None, None, settings).label == "conflict"
