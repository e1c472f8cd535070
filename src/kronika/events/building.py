"""One mention's event: its roles filled from the pattern that bound it and the role
fillers, its date and place, its confidence and evidence.

:func:`build_event` is what extraction runs on each asserted trigger; a type with no
bold role of its own is told with no place when only a state can do it
(:func:`in_its_state`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import registry
from ..model import ArgValue, Article, Event, Evidence
from ..resolve.mentions import MentionIndex
from .asides import brackets_of
from .compile import Hit
from .country_meant import state_dwelt_on
from .counts import antecedent_count, count_of, one_unnamed
from .date_phrases import date_phrases
from .dates import event_date, scene_of
from .fillers import ARMED_GROUPS, FillContext
from .fillers_ru import agent as ru_agent
from .fillers_ru import patient as ru_patient
from .misreads import ridden_misread
from .participants import a_time, agent, patient
from .people import PEOPLE_ROLE, about_people
from .placing import event_place, outside_its_states
from .referring import (
    apart,
    retold_with_a_date,
)
from .spans import block, doc_sents, doc_text, normalizer, sent_of
from .spec import EventSpec
from .telling import (
    done_by_someone,
    is_headline,
    staged_where,
    the_series_that_did,
    told_where,
)

#: Roles the core is found with when no pattern bound it: who was acted on, or who acted.
_AGENT_CORE = frozenset({"JOIN", "APPEAL", "ESCAPE"})


def _core_of(trigger: Token, type_name: str) -> Token | None:
    """Who the act was done to (or, for a type told by its doer, who did it); a Russian
    noun's people are read the Russian way, by its genitive ("о помиловании 120 человек")."""
    if trigger.doc.lang_ == "ru" and trigger.pos_ == "NOUN":
        return ru_agent(trigger) if type_name in _AGENT_CORE else ru_patient(trigger)
    return agent(trigger) if type_name in _AGENT_CORE else patient(trigger)


#: Words that float after the people they quantify: "His two deputies, A and B, each received".
_FLOATING = frozenset({"each", "all", "both"})


def _quantified(token: Token) -> Token:
    """The people a floating "each" or "all" subject stands for: the verb's other subject
    ("His two deputies, A and B, each received 25 years"), else ``token`` itself."""
    if token.lower_ not in _FLOATING or token.dep_ not in ("nsubj", "nsubjpass"):
        return token
    host = next(
        (
            c
            for c in token.head.children
            if c.i < token.i
            and c.dep_ in ("nsubj", "nsubjpass")
            and c.pos_ in ("NOUN", "PROPN", "PRON")
        ),
        None,
    )
    return host if host is not None else token


def build_event(
    spec: EventSpec,
    trigger: Token,
    hits: list[Hit],
    mentions: MentionIndex,
    article: Article,
    armed: frozenset[str] = frozenset(),
) -> Event | None:
    doc = trigger.doc
    sent: Span = sent_of(trigger)
    people_role = PEOPLE_ROLE.get(spec.type)
    # "was arrested in 2013 and jailed the following year": a time bound as the people
    patterned = [
        h
        for h in hits
        if h.pattern is not None
        and not any(
            r == people_role and a_time(doc[h.nodes[n]]) for r, n in h.pattern.roles.items()
        )
    ]
    lo, hi = block(sent, trigger)

    def rank(hit: Hit) -> tuple[bool, bool, bool, int, int]:
        # a title run into the lead gives a verb two subjects: take the one on its own line
        inside = all(lo <= doc[i].idx < hi for i in hit.nodes.values())
        spread = sum(abs(i - trigger.i) for i in hit.nodes.values())
        # a parse with two subjects ("за участие в группе были осуждены девять человек"): the
        # one that is people
        roles = hit.pattern.roles.items() if hit.pattern is not None else ()
        people = all(about_people(doc[hit.nodes[n]]) for r, n in roles if r == people_role)
        # ("the organisation "Jund al-Khilafah" was recognised as terrorist": the name, not
        # the noun before it)
        named = any(r == spec.core and doc[hit.nodes[n]].pos_ == "PROPN" for r, n in roles)
        return (inside, people, named, len(hit.nodes), -spread)

    best = max(patterned, key=rank, default=None)
    nodes = (
        {role: _quantified(doc[best.nodes[node]]) for role, node in best.pattern.roles.items()}
        if (best is not None and best.pattern is not None)
        else {}
    )
    core = spec.core
    # a type with no core role takes its people from the node a pattern bound for them
    core_token = nodes.get(core or PEOPLE_ROLE.get(spec.type, ""))
    if core_token is None:
        core_token = _core_of(trigger, spec.type)
    ctx = FillContext(
        doc,
        sent,
        trigger,
        nodes,
        mentions,
        article.published,
        extra={"core_token": core_token, ARMED_GROUPS: armed},
    )
    args: dict[str, ArgValue] = {}
    for role in spec.roles.values():
        value = _fill(ctx, role)
        if value is not None and value != []:
            args[role.name] = value
    _drop_repeats(spec, args)
    if any(not args.get(name) for name in spec.require):
        return None
    if best is not None and best.pattern is not None and len(patterned) == len(hits):
        if any(not args.get(name) for name in best.pattern.require):
            return None  # "kidnapped in Khujand and taken to Dushanbe": no border crossed
        if any(doc[best.nodes[n]].ent_id_ not in armed for n in best.pattern.armed):
            return None  # "Police raided the house": no armed group acted
    if core and core not in args:
        done_to = spec.type not in _AGENT_CORE
        if done_to and core_token is not None and not about_people(core_token):
            return None  # "seized 11 guns", "captured the town": nobody was taken
        bound = core_token is not None and nodes.get(core) is core_token
        headline = bound and is_headline(sent, trigger)
        if trigger.pos_ == "NOUN" and "count" not in args and not headline:
            # "the arrest", "his sentence": too little to stand alone (but a title a pattern
            # bound the people of: "Court sentences ex-policeman to 20 years"); "The
            # verdict was delivered on Tuesday" may still date the one told before
            if not retold_with_a_date(trigger, spec.supplements):
                return None
        if _collective(core_token) and "count" not in args:
            return None  # "arrested its leadership": a body of people, nobody named or counted
        args = {core: [], **args}
        if "count" in spec.roles and "count" not in args and one_unnamed(core_token):
            args["count"] = 1  # "sentenced a Tajik man to five years": one, not named
    # "the jailbreak in Sulaimaniya": an act of a type with no core role, placed by name
    placed = (
        trigger.pos_ == "NOUN"
        and not core
        and "target" not in spec.roles  # attacks are read by their targets and tolls
        and told_where(trigger)
    ) or (trigger.pos_ == "NOUN" and staged_where(trigger))
    if not args and trigger.pos_ == "NOUN" and not placed:
        return None  # "the escape" alone
    if not args and "target" not in spec.roles and not about_people(core_token) and not placed:
        return None  # "a report released on Monday": nobody was freed
    if (
        trigger.tag_ == "NNS"
        and "target" in spec.roles
        and not (args.get("target") or args.get("perpetrator"))
        and not done_by_someone(trigger)
        and not the_series_that_did(trigger, args)
    ):
        return None  # "escaped after assaults that left five dead": a summary of acts told apart
    confidence = best.pattern.confidence if best is not None and best.pattern else 0.5
    filled = sum(1 for v in args.values() if v not in ([], None))
    confidence = min(1.0, confidence + 0.05 * filled)
    # ("Gunmen on a motorcycle opened fire ...": a verb misread as an adjective is dated and
    # placed by the sentence it was meant to head)
    clause = sent.root if ridden_misread(trigger) else trigger
    place = event_place(sent, trigger, args)
    if place is None and clause is not trigger:
        place = event_place(sent, clause, args)
    return Event(
        type=spec.type,
        args=args,
        evidence=(_evidence(sent, trigger),),
        date=None if _undated_aside(trigger, sent) else event_date(sent, clause, article.published),
        location=outside_its_states(
            # ("In a separate attack the same day, ...": not the scene told before)
            place or (None if apart(trigger) else _scene_place(sent, args)),
            args,
        ),
        confidence=round(confidence, 2),
        rule=f"{spec.type}/{best.pattern.id}" if best and best.pattern else f"{spec.type}/trigger",
    )


def _undated_aside(trigger: Token, sent: Span) -> bool:
    """Whether the act at ``trigger`` is told in brackets that give no date: the date after
    "(banned in Uzbekistan) in 2012" is the joining's, however the parser hung it."""
    marks = brackets_of(trigger)
    return marks is not None and not any(marks[0] < i < marks[1] for i, _ in date_phrases(sent))


def in_its_state(event: Event, doc: Doc, specs: dict[str, EventSpec]) -> Event:
    """An act only a state does, told with no place: the country its text dwells on."""
    spec = specs.get(event.type)
    if event.location is not None or spec is None or not spec.state_act or not event.evidence:
        return event
    sent = next((s for s in doc_sents(doc) if s.end_char > event.evidence[0].start), None)
    place = state_dwelt_on(sent) if sent is not None else None
    return replace(event, location=place) if place is not None else event


def _scene_place(sent: Span, args: dict[str, ArgValue]) -> Any:
    """The place named where the story's time was set ("On April 3, 2017 a bomber brought
    two devices to the St. Petersburg metro. ... The blast killed 15"), or None."""
    scene = scene_of(sent)
    return event_place(scene[0], scene[0].root, args) if scene is not None else None


#: Nouns for the whole body of an organization's people, not for persons.
_COLLECTIVES = frozenset("leadership membership hierarchy cadre cadres ranks rank-and-file".split())


def _collective(token: Token | None) -> bool:
    """ "the whole IRPT leadership", "its membership": a group's people taken as one body."""
    return token is not None and token.lemma_.lower() in _COLLECTIVES


def _evidence(sent: Span, trigger: Token) -> Evidence:
    """The trigger's sentence, cut at blank lines and stripped, with its char span."""
    lo, hi = block(sent, trigger)
    text = doc_text(sent.doc)[lo:hi]
    start = lo + len(text) - len(text.lstrip())
    text = text.strip()
    return Evidence(text, start, start + len(text))


def _drop_repeats(spec: EventSpec, args: dict[str, ArgValue]) -> None:
    """Remove a non-core name role that only repeats the core names (an agent found twice)."""
    core = spec.core or next((r for r in ("person", "escapees") if r in args), None)
    names = args.get(core) if core else None
    if not isinstance(names, list):
        return
    for role in list(args):
        value = args[role]
        if role == core:
            continue
        if (isinstance(value, str) and value in names) or (
            isinstance(value, list) and value and set(value) <= set(names)
        ):
            del args[role]


def _fill(ctx: FillContext, role: Any) -> ArgValue | None:
    value: ArgValue | None = None
    if role.fill:
        filler = registry.resolve("role_fillers", role.fill)
        value = filler(ctx, role)
    elif role.name in ctx.nodes:
        value = ctx.nodes[role.name].text
    if isinstance(value, list) and role.value in ("name", "phrase"):
        value = value[0] if value else None
    if value is not None and role.normalize and isinstance(value, str):
        norm = normalizer(role.normalize)
        value = norm(value) if norm is not None else value
    if role.name == "count" and value is None and isinstance(ctx.extra.get("core_token"), Token):
        value = count_of(ctx.extra["core_token"]) or antecedent_count(ctx.extra["core_token"])
    return value
