"""One mention told as several events: conjoined targets, years, places, terms "respectively".

One attack noun with several conjoined targets told as several events.

"attacks on a jail in Kairakkuma and on border posts between Tajikistan and
Kyrgyzstan": each ``on`` phrase is an attack of its own, with its own target and
the place its own phrase gives ("in Kairakkuma"); a border between two countries
is no one place.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..model import Event, Place
from ..resolve.mentions import MentionIndex, clean_name
from .acts import LAID_ON, fill_object_phrase
from .fillers import FillContext
from .spans import doc_ents, normalizer, sent_of
from .spec import RoleSpec

#: Prepositions that introduce what an attack was aimed at.
_AT = ("on", "against")
#: Prepositions after which a name is where the target stands.
_WHERE = ("in", "at", "near", "outside")


def target_preps(trigger: Token) -> list[Token]:
    """The ``on`` phrases of a nominal trigger, conjoined ones included, in text order."""
    if trigger.pos_ != "NOUN" or (trigger.dep_ == "dobj" and trigger.head.lemma_ in LAID_ON):
        return []  # ("blamed the blasts on X and on Y": whom the act is laid on)
    found: list[Token] = []
    for child in trigger.children:
        if child.dep_ == "prep" and child.lower_ in _AT:
            found.append(child)
            # the parser hangs "and on Y" on the first phrase's inner "in X" as often as on "on"
            found.extend(
                t
                for t in child.subtree
                if t is not child and t.dep_ == "conj" and t.lower_ == child.lower_
            )
    return sorted({t.i: t for t in found}.values(), key=lambda t: t.i)


def split_targets(event: Event, trigger: Token, mentions: MentionIndex) -> list[Event]:
    """``event`` once per conjoined target, each with its target and own place; else [event]."""
    preps = target_preps(trigger)
    objects = [next((c for c in p.children if c.dep_ == "pobj"), None) for p in preps]
    if len(preps) < 2 or any(o is None for o in objects):
        return [event]
    sent = sent_of(trigger)
    role = RoleSpec(name="target", value="phrase")
    parts = []
    for prep, obj in zip(preps, objects, strict=True):
        if obj is None:
            return [event]
        others = {t.i for p in preps if p is not prep for t in p.subtree if p.i > prep.i}
        own = [t for t in prep.subtree if t.i not in others]
        ctx = FillContext(trigger.doc, sent, trigger, {"target": obj}, mentions)
        target = fill_object_phrase(ctx, role)
        if not isinstance(target, str):
            return [event]
        args = {**event.args, "target": target}
        place = _own_place(trigger.doc, {t.i for t in own})
        parts.append(replace(event, args=args, location=place))
    return parts


def _own_place(doc: Doc, indices: set[int]) -> Any:
    """The one place named after "in"/"at" inside a target's own phrase, else None."""
    resolve = normalizer("kronika.place.v1")
    places: dict[str, Place] = {}
    for ent in doc_ents(doc):
        if ent.root.i not in indices:
            continue
        if ent.root.head.lower_ not in _WHERE or ent.label_ not in ("GPE", "LOC", "FAC", "ORG"):
            continue
        name = clean_name(ent.text)
        place = resolve(name) if resolve is not None else None
        places[name] = Place(name=name) if place is None else replace(place, name=name)
    return next(iter(places.values())) if len(places) == 1 else None


def split_dates(event: Event, trigger: Token, published: str | None) -> list[Event]:
    """``event`` once per conjoined date ("bombings in 2010 and 2011"); else [event].

    Only a list of dates in a phrase of the trigger or of the clause it belongs to,
    and only when the event's date is the list's first: two acts on two dates.
    """
    norm = normalizer("kronika.date.v1")
    if norm is None or event.date is None:
        return [event]
    dates = _date_list(trigger)
    if len(dates) < 2:
        return [event]
    values = [norm(d.text, published) for d in dates]
    if values[0] != event.date or any(not isinstance(v, str) for v in values):
        return [event]
    return [replace(event, date=v) for v in dict.fromkeys(values)]


def _date_list(trigger: Token) -> list[Token]:
    """The dates of "in 2010 and 2011" said of the trigger or of the verb it depends on."""
    token = trigger
    for _ in range(4):
        for child in token.children:
            if child.dep_ != "prep" or child.lower_ not in ("in", "on"):
                continue
            date = next((c for c in child.children if c.dep_ == "pobj"), None)
            if date is not None and date.ent_type_ == "DATE":
                conj = [c for c in date.conjuncts if c.ent_type_ == "DATE"]
                if conj:
                    return sorted([date, *conj], key=lambda t: t.i)
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    return []


#: Prepositions whose list of places is one act per place: "banned in A, B and C".
_ACROSS = ("in", "across", "throughout")


def split_places(event: Event, trigger: Token) -> list[Event]:
    """``event`` once per place listed for the trigger ("banned in A, B and C"), or once per
    body it names ("by the UN and the United States"); else [event].

    Only when the event's place is the list's first, each listed name is known to
    the gazetteer, and the list hangs on the trigger's own phrase.
    """
    resolve = normalizer("kronika.place.v1")
    if resolve is None:
        return [event]
    if event.location is None:
        return _per_authority(event, trigger, resolve)
    for child in trigger.children:
        if child.dep_ != "prep" or child.lower_ not in _ACROSS:
            continue
        first = next((c for c in child.children if c.dep_ == "pobj"), None)
        if first is None or not first.conjuncts or first.ent_type_ not in ("GPE", "LOC"):
            continue
        places = []
        for token in sorted([first, *first.conjuncts], key=lambda t: t.i):
            ent = next((e for e in doc_ents(token.doc) if e.start <= token.i < e.end), None)
            place = resolve(clean_name(ent.text)) if ent is not None else None
            if ent is None or place is None:
                return [event]
            places.append(replace(place, name=clean_name(ent.text)))
        if places[0].name != event.location.name:
            return [event]
        return [replace(event, location=p) for p in places]
    return _per_authority(event, trigger, resolve)


def _per_authority(event: Event, trigger: Token, resolve: Any) -> list[Event]:
    """ "designated a terrorist group by the United Nations and the United States", "Kazakhstan
    and Kyrgyzstan banned X": one designation per body, placed in its state when it is one."""
    authority = event.args.get("authority")
    # the parser hangs "by" on the verb or on the label it gives ("a terrorist group by")
    by = next(
        (
            t
            for t in trigger.subtree
            if t.lower_ == "by" and (t.head.i == trigger.i or t.head.head.i == trigger.i)
        ),
        None,
    )
    first = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if first is None:
        # "Kazakhstan and Kyrgyzstan banned X": one ban by each state that acted
        first = next((c for c in trigger.children if c.dep_ == "nsubj"), None)
    if first is None or not first.conjuncts or not isinstance(authority, str):
        return [event]
    out = []
    for token in sorted([first, *first.conjuncts], key=lambda t: t.i):
        ent = next((e for e in doc_ents(token.doc) if e.start <= token.i < e.end), None)
        if ent is None or ent.label_ not in ("ORG", "GPE"):
            return [event]
        name = clean_name(ent.text)
        place = resolve(name) if ent.label_ == "GPE" else None
        out.append(
            replace(
                event,
                args={**event.args, "authority": name},
                location=replace(place, name=name) if place is not None else None,
            )
        )
    names = [str(e.args["authority"]) for e in out]
    return (
        out if authority in names or authority.casefold() in map(str.casefold, names) else [event]
    )


#: Russian terms listed before one unit: "12 и 11 лет", "восьми, семи и шести годам".
_LISTED_RU = re.compile(
    r"((?:[\w.]+,\s*)*[\w.]+\s+и\s+[\w.]+)\s+(?:лет|годам|годами|года|год)(?!\w)", re.I
)


def _listed_terms_ru(text: str) -> list[float | int]:
    """The terms a Russian sentence lists before one unit of years, in order (none when
    a part is no number)."""
    from ..normalize.numbers_ru import parse_number_ru

    found = _LISTED_RU.search(text)
    if found is None:
        return []
    terms = [parse_number_ru(part) for part in re.split(r",\s*|\s+и\s+", found.group(1))]
    return [t for t in terms if t is not None] if None not in terms else []


def split_respectively(event: Event, sent: Span) -> list[Event]:
    """ "A and B were sentenced to 18 and 16 years respectively": each their own term.

    Only when the sentence says "respectively" and gives as many terms as people.
    """
    from ..normalize.numbers import parse_terms

    people = event.args.get("defendant")
    said = "respectively" in sent.text or "соответственно" in sent.text
    if not isinstance(people, list) or len(people) < 2 or not said:
        return [event]
    if sent.doc.lang_ == "ru":
        years = _listed_terms_ru(sent.text)
    else:
        terms = parse_terms(sent.text)
        years = [t.years for t in terms if t.years is not None and t.min_years is None]
    if len(years) != len(people):
        return [event]
    base = {k: v for k, v in event.args.items() if k != "term_min_years"}
    return [
        replace(event, args={**base, "defendant": [name], "term_years": term})
        for name, term in zip(people, years, strict=True)
    ]
