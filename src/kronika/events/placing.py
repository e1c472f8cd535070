"""Where an event happened: the sentence's GPE/LOC/FAC entities resolved against the gazetteer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.tokens import Span, Token

from ..model import ArgValue, Place
from ..normalize.dates import names_a_time
from ..resolve.mentions import clean_name
from .addresses import address_place, heading, heading_place, is_state
from .agencies import country_of_word
from .clauses import describing
from .country_meant import capital_place, the_country
from .elsewhere import crime_phrase, elsewhere
from .people import PEOPLE_ROLE
from .records import record_place
from .sites import named_site, own_site_place
from .spans import block, doc_text, normalizer, sent_ents
from .streets import street_place
from .union import REGION_WORDS
from .unnamed_places import (
    ATTACKED_SITES,
    SETTLEMENTS,
    at_a_site,
    cached_place,
    known_word_place,
    only_a_place,
    place_modifier,
    settlement_of,
    state_led_by,
    state_named_in,
    state_of_body,
    this_town,
    town_named_in,
    town_with_kind,
    untagged_place,
    whole_name,
)

logger = logging.getLogger(__name__)


def event_place(sent: Span, trigger: Token, args: dict[str, ArgValue]) -> Any:
    """The event's place: the most specific resolvable place named in the sentence (a named
    street or market in its town first)."""
    place = _named_place(sent, trigger, args)
    lo, hi = block(sent, trigger)
    return street_place(sent, trigger, lo, hi, place) or place


def _named_place(sent: Span, trigger: Token, args: dict[str, ArgValue]) -> Any:
    resolve = normalizer("kronika.place.v1")
    if resolve is None:
        return None
    used = {v for v in args.values() if isinstance(v, str)}
    people = [
        str(n) for r in set(PEOPLE_ROLE.values()) if isinstance(v := args.get(r), list) for n in v
    ]
    for value in args.values():
        if isinstance(value, list):
            used.update(value)
    ranked = []
    lo, hi = block(sent, trigger)
    # ("a man who spent years fighting for IS in Syria was jailed by the Almaty city
    # court": the clause that says who someone is has its own place first)
    clause = describing(trigger)
    # "was convicted in Tashkent of attacking X": the crime's place is told in its own phrase
    crime = crime_phrase(trigger)
    named = settlement_of(trigger, lo, hi)
    if named is not None and not elsewhere(named, sent, trigger, crime):
        town = cached_place(resolve, named.text)
        return Place(name=named.text) if town is None else replace(town, name=named.text)
    address = address_place(sent, trigger, lo, hi, lambda name: cached_place(resolve, name))
    if address is not None:
        return address  # "in Tangi, Kunduz province, Afghanistan": the town
    here = this_town(trigger, lo, hi, resolve)
    if here is not None:
        return here  # "on the edge of this mountain town": the town of the dateline
    site = own_site_place(trigger, lo, hi, resolve)
    if site is not None:
        return site  # "escaped from Petobo prison in Palu", "freed from Jaslyk prison"
    for ent in sent_ents(sent):
        if not any(t.text[:1].isupper() for t in ent):
            continue  # "sentenced in absentia" tagged as a place: a name is written capitalized
        if ent.root.lemma_.lower() in SETTLEMENTS and any(
            c.lower_ == "of" for c in ent.root.children
        ):
            continue  # "the southern Kazakh city of Shymkent": the town is the one after "of"
        joined = _hyphen_joined(ent)
        if joined is not None:
            # "in Rostov-on-Don", the model's two names one town
            town = cached_place(resolve, joined.text)
            inside = lo <= joined.start_char < hi and not elsewhere(ent, sent, trigger, crime)
            if town is not None and joined.start == ent.start and inside:
                found = replace(town, name=joined.text)
                outside = clause is not None and ent.root not in clause.subtree
                ranked.append(
                    (outside, False, _breadth(town), False, abs(ent.root.i - trigger.i), found)
                )
            continue
        # "the village of Arka": a settlement named, whatever the model took the name for
        settled = ent.root.head.lower_ == "of" and ent.root.head.head.lemma_ in SETTLEMENTS
        # "on the outskirts of Kaspiysk", "in the centre of Kabul": a part of the town named
        settled = settled or (
            ent.root.head.lower_ == "of" and ent.root.head.head.lemma_ in _PARTS_OF_TOWNS
        )
        # "raided the district headquarters of Meluco": the town a site attacked is of
        settled = settled or (
            ent.label_ in ("PERSON", "GPE", "LOC")
            and ent.root.head.lower_ == "of"
            and ent.root.head.head.lemma_.lower() in ATTACKED_SITES
        )
        # ("the weekly market of Tchoma Bangou": a town's market, whatever its tag)
        settled = settled or (
            ent.root.head.lower_ == "of" and ent.root.head.head.lemma_.lower() in _TOWN_SITES
        )
        # "the camp at Boulkessi", "in Kidal town": a site's or a town's name, whatever its tag
        settled = settled or at_a_site(ent) or town_with_kind(ent)
        # ("the imam of Dialloube, a village in the Mopti region": a settlement so described)
        settled = settled or any(
            c.dep_ == "appos" and c.lemma_.lower() in SETTLEMENTS for c in ent.root.children
        )
        # "in the Zafarobod district", "in Dushanbe's Shohmansour district": a division named
        division = _division(ent)
        # ("a raid on Kadunde", "the assault on Kismayo": the town set upon)
        set_upon = ent.root.head.lower_ == "on" and ent.root.head.head.lemma_ in _ASSAULTS
        after_in = (
            settled
            or division
            or set_upon
            # ("on the road between Gao and Ansongo": the first of the two towns)
            # ("ambushed a convoy as it passed through Gao")
            or ent.root.head.lower_ in ("in", "at", "near", "outside", "between", "through")
            # (Russian tells it by the noun's own case word: "в Мордовии", "под Донецком")
            or any(c.dep_ == "case" and c.lower_ in _RU_IN for c in ent.root.children)
        )
        # "the assault on Kismayo": a town attacked is where the attack was
        target = str(args.get("target") or "")
        # ("laid siege to Gao city": the town with its kind)
        town_attacked = target.removesuffix(" city").removesuffix(" town") == clean_name(ent.text)
        # the small model tags unfamiliar towns as ORG ("attacks on a jail in Kairakkuma"),
        # or even as a date or a number ("shot dead an inspector in Turbat")
        if ent.label_ not in ("GPE", "LOC", "FAC") and not (
            (ent.label_ in ("ORG", "PERSON", "NORP", "PRODUCT") or misread_name(ent))
            and (after_in or town_attacked)
        ):
            continue
        if not lo <= ent.start_char < hi or elsewhere(ent, sent, trigger, crime):
            continue
        if _inside_a_name(ent, args):
            continue  # "added the Turkestan Islamic Party to its list": part of a group's name
        if "charges" in args and _in_the_charge(ent, trigger) and not _is_state(resolve, ent.text):
            # "sentenced X for plotting a bombing in St Petersburg": the crime's town (its
            # country is most often the court's too)
            continue
        modifier = ent.root.dep_ in ("compound", "amod", "nmod")
        name = clean_name(whole_name(ent).text)
        if division:
            name = f"{name} {ent.root.head.text}"
        # "Kazakh police": the state whose body acted ("Kyrgyz nationals" are often abroad)
        abroad = ent.root.head.lemma_.lower() in _ABROAD
        if modifier and abroad and country_of_word(name):
            continue  # "a Kazakh national", "Kyrgyz migrants": whose people, not where
        country = country_of_word(name) if modifier and not abroad else None
        whose = ent.root.head.i == trigger.i or ent.root.head.lemma_.lower() in _FROM_AFAR
        if modifier and whose and (country or _is_state(resolve, name)):
            continue  # "a U.S. airstrike": whose act it was, not where ("a Kabul bombing" is)
        if modifier and trigger.dep_ == "acl" and ent.root.head == trigger.head:
            continue  # "a Namangan preacher convicted in 2002": where the one described is from
        if country:
            name = country  # "Kazakh police arrested": the police of Kazakhstan
        places_ok = ("court", "facility", "authority", "agency")
        if (
            name in used
            and not town_attacked
            and not any(name in str(args.get(r, "")) for r in places_ok)
        ):
            continue
        if any(p == name or p.endswith(f" {name}") for p in people) and ent.root.dep_ != "pobj":
            continue  # "Olim Tursunzoda was jailed": a participant's family name, not the town
        place = cached_place(resolve, name)
        if ent.label_ == "PERSON" and not settled and not _a_country(place, name):
            # "in central Mali" tagged as a person: only a country's own name counts (or a
            # town the gazetteer knows that was itself attacked, or one told after "in"
            # that names no one in the sentence: "killed in a shootout in Farah")
            town = place is not None and place.country is not None and after_in
            if not (town_attacked and place is not None) and not (town and not _a_name(ent)):
                if not only_a_place(ent, people):
                    continue
        # ("ambushed near Tin-Hama": what lies near is a place, whatever its tag)
        near = ent.root.head.lower_ in ("near", "outside")
        if place is None and (not after_in or (ent.label_ == "ORG" and not settled and not near)):
            continue  # an unknown name is a place only where the text says "in X"
        if place is None and name.isupper() and len(name) <= _ACRONYM:
            continue  # ("запрещённой в РФ": an acronym the gazetteer does not know)
        # a place the gazetteer does not know is most often a village or a district
        is_country = (
            place is not None and place.admin1 is None and (place.country in (None, place.name))
        )
        # the name as the article gives it, with what the gazetteer knows about it
        found = Place(name=name) if place is None else replace(place, name=name)
        # "a Kyrgyz soldier joined al-Nusra in Syria": a place named beats a nationality
        demonym = country is not None and name != clean_name(ent.text)
        breadth = _breadth(place, name)
        if any(c.dep_ == "poss" and c.ent_type_ in ("GPE", "LOC") for c in ent.root.children):
            breadth = 0  # "Baghdad's Sadr City": a part of the town named before it
        outside = clause is not None and ent.root not in clause.subtree
        ranked.append((outside, is_country, breadth, demonym, abs(ent.root.i - trigger.i), found))
    capital = capital_place(sent, lo, hi, [r[-1] for r in ranked], resolve)
    if capital is not None:
        return capital
    if not ranked:
        fallback = _fallback_place(sent, trigger, lo, hi, args, resolve)
        if "charges" in args and fallback is not None and _charge_text_has(fallback, trigger):
            return None  # a town only the charge names: the crime's, not the court's
        return fallback
    best = min(ranked, key=lambda r: r[:5])[5]
    found = heading(sent, resolve)
    if found is None:
        return best
    # ("03/14/2013: Peshawar, ..., Pakistan. Militants attacked a post on the city's
    # outskirts": the item's town, over the state it is in, or over a wider place of the
    # heading itself: "2010-06-12 | Cheryomushki district, Osh, Kyrgyzstan | ...")
    in_heading = best.name in doc_text(sent.doc)[sent.start_char : found[1]]
    wider = best.country in (None, best.name) and found[0].country == best.country
    return found[0] if in_heading or wider else best


#: Sites a town has, named after it with "of": "the weekly market of Tchoma Bangou".
_TOWN_SITES = frozenset("market bazaar mosque square".split())
#: Letters an acronym has at most ("РФ", "ДНР", "KPK"), which names no village.
_ACRONYM = 4
#: Russian case words that tell where: "в Мордовии", "под Донецком", "около Оша".
_RU_IN = frozenset("в во под около возле близ".split())


#: Labels the small model gives to an unfamiliar name it took for a time or an amount.
_AMOUNTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"})


def misread_name(ent: Span) -> bool:
    """Whether ``ent`` is a capitalized name the model tagged as a time or an amount
    ("in Turbat" as a DATE, "at Tongomayel" as a CARDINAL): no digit, no month or day."""
    return (
        ent.label_ in _AMOUNTS
        and all(t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN" for t in ent)
        and not any(names_a_time(t.text) for t in ent)
    )


def _charge_text_has(place: Any, trigger: Token) -> bool:
    """Whether ``place`` (not a state) is named inside what a verdict was for."""
    name = getattr(place, "name", None)
    if not name or is_state(place):
        return False
    doc = trigger.doc
    return any(name in doc[p.left_edge.i : p.right_edge.i + 1].text for p in _charges(trigger))


def _charges(trigger: Token) -> list[Token]:
    """The prepositions after the trigger that tell what a verdict was for ("for plotting a
    bombing in X", "of organising the unrest in Y")."""
    return [
        t
        for t in trigger.subtree
        if t.dep_ == "prep" and t.lower_ in ("for", "of", "over") and t.i > trigger.i
    ]


def _fallback_place(
    sent: Span,
    trigger: Token,
    lo: int,
    hi: int,
    args: dict[str, ArgValue],
    resolve: Callable[..., Any],
) -> Any:
    """The place of an event whose sentence names none the model tagged."""
    # ("Bomb Kills Six At Peshawar Mosque": an act noun's clause is its verb's)
    verb = trigger.head if trigger.dep_ == "nsubj" and trigger.pos_ == "NOUN" else trigger
    return (
        # "in the centre of the city": the dateline's town, when no place is named
        this_town(trigger, lo, hi, resolve, the=True)
        # "Location: Khost, Khost province, Afghanistan. Summary: ...": a record's field
        or record_place(sent, resolve)
        # "03/14/2013: Peshawar, Khyber Pakhtunkhwa, Pakistan. Militants attacked ..."
        or heading_place(sent, resolve)
        or the_country(sent, lo, hi, resolve)
        or untagged_place(sent, verb, lo, hi)
        or known_word_place(verb, lo, hi, resolve)
        # "the 2009 Peshawar bombings": a place the model left untagged names the act
        or place_modifier(trigger, resolve)
        # "the Afghan government released X from Bagram prison": the site's town
        or named_site(trigger, lo, hi)
        or state_of_body(trigger, lo, hi)
        or town_named_in(args, resolve)
        or state_named_in(args)
        # (the gazetteer's offices name the state in English)
        or (state_led_by(args) if sent.doc.lang_ == "en" else None)
    )


#: Words for a part of a place: "the outskirts of X", "the territory of X" is in X.
_PARTS_OF_TOWNS = frozenset(
    "outskirts outskirt suburb suburbs centre center edge heart vicinity periphery "
    "territory".split()
)

#: Roles whose values are names of groups and people ("the Turkestan Islamic Party").
_NAME_ROLES = frozenset(
    {"organization", "perpetrator", "defendant", "detainee", "person", "appellant", "escapees"}
)


def _in_the_charge(ent: Span, trigger: Token) -> bool:
    """Whether ``ent`` is told inside what a verdict was for ("for plotting a bombing in X",
    "of organising the unrest in Y"), not where the court sat."""
    return any(ent.root in p.subtree and ent.root.head != p for p in _charges(trigger))


def _inside_a_name(ent: Span, args: dict[str, ArgValue]) -> bool:
    """Whether ``ent`` is told as part of a longer name an argument gives (a group's,
    a person's), not as a place of its own."""
    text = doc_text(ent.doc)
    for role, value in args.items():
        if role not in _NAME_ROLES:
            continue
        for name in value if isinstance(value, list) else [value]:
            # (a two-word "name" holding a place is most often a description misread:
            # "Kyrgyz Imam Gets 10 Years")
            if not isinstance(name, str) or len(name.split()) < 3 or ent.text not in name:
                continue
            start = text.find(name, max(0, ent.end_char - len(name)))
            if 0 <= start <= ent.start_char and ent.end_char <= start + len(name):
                return True
    return False


def _a_name(ent: Span) -> bool:
    """Whether a one-word name is a person's in its sentence: the family name of a person
    named there in full, or a given name with a family name after it."""
    if len(ent) > 1:
        return True
    word = ent.text
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.pos_ == "PROPN":
        return True
    return any(
        e.label_ == "PERSON" and len(e) > 1 and word in e.text.split() for e in sent_ents(ent.sent)
    )


def _hyphen_joined(ent: Span) -> Span | None:
    """The whole of a town's name joined by hyphens the model cut in two, when ``ent`` is
    one side of it: "Rostov" or "Don" of "Rostov-on-Don", "Komsomolsk-on-Amur"."""
    doc = ent.doc
    after = doc[ent.end : ent.end + 4]
    if len(after) == 4 and _joint(after[:3]) and after[3].text[:1].isupper():
        return doc[ent.start : ent.end + 4]
    before = doc[max(0, ent.start - 4) : ent.start]
    if len(before) == 4 and _joint(before[1:]) and before[0].text[:1].isupper():
        return doc[before.start : ent.end]
    return None


def _joint(tokens: Span) -> bool:
    """ "-on-", "-upon-", "-na-": the joint of a town's name written with hyphens."""
    return (
        tokens[0].text == "-"
        and tokens[1].lower_ in ("on", "upon", "na", "sur", "am", "en")
        and tokens[2].text == "-"
    )


#: Acts told as made on a place: "a raid on Kadunde", "the assault on Kismayo".
_ASSAULTS = frozenset("raid attack assault offensive ambush strike airstrike siege".split())


#: Administrative divisions a name is given with: "the Zafarobod district".
_DIVISIONS = frozenset("district province region oblast raion county governorate".split())


def outside_its_states(place: Any, args: dict[str, ArgValue]) -> Any:
    """No place that lies in the states a handover is between: "kidnapped in Moscow and
    brought to Tajikistan" is told by its two countries, not placed in Moscow."""
    states = {args.get("from_country"), args.get("to_country")} - {None}
    if place is None or not states:
        return place
    return None if place.name in states or place.country in states else place


def _division(ent: Span) -> bool:
    """Whether ``ent`` names a division told after "in": "in the Zafarobod district", or
    as a site's: "the police headquarters of Andar district"."""
    head = ent.root.head
    prep = head.head
    return (
        ent.root.dep_ == "compound"
        and ent.end == head.i
        and head.lemma_.lower() in _DIVISIONS
        and head.dep_ == "pobj"
        and (
            prep.lower_ in ("in", "at")
            or (prep.lower_ == "of" and prep.head.lemma_.lower() in ATTACKED_SITES)
        )
    )


def _is_state(resolve: Callable[..., Any], name: str) -> bool:
    return is_state(cached_place(resolve, name))


def _a_country(place: Place | None, name: str) -> bool:
    """A country the text calls by its own name (not a town the gazetteer matched to one)."""
    return is_state(place) and place is not None and place.name.casefold() == name.casefold()


def _breadth(place: Place | None, name: str = "") -> int:
    """How wide a place is: an unknown name (a village, a district) 0, a city 1, a region 2
    (a name the gazetteer does not know is a region when its last word says so: "Borno
    State", "Mopti region")."""
    if place is None:
        return 2 if name.split()[-1:] and name.split()[-1].lower() in REGION_WORDS else 0
    if place.admin1 is not None and place.name != place.admin1:
        return 1
    return 2


#: People whose nationality says nothing of where they are: "Kyrgyz nationals killed in Russia".
_ABROAD = frozenset(
    # people often abroad, and the parts of a movement ("Al Qaeda's Syrian wing")
    "national citizen migrant worker labourer laborer student "
    "wing branch affiliate faction offshoot franchise".split()
)
#: Arms that strike from afar: "a U.S. airstrike killed X" names whose strike, not where.
_FROM_AFAR = frozenset(
    "airstrike strike drone missile rocket warplane jet bomber raid bombardment shelling".split()
)
