"""Places written as an address: "in Tangi, Kunduz province, Afghanistan".

Wire copy and incident databases give where something happened from the
narrowest place out, separated by commas. The first name is the place, whatever
the model tagged it as (small towns are often read as people or not at all); the
chain counts as an address only when it ends in a country the gazetteer knows,
or when its middle names a province or region.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.tokens import Span, Token

from ..model import Place
from .agencies import country_of_word
from .date_phrases import LEADING
from .elsewhere import where_they_were
from .spans import doc_text

#: A word of a name, with the article or particle some names begin with in lower case:
#: "al-Shuhayl", "Deir ez-Zor", "Dera Ismail Khan".
#: Particles a name may open with, joined by a hyphen: "al-Shaddadi", "ibn-Sina", "de-".
NAME_PARTICLES = "al|el|ad|ar|as|ash|az|ez|ed|ibn|bin|abu|de|del|da|di|du"
_WORD = rf"(?:(?:{NAME_PARTICLES})-)?[A-Z][\w'’.-]*"
_NAME = rf"{_WORD}(?:(?:[ -]|\s(?:al|el|ez|ad|as|de|del|da|di|du)[- ]){_WORD}){{0,3}}"
#: Words that make a name a region: "Kunduz province", "Sughd region", "Beni territory".
_REGION_WORDS = (
    "province|district|region|state|governorate|county|prefecture|oblast|territory|"
    "department|municipality|commune|division|raion|rayon|emirate"
)
#: Verbs of an assault on a whole place, its address their object: "raided Largu village,
#: Djugu territory, Ituri province".
_RAIDED = "raided|attacked|stormed|overran|shelled|besieged|ambushed"
#: A bearing from a place: "north of Baghdad", "south-east of Gao".
_BEARING = r"(?:north|south|east|west)(?:-?(?:east|west))?"
#: A part of a state told before its name: "in Dori, northern Burkina Faso".
_COMPASS = r"(?:(?:north|south)(?:-?(?:east|west))?ern|eastern|western|central)\s+"
#: One place of an address after the first: "Kunduz province", "also in Abyan", "the
#: Democratic Republic of the Congo".
_PART = (
    rf",\s+(?:also\s+in\s+)?(?:the\s+(?:capital|main\s+town|centre|center)\s+of\s+)?"
    rf"(?:{_BEARING}\s+of\s+)?"
    rf"(?:{_COMPASS})?(?:the\s+)?"
    rf"{_NAME}(?:\s+(?:{_REGION_WORDS}))?(?:\s+of(?:\s+the)?\s+{_NAME})?"
)

_ADDRESS = re.compile(
    rf"\b(?:in|at|near|outside|of|through|{_RAIDED})\s+(?P<place>{_NAME}(?:\s+(?:{_REGION_WORDS}))?)"
    rf"(?:\s+(?:village|town|city))?(?P<rest>(?:{_PART}){{1,4}})"
)
#: The words before a place of an address's tail: ", also in Abyan", ", northern Mali".
_PART_LEAD = re.compile(
    rf"^(?:also\s+in\s+)?(?:the\s+(?:capital|main\s+town|centre|center)\s+of\s+)?"
    rf"(?:{_COMPASS})?(?:the\s+)?"
)


#: Where in a country or region: "in Kyrgyzstan's northern Chui region".
_SIDES = "northern|southern|eastern|western|central|north|south|east|west|restive|remote"
#: Kinds of a part of a town: "in Peshawar's Hayatabad neighbourhood".
_TOWN_PARTS = ("neighbourhood", "neighborhood", "area", "quarter", "suburb", "district")
#: A place told as its country's or region's: "in Sulu province's Jolo town".
_POSSESSIVE = re.compile(
    rf"\b(?:in|at|near|outside)\s+(?:the\s+)?(?P<owner>{_NAME}(?:\s+(?:{_REGION_WORDS}))?)"
    rf"['’]s\s+(?:(?:{_SIDES})\s+)?(?P<place>{_NAME})"
    rf"(?:\s+(?P<kind>town|city|village|neighbourhood|neighborhood|area|quarter|suburb|"
    rf"{_REGION_WORDS})\b)?"
)


def address_place(
    sent: Span, trigger: Token, lo: int, hi: int, resolve: Callable[[str], Any]
) -> Place | None:
    """The first place of an address told in the trigger's part of the sentence, else None."""
    return (
        _division_of(sent, trigger, lo, hi, resolve)
        or _comma_address(sent, trigger, lo, hi, resolve)
        or _owned_place(sent, trigger, lo, hi, resolve)
        or _border(sent, trigger, lo, hi)
    )


#: "on the Kyrgyz-Tajik border", "along the Afghanistan-Pakistan border".
_BORDER = re.compile(
    r"\b(?:on|at|along|near|across)\s+the\s+(?P<sides>[A-Z][a-z]+(?:-[A-Z][a-z]+)+)\s+border\b"
)


def _border(sent: Span, trigger: Token, lo: int, hi: int) -> Place | None:
    """A border between two states named by their peoples or names: the most exact place.

    "clashes on the Kyrgyz-Tajik border" happened there, not in either country.
    """
    from .agencies import names_a_country

    for match in _BORDER.finditer(doc_text(sent.doc), lo, hi):
        if not all(names_a_country(side) for side in match.group("sides").split("-")):
            continue
        if _in_clause(sent, trigger, match.start("sides"), loose=True):
            return Place(name=f"{match.group('sides')} border")
    return None


def _owned_place(
    sent: Span, trigger: Token, lo: int, hi: int, resolve: Callable[[str], Any]
) -> Place | None:
    """ "in Sulu province's Jolo town", "in Afghanistan's Helmand province": the inner place.

    The owner must be a state or a region; "in Karimov's home town" names no place.
    """
    text = doc_text(sent.doc)
    for match in _POSSESSIVE.finditer(text, lo, hi):
        owner = match.group("owner")
        country = _country(resolve, owner)
        region = re.search(rf"\b(?:{_REGION_WORDS})$", owner) is not None
        # ("in Peshawar's Hayatabad neighbourhood": a part of a town the gazetteer knows)
        part = match.group("kind") in _TOWN_PARTS and resolve(owner) is not None
        if country is None and not region and not part:
            continue
        if not _in_clause(sent, trigger, match.start("place"), loose=True):
            continue
        name = match.group("place")
        if match.group("kind") in _REGION_WORDS.split("|"):
            name = f"{name} {match.group('kind')}"  # "Helmand province" is the region's name
        place = resolve(name)
        if place is not None and (country is None or place.country == country):
            return Place(name, place.country, place.admin1, place.lat, place.lon)
        owned = resolve(owner)
        return Place(name=name, country=country or (owned.country if owned else None))
    return None


#: A division told inside a wider place: "in the Dera Bugti district of Balochistan", "in
#: the mountainous Doda district of Kashmir", "the town of Oicha in North Kivu province".
_DIVISION_OF = re.compile(
    rf"\b(?:in|at|near|on)\s+the\s+(?:[a-z][\w-]*\s+)?(?P<place>{_NAME})\s+"
    rf"(?P<kind>district|area|region|province|county|tehsil|subdistrict|sub-district|"
    rf"municipality)\s+(?:of|(?:north|south|east|west)(?:east|west)?\s+of|near|outside)\s+"
    rf"(?:the\s+)?(?P<owner>[A-Z][\w-]*)"
    rf"|\bthe\s+(?P<kind2>town|village|city)\s+of\s+(?P<place2>{_NAME})\s+in\s+"
    rf"(?:the\s+)?(?P<owner2>[A-Z][\w-]*)"
)
_TOWN_KINDS = ("town", "village", "city", "area")
#: A town told right before the division it lies in: "near Tessalit in the Kidal region".
_TOWN_BEFORE = re.compile(rf"\b(?:in|near|at|outside)\s+(?P<town>{_NAME})\s+$")
#: How far before a division its town may start (in characters).
_TOWN_REACH = 60
#: What the model may have taken a town told before its region for.
_TOWN_TAGS = frozenset({"GPE", "LOC", "PERSON"})


def _town_before(text: str, start: int, end: int) -> str | None:
    """The name told after "in"/"near" right before ``end``, or None."""
    found = _TOWN_BEFORE.search(text, start, end)
    return found.group("town") if found is not None else None


def _tagged_as(sent: Span, at: int) -> str:
    """The entity label of the word at char ``at`` ("" when untagged)."""
    span = sent.doc.char_span(at, at + 1, alignment_mode="expand")
    return span[0].ent_type_ if span is not None and len(span) else ""


def _division_of(
    sent: Span, trigger: Token, lo: int, hi: int, resolve: Callable[[str], Any]
) -> Place | None:
    """The inner place of "the X district of Y", "the town of X in Y province"."""
    text = doc_text(sent.doc)
    for match in _DIVISION_OF.finditer(text, lo, hi):
        name = match.group("place") or match.group("place2")
        kind = match.group("kind") or match.group("kind2")
        start = match.start("place") if match.group("place") else match.start("place2")
        if not _in_clause(sent, trigger, start, loose=True):
            continue
        if country_of_word(name) is not None or name.endswith("ern"):
            continue  # "the Russian region of Dagestan", "the Southern province of X"
        if kind not in _TOWN_KINDS:
            name = f"{name} {kind}"  # "Dera Bugti district" is the district's name
        place: Place | None = resolve(name) or resolve(
            match.group("place") or match.group("place2")
        )
        owner = resolve(match.group("owner") or match.group("owner2"))
        town = _town_before(text, max(lo, match.start() - _TOWN_REACH), match.start())
        if town is not None and _country(resolve, town) is None:
            # "near Tessalit in the Kidal region of Mali": the town told before its region
            known = resolve(town)
            inside = place or owner
            tagged = _tagged_as(sent, text.index(town, max(lo, match.start() - _TOWN_REACH)))
            # (a place, or a name the model took for a person's; not "in January", not
            # "Islamic State" or "Gao City Hall")
            if (known is not None or tagged in _TOWN_TAGS) and (
                known is None or inside is None or known.country == inside.country
            ):
                country = inside.country if inside is not None else None
                return known or Place(name=town, country=country)
        if place is not None and (owner is None or place.country == owner.country):
            return replace(place, name=name)
        return Place(name=name, country=owner.country if owner is not None else None)
    return None


def _comma_address(
    sent: Span, trigger: Token, lo: int, hi: int, resolve: Callable[[str], Any]
) -> Place | None:
    """ "in Tangi, Kunduz province, Afghanistan", "near Turbat, Kech district, Balochistan,
    Pakistan": the town heading the chain."""
    text = doc_text(sent.doc)
    for match in _ADDRESS.finditer(text, lo, hi):
        if re.search(rf"\b{_BEARING}\s+$", text[max(0, match.start() - 12) : match.start()]):
            continue  # "15 km north of Baghdad, Iraq": a bearing from the place, not it
        # (a name's full stop may end the sentence: "..., Syria. The blast killed 3")
        parts = [re.split(r"\.\s", p.strip())[0] for p in match.group("rest").split(",")]
        parts = [_PART_LEAD.sub("", p) for p in parts if p]
        country = _country(resolve, parts[-1]) or _country(resolve, parts[0])
        if country is None and not any(_a_region(p, resolve) for p in parts):
            continue
        if _country(resolve, match.group("place")) is not None:
            continue  # "in Russia, Uzbekistan and Tajikistan": a list of states
        if not _in_clause(sent, trigger, match.start("place")):
            continue
        nearby = _town_near(text, match.end(), hi, match.group("place"), resolve)
        if nearby is not None:
            return nearby  # "in Bursa province, Turkey, near the town of Inegol": the town
        place = resolve(match.group("place"))
        if place is not None and place.country == country:
            return Place(
                name=match.group("place"),
                country=place.country,
                admin1=place.admin1,
                lat=place.lat,
                lon=place.lon,
            )
        return Place(name=match.group("place"), country=country)
    return None


#: A town told after an address that heads with a region: ", near the town of Inegol".
_NEAR_TOWN = re.compile(
    rf"(?:\s+of(?:\s+the)?\s+{_NAME})?"  # (the rest of "the Democratic Republic of the Congo")
    rf",?\s+(?:near|outside)\s+(?:the\s+(?:town|village|city)\s+of\s+)?(?P<town>{_NAME})\b"
)


def _town_near(
    text: str, end: int, hi: int, head: str, resolve: Callable[[str], Any]
) -> Place | None:
    """The town just after an address whose first place is a region, or None."""
    found = _NEAR_TOWN.match(text, end, hi)
    if found is None:
        return None
    region = resolve(head)
    named_region = re.search(rf"\b(?:{_REGION_WORDS})$", head) is not None
    if not named_region and (region is None or region.admin1 != region.name):
        return None  # "in Tangi, Kunduz province, Afghanistan, near the border": the town
    town: Place | None = resolve(found.group("town"))
    if town is not None and (is_state(town) or town.admin1 == town.name):
        return None  # "near the Malian border", "near Niger": no town
    if town is None:
        return Place(name=found.group("town"))
    return replace(town, name=found.group("town"))


def _a_region(name: str, resolve: Callable[[str], Any]) -> bool:
    """ "Kunduz province", "Abyan": a region by its kind, or one the gazetteer knows."""
    if re.search(rf"\b(?:{_REGION_WORDS})$", name):
        return True
    place = resolve(name)
    return place is not None and place.admin1 == place.name


def _country(resolve: Callable[[str], Any], name: str) -> str | None:
    place = resolve(name)
    return str(place.country) if is_state(place) else None


def is_state(place: Place | None) -> bool:
    """Whether the gazetteer's ``place`` is a country itself, not a place in one."""
    return place is not None and place.admin1 is None and place.country == place.name


def _in_clause(sent: Span, trigger: Token, start: int, loose: bool = False) -> bool:
    """Whether the address at char ``start`` belongs to the trigger's own clause.

    "kidnapped in Kyiv, Ukraine, and brought to Tashkent, where he was convicted":
    the address places the kidnapping, not the conviction.
    """
    from .clauses import date_scope

    token = next((t for t in sent if t.idx >= start), None)
    if token is None:
        return False
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.pos_ == "VERB":
        trigger = trigger.head  # "a car bomb exploded in a market in Azaz, ...": its clause's
    if where_they_were(token, trigger):
        return True  # "shot two officers guarding a bank in Bannu, Khyber Pakhtunkhwa"
    scope = date_scope(token, trigger, dating=False)
    if loose:
        return scope is not None  # as any named place in the sentence is
    # "attacked a jail in Mubi, Adamawa state, Nigeria, and freed 25 inmates", "abducted two
    # aid workers and killed their driver in Menaka, Mali": one incident told in two clauses
    verb = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    joined = verb is not None and verb.dep_ == "conj" and verb.head.i == trigger.i
    # ("stopped a bus near Bandiagara, Mopti region, and set it on fire, killing 12": the
    # clause the act's own clause goes on from)
    joined = joined or (verb is not None and verb in _went_on_from(trigger))
    return scope is True or (scope is False and (trigger.dep_ == "conj" or joined))


def _went_on_from(trigger: Token) -> list[Token]:
    """The verbs a trigger's clause goes on from: "stopped a bus ... and set it on fire,
    killing 12" for "killing": "set" and "stopped"."""
    verbs = []
    token = trigger
    while token.dep_ in ("advcl", "conj") and token.head.pos_ == "VERB" and token.head != token:
        token = token.head
        verbs.append(token)
    return verbs


#: The place heading an incident item after its date: "03/14/2013: Peshawar, Khyber
#: Pakhtunkhwa, Pakistan. Militants attacked ...", "15 March 2017 - Baidoa, Somalia: ...".
_HEADING = re.compile(
    rf"(?P<place>{_NAME}(?:\s+(?:{_REGION_WORDS}))?)"
    rf"(?P<rest>(?:,\s+{_NAME}(?:\s+(?:{_REGION_WORDS}))?){{1,3}})\s*(?:[.:|]|[-–—]\s)\s*"
)


#: A log's place column between pipes after its date: "2006-05-04 | Tal Afar, Nineveh | ...".
_PIPED = re.compile(
    rf"(?P<place>{_NAME}(?:\s+(?:{_REGION_WORDS}))?)"
    rf"(?P<rest>(?:,\s+{_NAME}(?:\s+(?:{_REGION_WORDS}))?){{0,3}})\s*\|\s*"
)


def heading_place(sent: Span, resolve: Callable[[str], Any]) -> Place | None:
    """The town an incident item names after its leading date, for every act it tells;
    the heading counts only when it ends in a country or region the gazetteer knows (a
    log's place column between pipes: when it is a known place or given with its region)."""
    found = heading(sent, resolve)
    return found[0] if found is not None else None


def heading(sent: Span, resolve: Callable[[str], Any]) -> tuple[Place, int] | None:
    """:func:`heading_place` and the char offset where the heading ends."""
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    date = LEADING.match(text, start)
    if date is None:
        return None
    piped = _PIPED.match(text, date.end()) if date.group(0).rstrip().endswith("|") else None
    if piped is not None:
        # ("2006-05-06 | Basra | Fourteen detainees escaped ...": a log's place column, a
        # place the gazetteer knows or one given with its region, "Tal Afar, Nineveh"; not
        # "2006-05-04 | Reuters | ...")
        place = resolve(piped.group("place"))
        name = piped.group("place")
        if place is not None or piped.group("rest"):
            found = Place(name=name) if place is None else replace(place, name=name)
            return found, piped.end()
    found = _HEADING.match(text, date.end())
    if found is None:
        return None
    parts = [p.strip() for p in found.group("rest").split(",")]
    country = _country(resolve, parts[-1])
    # ("2006-05-02 | Mosul, Nineveh | Car bomb ...": a region ends it, the state unsaid)
    if country is None and not any(_a_region(p, resolve) for p in parts):
        return None
    name = found.group("place")
    if _country(resolve, name) is not None:
        return None
    place = resolve(name)
    if place is not None and place.country == (country or place.country):
        return Place(name, place.country, place.admin1, place.lat, place.lon), found.end()
    return Place(name=name, country=country), found.end()
