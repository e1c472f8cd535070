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

from spacy.tokens import Doc, Span, Token

from ..claims.figures import find_claims
from ..claims.figures_ru import find_claims_ru
from ..claims.stance import attach_stance, is_asserted, only_approved
from ..model import Article, ArticleResult, Event
from ..nlp.gazetteer import load_gazetteer
from ..settings import Settings
from .accounts import claim_of, in_a_claimed_account
from .backstop import backstop_events
from .building import build_event, in_its_state
from .clauses import act_clause, another_time, charged_act, has_own_people
from .compile import Hit, compile_rules
from .dates import dated_by_report, dated_paragraph
from .figurative import figurative
from .gapping import split_gapped
from .inherit import inherit_appellants
from .listed import listed_verdicts
from .members import named_members
from .merge import merge_events
from .misreads import finite_misread
from .name_mentions import article_mentions
from .named import with_argument_entities
from .not_events import (
    attacker_shot,
    attackers_only,
    freed_by_force,
    is_tally,
    over_a_span,
    still_held,
    taken_by_force,
    their_past,
    those_described,
    under_review,
    vague_over_time,
)
from .participants import agent
from .people import PEOPLE_ROLE
from .records import one_attack_per_record
from .referring import (
    accompanies,
    acts_in_general,
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
from .spans import doc_text, sent_of
from .spec import EventSpec, load_specs
from .targets import split_dates, split_places, split_respectively, split_targets
from .telling import (
    demanded,
    generic,
    is_headline,
    not_yet,
    telling,
)
from .told import NOWHERE, Told
from .tolls import TOLL_VERBS
from .verdicts import fold_summaries

logger = logging.getLogger(__name__)


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
            and (
                _joined_act(trigger, groups)
                or ranked(trigger)
                or one_of_a_series(trigger)
                or acts_in_general(trigger)
            )
        ):
            continue
        event = build_event(rules.specs[type_name], trigger, hits, mentions, article, armed)
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
        if event is not None and their_past(trigger, event):
            continue  # "freed 14 women who had been convicted of terrorism": their past
        if event is not None and still_held(trigger, event):
            continue  # "30 people remain jailed for their beliefs": a state, no verdict
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
                    toll=type_name == "ATTACK" and _toll_after_the_act(trigger),
                )
            )
    # sentences no rule told an event in: the sentence classifier's guess (setting "backstop")
    build = partial(build_event, hits=[], mentions=mentions, article=article)
    events.extend(backstop_events(doc, events, groups, rules.specs, settings, build))
    events.extend(listed_verdicts(doc, mentions, article.published))
    merged = _continued_acts_told(merge_events(events, article.published), rules.specs)
    # "The five were detained ... The longest term went to their leader, X": X was one
    merged = named_members(doc, merged, mentions)
    merged = inherit_appellants(merged)  # "the court upheld the verdict": its people's appeal
    merged = one_attack_per_record(merged, doc_text(doc))
    # a ban told with no place, once its mentions are one: in the state the text dwells on
    merged = [in_its_state(e, doc, rules.specs) for e in merged]
    # ("extradited from Russia to Tajikistan": its places are its roles, it has no scene)
    merged = [_unplaced(e, rules.specs) for e in merged]
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


def _unplaced(event: Event, specs: dict[str, EventSpec]) -> Event:
    """The event without a location when its type is told between places (``unplaced``)."""
    spec = specs.get(event.type)
    return replace(event, location=None) if spec is not None and spec.unplaced else event


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


def _toll_after_the_act(trigger: Token) -> bool:
    """ "..., wounding three guards", "..., killing six": a toll told after its act."""
    return (
        trigger.tag_ == "VBG" and trigger.dep_ in ("advcl", "conj") and trigger.lemma_ in TOLL_VERBS
    )


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
