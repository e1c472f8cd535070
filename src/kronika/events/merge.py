"""Merging the mentions of one event told several times within one article.

Same type and compatible arguments, plus a reason to think they are one: a
shared core name, the same target, the same sentence, the same unnamed group,
or a nameless mention right after ("the men", "escaped with them"). What the
merged events then take from the events around them is in :mod:`.inherit`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..model import ArgValue, Event
from .alike import (
    NOBODY_REACH,
    ONCE_PER_PERSON,
    compatible,
    one_verdict,
    places_agree,
    same_group,
    same_people,
    same_thing,
    same_toll,
    shares_core,
)
from .gapping import has_term, term_of_some
from .inherit import (
    inherit_courts,
    inherit_places,
    inherit_same_charges,
    people_told_before,
    same_paragraph,
)
from .people import PEOPLE_ROLE
from .told import Told
from .union import union, width


@dataclass(slots=True)
class _Entry:
    """One event being merged, with how its mentions were told."""

    start: int
    event: Event
    #: made of supplements only (dropped at the end)
    alone: bool = False
    #: told as the article's news
    news: bool = False
    #: told later in the plain past
    past: bool = False
    #: the first character at which a verdict of its trial may give it its day
    day_from: int = 0
    #: told as happening with what came before
    also: bool = False
    #: its people are ones told of before
    back: bool = False
    #: its people are the whole group told of before ("the men", "they")
    whole: bool = False
    #: its people are two told of before ("both", "the couple")
    pair: bool = False
    #: told in a clause of another time
    other_time: bool = False
    #: dated only by the reports that tell it
    reported: bool = False
    #: the clause its first mention tells it in (``Told.clause``)
    clause: int = -1


def credit_claims(events: list[Told]) -> list[Told]:
    """Give each attack told only as claimed ("Ansar Dine claimed the attack on 13 May") to
    the last attack told before it in the body, as its perpetrator; keep it as an act of its
    own only when none was told before."""
    out: list[Told] = []
    for told in sorted(events, key=lambda t: (t.headline, t.sent_start)):
        before = [i for i, t in enumerate(out) if t.event.type == "ATTACK" and not t.headline]
        if not (told.claimed and before and not told.headline):
            out.append(told)
            continue
        last = out[before[-1]]
        by = told.event.args.get("perpetrator")
        if by and not last.event.args.get("perpetrator"):
            args = {**last.event.args, "perpetrator": by}
            out[before[-1]] = replace(last, event=replace(last.event, args=args))
    return out


def merge_events(events: list[Told], published: str | None = None) -> list[Event]:
    """Merge mentions of one event: same type, compatible args, and a shared name or sentence.

    A headline's event joins the first compatible event of its type told below it (a
    title restates the story); an event with neither names nor count joins a compatible
    one told just before it, or any earlier one when its people are "the men", "they".
    An event one of whose mentions is the article's news, and that the text gives no
    date of its own, takes the ``published`` date.
    """
    events = credit_claims(events)
    ordered = [t for t in events if not t.headline] + [t for t in events if t.headline]
    out: list[_Entry] = []

    def join(i: int, told: Told, event: Event) -> None:
        entry = out[i]
        if entry.reported and not told.reported and _report_day(entry.event.date, event.date):
            entry.event = replace(entry.event, date=event.date)
        elif told.reported and not entry.reported and _report_day(event.date, entry.event.date):
            event = replace(event, date=entry.event.date)
        entry.event = union(entry.event, event)
        entry.alone = entry.alone and told.supplement
        entry.news = entry.news or told.news
        entry.past = entry.past or told.past
        entry.day_from = min(entry.day_from, told.day_from)
        entry.also = entry.also and told.also
        entry.back = entry.back or told.refers_back
        entry.whole = entry.whole or told.whole
        entry.pair = entry.pair or told.pair
        entry.reported = entry.reported and told.reported

    for told in ordered:
        sent_start, headline, event = told.sent_start, told.headline, told.event
        restated = _restated([e.event for e in out], event) if headline else None
        if restated is not None:
            join(restated, told, event)
            continue
        again = _retold_as(out, told) if told.retold and not headline else None
        if again is not None:
            join(again, told, event)  # (the finer of the two dates stays)
            continue
        # a headline restates the first matching story below it
        order: Sequence[int] = range(len(out)) if headline else range(len(out) - 1, -1, -1)
        if told.separate and not headline:
            # "in another attack": none of those told before, only its own sentence's
            order = [i for i in order if out[i].start == sent_start]
        for i in order:
            other_start, other = out[i].start, out[i].event
            other_time = out[i].other_time
            # "X was sentenced, officials said Monday ... X was convicted Thursday": the
            # report's day gives way to the act's own
            aligned = event
            if (told.reported and _report_day(event.date, other.date)) or (
                out[i].reported and _report_day(other.date, event.date)
            ):
                aligned = replace(event, date=other.date)
            if other.type == event.type and told.accompanies and not headline:
                # "escaped with them": more people in the same act; its own count is a part
                join(i, told, _without(event, "count"))
                break
            if (
                other.type == event.type == "ATTACK"
                and (told.also or 0 < sent_start - other_start <= _NEXT_SENTENCE)
                and told.refers_back
                and same_paragraph(other, event)
                and compatible(other, _without(event, "target"), strict_place=False)
            ):
                # "Militants attacked the village, killing 12. The assailants also set fire
                # to several homes", "The attackers ... overran the camp at Tenenkou": more of
                # the same raid; its target is the first one's
                join(i, told, _without(event, "target"))
                break
            # "banned in Russia, Uzbekistan and Tajikistan", "designated by the UN and the
            # United States": one sentence, one ban per place or body
            apart = other_start == sent_start and (
                not places_agree(other, event) or _other_body(other, event)
            )
            if other.type == event.type in ONCE_PER_PERSON and same_people(other, aligned):
                # a group banned in one state and then in another: two bans, told anywhere
                if apart or (event.type == "BAN" and not places_agree(other, event)):
                    continue
                if term_of_some(other, event) or term_of_some(event, other):
                    continue  # "sentenced A and B ... A got nine years": A's own (see _terms_told)
                join(i, told, event)
                break
            if other.type == event.type and not headline and same_toll(other, event):
                join(i, told, event)
                break
            # one sentence names a place two ways ("near the Vodafone Arena ... in Istanbul")
            strict = not headline and other_start != sent_start
            # "The bomb exploded in the Waaberi district": a place the gazetteer does not
            # know may lie inside the one told before
            strict = strict and not (told.refers_back and _unknown_place(event))
            if (
                told.toll
                and other.type == event.type
                and other_start == sent_start
                and compatible(
                    other, replace(_without(event, "target"), date=other.date), strict_place=False
                )
            ):
                # ("..., wounding three guards": the victims of the act told before)
                join(i, told, replace(_without(event, "target"), date=other.date))
                break
            if other.type != event.type:
                continue
            # ("found the seven guilty of ...": the verdict told before, by its people)
            verdict = told.refers_back and one_verdict(other, aligned, strict)
            if not (verdict or compatible(other, aligned, strict)):
                continue
            if headline and other_start < sent_start:
                continue
            close = 0 < sent_start - other_start <= 60
            if (
                headline
                or shares_core(other, event)
                or same_thing(other, event)
                # "The attack occurred near the airport and comes days after a U.S.
                # airstrike killed X": an act of another time is apart from its sentence
                or (
                    other_start == sent_start
                    and not (told.earlier or other_time)
                    and out[i].clause == told.clause
                )
                or same_group(other, event)
                or verdict
                or (_anonymous(event) and (close or told.refers_back) and not other_time)
                # "The army blamed the attack on X": the act told just before, with its doers
                or (told.refers_back and close and _anonymous(_without(event, "perpetrator")))
                # "The court found the activist guilty of ...": no one named or counted, and
                # no term of its own, so the one whose verdict was told just before
                or (
                    event.type in ONCE_PER_PERSON
                    and _nobody(event)
                    and not ({"term_years", "life"} & set(event.args))
                    and 0 < sent_start - other_start <= NOBODY_REACH
                    and not (told.earlier or other_time)
                )
                # "Police have detained a group of alleged members ... 16 suspected members
                # have been apprehended": the number of the people told just before
                or (_anonymous(other) and close and not (told.earlier or other_time or out[i].back))
                # "police arrested dozens ... Those arrested include A and B"
                or (told.refers_back and close and not _names(other))
                # "Three convicts escaped ... The fugitives — A, B and C — dug a tunnel": a
                # mention that only adds to the act told just before
                or (told.supplement and close and not (told.earlier or other_time))
            ):
                join(i, told, event)
                break
        else:
            out.append(
                _Entry(
                    sent_start,
                    event,
                    alone=told.supplement,
                    news=told.news,
                    past=told.past,
                    day_from=told.day_from,
                    also=told.also,
                    back=told.refers_back and not headline,
                    whole=told.whole and not headline,
                    pair=told.pair and not headline,
                    other_time=told.earlier,
                    reported=told.reported,
                    clause=told.clause,
                )
            )
    _named_after(out)
    _terms_told(out)
    kept = sorted((e for e in out if not e.alone), key=lambda e: e.start)
    merged = inherit_courts(inherit_places([e.event for e in kept]), [e.day_from for e in kept])
    merged = inherit_same_charges(merged)
    merged = people_told_before(
        merged, [e.back for e in kept], [e.whole for e in kept], [e.pair for e in kept]
    )
    dated: list[Event] = []
    news_dates: dict[str, str] = {}  # per type: the date of the news event told first
    for event, entry in zip(merged, kept, strict=True):
        if event.date is None and entry.also and dated and same_paragraph(dated[-1], event):
            # "Thirteen Islamists ... were also released": on the day of the act told before
            event = replace(event, date=dated[-1].date)
        if event.date is None and entry.news and published:
            event = replace(event, date=published)
        if event.date is None and entry.past and event.type in news_dates:
            # "A court on Friday handed down life sentences to 14 ... Four other defendants
            # received prison sentences of up to 15 years": the news told on, on its day
            event = replace(event, date=news_dates[event.type])
        if entry.news and event.date is not None:
            news_dates.setdefault(event.type, event.date)
        dated.append(event)
    return dated


#: How far (in tokens) the people of a counted group may be named after it.
_GROUP_REACH = 300


def _named_after(out: list[_Entry]) -> None:
    """Drop a counted group whose people are all named in the events told just after it.

    "Two men who fought in Syria have been jailed ... The court sentenced A to 10 years
    and B to eight years": the two terms are the verdict the lead counted (one event per
    term), and the lead's place goes to those that tell none.
    """
    for entry in out:
        role = PEOPLE_ROLE.get(entry.event.type)
        count = entry.event.args.get("count")
        if role is None or entry.event.args.get(role) or not isinstance(count, int) or count < 2:
            continue
        named = [
            o
            for o in out
            if o is not entry
            and not o.alone
            and o.event.type == entry.event.type
            and 0 < o.start - entry.start <= _GROUP_REACH
            and o.event.args.get(role)
        ]
        people = {str(n) for o in named for n in o.event.args.get(role) or ()}  # type: ignore[union-attr]
        if len(people) != count or not all(_told_alike(entry, o) for o in named):
            continue
        entry.alone = True
        for o in named:
            o.event = _filled_from(o.event, entry.event)
            o.news = o.news or entry.news  # the lead's news is theirs


def _terms_told(out: list[_Entry]) -> None:
    """A verdict told without a term whose people are given their terms nearby: each
    term is their own event, filled from the verdict (its court, charges, date, town);
    the verdict keeps only those given none, and goes when everyone has one."""
    for entry in out:
        if entry.alone or entry.event.type != "SENTENCE" or has_term(entry.event):
            continue
        parts = [
            o
            for o in out
            if o is not entry
            and not o.alone
            and abs(o.start - entry.start) <= _GROUP_REACH
            and term_of_some(entry.event, o.event)
        ]
        if not parts:
            continue
        given = {str(n) for o in parts for n in o.event.args.get("defendant") or ()}  # type: ignore[union-attr]
        for o in parts:
            o.event = _filled_from(o.event, entry.event)
            o.news = o.news or entry.news
        rest = [n for n in entry.event.args["defendant"] if str(n) not in given]  # type: ignore[union-attr]
        if rest:
            entry.event = replace(entry.event, args={**entry.event.args, "defendant": rest})
        else:
            entry.alone = True


def _filled_from(one: Event, group: Event) -> Event:
    """``one`` with what it does not tell taken from the ``group`` it is part of (its
    court, charges, date, town), but not the group's count; a country is left to what
    the events around it tell."""
    args = dict(one.args)
    for key, value in group.args.items():
        if key != "count" and key not in args and value not in (None, []):
            args[key] = value
    place = group.location if group.location is not None and width(group.location) < 3 else None
    return replace(one, args=args, date=one.date or group.date, location=one.location or place)


def _told_alike(group: _Entry, one: _Entry) -> bool:
    """Whether ``one`` may be a part of ``group``: the same day, or a day in the week
    before the group's (a lead dated by its report: "have been jailed, prosecutors said
    on Thursday", and the verdict "on Wednesday")."""
    a, b = group.event, one.event
    if _report_day(a.date, b.date):
        a = replace(a, date=b.date)
    return compatible(replace(a, args={}), b, strict_place=False)


def _restated(out: list[Event], headline: Event) -> int | None:
    """The body's event a headline restates with rounder figures, by the names they share.

    "Bombing claimed by al-Shabaab kills five" over "al-Shabaab claimed a car bomb ...
    killing five people, including the bomber": the body's toll is the careful one.
    """
    for i, other in enumerate(out):
        if other.type != headline.type or not _shares_names(other, headline):
            continue
        if term_of_some(headline, other):
            continue  # "Two Migrants Jailed" over "A got nine years and B eight": not A's alone
        words: dict[str, ArgValue] = {
            k: v for k, v in headline.args.items() if not isinstance(v, int | float)
        }
        # (a title names the place more broadly: "in Somalia's south" over "in the Hodan
        # district")
        if compatible(other, replace(headline, args=words), strict_place=False):
            return i
    return None


def _shares_names(a: Event, b: Event) -> bool:
    """Any name in any list role of both: the same people or group told twice."""
    return any(
        isinstance(va, list) and isinstance(vb := b.args.get(key), list) and set(va) & set(vb)
        for key, va in a.args.items()
    )


def _other_body(a: Event, b: Event) -> bool:
    body, other = a.args.get("authority"), b.args.get("authority")
    return isinstance(body, str) and isinstance(other, str) and body != other


def _unknown_place(event: Event) -> bool:
    return event.location is not None and width(event.location) == 0


def _without(event: Event, role: str) -> Event:
    return replace(event, args={k: v for k, v in event.args.items() if k != role})


def _names(event: Event) -> bool:
    return any(isinstance(v, list) and v for v in event.args.values())


def _nobody(event: Event) -> bool:
    """No one named or counted: "the blogger", "him"."""
    role = PEOPLE_ROLE.get(event.type)
    return "count" not in event.args and not (role and event.args.get(role))


def _anonymous(event: Event) -> bool:
    return "count" not in event.args and not any(
        isinstance(v, list) and v for v in event.args.values()
    )


#: How many days before its report an act may have been done ("said Monday" of Thursday).
_REPORT_LAG = 7


#: How far (in tokens) the sentence after an act may start: "The attackers ..." goes on with it.
_NEXT_SENTENCE = 60

#: How many days apart two tellings of one attack may date it ("last week", "on May 16").
_RETOLD_DAYS = 7


def _retold_as(out: list[_Entry], told: Told) -> int | None:
    """The attack told last before ``told`` that it tells again, if their days agree within
    a week ("last week" and "on May 16") and nothing else of them differs."""
    event = told.event
    for i in range(len(out) - 1, -1, -1):
        other = out[i].event
        if other.type != event.type or out[i].start >= told.sent_start:
            continue
        if not _days_close(other.date, event.date):
            return None
        # (what the retelling seems to say was hit may be another phrase's: "revendicated the
        # attack in a message on the social networks")
        args = {k: v for k, v in event.args.items() if k != "target"}
        again = replace(event, date=None, args=args)
        return i if compatible(other, again, strict_place=False) else None
    return None


def _days_close(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a.startswith(b) or b.startswith(a):
        return True
    if len(a) != 10 or len(b) != 10:
        return False
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= _RETOLD_DAYS
    except ValueError:
        return False


def _report_day(reported: str | None, own: str | None) -> bool:
    """Whether ``own``, a day up to a week before the ``reported`` day, may be the day of
    the act that report told of (both days known to the day, and not the same)."""
    if reported is None or own is None or len(reported) != 10 or len(own) != 10:
        return False
    try:
        lag = (date.fromisoformat(reported) - date.fromisoformat(own)).days
    except ValueError:
        return False
    return 0 < lag <= _REPORT_LAG
