"""How sure alignment must be before two claims are compared, and what counts as an update."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class DisagreeSettings:
    # Alignment score = word_weight * (rarity-weighted cosine of the two sentences' words)
    #                 + entity_weight * (shared entities / the smaller set) + bonuses.
    word_weight: float = 0.7
    entity_weight: float = 0.3
    agent_bonus: float = 0.15  # the same cause: "attack" and "attack"
    date_bonus: float = 0.1  # the same date in both sentences
    event_bonus: float = 0.2  # the events helper put both sentences in one Event
    actor_bonus: float = 0.2  # a dated event of one named person or body in both sentences
    once_bonus: float = 0.3  # one named person killed (died, born) in both sentences
    # two counts of one union of events: "killed or went missing" and "died or disappeared"
    joined_bonus: float = 0.2
    bearer_bonus: float = 0.2  # two measures of one named object: "the 36-foot Unity", "the unit" (Unity)
    # Minimum alignment score to compare two claims, by kind. Dates and quotes need more: a date
    # of another happening of the same kind (another meeting of the same two leaders) is the
    # commonest false alarm.
    # Numbers: low, because one story's reports word the same toll very differently (sentence
    # cosines of 0.1 are common); what keeps unrelated figures apart is the key (same measure),
    # clashes of places, qualifiers and dates, and each claim keeping only its best match.
    min_number: float = 0.08
    min_date: float = 0.45
    min_quote_overlap: float = 0.8  # share of the shorter quote's words found in the longer one
    # A cumulative figure (a toll) reported higher at least this many days later is an update.
    update_min_days: int = 1
    # ... but a count no report calls running that is higher more than this many days later,
    # without the later report saying it rose, is two outlets' counts, not one count going on
    settle_days: int = 14
    # One outlet's two same-day reports whose sentences match this closely (rarity-weighted
    # cosine) are one story's versions: a higher count in the one is the count going on.
    retold_words: float = 0.6
