"""What a mention takes from the events told around it in its article.

A verdict told without its court takes the court of its trial; an act told without a
place or date takes those of the scene told just before it; "the four men" are the
people of the events told just before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..model import Event
from .agencies import country_of_word
from .people import PEOPLE_ROLE

#: Types told by what happened where: a place given once holds for the next mention.
PLACE_BOUND = frozenset({"ATTACK", "ESCAPE"})
#: Types that, told right after an attack, are its aftermath (same time and place).
_AFTERMATH = frozenset({"ARREST"})
#: Types told as a scene (what happened somewhere), whose time and place hold for what follows.
_SCENES = PLACE_BOUND | _AFTERMATH


def inherit_courts(events: list[Event], day_from: Sequence[int] = ()) -> list[Event]:
    """Give a sentence told without its court the court of the same trial.

    "The Osh court sentenced A to ten years ... B received eight years": one trial,
    one court (charges are not carried: each defendant's are often told apart). The
    trial is the same when the dates agree to the month, or, for a sentence told
    without a date, when it is told close to the one naming the court. Such a verdict
    also takes that one's day when that one is told at or after its ``day_from``
    character (see ``told.Told.day_from``).
    """
    return _inherit(events, "court", day_from)


#: A verdict told "on the same charges" as the one before it.
_SAME_CHARGES = re.compile(
    r"\bsame\s+(?:\w+\s+)?(?:charges?|offen[cs]es|counts|crimes|articles?)\b", re.I
)


def inherit_same_charges(events: list[Event]) -> list[Event]:
    """Give a verdict told "on the same charges" the charges of the verdict told before it.

    "A was jailed for 20 years for terrorism and murder. Two others were given 22 and 25
    years on the same charges."
    """
    out: list[Event] = []
    for event in events:
        told = event.evidence[0].text if event.evidence else ""
        if (
            event.type == "SENTENCE"
            and not event.args.get("charges")
            and _SAME_CHARGES.search(told)
        ):
            before = next(
                (e for e in reversed(out) if e.type == "SENTENCE" and e.args.get("charges")), None
            )
            if before is not None:
                event = replace(event, args={**event.args, "charges": before.args["charges"]})
        out.append(event)
    return out


def inherit_appellants(events: list[Event]) -> list[Event]:
    """Give an appeal told without its appellant the people of the verdict it is about.

    "X was sentenced to eight years ... In June the regional court upheld the verdict":
    X's appeal. The verdict is the nearest one told before (else the first told after)
    that names its people.
    """
    verdicts = [i for i, e in enumerate(events) if e.type == "SENTENCE" and e.args.get("defendant")]
    out = []
    for i, event in enumerate(events):
        if event.type == "APPEAL" and event.args.get("appellant") == [] and verdicts:
            before = [v for v in verdicts if v < i]
            source = events[before[-1] if before else verdicts[0]]
            event = replace(event, args={**event.args, "appellant": source.args["defendant"]})
        out.append(event)
    return out


def _inherit(events: list[Event], role: str, day_from: Sequence[int]) -> list[Event]:
    named = [e for e in events if e.type == "SENTENCE" and e.args.get(role)]
    out = []
    for i, event in enumerate(events):
        own = event.args.get(role)
        # ("A Turkish court handed down life sentences ... A court in Silivri sentenced
        # four": a court told by its state alone is the trial's court named below)
        by_state = _told_by_its_state(own)
        if event.type == "SENTENCE" and (not own or by_state):
            trial = [
                e
                for e in named
                if same_trial(e, event) and not (by_state and _told_by_its_state(e.args[role]))
            ]
            if trial:
                near = min(trial, key=lambda e: abs(e.evidence[0].start - event.evidence[0].start))
                # the trial's court sits where it sits, on the day it sits: its place and
                # day come with it ("The court on March 3 sentenced twelve ... A was given
                # nine years")
                event = replace(
                    event,
                    args={**event.args, role: near.args[role]},
                    location=(near.location or event.location)
                    if by_state
                    else (event.location or near.location),
                    date=event.date or (near.date if _day_given(near, day_from, i) else None),
                )
        out.append(event)
    return out


def _told_by_its_state(court: object) -> bool:
    """Whether ``court`` is told by the state it is of alone: "a Turkish court", "a Russian
    military court" (not "the court in Silivri" or "Uzbek Supreme Court")."""
    words = [w for w in str(court or "").split() if w.casefold() != "court"]
    return (
        bool(words)
        and all(w.islower() or country_of_word(w) for w in words)
        and any(country_of_word(w) for w in words)
    )


def _day_given(near: Event, day_from: Sequence[int], i: int) -> bool:
    return i < len(day_from) and bool(near.evidence) and near.evidence[0].start >= day_from[i]


#: How far (in characters) an undated sentence may be told from its trial's court.
_TRIAL_REACH = 800


def same_trial(named: Event, event: Event) -> bool:
    """Two verdicts of one trial: dated to the same month, or, undated, told close by."""
    if event.date and named.date:
        return event.date[:7] == named.date[:7]
    if not (event.evidence and named.evidence):
        return False
    return abs(event.evidence[0].start - named.evidence[0].start) <= _TRIAL_REACH


def inherit_places(events: list[Event]) -> list[Event]:
    """Give an event told without a place (or date) those of the event told just before it.

    Only within one paragraph, and only for types told by what happened where: a
    report names the place once ("escaped from a prison in Dushanbe ... they
    attacked a checkpoint").
    """
    out: list[Event] = []
    for event in events:
        prev = out[-1] if out else None
        # "... carried out attacks in Aqtobe. Security forces killed 18 gunmen and arrested
        # several others": what follows an attack happened where and when it did
        follows = prev is not None and prev.type == "ATTACK" and event.type in _AFTERMATH
        bound = (
            (event.type in PLACE_BOUND or follows)
            and prev is not None
            # "banned since May 3, 2015 ... accused of shooting at a patrol in Aktobe": a
            # ruling is not a scene; only what happened somewhere gives its time and place
            and prev.type in _SCENES
            and same_paragraph(prev, event)
            # "a U.S. airstrike killed X" on Dec. 31, after a bombing on Jan. 4: another story
            and same_month(event.date, prev.date)
        )
        if bound and prev is not None:
            if event.location is None and prev.location is not None:
                event = replace(event, location=prev.location)
            if event.date is None and prev.date is not None:
                # "late Sunday ... Three hours later, they attacked": the story's day holds
                event = replace(event, date=prev.date)
        out.append(event)
    return _freed_at_the_verdict(_released_where_held(_placed_by_the_next(out)))


#: Words that tell a release made at the hearing itself: "released in the courtroom".
_IN_COURT = re.compile(r"\bcourt\s?room\b|\bfrom the dock\b|в\s+зале\s+суда", re.I)


def _freed_at_the_verdict(events: list[Event]) -> list[Event]:
    """ "X was sentenced to three years of restricted freedom. He was released from
    custody in the courtroom": a release made at the verdict told just before has its
    day, its town and its court."""
    out = list(events)
    for i, event in enumerate(events):
        told = event.evidence[0].text if event.evidence else ""
        if event.type != "RELEASE" or not _IN_COURT.search(told):
            continue
        verdict = next((e for e in reversed(out[:i]) if e.type == "SENTENCE"), None)
        if verdict is None or not same_paragraph(verdict, event):
            continue
        court = verdict.args.get("court")
        args = dict(event.args)
        if court and not args.get("authority"):
            args["authority"] = court
        out[i] = replace(
            event,
            args=args,
            date=event.date or verdict.date,
            location=event.location or verdict.location,
        )
    return out


def _released_where_held(events: list[Event]) -> list[Event]:
    """ "Police detained X in Fatih ... X was released the next day after questioning": a
    release from custody told without a place is where the people were held (the last
    arrest told before it of the same people, or of anyone when it names nobody)."""
    out = list(events)
    for i, event in enumerate(events):
        if event.type != "RELEASE" or event.location is not None:
            continue
        freed = set(_people(event))
        for before in reversed(out[:i]):
            if before.type != "ARREST":
                continue
            if freed and not freed & set(_people(before)):
                continue
            if before.location is not None:
                out[i] = replace(event, location=before.location)
            break
    return out


def _people(event: Event) -> list[str]:
    people = event.args.get(PEOPLE_ROLE.get(event.type, ""))
    return [str(p) for p in people] if isinstance(people, list) else []


def _placed_by_the_next(events: list[Event]) -> list[Event]:
    """ "20 inmates escaped after gunmen attacked a prison in Koutiala": an escape told
    without a place takes that of the scene told next in its own sentence (an attack's
    place so taken would join it to acts told elsewhere)."""
    out = list(events)
    for i, (event, after) in enumerate(zip(events, events[1:], strict=False)):
        if event.location is not None or event.type != "ESCAPE":
            continue
        if after.type in _SCENES and after.location is not None and _same_sentence(event, after):
            out[i] = replace(event, location=after.location)
    return out


def _same_sentence(a: Event, b: Event) -> bool:
    return bool(a.evidence and b.evidence) and a.evidence[0].start == b.evidence[0].start


def same_paragraph(a: Event, b: Event) -> bool:
    """Whether some mention of ``a`` is told close to the first mention of ``b``."""
    if not b.evidence:
        return False
    return any(0 <= b.evidence[0].start - ev.end < 400 for ev in a.evidence)


def same_month(a: str | None, b: str | None) -> bool:
    """Dates that may be one month's: either unknown, or one a prefix of the other."""
    if not a or not b:
        return True
    return a[:7].startswith(b[:7]) or b[:7].startswith(a[:7])


def _last_count(events: list[Event]) -> int | None:
    """The count of the last event told before that has people, if it counts them unnamed."""
    for before in reversed(events):
        role = PEOPLE_ROLE.get(before.type)
        if role is None:
            continue
        count = before.args.get("count")
        named = before.args.get(role)
        if isinstance(count, int) and not named:
            return count
        return None
    return None


def people_told_before(
    events: list[Event], back: list[bool], whole: list[bool], pair: list[bool]
) -> list[Event]:
    """Name the people of a mention that points back ("The four men were arrested").

    "The court sentenced A to seven years. The remaining three men, B, C and D, got five
    ... The four men were arrested in 2015": the people of the events told just before,
    taken back to front, when they make exactly the count. Uncounted, "the men" or
    "they" are the people of the last event told before that names any; "both" and "the
    couple" are the last two named. ``back``: each event points back; ``whole``: it points
    at all of the people told before; ``pair``: at two of them.
    """
    out = list(events)
    for i, (event, points_back, all_of_them, two) in enumerate(
        zip(events, back, whole, pair, strict=True)
    ):
        role = PEOPLE_ROLE.get(event.type)
        count = 2 if two and event.args.get("count") is None else event.args.get("count")
        if not points_back or role is None or event.args.get(role):
            continue
        names: list[str] = []
        if count is None and all_of_them:
            # "The men who were arrested in October were accused of ..."
            told = (b.args.get(PEOPLE_ROLE.get(b.type, "")) for b in reversed(out[:i]))
            names = next((n for n in told if isinstance(n, list) and n), [])
            counted = _last_count(out[:i]) if not names else None
            if counted is not None:
                # "The court sentenced six members of the group. They were detained ...":
                # the six, unnamed
                out[i] = replace(event, args={**event.args, "count": counted})
                continue
        elif isinstance(count, int):
            for before in reversed(out[:i]):
                people = before.args.get(PEOPLE_ROLE.get(before.type, ""))
                if isinstance(people, list):
                    names = [*(n for n in people if n not in names), *names]
                if len(names) >= count:
                    break
            names = names if len(names) == count else []
        if names:
            out[i] = replace(event, args={**event.args, role: names})
    return out
