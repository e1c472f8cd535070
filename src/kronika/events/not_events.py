"""Acts a rule finds that are not events of their own.

A count of people who joined IS, or killed "since 2014", is a tally someone gives;
"those kidnapped by Daesh" only says who people are; attackers killed in a fight
told elsewhere are no attack; hostages taken by gunmen are no arrest; inmates
freed by a raid or a jailbreak escaped, they were not released; "a heart attack",
"an attack on press freedom" and a state joining a trade body are words, not acts
(:mod:`.figurative`).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..model import Event
from .clauses import doer_above
from .compile import Hit
from .participants import agent, patient
from .spans import doc_sents, sent_number, sent_of
from .toll_words import ATTACKERS

#: Types whose unnamed head counts from this size up are statistics, not one act.
_TALLY_FLOORS = {"JOIN": 50}


def is_tally(event: Event) -> bool:
    """A count of people who joined, with nobody named: a figure someone gives, not an event."""
    floor = _TALLY_FLOORS.get(event.type)
    count = event.args.get("count")
    return (
        floor is not None
        and isinstance(count, int | float)
        and count >= floor
        and not _named(event)
    )


#: "over the past decade", "in recent years", "every year", "since the start of the year",
#: "in the course of 2022", "so far this year", "to date", "since then": a count over a
#: span of time.
_SPAN = re.compile(
    r"\b(?:over|in|during|for) the (?:past|last) (?:\w+ )?(?:years?|decades?|months?)\b"
    r"|\bin recent (?:years|months)\b|\b(?:every|each) year\b|\bsince (?:19|20)\d\d\b"
    r"|\bbetween (?:19|20)\d\d and (?:19|20)\d\d\b"
    # "by the group's count", "by our count": a tally someone keeps (but not "by the
    # police's count, 412 were detained that day": one day's act, counted)
    r"|\bby (?:the )?(?:[\w-]+(?:'s|’s)? ){1,3}?(?:own )?(?:count|tally|estimate)\b"
    r"(?![^.]*\b(?:that|the same) day\b)(?![^.]*\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    r"|\bsince (?:the )?(?:start|beginning|outset) of\b|\bsince independence\b"
    r"|\bin the course of\b|\bso far (?:this|in)\b|\bto date\b"
    r"|\bin the first (?:\w+ )?(?:quarter|half|months?)\b"
    # "since then", "since mid-April", "in the first weeks after" (but "since May", "since
    # February 1999, when ...": a start the count may not run from)
    r"|\bsince (?:then|that time)\b"
    # "have been detained since the protests": a count run up since an event
    r"|\bsince the (?:attacks?|unrest|protests?|riots?|uprising|crackdown|violence|events"
    r"|clashes|coup|bombings?|war|conflict|ban|takeover|invasion|revolution)\b"
    r"|\bsince (?:early|mid|late)[- ](?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december)\b"
    r"|\bin the first (?:few )?(?:days|weeks)\b"
    # "62 people have been convicted ... since January": a count run up, in the perfect
    # (but not "since February 1999, when ...": a start told for its own act)
    r"|\b(?:have|has|had) been \w+\b[^.;]{0,100}\bsince (?:january|february|march|april"
    r"|may|june|july|august|september|october|november|december)\b(?!,? \d|, when)"
    # the same in Russian: "с начала года", "с 2016 года", "за 2022 год", "в течение года"
    r"|(?<!\w)с начала\b|(?<!\w)с (?:19|20)\d\d года\b|(?<!\w)за (?:19|20)\d\d год\b"
    r"|(?<!\w)в течение (?:года|\d+ лет)\b|(?<!\w)на (?:сегодняшний|текущий) день\b"
    # "за год", "за прошлый год", "за последние пять лет", "за девять месяцев"
    r"|(?<!\w)за (?:(?:прошлый|минувший|истекший|этот|текущий|последний) )?год\b"
    r"|(?<!\w)за последние \w+ (?:лет|года|месяцев|месяца)\b|(?<!\w)за \w+ месяцев\b",
    re.I,
)


def told_over_a_span(sent: Span, trigger: Token | None = None) -> bool:
    """Whether ``sent`` tells a count over a span of time ("since 2016", "to date"), or, in
    Russian, a year's statistic from a source ("По данным КНБ, в прошлом году осуждены 11
    человек"). With ``trigger``, a span told in a clause describing something else is not
    its act's ("a group that has been banned since 2001")."""
    text = sent.text
    if _PART_OF_IT.match(text):
        # "Of these, 97 were convicted under Article 174": a part of the count told before
        index = sent_number(sent)
        return index > 0 and told_over_a_span(doc_sents(sent.doc)[index - 1])
    spans = _SPAN.finditer(text)
    return (
        any(trigger is None or not _describing(sent, m.start(), trigger) for m in spans)
        or (_STATISTIC_SOURCE.search(text) is not None and _WHOLE_YEAR.search(text) is not None)
        or (_STATISTICS.search(text) is not None and _A_YEAR.search(text) is not None)
    )


def _describing(sent: Span, start: int, trigger: Token) -> bool:
    """Whether the words at ``start`` of ``sent`` are in a clause that describes something
    (a relative or participle clause) and does not hold ``trigger``."""
    at = sent.start_char + start
    span = sent.doc.char_span(at, at + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    clause = next((a for a in span[0].ancestors if a.pos_ in ("VERB", "AUX")), None)
    return clause is not None and clause.dep_ in ("relcl", "acl") and trigger not in clause.subtree


#: A sentence opening on a part of what the one before counted: "Of these, 97 ...".
_PART_OF_IT = re.compile(r"\s*(?:of (?:these|them|this number)|among (?:them|these)),", re.I)
#: Statistics told as the source of a count: "according to official statistics", "Interior
#: Ministry figures show".
_STATISTICS = re.compile(
    # (not "according to police data, 12 were detained in a raid": one act's source)
    r"\baccording to (?:[\w'’-]+ ){0,5}?(?:statistics|figures)\b"
    r"|\b(?:statistics|figures)(?: from [\w'’ -]{1,40}?)? (?:show|showed|shows|indicate)\b"
    r"|\bofficial (?:statistics|figures)\b",
    re.I,
)
#: A whole year a statistic counts over: "in 2019", "last year", "this year".
_A_YEAR = re.compile(r"\bin (?:19|20)\d\d\b(?! \w+ \d)|\b(?:last|this|the previous) year\b", re.I)
#: A source of statistics opening a Russian sentence: "по данным", "по оценкам", "согласно
#: статистике".
_STATISTIC_SOURCE = re.compile(
    r"(?<!\w)(?:по (?:данным|оценкам|подсч[её]там|статистике|сведениям)"
    r"|согласно (?:данным|статистике))(?!\w)",
    re.I,
)
#: A whole year, as a statistic counts over it: "в прошлом году", "в 2019 году".
_WHOLE_YEAR = re.compile(
    r"(?<!\w)в (?:прошлом|минувшем|этом|текущем|(?:19|20)\d\d) году(?!\w)", re.I
)


#: List-valued roles that hold phrases, not the people or groups an event is about.
_PHRASE_LISTS = frozenset({"charges", "articles"})


def _named(event: Event) -> bool:
    """Whether the event names its people or groups."""
    return any(isinstance(v, list) and v and k not in _PHRASE_LISTS for k, v in event.args.items())


def over_a_span(event: Event, trigger: Token) -> bool:
    """A count of unnamed people acted on over a span of time: a tally, not one event.

    "has killed more than 13,000 people since 2014" is a war's toll, not one attack's.
    """
    count = event.args.get("count", event.args.get("killed"))
    if _named(event) or not isinstance(count, int | float):
        return False
    # "more than 12,000 people were killed in political violence in 2022": thousands
    # told for a whole year are a year's toll
    killed = event.args.get("killed")
    if isinstance(killed, int | float) and killed >= _A_YEARS_TOLL and len(event.date or "") == 4:
        return True
    return told_over_a_span(sent_of(trigger), trigger)


#: A count that, told only with a year, is the year's toll rather than one act's.
_A_YEARS_TOLL = 1000


def attackers_only(event: Event) -> bool:
    """An attack whose only victims named are attackers: their deaths in a fight told
    elsewhere, or security forces at work, not an attack of its own."""
    target = event.args.get("target")
    if not isinstance(target, str):
        return False
    written = target.split()
    words = target.casefold().split()
    killed = event.args.get("killed")
    # ("a third suspect was shot dead when he resisted arrest": security forces at work)
    suspect = bool(words) and words[-1].removesuffix("s") == "suspect"
    # "the attacker, Karim Benhadj" (but "a militant commander" was a commander struck)
    alone_or_named = len(written) == 1 or written[1][:1].isupper()
    attacker = bool(words) and words[0] in ATTACKERS and alone_or_named
    if (attacker or suspect) and not (isinstance(killed, int) and killed > 1):
        return True  # "The attacker, Karim Benhadj, was shot dead at the scene"
    if event.args.get("killed") or event.args.get("wounded"):
        return False
    return bool(words) and words[-1].removesuffix("s") in ATTACKERS


def attacker_shot(trigger: Token) -> bool:
    """ "A gunman opened fire ..., killing two officers before he was shot dead": the
    attacker killed by those he attacked, no attack of its own."""
    if trigger.lemma_ not in ("kill", "shoot", "gun") or trigger.pos_ != "VERB":
        return False
    shot = next((c for c in trigger.children if c.dep_ == "dobj"), None)
    if shot is not None and shot.lemma_.lower() == "attacker" and len(list(shot.conjuncts)) == 0:
        return True  # "Police shot the attacker dead"
    subject = next((c for c in trigger.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    if subject.lemma_.lower() in ATTACKERS:
        return True  # "the gunman was shot dead"
    if subject.lower_ not in ("he", "she", "they"):
        return False
    doer = doer_above(trigger)
    return doer is not None and doer.lemma_.lower() in ATTACKERS


#: Doers who free prisoners by force: the freeing is an escape, not a release.
_FORCE = frozenset(
    "militant gunman assailant attacker insurgent rebel fighter jihadist jailbreak breakout "
    "raid attack assault militants gunmen assailants attackers insurgents rebels fighters "
    "jihadists".split()
)


def taken_by_force(trigger: Token) -> bool:
    """Whether people were abducted by armed men or militants (not taken by a state): "Gunmen
    abducted two aid workers", "the gunmen rounded up the farmers and slit their throats"."""
    if trigger.lemma_ not in ("abduct", "kidnap", "round", "seize", "grab"):
        return False
    return _armed(agent(trigger))


def _armed(doer: Token | None) -> bool:
    """Militants or gunmen, or men told as armed ("armed men", "masked gunmen")."""
    if doer is None:
        return False
    return doer.lemma_.lower() in _FORCE or any(
        c.dep_ in ("amod", "compound") and c.lower_ == "armed" for c in doer.children
    )


def freed_by_force(trigger: Token, groups: dict[tuple[str, int], list[Hit]]) -> bool:
    """Whether a release is people freed from custody by an attack or by armed men."""
    if ("ESCAPE", trigger.i) in groups:
        return True
    doer = agent(trigger)
    if doer is None or not _armed(doer):
        return False
    if doer.lemma_.lower() in ("jailbreak", "breakout"):
        return True  # "The jailbreak freed dozens of suspects": whoever it freed escaped
    freed = patient(trigger)
    if doer.lemma_.lower() in _ASSAULTS:
        # "IS attack frees detainees": people held in a jail, broken out (but "a police raid
        # freed two kidnapped engineers": hostages let go)
        return freed is not None and freed.lemma_.lower() in _INMATES | _HELD
    # "insurgents freed two kidnapped engineers": hostages let go, not inmates broken out
    jail = any(c.lower_ == "from" for c in trigger.children)
    return jail or freed is None or freed.lemma_.lower() in _INMATES


#: Acts of force that may free people from custody.
_ASSAULTS = frozenset("attack raid assault".split())
#: People held in custody whom an assault on a jail frees.
_HELD = frozenset("detainee detainees prisoner prisoners".split())
#: People held in a jail, whom armed men free by force ("prisoners" and "detainees" may
#: be soldiers or hostages they held: "rebels freed 14 prisoners" is a release).
_INMATES = frozenset("inmate convict inmates convicts".split())


def those_described(trigger: Token, event: Event) -> bool:
    """ "those kidnapped by Daesh", "those detained": a participle that only says who people
    are, with none of them named or counted ("those arrested include A and B" names them);
    or "the number of people detained on extremism charges has tripled": a statistic."""
    # (an attack names only its doers: "those kidnapped by Daesh" are still people described)
    if "count" in event.args or (_named(event) and event.type != "ATTACK"):
        return False
    return (trigger.dep_ == "acl" and trigger.head.lower_ == "those") or _a_measure_of(trigger)


#: Nouns that measure a kind of act or of people: "the number of arrests".
_MEASURES = frozenset("number total share proportion percentage rate".split())


def _a_measure_of(trigger: Token) -> bool:
    """ "the number of people detained has tripled", "the number of arrests rose": a
    measure of acts, not one act, unless the sentence gives a figure for it ("the number
    of people killed in the attack rose to 20" is the attack's toll)."""
    counted = trigger.head if trigger.dep_ == "acl" else trigger
    of = counted.head
    # (the parser may hang the participle on "number" itself)
    measured = counted.lemma_.lower() in _MEASURES and counted.i < trigger.i
    if not measured and (
        counted.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in _MEASURES
    ):
        return False
    return not any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in sent_of(trigger))


def their_past(trigger: Token, event: Event) -> bool:
    """ "pardoned 14 women who had been convicted of terrorism": a verdict told only as the
    past of unnamed people another act is done to, with no term or date of its own."""
    return (
        event.type == "SENTENCE"
        and trigger.dep_ == "relcl"
        and trigger.head.dep_ in ("dobj", "pobj", "nsubjpass")
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in trigger.children)
        and not _named(event)
        and not {"term_years", "life", "court"} & set(event.args)
        # ("three men who had been convicted of extremism in 2012": a verdict of its own day)
        and not any(t.ent_type_ == "DATE" for t in trigger.subtree)
    )


def still_held(trigger: Token, event: Event) -> bool:
    """ "30 people remain jailed for their beliefs": a state that lasts, no verdict told;
    "he is one of 30 journalists imprisoned in the country": people in a state now."""
    if event.type not in ("SENTENCE", "ARREST"):
        return False
    if trigger.dep_ in ("acomp", "xcomp", "oprd") and trigger.head.lemma_ in ("remain", "stay"):
        return event.type == "SENTENCE"
    # (but "among those detained is X": the people of an act told, one of them named)
    described = trigger.head
    return (
        trigger.dep_ == "acl"
        and described.lower_ != "those"
        and _now_among(described)
        and not _dated(trigger)
    )


def _now_among(noun: Token) -> bool:
    """Whether ``noun`` is who someone is now: "is one of 30 journalists", "are among the
    activists" (but "was among 57 prisoners released on Monday" tells a day's act)."""
    while noun.dep_ == "pobj" and noun.head.lower_ in ("of", "among"):
        noun = noun.head.head
    # ("is one of": the copula above; "among those detained is X": the copula itself)
    verb = noun.head if noun.dep_ in ("attr", "nsubj", "acomp") else noun
    return verb.lemma_ in ("be", "remain") and verb.tag_ in ("VBZ", "VBP")


def _dated(trigger: Token) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in trigger.subtree)


#: Counts too vague to be one happening's people: "dozens of", "thousands of", "many".
_VAGUE = frozenset(
    "dozens hundreds thousands scores many numerous countless tens several some half most".split()
)


#: Adverbs of a time after the story's: "many of them were later sentenced".
_LATER = frozenset("later subsequently eventually afterwards afterward".split())
#: How a record counts its people ("some of the women were later detained" is one act).
_MANY = frozenset("many most dozens hundreds thousands scores".split())


def vague_over_time(event: Event, trigger: Token) -> bool:
    """ "Dozens of party members have been prosecuted and many of them imprisoned",
    "thousands have been jailed": nobody named or counted, in the present perfect, is a
    record built up over time, not one event ("dozens were then arrested" is one)."""
    if _named(event) or "count" in event.args:
        return False
    people = patient(trigger) if trigger.pos_ == "VERB" else None
    if people is not None and people.lemma_ in ("sentence", "term") and trigger.pos_ == "VERB":
        people = agent(trigger)  # "several of its members have since received long terms"
    if event.type in ("JOIN", "ESCAPE") and trigger.pos_ == "VERB":
        people = agent(trigger)  # those who joined did it
    if people is None or people.lower_ not in _VAGUE:
        return False
    if people.lower_ in _MANY and not any(t.ent_type_ in ("DATE", "TIME") for t in trigger.sent):
        # "Thousands of young men went to Syria to fight for IS": told with no time at all
        # (but "dozens were then arrested and many of them sentenced" moves a story on)
        chain = [trigger, *(a for a in trigger.ancestors if a.pos_ in ("VERB", "AUX"))]
        return not any(c.dep_ == "advmod" and c.lower_ == "then" for v in chain for c in v.children)
    later = any(c.dep_ == "advmod" and c.lower_ in _LATER for c in trigger.children)
    if later and people.lower_ in _MANY:
        return True  # "many of them were later sentenced": a record told after the fact
    verb = trigger
    own = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    while not own and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head  # "have been prosecuted and many of them imprisoned"
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children)


#: Verbs a court above decides a verdict with.
_REVIEWING = frozenset(
    "uphold confirm overturn quash reduce cut commute annul reverse affirm leave reject "
    "dismiss".split()
)
#: Nouns for a verdict, and for the appeal against one ("rejected an appeal by X, jailed").
_VERDICTS = frozenset("sentence verdict term conviction ruling judgment judgement appeal".split())


def under_review(trigger: Token) -> bool:
    """ "upheld the seven-year sentence handed to X", "overturned the verdict against a man
    jailed for ...": a verdict told as what a court above decided on, not as news of its
    own (the appeal is the event)."""
    token, verdict = trigger, trigger.lemma_.lower() in _VERDICTS
    for _ in range(4):
        if token.dep_ not in ("acl", "relcl", "pobj", "prep", "dobj", "nsubjpass"):
            return False
        token = token.head
        verdict = verdict or token.lemma_.lower() in _VERDICTS
        if token.pos_ == "VERB" and token.lemma_.lower() in _REVIEWING:
            return verdict
    return False
