"""Quotes with speakers on the five real articles, through the real stages before it.

Each seed is cleaned, split into sentences, tagged by spaCy and canonicalised across the five
articles exactly as the analysis runs it; then every quotation a reader would attribute is checked
against its speaker, and a few that must not be attributed are checked too.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from storyline.clean import clean
from storyline.nlp.canonical import canonicalise
from storyline.nlp.ner import EntityTagger
from storyline.nlp.quotes import find_quotes
from storyline.nlp.sentences import split_sentences
from storyline.records import Quote, SourceDoc

SEEDS = Path(__file__).parents[2] / "examples" / "russia-turkey"
NAMES = ["csmonitor-ap", "strategic-culture", "telegraph", "nhandan", "independent-yahoo"]


class Analysed:
    def __init__(self, name: str, text: str, mentions: list, quotes: list[Quote]) -> None:
        self.name, self.text, self.mentions, self.quotes = name, text, mentions, quotes

    def one(self, starting: str, kind: str | None = None) -> Quote:
        found = [q for q in self.quotes if q.text.startswith(starting) and kind in (None, q.kind)]
        assert len(found) == 1, (starting, [(q.kind, q.text[:40]) for q in self.quotes])
        return found[0]

    def speaker_text(self, q: Quote) -> str | None:
        return None if q.speaker_start is None else self.text[q.speaker_start : q.speaker_end]


@pytest.fixture(scope="module")
def seeds() -> dict[str, Analysed]:
    texts = []
    for name in NAMES:
        raw = (SEEDS / f"{name}.txt").read_text(encoding="utf-8")
        doc = SourceDoc(origin=name, format="txt", text=raw, title_in_text=True)
        texts.append((name, clean(doc).text))
    per_article = list(EntityTagger().mentions(texts))
    mentions, entities = canonicalise([m for ms in per_article for m in ms])
    by_id = {e.id: e for e in entities}
    out = {}
    for name, text in texts:
        ms = [m for m in mentions if m.article_id == name]
        qs = find_quotes(name, text, split_sentences(name, text), ms, by_id)
        out[name] = Analysed(name, text, ms, qs)
    return out


def test_quotes_seeds_spans_are_exact(seeds):
    for a in seeds.values():
        assert a.quotes, a.name
        for q in a.quotes:
            assert q.text == a.text[q.start : q.end] and q.article_id == a.name
            assert q.sentence_start <= q.start < q.end <= q.sentence_end
            if q.kind != "reported":
                assert a.text[q.start - 1] == '"'  # the cleaner normalised every quote mark
            if q.speaker is not None:
                assert q.speaker_start is not None and q.cue is not None


def test_quotes_seed_csmonitor_putin_and_erdogan(seeds):
    a = seeds["csmonitor-ap"]
    first = a.one("I consider these agreements our common, extremely important success")
    second = a.one("The necessary conditions have been created")
    third = a.one("we are creating conditions for the refugees' return")
    for q in (first, second, third):
        assert q.kind == "direct" and q.speaker == "Vladimir Putin"
        assert q.speaker_entity_id is not None and "putin" in q.speaker_entity_id
    assert (first.cue, first.attribution, a.speaker_text(first)) == ("said", "name", "Putin")
    assert second.attribution == "continuation"
    assert (third.cue, third.attribution, a.speaker_text(third)) == (
        "added", "title", "The Russian leader",
    )
    big = a.one("big mistake")
    assert (big.kind, big.speaker, a.speaker_text(big)) == (
        "fragment", "Recep Tayyip Erdogan", "the Turkish president",
    )
    serious = a.one("even more serious mistakes")
    important = a.one("it's important that the international community sides with Iraq")
    assert serious.kind == important.kind == "direct"
    assert serious.speaker == important.speaker == "Recep Tayyip Erdogan"
    assert important.cue == "adding"
    focused = a.one("they focused on the specifics", "reported")
    assert (focused.speaker, focused.cue) == ("Recep Tayyip Erdogan", "said")


def test_quotes_seed_strategic_culture_peskov_cavusoglu_karasik(seeds):
    a = seeds["strategic-culture"]
    statement = a.one("This is certainly a serious statement")
    assert (statement.speaker, statement.cue, a.speaker_text(statement)) == (
        "Dmitry Peskov", "told", "Dmitry Peskov",
    )
    channels = a.one("Channels to exchange information with Turkey")
    assert (channels.speaker, channels.attribution, a.speaker_text(channels)) == (
        "Dmitry Peskov", "title", "the spokesman",
    )
    according = a.one("Russia was looking to", "reported")
    assert (according.speaker, according.cue, a.speaker_text(according)) == (
        "Dmitry Peskov", "according to", "him",
    )
    providing = a.one("Providing coordination and cooperation")
    assert (providing.speaker, providing.cue) == ("Mevlut Cavusoglu", "told")
    wanted = a.one("Turkey wanted to cooperate with Moscow", "reported")
    assert wanted.speaker == "Mevlut Cavusoglu"
    karasik = a.one("it is very important for Turkey", "reported")
    assert karasik.speaker == "Theodore Karasik"
    # "told reporters in Moscow on July 4" and "in Sochi" are where, not what, was said
    assert not [q for q in a.quotes if q.text.startswith(("in Moscow", "reporters", "in Sochi"))]


def test_quotes_seed_telegraph_ministers_and_anonymous_officials(seeds):
    a = seeds["telegraph"]
    talk = a.one("We can talk with Russia on every issue")
    assert (talk.speaker, a.speaker_text(talk)) == ("Mevlut Cavusoglu", "Mevlut Cavusoglu")
    tone = a.one("set the right tone for the normalisation of relations")
    essentially = a.one("Essentially, we have no disagreements")
    assert tone.speaker == essentially.speaker == "Sergei Lavrov"
    assert a.speaker_text(essentially) == "Lavrov"
    added = a.one("the two sides will also resume", "reported")
    assert (added.speaker, added.cue) == ("Sergei Lavrov", "added")
    killer = a.one("Assad is, at the end of the day, a killer")
    assert (killer.speaker, killer.attribution, a.speaker_text(killer)) == (
        None, "anonymous", "a senior official",
    )
    autonomy = a.one("But he does not support Kurdish autonomy")
    assert (autonomy.speaker, autonomy.attribution) == (None, "continuation")
    believe = a.one("We believe closer cooperation")
    assert (believe.speaker, believe.attribution, a.speaker_text(believe)) == (
        None, "anonymous", "the official",
    )
    plans = a.one("there were no", "reported")
    assert (plans.speaker, plans.attribution, a.speaker_text(plans)) == (None, "anonymous", "He")
    police = a.one("Russian, Kyrgyz, and Uzbek citizens", "reported")
    assert (police.speaker, police.attribution) == ("Police", "org")
    kremlin = a.one("declined to comment", "reported")
    assert kremlin.attribution == "org" and "Kremlin" in (kremlin.speaker or "")


def test_quotes_seed_nhandan_russian_leader_by_elimination(seeds):
    a = seeds["nhandan"]
    leader = a.one("negotiations with Turkey on Syria are sometimes difficult", "reported")
    assert (leader.speaker, leader.attribution) == ("Vladimir Putin", "title")
    affirmed = a.one("no country can hinder", "reported")
    assert (affirmed.speaker, affirmed.cue) == ("Recep Tayyip Erdogan", "affirmed")
    win = a.one("win-win")
    assert (win.kind, win.speaker) == ("fragment", None)


def test_quotes_seed_independent_pronouns_follow_putin(seeds):
    a = seeds["independent-yahoo"]
    contact = a.one("efficient and close contact")
    assert (contact.kind, contact.speaker) == ("direct", "Vladimir Putin")
    conference = a.one("Russia and Turkey that have made a major contribution")
    assert (conference.speaker, conference.cue, conference.attribution) == (
        "Vladimir Putin", "told", "pronoun",
    )
    assert a.speaker_text(conference) == "He"
    resolution = a.one("move to a fully-fledged political resolution")
    assert (resolution.speaker, resolution.cue) == ("Vladimir Putin", "added")
    optimism = a.one("he wanted to", "reported")
    assert (optimism.speaker, optimism.cue) == ("Vladimir Putin", "added")
    condition = a.one("necessary condition for the full-scale peace settlement")
    assert condition.speaker == "Vladimir Putin"
    goal = a.one("main goal")
    assert (goal.kind, goal.speaker) == ("fragment", "Recep Tayyip Erdogan")


def test_quotes_seeds_are_fast(seeds):
    # Quotes must stay a small fraction of NER time: a seed takes a few ms here; fail only on a
    # gross slowdown.
    a = seeds["telegraph"]
    sents = split_sentences(a.name, a.text)
    start = time.perf_counter()
    for _ in range(20):
        find_quotes(a.name, a.text, sents, a.mentions)
    assert (time.perf_counter() - start) / 20 < 0.1
