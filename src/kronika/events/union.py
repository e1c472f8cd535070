"""One event from two mentions of it: the arguments both give, the finer date and the
narrower place (a town over its region or country)."""

from __future__ import annotations

from dataclasses import replace

from ..model import Event, Place
from ..normalize.numbers import is_round, rounds_off
from .inherit import PLACE_BOUND


def union(a: Event, b: Event) -> Event:
    """One event from two mentions of it: ``a`` with what ``b`` adds."""
    args = dict(a.args)
    for key, value in b.args.items():
        old = args.get(key)
        if isinstance(old, list) and isinstance(value, list):
            args[key] = old + [v for v in value if v not in old]
        elif old is None or old == []:
            args[key] = value
        elif key == "count" and rounds_off(old, value) and is_round(old):
            args[key] = value  # the exact count over the round one
        elif key in _BODIES and isinstance(old, str) and isinstance(value, str):
            if _told_more_fully(old, value):
                args[key] = value  # "Russia's Supreme Court" over "Russia"
    evidence = a.evidence + tuple(e for e in b.evidence if e not in a.evidence)
    return replace(
        a,
        args=args,
        evidence=evidence,
        date=_finer(a.date, b.date),
        # where an attack happened is told most exactly once; a trial's place is its court's
        location=_narrower(a.location, b.location)
        if a.type in PLACE_BOUND or _inside(b.location, a.location)
        else a.location or b.location,
        confidence=max(a.confidence, b.confidence),
    )


#: Roles that name a body, which one mention may name more fully than another.
_BODIES = frozenset({"authority", "agency", "court"})


def _told_more_fully(short: str, full: str) -> bool:
    """Whether ``full`` names what ``short`` does, with more words ("Russia", "Russia's
    Supreme Court")."""

    def words(text: str) -> list[str]:
        plain = text.casefold().replace("\u2019", "'").replace("'s", "")
        return [w for w in plain.split() if w != "the"]

    few, more = words(short), words(full)
    return bool(few) and len(more) > len(few) and all(w in more for w in few)


def in_a_state(place: Place) -> bool:
    """Whether the gazetteer puts ``place`` in a state without being one."""
    return place.country is not None and place.name != place.country


def wider_than_states(place: Place) -> bool:
    """Whether ``place`` is a known area wider than states ("Central Asia")."""
    return place.country is None and width(place) == 3


def _inside(place: Place | None, country: Place | None) -> bool:
    """Whether ``place`` lies in ``country`` and is told more exactly ("Dushanbe", "Tajikistan"),
    or a town in a known area wider than states ("Karshi", "Central Asia")."""
    if place is None or country is None:
        return False
    if wider_than_states(country):
        return in_a_state(place)
    if country.name != country.country:
        return False
    return place.country == country.name and place.name != country.name


def _narrower(a: Place | None, b: Place | None) -> Place | None:
    """The more specific of two places for one event: a town over its region or country."""
    if a is None or b is None:
        return a or b
    if a.country and b.country and a.country != b.country and width(b) < width(a) == 2:
        # "in Mali's Mopti region ... the camp at Boni": the gazetteer's Boni is another
        # country's; the town told is in the region's country (a town told after a country
        # may lie just across its border)
        return Place(name=b.name, country=a.country)
    return b if width(b) < width(a) else a


def width(place: Place) -> int:
    """0 a name unknown to the gazetteer (a village), 1 a town, 2 a region, 3 wider."""
    region = place.name.split()[-1:] != [] and place.name.split()[-1].lower() in REGION_WORDS
    if place.country is None:
        if region:
            return 2  # ("Diyala province", a region the gazetteer does not know)
        return 0 if place.lat is None else 3  # "Central Asia" is known and wide
    if place.name == place.country:
        return 3
    if place.name == place.admin1 or region:
        return 2  # ("Mopti region" the gazetteer knows only as a name)
    return 1


#: Words that end the name of a region: "Mopti region", "Khost province", "Borno state".
REGION_WORDS = frozenset("region province state governorate oblast county prefecture".split())


def _finer(a: str | None, b: str | None) -> str | None:
    if a is None or b is None:
        return a or b
    return a if len(a) >= len(b) else b
