"""Publication-date inference on the real seed articles and on snippets built to test one rule."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from storyline.clean.cleaner import clean
from storyline.records import SourceDoc, TimeExpr
from storyline.temporal.dct import DctInput, infer_dct, infer_story_dcts

SEEDS = Path(__file__).parents[2] / "examples" / "russia-turkey"
TODAY = "2024-06-01"  # fixed, so results do not drift with the machine's clock
# True publication dates, for checking only (the code never sees them).
TRUTH = {
    "csmonitor-ap": date(2017, 9, 28),
    "strategic-culture": date(2016, 7, 5),
    "telegraph": date(2016, 7, 1),
    "nhandan": date(2021, 9, 30),
    "independent-yahoo": date(2017, 3, 10),
}
GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2, "decade": 3}


def seed_inputs() -> list[DctInput]:
    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        doc = SourceDoc(
            origin=str(path),
            format="txt",
            text=path.read_text(encoding="utf-8"),
            title_in_text=True,
        )
        cleaned = clean(doc)
        captions = [r.text for r in cleaned.removed if r.reason in ("caption", "repeated-caption")]
        out.append(DctInput(path.stem, cleaned.text, captions, title=cleaned.title))
    return out


def consistent(value: str, granularity: str, truth: date, slack_days: int = 1) -> bool:
    """Does the estimate contain the true date at its own granularity?"""
    if granularity == "day":
        return abs((date.fromisoformat(value) - truth).days) <= slack_days
    if granularity == "month":
        return value == f"{truth.year:04d}-{truth.month:02d}"
    if granularity == "year":
        return value == f"{truth.year:04d}"
    if granularity == "decade":
        return value == f"{truth.year // 10:03d}"
    return False


@pytest.fixture(scope="module")
def seeds() -> list[DctInput]:
    return seed_inputs()


@pytest.fixture(scope="module")
def story(seeds: list[DctInput]) -> dict:
    return infer_story_dcts(seeds, today=TODAY)


def test_temporal_dct_seeds_dated_consistently_with_truth(story: dict) -> None:
    assert set(story) == set(TRUTH)
    for aid, est in story.items():
        assert est.source == "inferred", aid
        assert est.value is not None, aid
        assert consistent(est.value, est.granularity, TRUTH[aid]), (aid, est.value, est.granularity)
        assert est.evidence and all(isinstance(e, str) and e for e in est.evidence)
        assert est.anchor is not None


def test_temporal_dct_seed_granularity_is_as_fine_as_the_evidence_allows(story: dict) -> None:
    # nhandan: a caption with a full date; strategic-culture: "July 4" once 2016 is known;
    # telegraph: its "Friday" is the Sochi meeting another article dates July 1.
    assert story["nhandan"].granularity in ("day", "month")
    assert story["strategic-culture"].granularity in ("day", "month")
    assert story["telegraph"].granularity in ("day", "month")
    assert GRANULARITY_RANK[story["csmonitor-ap"].granularity] <= GRANULARITY_RANK["year"]


def test_temporal_dct_seed_confidence_is_calibrated(story: dict) -> None:
    high = min(story["nhandan"].confidence, story["csmonitor-ap"].confidence)
    assert high >= 0.6
    # Dated through other articles' events: less sure.
    assert story["telegraph"].confidence < high
    assert story["strategic-culture"].confidence < high
    # The Independent names only 2015 and "a ceasefire in December": it cannot be placed in one
    # year, so it is either given coarsely or with low confidence.
    ind = story["independent-yahoo"]
    assert ind.granularity == "decade" or ind.confidence < 0.5
    for est in story.values():
        assert 0.0 < est.confidence < 1.0


def test_temporal_dct_seed_evidence_quotes_the_text(story: dict) -> None:
    nh = " ".join(story["nhandan"].evidence)
    assert "September 29, 2021" in nh
    cs = " ".join(story["csmonitor-ap"].evidence)
    assert "six years ago" in cs and "2011" in cs and "strategic-culture" in cs
    assert "Sept. 28" in cs and "Thursday" in cs
    tg = " ".join(story["telegraph"].evidence)
    assert "strategic-culture" in tg and ("June 28" in tg or "July 1" in tg)


def test_temporal_dct_telegraph_alone_cannot_be_dated(seeds: list[DctInput]) -> None:
    # Only relative expressions ("in November last year", "on Friday"): the story is needed.
    tg = next(a for a in seeds if a.article_id == "telegraph")
    est = infer_dct(tg, today=TODAY)
    assert est.value is None and est.source == "unknown" and est.confidence == 0.0


def test_temporal_dct_given_date_wins_and_anchors_the_story(seeds: list[DctInput]) -> None:
    wrong = "2030-01-01"  # even a date the text contradicts: the user said so
    given = [
        DctInput(
            a.article_id,
            a.text,
            a.removed_lines,
            given=wrong
            if a.article_id == "nhandan"
            else ("2016-07-01" if a.article_id == "telegraph" else None),
            title=a.title,
            given_source="user" if a.article_id == "nhandan" else "metadata",
        )
        for a in seeds
    ]
    out = infer_story_dcts(given, today="2031-01-01")
    assert out["nhandan"].value == wrong and out["nhandan"].confidence == 1.0
    assert out["nhandan"].source == "user"
    tg = out["telegraph"]
    assert (tg.value, tg.granularity, tg.source, tg.confidence) == (
        "2016-07-01",
        "day",
        "metadata",
        1.0,
    )
    sc = out["strategic-culture"]
    assert consistent(sc.value, sc.granularity, TRUTH["strategic-culture"])
    assert any("telegraph" in e for e in sc.evidence)


def test_temporal_dct_given_month_keeps_its_granularity() -> None:
    est = infer_dct(DctInput("a", "Nothing dated here.", given="2016-07"), today=TODAY)
    assert (est.value, est.granularity, est.confidence) == ("2016-07", "month", 1.0)


def test_temporal_dct_malformed_given_date_is_ignored() -> None:
    est = infer_dct(DctInput("a", "The war broke out in 2011.", given="yesterday"), today=TODAY)
    assert est.source == "inferred"


@pytest.mark.parametrize(
    ("weekday", "year"), [("Thursday", 2017), ("Friday", 2018), ("Wednesday", 2016)]
)
def test_temporal_dct_weekday_and_day_of_month_pick_the_year(weekday: str, year: int) -> None:
    text = (
        f"Putin visited Ankara on {weekday} for talks with Erdogan. Putin and Erdogan met for "
        "talks in Ankara on Sept. 28. Ties were strained by the 2015 crisis."
    )
    est = infer_dct(DctInput("a", text), today=TODAY)
    assert est.value is not None and est.value.startswith(str(year)), est
    assert est.anchor == f"{year}-09-28"
    assert any(weekday in e and "Sept. 28" in e for e in est.evidence)


def test_temporal_dct_weekday_in_caption_date_the_article() -> None:
    art = DctInput(
        "a",
        "Putin visited Turkey on Thursday for talks with Erdogan, after the 2015 crisis.",
        removed_lines=["Erdogan and Putin met in Ankara, Turkey on Sept. 28."],
    )
    est = infer_dct(art, today=TODAY)
    assert est.anchor == "2017-09-28"


@pytest.mark.parametrize(("n", "year"), [("six", 2017), ("four", 2015), ("10", 2021)])
def test_temporal_dct_years_ago_arithmetic(n: str, year: int) -> None:
    text = (
        "The Syrian civil war broke out in 2011. Turkey has backed the rebels since the start "
        f"of the Syrian civil war {n} years ago."
    )
    est = infer_dct(DctInput("a", text), today=TODAY)
    assert est.value == str(year) and est.granularity == "year", est


def test_temporal_dct_years_ago_dated_by_another_article() -> None:
    a = DctInput(
        "a", "Turkey has backed the rebels since the start of the Syrian civil war six years ago."
    )
    b = DctInput("b", "Russia has backed Assad since the Syrian civil war broke out in 2011.")
    assert infer_dct(a, today=TODAY).value is None
    out = infer_story_dcts([a, b], today=TODAY)
    assert out["a"].value == "2017"
    assert any("b" in e and "2011" in e for e in out["a"].evidence)


def test_temporal_dct_month_last_year_dated_across_articles() -> None:
    a = DctInput(
        "a",
        "Turkey shot down a Russian warplane near the Syrian border in November "
        "2015, killing a pilot.",
    )
    b = DctInput(
        "b",
        "Relations were shattered in November last year when a Turkish jet shot down "
        "a Russian warplane near the Syrian border.",
    )
    out = infer_story_dcts([a, b], today=TODAY)
    assert out["b"].value is not None and out["b"].value.startswith("2016"), out["b"]


def test_temporal_dct_no_dates_is_unknown() -> None:
    for text in ("", "No dates here at all.", "\n\n\n", "Путин и Эрдоган 🤝 встретились."):
        est = infer_dct(DctInput("a", text), today=TODAY)
        assert (est.value, est.granularity, est.source, est.confidence) == (
            None,
            None,
            "unknown",
            0.0,
        )
        assert est.evidence


def test_temporal_dct_relative_only_is_unknown() -> None:
    est = infer_dct(
        DctInput("a", "Putin met Erdogan on Thursday, a week after last month's talks."),
        today=TODAY,
    )
    assert est.value is None and est.source == "unknown"


def test_temporal_dct_dates_far_in_the_future_are_ignored() -> None:
    est = infer_dct(DctInput("a", "The summit took place on March 3, 2031 in Ankara."), today=TODAY)
    assert est.value is None and est.source == "unknown"
    assert any("2031" in e and "ignored" in e for e in est.evidence)
    est = infer_dct(DctInput("a", "The summit took place on March 3, 2999 in Ankara."), today=TODAY)
    assert est.value is None and est.source == "unknown"
    est = infer_dct(
        DctInput("a", "The summit took place on March 3, 2031. The war broke out in 2011."),
        today=TODAY,
    )
    assert est.value is not None and est.value.startswith("201")


def test_temporal_dct_future_tense_bounds_from_above() -> None:
    est = infer_dct(
        DctInput("a", "Putin will visit Ankara on September 28, 2017. Ties broke down in 2015."),
        today=TODAY,
    )
    assert est.anchor is not None and "2016-01-01" <= est.anchor <= "2017-09-28"


def test_temporal_dct_contradictory_captions_lower_confidence() -> None:
    body = "Putin visited Ankara for talks with Erdogan, after the 2015 crisis."
    one = DctInput("a", body, ["Putin and Erdogan in Ankara, September 28, 2017. (Photo: AP)"])
    two = DctInput(
        "a",
        body,
        [
            "Putin and Erdogan in Ankara, September 28, 2017. (Photo: AP)",
            "Putin and Erdogan in Ankara, March 3, 2012. (Photo: AP)",
        ],
    )
    clash = DctInput(
        "a",
        body,
        [
            "Putin and Erdogan in Ankara, September 28, 2017. (Photo: AP)",
            "Putin and Erdogan in Ankara, September 28, 2019. (Photo: AP)",
        ],
    )
    e1, e2, e3 = (infer_dct(x, today=TODAY) for x in (one, two, clash))
    assert e1.value is not None and e1.value.startswith("2017-09")
    # An older date is history, not a contradiction: the latest still dates the article.
    assert e2.value is not None and e2.value.startswith("2017-09")
    # Two captions a year apart for one event: the later bounds it, and certainty drops.
    assert e3.anchor is not None and e3.anchor >= "2019-09-28"
    assert e3.confidence <= e1.confidence


def test_temporal_dct_accepts_tagger_output() -> None:
    text = "Putin visited Ankara on Thursday for talks. Putin met Erdogan for talks on Sept. 28."
    txs = [
        TimeExpr(24, 32, "Thursday", "DATE", "XXXX-XX-XX", "day", False),
        TimeExpr(75, 83, "Sept. 28", "DATE", "XXXX-09-28", "day", False),
        TimeExpr(0, 0, "", "DATE", "2015", "year", True),
    ]
    est = infer_dct(DctInput("a", text + " The 2015 crisis."), txs, today=TODAY)
    assert est.anchor == "2017-09-28"


def test_temporal_dct_hostile_long_line_is_bounded() -> None:
    rng = random.Random(7)
    words = [
        "Putin",
        "Erdogan",
        "talks",
        "met",
        "on",
        "Thursday,",
        "in",
        "2015",
        "Sept.",
        "28",
        "🤝",
        "Анкара",
        "اردوغان",
        "July",
        "4,",
        "2016.",
        "six",
        "years",
        "ago",
    ]
    text = " ".join(rng.choice(words) for _ in range(180_000))  # ~1 MB, one line
    assert len(text) > 900_000
    est = infer_dct(DctInput("a", text), today=TODAY)
    assert est.source in ("inferred", "unknown")
    assert 0.0 <= est.confidence <= 1.0


def test_temporal_dct_story_of_one_equals_single() -> None:
    art = DctInput(
        "a",
        "The Syrian civil war broke out in 2011. Turkey has backed the rebels since "
        "the start of the Syrian civil war six years ago.",
    )
    assert infer_story_dcts([art], today=TODAY)["a"] == infer_dct(art, today=TODAY)


def test_temporal_dct_cross_links_index_matches_all_pairs(seeds: list[DctInput]) -> None:
    # The inverted index over clause words finds exactly the links an all-pairs scan finds.
    from storyline.temporal import dct

    arts = [dct._prepare(a, None, date.fromisoformat(TODAY)) for a in seeds]
    idf = dct._Rarity([[a.inp.text, *a.inp.removed_lines] for a in arts])
    brute = []
    for i, x in enumerate(arts):
        for j in range(i + 1, len(arts)):
            for ra in x.readings:
                for rb in arts[j].readings:
                    if ra.kind == "abs" and rb.kind == "abs":
                        continue
                    w = dct._similarity(ra, rb, idf)
                    if w > 0:
                        brute.append((i, j, id(ra), id(rb), w))
    kept = dct._cross_links(arts, idf)
    assert kept
    found = {(lk.a, lk.b, id(lk.ra), id(lk.rb), lk.w) for lk in kept}
    assert found <= set(brute)
    # Every expression's best partner is kept.
    for ra_id in {b[2] for b in brute}:
        best = max((b for b in brute if b[2] == ra_id), key=lambda b: b[4])
        assert any(f[2] == ra_id and f[4] == best[4] for f in found)


def test_temporal_dct_single_link_message_equals_matrix() -> None:
    # The cumulative-sum message of one link equals the product with its full matrix.
    import numpy as np

    from storyline.temporal import dct

    g = dct._Grid(date(2014, 1, 1), date(2017, 12, 31))
    mk = dct._Reading
    base = {"where": "text", "text": "x", "clause": "x", "tense": "past"}
    ra = mk(article_id="a", kind="weekday", granularity="day", weekday=4, **base)
    rb = mk(article_id="b", kind="yearless", granularity="day", month=7, day=1, **base)
    link = dct._Link(0, 1, ra, rb, 0.6)
    pot = dct._PairPotential([link], g, None, None)
    p = np.random.default_rng(3).random(len(g))
    sa, ea = dct._resolve(ra, g)
    sb, eb = dct._resolve(rb, g)
    agree = (sa[:, None] <= eb[None, :]) & (sb[None, :] <= ea[:, None])
    chance = float(agree.mean())
    assert pot.chance[0] == pytest.approx(chance)
    factor = np.exp(dct._match_log(0.6, agree, chance))
    for to_b, expect in ((True, p @ factor), (False, factor @ p)):
        want = np.log(expect) - np.log(expect).max()
        assert np.allclose(pot.message(p, to_b).full(), want, atol=1e-9)


@pytest.mark.slow
def test_temporal_dct_story_of_200_copies_still_dates_each(seeds: list[DctInput]) -> None:
    # 200 articles (forty copies of each seed, as wire stories are reprinted: every clause
    # matches dozens of others): the copies' links must not swamp the evidence. Its speed is
    # measured by bench/analyze_speed.py, not here.
    from storyline.temporal import find_timexes

    txs = {a.article_id: list(find_timexes(a.text, None)) for a in seeds}
    arts, tmap = [], {}
    for k in range(40):
        for a in seeds:
            aid = f"{a.article_id}-{k}"
            arts.append(DctInput(aid, a.text, a.removed_lines, title=a.title))
            tmap[aid] = txs[a.article_id]
    out = infer_story_dcts(arts, tmap, today=TODAY)
    assert len(out) == 200
    for k in range(40):
        est = out[f"nhandan-{k}"]
        assert consistent(est.value, est.granularity, TRUTH["nhandan"])


def test_temporal_dct_joint_message_equals_day_matrix() -> None:
    # Two links of one pair ("Tuesday" = June 28, "Friday" = July 1) make a joint potential,
    # kept sparse (agreement is rare); its messages equal those of the full day-by-day factor.
    import numpy as np

    from storyline.temporal import dct

    g = dct._Grid(date(2015, 1, 1), date(2017, 12, 31))
    mk = dct._Reading
    base = {"where": "text", "text": "x", "clause": "x", "tense": "past"}
    pairs = [
        (mk(article_id="a", kind="weekday", granularity="day", weekday=1, **base),
         mk(article_id="b", kind="yearless", granularity="day", month=6, day=28, **base), 0.7),
        (mk(article_id="a", kind="weekday", granularity="day", weekday=4, **base),
         mk(article_id="b", kind="yearless", granularity="day", month=7, day=1, **base), 0.5),
    ]
    links = [dct._Link(0, 1, ra, rb, w) for ra, rb, w in pairs]
    pot = dct._PairPotential(links, g, None, None)
    assert pot.potential is not None and pot.potential.dense is None  # the sparse form
    log = np.zeros((len(g), len(g)))
    for (ra, rb, w), chance in zip(pairs, pot.chance, strict=True):
        sa, ea = dct._resolve(ra, g)
        sb, eb = dct._resolve(rb, g)
        agree = (sa[:, None] <= eb[None, :]) & (sb[None, :] <= ea[:, None])
        assert chance == pytest.approx(float(agree.mean()))
        log += dct._match_log(w, agree, chance)
    factor = np.exp(log - log.max())
    p = np.random.default_rng(5).random(len(g))
    for to_b, expect in ((True, p @ factor), (False, factor @ p)):
        want = np.log(expect) - np.log(expect).max()
        assert np.allclose(pot.message(p, to_b).full(), want, atol=1e-9)


def test_temporal_dct_sweep_direct_sums_equal_cumulative() -> None:
    # A weekday against "last week": each week meets a few single days, which the sweep adds
    # directly; the result equals the two-cumulative-sums form.
    import numpy as np

    from storyline.temporal import dct

    g = dct._Grid(date(2010, 1, 1), date(2017, 12, 31))
    mk = dct._Reading
    base = {"where": "text", "text": "x", "clause": "x", "tense": "past"}
    day = mk(article_id="a", kind="weekday", granularity="day", weekday=2, **base)
    week = mk(article_id="b", kind="rel", granularity="week", unit="week", shift=-1, **base)
    for src, dst in ((day, week), (week, day)):
        ss, se, _, _ = g.signature(src)
        ds, de, _, _ = g.signature(dst)
        sweep = dct._Sweep(ss, se, ds, de)
        q = np.random.default_rng(7).random(len(ss))
        want = np.array([q[(ss <= e) & (s <= se)].sum() for s, e in zip(ds, de, strict=True)])
        assert np.allclose(sweep.overlap(q), want, rtol=1e-12, atol=0)
    assert dct._Sweep(*g.signature(week)[:2], *g.signature(day)[:2]).picks is not None


def test_temporal_dct_ties_go_to_the_first_day() -> None:
    # Days whose probabilities differ only by floating-point noise are a tie: the first wins,
    # so the anchor does not hang on the order of additions.
    import numpy as np

    from storyline.temporal import dct

    assert dct._first_best(np.array([0.3, 0.3 * (1 + 1e-12), 0.1])) == 0
    assert dct._first_best(np.array([0.3, 0.31, 0.1])) == 1


def test_temporal_dct_story_order_does_not_matter(seeds: list[DctInput]) -> None:
    forward = infer_story_dcts(seeds, today=TODAY)
    backward = infer_story_dcts(list(reversed(seeds)), today=TODAY)
    assert forward == backward
