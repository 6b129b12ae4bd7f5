"""Quotes with speakers on snippets: each rule, each way of naming a speaker, and hostile input.

Mentions are made by hand here (what NER would give), so every test pins one behaviour of
:func:`find_quotes` and nothing else; the seed articles with real NER are in
``test_nlp_quotes_seeds.py``.
"""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.nlp.quotes import MAX_QUOTE_CHARS, MIN_QUOTE_WORDS, find_quotes
from storyline.records import Entity, Mention, Quote, Sentence


def mention(
    text: str, name: str, label: str = "PERSON", nth: int = 0, eid: str | None = None
) -> Mention:
    i = -1
    for _ in range(nth + 1):
        i = text.index(name, i + 1)
    return Mention("a", i, i + len(name), name, label, eid)


def quotes(
    text: str, *ms: Mention, sentences: list[Sentence] | None = None, entities=None
) -> list[Quote]:
    return find_quotes("a", text, sentences or [], list(ms), entities)


def only(qs: list[Quote], starting: str) -> Quote:
    found = [q for q in qs if q.text.startswith(starting)]
    assert len(found) == 1, [(q.kind, q.text) for q in qs]
    return found[0]


def spoken_by(q: Quote, text: str) -> str | None:
    return None if q.speaker_start is None else text[q.speaker_start : q.speaker_end]


def assert_well_formed(text: str, qs: list[Quote]) -> None:
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start : q.end]
        assert q.kind in {"direct", "reported", "fragment"}
        assert q.sentence_start <= q.start and q.end <= q.sentence_end <= len(text)
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
        if q.speaker is not None:
            assert q.speaker_start is not None and q.cue is not None


# --- direct quotations --------------------------------------------------------------------------


def test_quotes_direct_span_excludes_marks_and_trailing_comma():
    t = '"We can talk with Russia on every issue," Mr Lavrov said.'
    (q,) = quotes(t, mention(t, "Lavrov"))
    assert (q.kind, q.text, q.speaker, q.cue, q.attribution) == (
        "direct", "We can talk with Russia on every issue", "Lavrov", "said", "name",
    )
    assert t[q.start - 1] == '"' and spoken_by(q, t) == "Lavrov"
    assert (q.sentence_start, q.sentence_end) == (0, len(t))


def test_quotes_split_quote_second_part_continues_the_speaker():
    t = ('"I consider these agreements our common, extremely important success," Putin said. '
         '"The necessary conditions have been created for putting an end to the war."')
    qs = quotes(t, mention(t, "Putin"))
    first, second = only(qs, "I consider"), only(qs, "The necessary")
    assert first.speaker == second.speaker == "Putin"
    assert (first.attribution, second.attribution) == ("name", "continuation")
    assert second.speaker_start == first.speaker_start  # points back at the one name


def test_quotes_continuation_stops_at_a_new_paragraph_without_open_quote():
    t = ('"We will talk about trade and security tomorrow," Putin said.\n\n'
         '"Nobody here knows what the talks will bring to the region."')
    qs = quotes(t, mention(t, "Putin"))
    assert only(qs, "Nobody").speaker is None


def test_quotes_quotation_running_over_paragraphs_shares_its_speaker():
    # Newspaper convention: an unclosed quote whose next paragraph opens with a quote mark goes on.
    t = ('"The first part of a long statement is in this paragraph.\n\n'
         '"And the second paragraph of it ends here," Putin said.')
    qs = quotes(t, mention(t, "Putin"))
    assert only(qs, "The first part").speaker == "Putin"
    assert only(qs, "The first part").attribution == "continuation"
    assert only(qs, "And the second").speaker == "Putin"


def test_quotes_inverted_said_name():
    t = '"There is no alternative to the talks in Geneva," said Sergei Lavrov.'
    (q,) = quotes(t, mention(t, "Sergei Lavrov"))
    assert (q.speaker, q.cue, spoken_by(q, t)) == ("Sergei Lavrov", "said", "Sergei Lavrov")


def test_quotes_speaker_before_colon():
    t = 'Peskov told reporters: "The channels have not been working lately at all."'
    qs = quotes(t, mention(t, "Peskov"))
    q = only(qs, "The channels")
    assert (q.kind, q.speaker, q.cue) == ("direct", "Peskov", "told")


def test_quotes_guillemets_and_curly_quotes_of_raw_text():
    t = ("«This is certainly a serious statement that has yet to be analyzed», Kremlin spokesman "
         "Dmitry Peskov told reporters in Moscow on July 4. “We believe closer cooperation could "
         "help,” the spokesman said.")
    qs = quotes(t, mention(t, "Kremlin", "ORG"), mention(t, "Dmitry Peskov"))
    a, b = only(qs, "This is certainly"), only(qs, "We believe")
    assert (a.speaker, a.cue, spoken_by(a, t)) == ("Dmitry Peskov", "told", "Dmitry Peskov")
    assert (b.speaker, b.attribution) == ("Dmitry Peskov", "title")
    assert spoken_by(b, t) == "the spokesman"
    # "told reporters in Moscow on July 4" reports nothing beyond the quote
    assert not [q for q in qs if q.kind == "reported"]


def test_quotes_nested_single_and_double_quotes_stay_inside():
    t = ('"He told me \'never again,\' and then he left the room," she said. '
         '«He called it "a big mistake" in public today», Dmitry Peskov said.')
    qs = quotes(t, mention(t, "Dmitry Peskov"))
    assert only(qs, "He told me").text == "He told me 'never again,' and then he left the room"
    inner = only(qs, "He called it")
    assert inner.text == 'He called it "a big mistake" in public today'
    assert inner.speaker == "Dmitry Peskov"
    assert len(qs) == 2  # the nested "a big mistake" is not a quote of its own


def test_quotes_cue_inside_a_quote_is_not_an_attribution():
    t = '"Putin said that the talks went well and will go on," the official said.'
    qs = quotes(t, mention(t, "Putin"))
    (q,) = qs
    assert q.speaker is None and q.attribution == "anonymous" and spoken_by(q, t) == "the official"


# --- short quotes ---------------------------------------------------------------------------------


def test_quotes_scare_quotes_are_fragments_with_the_sentence_speaker():
    t = ('Putin and Mr. Erdogan also talked about the referendum, with the Turkish president '
         'denouncing it as a "big mistake" that eroded stability. '
         'The "win-win" relationship helps.')
    qs = quotes(t, mention(t, "Putin"), mention(t, "Erdogan"))
    big = only(qs, "big mistake")
    assert big.kind == "fragment" and MIN_QUOTE_WORDS > 2
    win = only(qs, "win-win")
    assert (win.kind, win.speaker, win.cue) == ("fragment", None, None)


def test_quotes_short_quote_right_against_a_speech_cue_is_direct():
    t = 'Peskov spoke on Monday. "Crucial," he said.'
    q = only(quotes(t, mention(t, "Peskov")), "Crucial")
    assert (q.kind, q.speaker, q.attribution) == ("direct", "Peskov", "pronoun")


def test_quotes_short_quote_after_weak_cue_stays_fragment():
    t = 'Mr Putin spoke of "the complex situation" in the talks.'
    q = only(quotes(t, mention(t, "Putin")), "the complex")
    assert (q.kind, q.speaker, q.cue) == ("fragment", "Putin", "spoke of")


# --- reported speech ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "clause"),
    [
        ("Erdogan said they focused on the specifics of securing a zone.", "Erdogan", "said",
         "they focused on the specifics of securing a zone"),
        ("Mr Lavrov added that the two sides will also resume co-operation.", "Lavrov", "added",
         "the two sides will also resume co-operation"),
        ("Cavusoglu said in comments broadcast live on television that Turkey wanted peace.",
         "Cavusoglu", "said", "Turkey wanted peace"),
        ("Erdogan announced earlier this month that Turkey had signed a deal.", "Erdogan",
         "announced", "Turkey had signed a deal"),
        ("Erdogan warned that the referendum would destabilise the region.", "Erdogan", "warned",
         "the referendum would destabilise the region"),
        ("Putin told a news conference it was mostly Russia and Turkey that made peace.", "Putin",
         "told", "it was mostly Russia and Turkey that made peace"),
        ("Putin said on Thursday the deal would hold for now.", "Putin", "said",
         "the deal would hold for now"),
        ("Russia would help Turkey in the fight against terrorism, Putin said.", "Putin", "said",
         "Russia would help Turkey in the fight against terrorism"),
        ("Russia would help Turkey in the fight against terrorism, according to Putin.", "Putin",
         "according to", "Russia would help Turkey in the fight against terrorism"),
    ],
)
def test_quotes_reported_speech_patterns(text, speaker, cue, clause):
    name = speaker
    (q,) = [q for q in quotes(text, mention(text, name)) if q.kind == "reported"]
    assert (q.speaker, q.cue, q.text) == (speaker, cue, clause)


def test_quotes_strict_verbs_need_that():
    # "warned of", "denied the charges", "confirmed the deal" report no speech
    for t in ("Erdogan warned of further sanctions against the Kurdish region.",
              "Putin denied the charges brought against the Russian army.",
              "Putin confirmed the deal with Turkey on air defence systems."):
        assert quotes(t, mention(t, "Erdogan" if "Erdogan" in t else "Putin")) == []


def test_quotes_participle_takes_the_subject_of_its_sentence():
    t = ('Mr Erdogan echoed his comments, saying that maintaining the current borders was '
         'Turkey\'s "main goal".')
    qs = quotes(t, mention(t, "Erdogan"))
    rep = only(qs, "maintaining")
    assert (rep.kind, rep.speaker, rep.cue) == ("reported", "Erdogan", "saying")
    assert only(qs, "main goal").speaker == "Erdogan"


def test_quotes_reported_clause_that_is_one_quote_is_not_doubled():
    t = 'Putin added that "we are creating conditions for the refugees\' return home."'
    qs = quotes(t, mention(t, "Putin"))
    assert [q.kind for q in qs] == ["direct"]
    assert qs[0].speaker == "Putin" and qs[0].cue == "added"


def test_quotes_where_and_how_something_was_said_is_not_a_clause():
    t = ('"We have received no request from Ankara," the Pentagon said in a statement. '
         "Lavrov spoke in Sochi on Friday.")
    qs = quotes(t, mention(t, "Pentagon", "ORG"), mention(t, "Ankara", "GPE"),
                mention(t, "Lavrov"))
    assert [(q.kind, q.speaker, q.attribution) for q in qs] == [("direct", "Pentagon", "org")]


def test_quotes_according_to_unnamed_sources_is_anonymous():
    t = "According to officials, the vote will be held in May after all."
    (q,) = quotes(t)
    assert (q.kind, q.speaker, q.attribution, q.text) == (
        "reported", None, "anonymous", "the vote will be held in May after all",
    )


def test_quotes_passive_told_has_no_speaker():
    t = "Reuters was told that the talks were over for good."
    assert quotes(t, mention(t, "Reuters", "ORG")) == []


# --- speakers -----------------------------------------------------------------------------------


def test_quotes_appositive_speaker():
    t = ('"We can talk with Russia on every issue," Mevlut Cavusoglu, the Turkish foreign '
         'minister, said after a meeting.')
    q = only(quotes(t, mention(t, "Mevlut Cavusoglu")), "We can talk")
    assert (q.speaker, spoken_by(q, t)) == ("Mevlut Cavusoglu", "Mevlut Cavusoglu")


def test_quotes_appositive_speaker_that_ner_missed():
    t = ('"We can talk with Russia on every issue," Mevlut Cavusoglu, the Turkish foreign '
         'minister, said after a meeting.')
    q = only(quotes(t), "We can talk")
    assert (q.speaker, q.speaker_entity_id, q.attribution) == ("Mevlut Cavusoglu", None, "name")


def test_quotes_head_of_prepositional_phrase_speaks_not_the_organisation():
    t = ("Theodore Karasik from the Washington-based think-tank Gulf State Analytics said, it is "
         "very important for Turkey to agree with Russia.")
    qs = quotes(t, mention(t, "Theodore Karasik"), mention(t, "Gulf State Analytics", "ORG"))
    q = only(qs, "it is very")
    assert (q.speaker, q.kind) == ("Theodore Karasik", "reported")


def test_quotes_surname_tagged_as_org_is_the_person():
    t = ("Turkish Foreign Minister Mevlut Cavusoglu met Lavrov. "
         'During the meeting Cavusoglu said that Ankara considers al-Nusra Front terrorists.')
    qs = quotes(t, mention(t, "Mevlut Cavusoglu", eid="PERSON:cavusoglu"),
                mention(t, "Cavusoglu", "ORG", nth=1, eid="ORG:cavusoglu"))
    q = only(qs, "Ankara considers")
    assert (q.speaker, q.speaker_entity_id) == ("Mevlut Cavusoglu", "PERSON:cavusoglu")


def test_quotes_speaker_name_and_id_come_from_the_canonical_entity():
    t = '"Essentially, we have no disagreements over who is a terrorist," Mr Lavrov said.'
    ent = Entity("PERSON:sergei-lavrov", "Sergei Lavrov", "PERSON", ["Lavrov", "Sergey Lavrov"])
    q = only(quotes(t, mention(t, "Lavrov", eid=ent.id), entities={ent.id: ent}), "Essentially")
    assert (q.speaker, q.speaker_entity_id, spoken_by(q, t)) == (
        "Sergei Lavrov", "PERSON:sergei-lavrov", "Lavrov",
    )


def test_quotes_pronoun_resolves_to_the_one_recent_subject():
    t = ('Mr Putin spoke of the complex situation in Syria. But he insisted that preserving '
         "Syria's territorial integrity is a necessary condition.")
    q = only(quotes(t, mention(t, "Putin")), "preserving")
    assert (q.speaker, q.attribution, spoken_by(q, t)) == ("Putin", "pronoun", "he")


def test_quotes_pronoun_with_two_candidates_stays_unresolved():
    t = ("Putin met Erdogan in Sochi on Friday. Erdogan thanked Putin for the visit. "
         "He said the talks had been useful for both countries.")
    q = only(quotes(t, mention(t, "Putin"), mention(t, "Erdogan"), mention(t, "Erdogan", nth=1),
                    mention(t, "Putin", nth=1)), "the talks")
    assert (q.speaker, q.attribution, spoken_by(q, t)) == (None, "pronoun", "He")


def test_quotes_pronoun_does_not_reach_back_more_than_two_sentences():
    t = ("Putin arrived in Ankara. The talks began at noon. The weather was fine. Trade was up. "
         "He said the talks had been useful for both countries.")
    q = only(quotes(t, mention(t, "Putin")), "the talks had")
    assert q.speaker is None


def test_quotes_pronoun_inside_a_quote_is_not_a_subject():
    t = ('"Assad is a killer. He is torturing his own people and will not stop," a senior '
         'official told Reuters. He added that Ankara would not change its policy at all.')
    qs = quotes(t, mention(t, "Assad"), mention(t, "Reuters", "ORG"))
    added = only(qs, "Ankara would")
    # "He" is the anonymous official, not Assad named inside the quotation
    assert (added.speaker, added.attribution) == (None, "anonymous")


def test_quotes_title_resolves_through_an_earlier_attached_name():
    t = ("Kremlin spokesman Dmitry Peskov spoke in Moscow. "
         '"Channels to exchange information have not been working lately," the spokesman said.')
    q = only(quotes(t, mention(t, "Kremlin", "ORG"), mention(t, "Dmitry Peskov")), "Channels")
    assert (q.speaker, q.attribution) == ("Dmitry Peskov", "title")
    assert spoken_by(q, t) == "the spokesman"


def test_quotes_title_with_nationality_picks_the_matching_name():
    t = ("Russian President Vladimir Putin met President Recep Tayyip Erdogan. "
         'The Russian leader added that "we are creating conditions for the refugees to return."')
    q = only(quotes(t, mention(t, "Vladimir Putin"), mention(t, "Recep Tayyip Erdogan")), "we are")
    assert (q.speaker, q.attribution) == ("Vladimir Putin", "title")


def test_quotes_title_by_elimination_of_people_tied_to_other_countries():
    t = ("Vladimir Putin hosted Turkish leader Recep Tayyip Erdogan for talks. "
         "The Russian leader said that negotiations with Turkey are sometimes difficult.")
    qs = quotes(t, mention(t, "Vladimir Putin"), mention(t, "Recep Tayyip Erdogan"))
    q = only(qs, "negotiations")
    assert (q.speaker, q.attribution) == ("Vladimir Putin", "title")


def test_quotes_title_with_two_possible_holders_stays_unresolved():
    t = ("Vladimir Putin met Donald Trump in Helsinki. "
         "The president said that the meeting had been useful for both sides.")
    q = only(quotes(t, mention(t, "Vladimir Putin"), mention(t, "Donald Trump")), "the meeting")
    assert (q.speaker, q.attribution, spoken_by(q, t)) == (None, "title", "The president")


def test_quotes_title_with_unrelated_prepositional_phrase_is_not_resolved():
    t = ("Turkish leader Recep Tayyip Erdogan spoke first. "
         "The leader of the opposition party said that the elections were unfair to all.")
    q = only(quotes(t, mention(t, "Recep Tayyip Erdogan")), "the elections")
    assert q.speaker is None


def test_quotes_anonymous_sources_keep_cue_and_span():
    t = ('"We may not like each other, but we back the same policy," a senior official from the '
         'ruling AKP party told Reuters this week. However, a government official told the '
         'Telegraph that there would be "no changes" in policy.')
    qs = quotes(t, mention(t, "AKP party", "ORG"), mention(t, "Reuters", "ORG"),
                mention(t, "Telegraph", "ORG"))
    a = only(qs, "We may not")
    assert (a.speaker, a.attribution, a.cue, spoken_by(a, t)) == (
        None, "anonymous", "told", "a senior official",
    )
    b = only(qs, "there would be")
    assert (b.kind, b.speaker, spoken_by(b, t)) == ("reported", None, "a government official")


def test_quotes_organisations_speak_as_themselves():
    t = ("Police have said Russian, Kyrgyz and Uzbek citizens were involved in the attack. "
         "The Kremlin declined to comment on the reported offer of an alliance on Friday.")
    qs = quotes(t, mention(t, "Kremlin", "ORG", eid="ORG:kremlin"),
                entities={"ORG:kremlin": Entity("ORG:kremlin", "Kremlin", "ORG")})
    police = only(qs, "Russian, Kyrgyz")
    assert (police.speaker, police.attribution, police.cue) == ("Police", "org", "said")
    kremlin = only(qs, "declined")
    assert (kremlin.speaker, kremlin.speaker_entity_id, kremlin.cue) == (
        "Kremlin", "ORG:kremlin", "declined to comment",
    )


def test_quotes_sentences_given_are_used_for_sentence_spans():
    t = 'Putin arrived. "We are ready to work with Turkey on everything," he said. Then he left.'
    sents = [Sentence("a", 0, 14, t[0:14]), Sentence("a", 15, 72, t[15:72]),
             Sentence("a", 73, len(t), t[73:])]
    (q,) = quotes(t, mention(t, "Putin"), sentences=sents)
    assert (q.sentence_start, q.sentence_end, q.speaker) == (15, 72, "Putin")


# --- hostile input ------------------------------------------------------------------------------


def test_quotes_empty_and_blank_text():
    assert quotes("") == [] and quotes("  \n\n \t") == []


def test_quotes_text_without_quotes_or_sentences():
    t = "no capitals no stops and nobody saying anything at all just words " * 20
    assert quotes(t) == []


def test_quotes_unbalanced_quote_stops_at_the_paragraph_end():
    t = ('He spoke about "the deal and then never closed the mark in this paragraph.\n\n'
         'Next, "a real quote of quite a few words," Putin said.')
    qs = quotes(t, mention(t, "Putin"))
    assert_well_formed(t, qs)
    direct = [q for q in qs if q.kind != "reported"]
    assert [q.text for q in direct] == ["a real quote of quite a few words"]
    assert direct[0].speaker == "Putin"


def test_quotes_stray_closing_mark_does_not_flip_the_pairing():
    t = 'The 17" screen was new. Then "we will keep on building these things," Putin said.'
    qs = quotes(t, mention(t, "Putin"))
    assert [q.text for q in qs] == ["we will keep on building these things"]


def test_quotes_overlong_pair_is_two_strays():
    t = '"' + "word " * (MAX_QUOTE_CHARS // 4) + '" he said.'
    assert [q for q in quotes(t) if q.kind != "reported"] == []


def test_quotes_emoji_and_mixed_scripts():
    t = ('«Мы готовы к диалогу с Турцией», — сказал Песков. 🙂 "We are ready 🙂 for talks with '
         'Ankara now," Peskov said. 習近平 said nothing.')
    qs = quotes(t, mention(t, "Peskov"))
    assert_well_formed(t, qs)
    assert only(qs, "Мы готовы").speaker is None
    assert only(qs, "We are ready").text == "We are ready 🙂 for talks with Ankara now"
    assert only(qs, "We are ready").speaker == "Peskov"


def test_quotes_mentions_out_of_range_or_empty_do_not_crash():
    t = '"We can talk with Russia on every issue," Lavrov said.'
    bad = [Mention("a", 40, 10_000, "x", "PERSON"), Mention("a", 5, 5, "", "PERSON"),
           Mention("a", -3, 2, "x", "ORG"), Mention("a", 42, 48, "Lavrov", "PERSON")]
    qs = find_quotes("a", t, [], bad)
    assert_well_formed(t, qs)
    assert only(qs, "We can").speaker == "Lavrov"


def test_quotes_one_megabyte_line_is_linear():
    unit = ('"We can talk with Russia on every issue," Mr Lavrov said. '
            'He said "yes and no " she "said ')
    t = unit * (1_000_000 // len(unit))
    start = time.perf_counter()
    qs = find_quotes("a", t, [], [])
    took = time.perf_counter() - start
    assert_well_formed(t, qs[:2000])
    assert max(q.end - q.start for q in qs) <= 2 * MAX_QUOTE_CHARS
    # about a second here; a quadratic step would take minutes
    assert took < 30, took


def test_quotes_one_megabyte_line_with_a_stray_mark_at_the_start():
    t = '"' + "word " * 200_000 + '"ok" Putin said that it was fine and calm.'
    qs = quotes(t, mention(t, "Putin"))
    assert all(q.end - q.start < 2000 for q in qs)


_ALPHABET = st.sampled_from(
    ['"', "“", "”", "«", "»", "„", "'", ",", ".", " ", " ", " ", "\n", "said", "told", "he",
     "Putin", "the spokesman", "according to", "that", "a", "official", ":", "🙂", "Путин", "x"]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.data())
def test_quotes_any_text_gives_well_formed_quotes(text, data):
    ms = [mention(text, "Putin")] if "Putin" in text else []
    n = len(text)
    cuts = data.draw(st.lists(st.integers(0, n), max_size=4).map(sorted))
    bounds = [0, *cuts, n]
    sents = [Sentence("a", s, e, text[s:e]) for s, e in itertools.pairwise(bounds) if e > s]
    assert_well_formed(text, find_quotes("a", text, sents, ms))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.data())
def test_quotes_gappy_or_overlapping_sentences_still_give_well_formed_quotes(text, data):
    n = len(text)
    offset = st.integers(-5, n + 5)
    pairs = data.draw(st.lists(st.tuples(offset, offset), max_size=5))
    sents = [Sentence("a", s, e, "") for s, e in pairs]
    assert_well_formed(text, find_quotes("a", text, sents, []))


def test_quotes_plural_role_after_a_name_does_not_crash() -> None:
    # Regression: an apposition with a plural role ("the team sources") raised KeyError.
    from storyline.nlp.quotes import find_quotes
    from storyline.records import Mention, Sentence

    text = 'Police questioned Tom Brady, the team sources, on Monday. "We have nothing to hide," he said.'
    start = text.index("Tom Brady")
    mentions = [Mention("a", start, start + 9, "Tom Brady", "PERSON", "PERSON:tom-brady")]
    cut = text.index('"We')
    sentences = [Sentence("a", 0, cut - 1, text[:cut - 1]), Sentence("a", cut, len(text), text[cut:])]
    quotes = find_quotes("a", text, sentences, mentions)
    assert any(q.text.startswith("We have nothing to hide") for q in quotes)
