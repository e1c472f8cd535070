"""Turn a parsed article into entities, events and claims.

Steps: group the article's name mentions into entities (``resolve.mentions``);
run the compiled trigger and dependency matchers once over the doc; for each
trigger that is asserted as done (not negated, requested, vowed or
hypothetical) fill the roles from pattern nodes, then from role fillers; give
the event its date, place, confidence and evidence; merge mentions of one
event told across sentences; then find claims and attach contest markers.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import partial
from typing import Any

from spacy.tokens import Doc, Span, Token

from .. import registry
from ..claims.figures import find_claims
from ..claims.figures_ru import find_claims_ru
from ..claims.stance import attach_stance, is_asserted, only_approved
from ..model import ArgValue, Article, ArticleResult, Event, Evidence
from ..nlp.gazetteer import load_gazetteer
from ..resolve.mentions import MentionIndex
from ..settings import Settings
from .accounts import claim_of, in_a_claimed_account
from .backstop import backstop_events
from .clauses import act_clause, another_time, charged_act, has_own_people
from .compile import Hit, compile_rules
from .counts import antecedent_count, count_of
from .dates import dated_by_report, dated_paragraph, event_date, scene_of
from .fillers import ARMED_GROUPS, FillContext
from .gapping import split_gapped
from .inherit import inherit_appellants
from .listed import listed_verdicts
from .merge import NOWHERE, Told, merge_events
from .name_mentions import article_mentions
from .named import with_argument_entities
from .not_events import (
    attacker_shot,
    attackers_only,
    figurative,
    freed_by_force,
    is_tally,
    over_a_span,
    taken_by_force,
    those_described,
    under_review,
    vague_over_time,
)
from .participants import a_time, agent, finite_misread, patient, ridden_misread
from .people import PEOPLE_ROLE, about_people
from .placing import event_place, outside_its_states, state_dwelt_on
from .records import one_attack_per_record
from .referring import (
    accompanies,
    along,
    apart,
    counted_among,
    definite,
    one_of_a_series,
    ranked,
    refers_back,
    retelling,
    retold_with_a_date,
    told_as_happening,
    told_pair,
    whole_group,
)
from .spans import block, doc_sents, doc_text, normalizer, sent_of
from .spec import EventSpec, load_specs
from .targets import split_dates, split_places, split_respectively, split_targets
from .telling import (
    demanded,
    done_by_someone,
    generic,
    is_headline,
    not_yet,
    staged_where,
    telling,
    the_series_that_did,
    told_where,
)
from .verdicts import fold_summaries

logger = logging.getLogger(__name__)

#: Roles the core is found with when no pattern bound it: who was acted on, or who acted.
_AGENT_CORE = frozenset({"JOIN", "APPEAL", "ESCAPE"})


def extract_article(doc: Doc, article: Article, settings: Settings) -> ArticleResult:
    """Return the entities, events and claims found in ``doc`` (the parse of ``article.text``)."""
    mentions = article_mentions(doc, settings)
    armed = load_gazetteer(settings).organizations_of_kind("militant group")
    specs = load_specs(settings, doc.lang_)
    rules = compile_rules(doc.vocab, specs)
    groups: dict[tuple[str, int], list[Hit]] = {}
    for hit in rules.match(doc):
        groups.setdefault((hit.type, hit.nodes["trigger"]), []).append(hit)
    events: list[Told] = []
    for (type_name, index), hits in sorted(groups.items(), key=lambda kv: kv[0][1]):
        trigger = doc[index]
        # "jailed journalists", "imprisoned members": a participle used as an adjective
        # (but one with a subject is the verb misread: "The court jailed oil worker X")
        adjective = (
            trigger.dep_ == "amod"
            and not any(c.dep_ == "nsubj" for c in trigger.children)
            and not finite_misread(trigger)
        )
        # ("claimed the attack, saying it had killed 25": the group's figure, no act)
        if (
            adjective
            or not is_asserted(trigger)
            or not_yet(trigger)
            # ("- release all those imprisoned for their faith": a call, not an act)
            or demanded(trigger)
            or in_a_claimed_account(trigger)
        ):
            continue
        if only_approved(type_name, trigger):
            continue  # "a court approved the extradition of X": no one handed over yet
        # "few who turn to Islam join IS", "people joining ISIS": a habit, not an event
        # (titles are written in the present: "Militants Escape From Prison")
        # ("accused of attacking a police patrol": the act charged is an attack told)
        charged = rules.specs[type_name].charged and charged_act(trigger)
        if generic(trigger) and not charged and not is_headline(sent_of(trigger), trigger):
            continue
        # "attacked a checkpoint, killing four": the clause belongs to the main event (but
        # "... while 11 others received 28 years" has people of its own)
        own_subject = type_name in PEOPLE_ROLE and has_own_people(trigger)
        # ("launched a mortar attack on a base, killing one": the act is the verb's object)
        main = trigger.head
        acts = [main.i, *(c.i for c in main.children if c.dep_ == "dobj")]
        if trigger.dep_ in ("advcl", "xcomp") and any((type_name, i) in groups for i in acts):
            if not own_subject:
                continue
        # "set fire to a school and abducted two teachers": one raid; "killing 12 in the
        # deadliest attack in the province this year": the act told, ranked among others
        if counted_among(trigger) or (
            type_name == "ATTACK"
            and (_joined_act(trigger, groups) or ranked(trigger) or one_of_a_series(trigger))
        ):
            continue
        event = _build(rules.specs[type_name], trigger, hits, mentions, article, armed)
        told_how = telling(trigger, article) if event is not None else ""
        news, past = told_how == "news", told_how == "past"
        if event is not None and type_name == "SENTENCE" and under_review(trigger):
            # "upheld the six-year sentence handed to X": the appeal is the news; the
            # verdict it upheld is told only for who got what, at an earlier time
            if not _who_got_what(event):
                continue
            # (the court named is the one above, sitting now)
            upheld = {k: v for k, v in event.args.items() if k != "court"}
            event = replace(event, args=upheld, date=None, location=None)
            news, past = False, False
        if event is not None and "target" in rules.specs[type_name].roles:
            # "attacks on a jail in X and on border posts in Y": one event per target
            first, *others = split_targets(event, trigger, mentions)
            if not others:
                # "bombings in 2010 and 2011": one event per year
                first, *others = split_dates(event, trigger, article.published)
            event = first
            events.extend(
                Told(sent_of(trigger).start, False, False, p, news=news, past=past) for p in others
            )
        if event is not None and rules.specs[type_name].per_place:
            # "banned in Russia, Uzbekistan and Tajikistan": one ban per state
            first, *others = split_places(event, trigger)
            event = first
            events.extend(
                Told(sent_of(trigger).start, False, False, p, news=news, past=past) for p in others
            )
        if event is not None and type_name == "SENTENCE":
            # "A and B were sentenced to 18 and 16 years respectively": one event per term
            first, *others = split_respectively(event, sent_of(trigger))
            if not others:
                # "A was sentenced to 22 years, and B to 19": one event per term
                first, *others = split_gapped(event, sent_of(trigger), mentions)
            event = first
            events.extend(
                Told(sent_of(trigger).start, False, False, p, news=news, past=past) for p in others
            )
        if event is not None and (is_tally(event) or over_a_span(event, trigger)):
            continue  # "1,094 Tajik nationals have joined IS": a figure, found as a claim
        if event is not None and those_described(trigger, event):
            continue  # "the return of those kidnapped by Daesh": people described, no act told
        if type_name == "ATTACK" and event is not None and attacker_shot(trigger):
            continue  # "killing two officers before he was shot dead"
        if event is not None and type_name == "ATTACK" and attackers_only(event):
            continue  # "Three militants were also killed in the ensuing firefight"
        if event is not None and vague_over_time(event, trigger):
            continue  # "dozens have been prosecuted and many of them imprisoned": a record
        if figurative(type_name, trigger):
            continue  # "died of a heart attack", "an attack on press freedom"
        if type_name == "ARREST" and (taken_by_force(trigger) or _taken_in_a_raid(trigger, events)):
            continue  # "Gunmen abducted two aid workers": a hostage-taking, told as an attack
        if type_name == "RELEASE" and freed_by_force(trigger, groups):
            continue  # "militants freed 300 inmates when they stormed the jail": an escape
        if event is not None and event.confidence >= settings.min_confidence:
            headline = is_headline(sent_of(trigger), trigger)
            told = Told(sent_of(trigger).start, headline, refers_back(trigger), event)
            # "the sentence followed his conviction": adds to a verdict told elsewhere (but
            # "the 16-year sentence handed to X" a pattern read is a verdict of its own)
            bare = not any(h.pattern is not None for h in hits)
            if (
                bare
                and trigger.pos_ == "NOUN"
                and trigger.lemma_ in rules.specs[type_name].supplements
            ) or all(h.pattern is not None and h.pattern.adds for h in hits):
                told = replace(told, supplement=True)
            events.append(
                replace(
                    told,
                    accompanies=accompanies(trigger),
                    earlier=another_time(trigger),
                    clause=act_clause(trigger),
                    news=news,
                    past=past,
                    day_from=_day_from(sent_of(trigger), told_how),
                    whole=told.refers_back and whole_group(trigger),
                    pair=told.refers_back and told_pair(trigger),
                    # ("The verdict was delivered on Tuesday": the act's own day)
                    reported=event.date is not None
                    and dated_by_report(sent_of(trigger), trigger)
                    and not retold_with_a_date(trigger, rules.specs[type_name].supplements),
                    also=along(trigger),
                    separate=apart(trigger),
                    # ("the detentions were carried out on April 6": the arrest told before)
                    retold=retelling(trigger) or (definite(trigger) and told_as_happening(trigger)),
                    claimed=type_name == "ATTACK" and claim_of(trigger) is not None,
                )
            )
    # sentences no rule told an event in: the sentence classifier's guess (setting "backstop")
    build = partial(_build, hits=[], mentions=mentions, article=article)
    events.extend(backstop_events(doc, events, groups, rules.specs, settings, build))
    events.extend(listed_verdicts(doc, mentions, article.published))
    merged = _continued_acts_told(merge_events(events, article.published), rules.specs)
    merged = inherit_appellants(merged)  # "the court upheld the verdict": its people's appeal
    merged = one_attack_per_record(merged, doc_text(doc))
    # a ban told with no place, once its mentions are one: in the state the text dwells on
    merged = [_in_its_state(e, doc, rules.specs) for e in merged]
    figures = find_claims_ru if doc.lang_ == "ru" else find_claims
    claims = figures(doc, mentions, merged)
    # after the claims, so that the count of a verdict told whole is no claim of its own
    merged = fold_summaries(merged)
    merged, claims = attach_stance(doc, merged, claims)
    return ArticleResult(
        article=article,
        entities=tuple(with_argument_entities(mentions.entities(), merged, claims)),
        events=tuple(merged),
        claims=tuple(claims),
    )


def _who_got_what(event: Event) -> bool:
    """Whether a verdict names its people and their term (or life)."""
    return bool(event.args.get("defendant")) and (
        "term_years" in event.args or "life" in event.args
    )


def _continued_acts_told(events: list[Event], specs: dict[str, EventSpec]) -> list[Event]:
    """ "Police detained X on Friday ... On Monday a court remanded X in custody": one
    arrest. An event found by a pattern that tells an act going on (``continues`` in its
    rule file) counts only when the article tells no other event of its type about the
    same people."""
    going_on = {f"{t}/{p.id}" for t, spec in specs.items() for p in spec.patterns if p.continues}
    told: set[tuple[str, str]] = set()
    for e in events:
        people = e.args.get(PEOPLE_ROLE.get(e.type, ""))
        if e.rule not in going_on and isinstance(people, list):
            told.update((e.type, name) for name in people)
    kept = []
    for e in events:
        people = e.args.get(PEOPLE_ROLE.get(e.type, ""))
        if e.rule in going_on and isinstance(people, list) and people:
            if all((e.type, name) in told for name in people):
                continue
        kept.append(e)
    return kept


def _taken_in_a_raid(trigger: Token, events: list[Told]) -> bool:
    """ "Insurgents raided a village, killing 20. Several women were abducted": people
    carried off with no one named doing it, in the paragraph of an attack just told."""
    if trigger.lemma_ not in ("abduct", "kidnap") or agent(trigger) is not None:
        return False
    sent = sent_of(trigger)
    text = doc_text(trigger.doc)
    paragraph = text.rfind("\n", 0, sent.start_char) + 1
    return any(
        told.event.type == "ATTACK"
        and paragraph <= trigger.doc[told.sent_start].idx < sent.start_char
        and sent.start - told.sent_start <= _RAID_REACH
        and not another_time(trigger)
        for told in events
    )


#: How far back (in tokens) the attack may be told whose victims were carried off.
_RAID_REACH = 60


def _joined_act(trigger: Token, groups: dict[tuple[str, int], list[Hit]]) -> bool:
    """A verb joined to an attack verb before it, with no subject of its own: the same act
    went on ("stormed the post and killed two officers")."""
    return (
        trigger.pos_ == "VERB"
        and trigger.dep_ == "conj"
        and ("ATTACK", trigger.head.i) in groups
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
    )


def _build(
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
        {role: doc[best.nodes[node]] for role, node in best.pattern.roles.items()}
        if (best is not None and best.pattern is not None)
        else {}
    )
    core = spec.core
    # a type with no core role takes its people from the node a pattern bound for them
    core_token = nodes.get(core or PEOPLE_ROLE.get(spec.type, ""))
    if core_token is None:
        core_token = agent(trigger) if spec.type in _AGENT_CORE else patient(trigger)
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
        date=event_date(sent, clause, article.published),
        location=outside_its_states(
            # ("In a separate attack the same day, ...": not the scene told before)
            place or (None if apart(trigger) else _scene_place(sent, args)),
            args,
        ),
        confidence=round(confidence, 2),
        rule=f"{spec.type}/{best.pattern.id}" if best and best.pattern else f"{spec.type}/trigger",
    )


def _in_its_state(event: Event, doc: Doc, specs: dict[str, EventSpec]) -> Event:
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


def _day_from(sent: Span, told_how: str) -> int:
    """Where a verdict that gives this mention its trial's day may be told: anywhere
    before it (0); in its own paragraph, when that paragraph tells a time of its own ("He
    began recruiting in 2014. Two of his recruits were jailed"); nowhere, when it is told
    as before the story ("was previously sentenced")."""
    if told_how == "before":
        return NOWHERE
    if dated_paragraph(sent):
        return doc_text(sent.doc).rfind("\n", 0, sent.start_char) + 1
    return 0
