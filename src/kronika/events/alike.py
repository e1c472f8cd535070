"""Whether two mentions can be one event: compatible arguments, and what they share.

Used by :mod:`.merge`: the same type and no argument that differs, then a reason
to think they are one (a shared core name, the same target, the same unnamed
group, the same toll).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Event, Place
from ..normalize.numbers import rounds_off
from .agencies import names_a_country
from .union import in_a_state, wider_than_states, width


def compatible(a: Event, b: Event, strict_place: bool = True) -> bool:
    """Whether no date, place (with ``strict_place``) or argument of ``a`` and ``b`` differs."""
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if strict_place and a.location and b.location and not places_agree(a, b):
        return False
    for key in set(a.args) & set(b.args):
        va, vb = a.args[key], b.args[key]
        if isinstance(va, list) and isinstance(vb, list):
            if key == "charges":
                # one charge told in other words (or another case of them): "insulting the
                # head of state", "insult to the head of state"
                if va and vb and not any(same_charge(x, y) for x in va for y in vb):
                    return False
            elif va and vb and not set(va) & set(vb):
                return False
        elif key == "count" and rounds_off(va, vb):
            continue  # "more than 800 prisoners" and "812 prisoners": one count told twice
        elif key in ("authority", "agency") and any(
            isinstance(v, str) and names_a_country(v) for v in (va, vb)
        ):
            continue  # "Uzbekistan freed ...", "the president signed a pardon decree": its head
        elif isinstance(va, str) and isinstance(vb, str):
            fa, fb = va.casefold(), vb.casefold()
            if fa not in fb and fb not in fa and not share_a_word(fa, fb):
                return False
        elif va != vb:
            return False
    return True


def one_verdict(a: Event, b: Event, strict_place: bool = True) -> bool:
    """One verdict told twice with its charges in other words ("sentenced seven men ... for
    membership of Hizb ut-Tahrir", "found the seven guilty of organizing an extremist
    organization"): the same people, named or counted alike (two or more), and nothing
    else told otherwise."""
    if a.type != "SENTENCE" or b.type != "SENTENCE":
        return False
    bare = [replace(e, args={k: v for k, v in e.args.items() if k != "charges"}) for e in (a, b)]
    if not compatible(bare[0], bare[1], strict_place):
        return False
    terms = [(e.args.get("term_years"), e.args.get("life")) for e in (a, b)]
    if all(any(t) for t in terms) and terms[0] != terms[1]:
        return False  # "life for 14 ... four others received up to 15 years": two verdicts
    count = a.args.get("count")
    named = bool(a.args.get("defendant") or b.args.get("defendant"))
    counted = isinstance(count, int) and count >= 2 and count == b.args.get("count")
    return shares_core(a, b) or (counted and not named)


def same_charge(a: str, b: str) -> bool:
    """One charge in other words: the same first word but for its ending ("insulting",
    "insult"), or half the content words shared ("financing terrorism" and "propagating
    terrorism" are two)."""
    wa = [w for w in a.casefold().split() if len(w) > 3]
    wb = [w for w in b.casefold().split() if len(w) > 3]
    if not wa or not wb:
        return a.casefold() == b.casefold()
    stem = min(len(wa[0]), len(wb[0]), 6)
    if stem >= 5 and wa[0][:stem] == wb[0][:stem]:
        return True
    return len(set(wa) & set(wb)) * 2 >= len(set(wa) | set(wb))


def share_a_word(a: str, b: str) -> bool:
    """Two phrases for one thing told in other words: "Tajik prison", "a prison in the capital"
    (a Russian word in any case: "суд в Астане", "районный суд Астаны")."""
    words = {_stem(w) for w in a.split() if len(w) > 3} & {
        _stem(w) for w in b.split() if len(w) > 3
    }
    return bool(words)


def _stem(word: str) -> str:
    """A Russian word without its case ending ("астане", "астаны": "астан"); others as they
    are."""
    if not _CYRILLIC.match(word) or len(word) < 5:
        return word
    return word[:-2] if len(word) > 7 else word[:-1]


_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)


def places_agree(a: Event, b: Event) -> bool:
    """The same place, or one inside the other as the gazetteer knows it (a city, its country)."""
    pa, pb = a.location, b.location
    if pa is None or pb is None or pa.name == pb.name:
        return True
    # ("a prison in al-Shaddadi ... Five inmates escaped", placed in Syria): a village the
    # gazetteer does not know may lie in any state or region
    if _unknown(pa) and width(pb) >= 2 or _unknown(pb) and width(pa) >= 2:
        return True
    # ("in Central Asia ... in Karshi"): an area wider than states holds the towns in them
    # (but it is not known which states it holds: "banned across Central Asia and Russia")
    if wider_than_states(pa) and in_a_state(pb) or wider_than_states(pb) and in_a_state(pa):
        return True
    return pa.name in (pb.country, pb.admin1) or pb.name in (pa.country, pa.admin1)


def _unknown(place: Place) -> bool:
    return place.country is None and place.lat is None


def same_thing(a: Event, b: Event) -> bool:
    """Two mentions naming the same target or facility ("the Chinese Embassy").

    A place of custody told once bare and once more fully ("a penitentiary", "the
    medium-security penitentiary") is the same one: a story has one jail broken.
    """
    for key in ("target", "facility"):
        va, vb = a.args.get(key), b.args.get(key)
        if isinstance(va, str) and isinstance(vb, str) and va.casefold() == vb.casefold():
            return True
    fa, fb = a.args.get("facility"), b.args.get("facility")
    if isinstance(fa, str) and isinstance(fb, str):
        wa, wb = fa.casefold().split(), fb.casefold().split()
        return bool(wa and wb) and wa[-1] == wb[-1] and (set(wa) <= set(wb) or set(wb) <= set(wa))
    return False


def shares_core(a: Event, b: Event) -> bool:
    """Whether ``a`` and ``b`` name one person or group in a core role."""
    for key in ("defendant", "detainee", "person", "appellant", "organization", "escapees"):
        va, vb = a.args.get(key), b.args.get(key)
        if isinstance(va, list) and isinstance(vb, list) and set(va) & set(vb):
            return True
    return False


#: How far (in characters) a verdict on no one named reaches back for the one it is.
NOBODY_REACH = 1000

#: Types that happen to one person once in a story (arrests and releases may recur).
ONCE_PER_PERSON = frozenset({"SENTENCE", "EXTRADITION", "BAN", "APPEAL", "JOIN"})


def same_people(a: Event, b: Event) -> bool:
    """The same people told twice with dates that agree: one event, whatever else differs.

    "X got a lengthy jail term" in the lead and "the Khatlon court sentenced X to 20
    years" below: the court, place or charges one mention omits or words otherwise
    must not split them.
    """
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    terms = [(a.args.get(k), b.args.get(k)) for k in ("term_years", "life")]
    if any(x is not None and y is not None and x != y for x, y in terms):
        return False
    return shares_core(a, b)


def same_toll(a: Event, b: Event) -> bool:
    """Two attacks told with one toll and no other day: "killed 14 and wounded 15" twice.

    A toll of several dead, given alike, names one attack even where the two
    mentions place it differently (a town in one, the country in the other).
    """
    if a.type != "ATTACK" or (a.date and b.date and a.date != b.date):
        return False
    killed, wounded = a.args.get("killed"), a.args.get("wounded")
    if not isinstance(killed, int) or killed < 2 or killed != b.args.get("killed"):
        return False
    return wounded is None or b.args.get("wounded") in (None, wounded)


def same_group(a: Event, b: Event) -> bool:
    """Two mentions of one group: the same count, and no names on either side or the same
    term ("handed life sentences to two leaders ... 'two have been sentenced to life',
    including her husband X")."""
    count, other = a.args.get("count"), b.args.get("count")
    # ("freed more than 800 prisoners", "a pardon decree for 812 prisoners": one count)
    if count is None or (count != other and not (other is not None and rounds_off(count, other))):
        return False
    names = [v for k, v in a.args.items() if isinstance(v, list) and v] + [
        v for k, v in b.args.items() if isinstance(v, list) and v
    ]
    if not names:
        return True
    term = [(e.args.get("life"), e.args.get("term_years")) for e in (a, b)]
    return isinstance(count, int) and count >= 2 and term[0] == term[1] and any(term[0])
