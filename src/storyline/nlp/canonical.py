"""Canonical entities within and across articles: every mention linked to one real-world thing.

How mentions become entities (pure and deterministic; the order of the input does not matter):

1. A mention's text is cleaned ("the", possessives, quotes) and, for people, stripped of
   honorifics ("Mr", "President", "Turkish Foreign Minister").
2. Names the alias table lists join the table's entity ("IS", "Isis", "Isil", "Islamic State
   group" -> Islamic State; "U.S.", "America" -> United States). A trailing "group"/"militants"
   is tried off too ("the al-Nusra group").
3. People named with at least two words are clustered: same surname (after transliteration
   folding) and compatible given names, checked against every member, so a cluster never chains
   "Bashar al-Assad" to "Hafez al-Assad" through a third form. Compatible: one list of given
   names matches the other in order ("Tayyip" ~ "Recep Tayyip"), a token at a time by equality,
   transliteration ("Sergey"/"Sergei"), an initial, or a small typo ("Vldamir"/"Vladimir").
4. A bare surname ("Putin", "Mr Lavrov") joins the one cluster with that surname named in full in
   its own article; failing that, the one such cluster in the whole input; failing that (none, or
   two people sharing the surname) it stays an entity of its own. A surname that spaCy labelled
   ORG or GPE ("Cavusoglu said") joins a person only on evidence from its own article.
5. Everything else groups by its folded name. Types follow the majority of spaCy's labels, GPE and
   LOC counted as one (NORP stays apart from GPE: "Russian" is not "Russia").
6. An entity is named by its most complete form (most words, then most frequent), and its id is
   ``TYPE:slug-of-name`` ("PERSON:vladimir-putin"): the same mentions always give the same ids.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from storyline.nlp.aliases import AliasTable
from storyline.nlp.names import (
    clean_surface,
    fold,
    given_compatible,
    person_tokens,
    same_surname,
    slug,
    strip_titles,
    translit,
)
from storyline.records import Entity, Mention

__all__ = ["ENTITY_LABELS", "AliasTable", "canonicalise"]

ENTITY_LABELS = frozenset(
    {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
# Order decides ties between labels: a name as often PERSON as ORG is a person.
_LABEL_ORDER = ["PERSON", "GPE", "ORG", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
_PLACE = {"GPE", "LOC"}
_DESCRIPTOR = re.compile(
    r"\s+(?:(?:terror|terrorist|militant|jihadist|extremist|rebel|armed)\s+)?"
    r"(?:group|groups|militants|fighters|organi[sz]ation)$",
    re.IGNORECASE,
)

@lru_cache(maxsize=1)
def _shipped_aliases() -> AliasTable:
    """The shipped table, read once per process and never changed."""
    return AliasTable.load()


@dataclass(slots=True)
class _Group:
    """Mentions that end up as one entity, and what is known about their names."""

    kind: str  # "alias", "person", "surname", "name"
    key: str
    mentions: list[int] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    type: str | None = None  # fixed by the alias table
    name: str | None = None  # fixed by the alias table
    listed: list[str] = field(default_factory=list)


def canonicalise(
    mentions: Sequence[Mention], *, aliases: AliasTable | None = None
) -> tuple[list[Mention], list[Entity]]:
    """Link every named mention to a canonical entity; mentions of many articles in one call.

    Returns the mentions in the input order, each a copy with ``entity_id`` set (None for labels
    that are not names, such as DATE), and the entities sorted by id.
    """
    table = aliases if aliases is not None else _shipped_aliases()
    surfaces: dict[int, str] = {}
    groups: dict[tuple[str, str], _Group] = {}
    person_forms: dict[tuple[str, ...], list[int]] = defaultdict(list)
    other_forms: dict[str, list[int]] = defaultdict(list)

    def group(kind: str, key: str) -> _Group:
        return groups.setdefault((kind, key), _Group(kind, key))

    # 1-2: clean names; alias table first. A person the table lists joins the person clusters
    # under the table's name, so unlisted spellings of that person still reach it.
    fixed: dict[tuple[str, ...], tuple[str, list[str]]] = {}
    for i, m in enumerate(mentions):
        if m.label not in ENTITY_LABELS:
            continue
        surface = clean_surface(m.text)
        if not any(ch.isalpha() for ch in surface):
            continue
        surfaces[i] = surface
        bare = strip_titles(surface) if m.label == "PERSON" else surface
        hit = table.canonical(bare) or table.canonical(_DESCRIPTOR.sub("", bare))
        if hit is not None and hit[1] == "PERSON":
            tokens = person_tokens(hit[0])
            fixed[tokens] = (hit[0], table.names(hit[0]))
            person_forms[tokens].append(i)
        elif hit is not None:
            g = group("alias", f"{hit[1]}:{hit[0]}")
            g.name, g.type, g.listed = hit[0], hit[1], table.names(hit[0])
            _add(g, i, m.label, surface)
        elif m.label == "PERSON" and person_tokens(surface):
            person_forms[person_tokens(surface)].append(i)
        else:
            other_forms[fold(surface)].append(i)

    # Forms that are mostly persons, wherever spaCy put each of their mentions ("Mevlut
    # Cavusoglu" once as WORK_OF_ART, twice as PERSON).
    form_labels = _form_labels(mentions, person_forms, other_forms, surfaces)
    for tokens in sorted(person_forms):
        if tokens in fixed:
            continue
        kept = []
        for i in person_forms[tokens]:
            key = fold(strip_titles(surfaces[i]))
            if _majority(form_labels[key]) == "PERSON":
                kept.append(i)
            else:  # "Ankara" tagged PERSON once, GPE everywhere else
                other_forms[key].append(i)
        if kept:
            person_forms[tokens] = kept
        else:
            del person_forms[tokens]
    for key in sorted(other_forms):
        if _majority(form_labels[key]) == "PERSON":
            idx = other_forms.pop(key)
            tokens = person_tokens(surfaces[idx[0]])
            if tokens:
                person_forms[tokens].extend(idx)
            else:
                other_forms[key] = idx

    # 3: cluster full names.
    full = sorted(
        (tokens for tokens in person_forms if len(tokens) >= 2),
        key=lambda t: (t not in fixed, -len(t), -len(person_forms[t]), t),
    )
    clusters: list[list[tuple[str, ...]]] = []
    # A cluster's members share one folded surname (same_surname compares transliterations), so
    # a name is tried only against the clusters of its own surname, oldest first as before.
    by_translit: dict[str, list[int]] = defaultdict(list)
    for tokens in full:
        candidates = by_translit[translit(tokens[-1])]
        for c in candidates:
            if all(_same_person(tokens, other) for other in clusters[c]):
                clusters[c].append(tokens)
                break
        else:
            candidates.append(len(clusters))
            clusters.append([tokens])
    cluster_of: dict[tuple[str, ...], int] = {t: c for c, ms in enumerate(clusters) for t in ms}
    cluster_key = [min(" ".join(t) for t in ms) for ms in clusters]
    for tokens, idx in person_forms.items():
        if tokens in cluster_of:
            g = group("person", cluster_key[cluster_of[tokens]])
            for i in idx:
                _add(g, i, mentions[i].label, surfaces[i])
    for tokens, (name, listed) in fixed.items():
        if tokens in cluster_of:
            g = group("person", cluster_key[cluster_of[tokens]])
        else:
            g = group("surname", " ".join(tokens))
        g.name, g.listed = name, listed

    # Which clusters are named in full in which article, by surname.
    by_surname: dict[str, set[int]] = defaultdict(set)
    in_article: dict[tuple[str, str], set[int]] = defaultdict(set)
    for tokens, c in cluster_of.items():
        by_surname[translit(tokens[-1])].add(c)
        for i in person_forms[tokens]:
            in_article[(mentions[i].article_id, translit(tokens[-1]))].add(c)

    # 4: bare surnames.
    for tokens, idx in person_forms.items():
        if tokens in cluster_of:
            continue
        for i in idx:
            c = _resolve(mentions[i].article_id, tokens, by_surname, in_article, anywhere=True)
            g = group("person", cluster_key[c]) if c is not None else group("surname", " ".join(tokens))
            _add(g, i, mentions[i].label, surfaces[i])
    for key, idx in other_forms.items():
        tokens = tuple(key.split())
        place_count = sum(form_labels[key][lab] for lab in _PLACE)
        for i in idx:
            c = None
            label = mentions[i].label
            if len(tokens) == 1 and label != "NORP" and (label not in _PLACE or place_count <= 1):
                c = _resolve(mentions[i].article_id, tokens, by_surname, in_article, anywhere=False)
            g = group("person", cluster_key[c]) if c is not None else group("name", _plural_key(key, other_forms, mentions))
            _add(g, i, label, surfaces[i])

    # 6: name, type, id.
    return _build(mentions, groups)


def _add(g: _Group, i: int, label: str, surface: str) -> None:
    g.mentions.append(i)
    g.labels[label] += 1
    g.surfaces[surface] += 1


def _form_labels(
    mentions: Sequence[Mention],
    person_forms: dict[tuple[str, ...], list[int]],
    other_forms: dict[str, list[int]],
    surfaces: dict[int, str],
) -> dict[str, Counter[str]]:
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for idx in person_forms.values():
        for i in idx:
            labels[fold(strip_titles(surfaces[i]))][mentions[i].label] += 1
    for key, idx in other_forms.items():
        for i in idx:
            labels[key][mentions[i].label] += 1
    return labels


def _majority(labels: Counter[str]) -> str:
    folded: Counter[str] = Counter()
    for label, n in labels.items():
        folded["GPE" if label in _PLACE else label] += n
    rank = {label: r for r, label in enumerate(_LABEL_ORDER)}
    return min(folded, key=lambda lab: (-folded[lab], rank.get(lab, len(rank)), lab))


def _same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return same_surname(a[-1], b[-1]) and given_compatible(a[:-1], b[:-1])


def _resolve(
    article_id: str,
    tokens: tuple[str, ...],
    by_surname: dict[str, set[int]],
    in_article: dict[tuple[str, str], set[int]],
    *,
    anywhere: bool,
) -> int | None:
    if len(tokens) != 1:
        return None
    surname = translit(tokens[0])
    local = in_article.get((article_id, surname), set())
    if len(local) == 1:
        return next(iter(local))
    if local or not anywhere:
        return None  # two people with this surname in the article: no evidence for either
    found = by_surname.get(surname, set())
    return next(iter(found)) if len(found) == 1 else None


def _plural_key(key: str, forms: dict[str, list[int]], mentions: Sequence[Mention]) -> str:
    """"kurds" groups with "kurd" when both are nationalities or groups of people (NORP)."""
    singular = key[:-1]
    if key.endswith("s") and singular in forms and all(
        mentions[i].label == "NORP" for i in forms[key] + forms[singular]
    ):
        return singular
    return key


def _build(mentions: Sequence[Mention], groups: dict[tuple[str, str], _Group]) -> tuple[list[Mention], list[Entity]]:
    entity_of: dict[int, str] = {}
    entities: dict[str, Entity] = {}
    for (_kind, _key), g in sorted(groups.items()):
        if g.kind in ("person", "surname"):
            type_ = "PERSON"
        else:
            type_ = g.type or _majority(g.labels)
            if type_ == "GPE" and g.type is None:
                place = Counter({k: v for k, v in g.labels.items() if k in _PLACE})
                type_ = min(place, key=lambda lab: (-place[lab], lab)) if place else "GPE"
        name = g.name or _best_name(g, person=type_ == "PERSON")
        base = f"{type_}:{slug(name)}"
        entity_id, n = base, 2
        while entity_id in entities:  # two groups with one name: keep them apart, visibly
            entity_id, n = f"{base}-{n}", n + 1
        seen = sorted(g.surfaces, key=lambda s: (-g.surfaces[s], s))
        names = [name] + [s for s in seen if s != name]
        names += [s for s in g.listed if s not in names]
        entities[entity_id] = Entity(entity_id, name, type_, names, len(g.mentions))
        for i in g.mentions:
            entity_of[i] = entity_id
    linked = [replace(m, entity_id=entity_of.get(i)) for i, m in enumerate(mentions)]
    return linked, [entities[k] for k in sorted(entities)]


def _best_name(g: _Group, *, person: bool) -> str:
    def words(s: str) -> int:
        return len(person_tokens(s)) if person else len(s.split())

    def shown(s: str) -> str:
        # "President Recep Tayyip Erdogan" is named "Recep Tayyip Erdogan".
        if not person:
            return s
        n = len(person_tokens(s))
        parts = s.split()
        return " ".join(parts[len(parts) - n :]) if n and n <= len(parts) else s

    counts: Counter[str] = Counter()
    for s, n in g.surfaces.items():
        counts[shown(s)] += n
    if person:  # the most complete name: "Recep Tayyip Erdogan" over "Erdogan"
        return min(counts, key=lambda s: (-words(s), -counts[s], -len(s), s))
    # Other names group by their folded form and differ only in case, "the" or a plural.
    return min(counts, key=lambda s: (-counts[s], len(s), s))

