"""Figures someone asserts: quantity, what is counted, and the claimant.

A figure is a cardinal number (or a percentage) counting people, casualties,
members or the like (``counted_nouns`` in ``data/lexicons/claims.yaml``; a people
named by its nationality; and acts or bodies tallied five or more at a time,
``tally_nouns``) that
is not already an argument of an event told in the same sentence, not an attack's
toll told anywhere in the article, and not a number :mod:`kronika.claims.owned`
gives to an event or a description (a verdict's convicts, the victims of one act,
a city's population, "he has three children"). The
claimant is the subject of a claim verb in the sentence ("the Interior
Ministry told", "experts estimate", "according to Dushanbe"), or None when
the article gives the figure as fact (:mod:`.claimants`). Ranges take their upper bound.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..events.accounts import in_a_claimed_account
from ..events.counts import in_a_name, written_in_two
from ..events.date_phrases import LEADING
from ..events.spans import YEAR, doc_sents, doc_text, normalizer
from ..model import Claim, Event, Evidence
from ..normalize.numbers import rounds_off
from ..resolve.mentions import MentionIndex
from .claimants import claimant_of
from .owned import describes_someone, is_population, owned_by_event
from .stance import lexicon

_SKIP_ENTS = frozenset({"DATE", "TIME", "MONEY", "ORDINAL", "QUANTITY"})


def find_claims(doc: Doc, mentions: MentionIndex, events: Iterable[Event]) -> list[Claim]:
    """Return the figures asserted in ``doc`` that are not event arguments."""
    parse = normalizer("kronika.number.v1")
    if parse is None:
        return []
    cues = lexicon("claims")
    verbs, nouns = set(cues["claim_verbs"]), {n.lower() for n in cues["counted_nouns"]}
    tallied = {n.lower() for n in cues["tally_nouns"]}
    nouns |= tallied
    used, tolls = event_numbers(list(events))
    claims: list[Claim] = []
    speaker: str | None = None  # the person last quoted with a figure
    for sent in doc_sents(doc):
        taken = {
            v
            for start, end, values in used
            if start < sent.end_char and sent.start_char < end
            for v in values
        }
        for number in _numbers(sent):
            if _lower_bound(number):
                continue  # "6 or 7 armed persons": one figure, the upper bound
            noun = _counted(number)
            if noun is None or not _is_figure(number, noun, sent, nouns, taken, tolls):
                continue
            quantity = _quantity(number, parse)
            # "one of its members": a single person is no figure
            if quantity is None or quantity in taken or quantity < 2:
                continue
            if noun.lemma_.lower() in tallied and not _a_tally(number, quantity):
                continue  # "two attacks were staged": the acts told, not a tally of them
            if any(rounds_off(int(quantity), int(t)) for t in taken if float(t).is_integer()):
                continue  # "more than 800 prisoners" where the event counts 812
            about = _about(noun, number)
            # ("put the number of prisoners at 300": the counted noun stands apart from it)
            put_at = number.dep_ == "pobj" and number.head.lower_ == "at"
            own = (number.head.i, *(c.i for c in number.children))
            if noun.lemma_ not in _PUT_AT and not put_at and noun.i not in own:
                about = f"{noun.text} {number.head.text}" if noun.i < number.i else about
            if noun.lower_ in ("them", "whom"):
                about = _part_about(number, noun) or about
            if not about.strip():
                continue
            claims.append(
                Claim(
                    quantity=quantity,
                    about=about,
                    evidence=(Evidence(sent.text, sent.start_char, sent.end_char),),
                    claimant=claimant_of(sent, verbs, mentions, speaker, number),
                )
            )
            if mentions.kind_of(claims[-1].claimant or "") == "PERSON":
                speaker = claims[-1].claimant
    # ("Six or seven armed terrorists are wanted ... 'We are searching for 6 or 7 armed
    # persons,' the minister said": one figure, told as fact in the lead and by its source)
    sourced = {c.quantity for c in claims if c.claimant is not None}
    return [c for c in claims if c.claimant is not None or c.quantity not in sourced]


def event_numbers(events: list[Event]) -> tuple[list[tuple[int, int, set[float]]], set[float]]:
    """Each event's numbers where it is told, and every attack toll of the article."""
    used: list[tuple[int, int, set[float]]] = []
    tolls: set[float] = set()
    for event in events:
        values = {
            float(v)
            for k, v in event.args.items()
            if k in ("count", "killed", "wounded")
            and isinstance(v, int | float)
            and not isinstance(v, bool)
        }
        used.extend((ev.start, ev.end, values) for ev in event.evidence)
        # an attack's toll may be told in the sentences after the act
        for role in ("killed", "wounded"):
            toll = event.args.get(role)
            if isinstance(toll, int | float) and not isinstance(toll, bool) and toll:
                tolls.add(float(toll))
    return used, tolls


def _is_figure(
    number: Token, noun: Token, sent: Span, nouns: set[str], taken: set[float], tolls: set[float]
) -> bool:
    """Whether ``number`` counting ``noun`` is a figure, not an event's own number."""
    # a title restates the body; "17 killed, including 15 militants": parts of a total
    if in_title(number):
        return False
    # "17 killed, including 15 militants": the attackers a toll counts are part of it (but
    # "injured 31, including nine women and six children" is a figure of its own, and so is
    # a part of a number of people held or gone: "9,000 fighters, including 1,500 foreigners")
    including = next((a for a in number.ancestors if a.lower_ == "including"), None)
    if including is not None and not _victims(noun) and _of_a_toll(including):
        return False
    if _is_toll(number, tolls) or not _countable(noun, nouns):
        return False
    # "ten of the party leaders" counts part of a known group: still a figure;
    # "three of the four men" recounts people the story already counted
    partitive = number.dep_ != "nummod" and noun.head.lower_ in ("of", "among")
    # ("put the toll at 20": the toll is told with its article, not counted before)
    if (
        _anaphoric(noun)
        and noun.lemma_ not in _PUT_AT
        and (not partitive or noun.lemma_ in _PEOPLE)
    ):
        return False
    if taken and _casualty_object(noun) and not in_a_claimed_account(noun):
        return False  # a part of an event's toll ("killed five civilians and three police")
    if is_population(noun):
        return False
    if owned_by_event(number, noun, sent) and not _rival_toll(number, tolls):
        return False
    return not describes_someone(number, noun)


_PEOPLE = frozenset({"man", "men", "people", "person", "woman", "women"})
_TOLL_WORDS = frozenset({"kill", "wound", "injure", "hurt", "die", "dead", "injured", "wounded"})
#: Who a toll's part may single out as a figure of its own.
_VICTIMS = frozenset("woman women child children civilian civilians foreigner foreigners".split())


def _of_a_toll(including: Token) -> bool:
    """Whether "including" adds to a toll: what it hangs on is killed, wounded or dead."""
    near = [including.head, *including.head.ancestors][:3]
    return any(
        t.lemma_ in _TOLL_WORDS or t.lower_ in _TOLL_WORDS or t.lemma_ in ("toll", "casualty")
        for t in near
    ) or any(c.lemma_ in _TOLL_WORDS or c.lower_ in _TOLL_WORDS for c in including.head.children)


def _victims(noun: Token) -> bool:
    """ "nine women and six children", "three foreigners": victims singled out."""
    return noun.lower_ in _VICTIMS or noun.lemma_.lower() in _VICTIMS


def _value(number: Token) -> float | None:
    """The number a token says, read by the registered number normalizer."""
    parse = normalizer("kronika.number.v1")
    value = parse(number.text) if parse is not None else None
    return float(value) if isinstance(value, int | float) else None


def _is_toll(number: Token, tolls: set[float]) -> bool:
    """A number an attack event gives as its toll, told where the toll is told."""
    if not tolls:
        return False
    value = _value(number)
    if value is None or value not in tolls:
        return False
    near = [number, *number.ancestors][:4]
    return any(t.lemma_ in _TOLL_WORDS or t.lower_ in _TOLL_WORDS for t in near)


#: Words that add to a toll told before: "two more people died".
_ADDED = frozenset("more other others another further additional".split())


def _rival_toll(number: Token, tolls: set[float]) -> bool:
    """A toll a source gives against the one the article's attack was told with: "The
    blast killed 12 people, officials said. Residents said at least 30 people died"."""
    value = _value(number)
    if not tolls or value is None or value in tolls:
        return False
    verb = next((a for a in number.ancestors if a.pos_ == "VERB"), None)
    if verb is None or not (verb.lemma_ in _TOLL_WORDS or verb.lower_ in _TOLL_WORDS):
        return False
    counted = [number, *number.children, number.head, *number.head.children]
    if any(t.lower_ in _ADDED for t in counted):
        return False  # "two more people died in hospital": the toll grows, no rival
    if number.head.dep_ == "conj" or any(c.dep_ == "conj" for c in number.head.children):
        return False  # "two soldiers and three civilians were wounded": parts of one toll
    said = verb.head if verb.dep_ == "ccomp" else None
    verbs = set(lexicon("claims")["claim_verbs"])
    return said is not None and said.lemma_ in verbs and said.i != verb.i


def _casualty_object(noun: Token) -> bool:
    """Whether ``noun`` (or the list it belongs to) is what a kill/wound verb acted on."""
    token = noun
    while token.dep_ == "conj":
        token = token.head
    return token.head.lemma_ in ("kill", "wound", "injure", "shoot") and token.dep_ in (
        "dobj",
        "nsubjpass",
    )


def _countable(noun: Token, nouns: set[str]) -> bool:
    """A noun whose count is a figure worth keeping: people, deaths, members, mosques ..."""
    if noun.lower_ in ("them", "whom"):
        return True  # "300 of them were killed", "of whom 150 died": what they are is said before
    if noun.lower_ == "others" and noun.dep_ == "conj":
        # "51 residents were fighting in Afghanistan and 73 others in Pakistan": the others
        # are of the kind the clause counts, whatever the parser joined them to
        verb = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        kinds = [noun.head] + [
            c for c in (verb.children if verb is not None else ()) if c.dep_ in _SUBJECTS
        ]
        return any(
            k.pos_ == "NOUN" and k.lower_ != "others" and _countable(k, nouns) for k in kinds
        )
    if noun.ent_type_ == "NORP" and noun.tag_ in ("NNS", "NNPS"):
        return True  # "about 420 Belgians travelled to Syria": a people counted
    return noun.lemma_.lower() in nouns or noun.lower_ in nouns


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _lower_bound(number: Token) -> bool:
    """The first number of a range told with "or" or "to": "6 or 7", "five to six"."""
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "to") for c in number.children):
        return False
    return any(c.dep_ == "conj" and c.like_num for c in number.children)


def _anaphoric(noun: Token) -> bool:
    """ "the men", "those convicts", "Qosimov's students": people counted before, not a figure."""
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "those", "these")) or c.dep_ == "poss"
        for c in noun.children
    )


def in_title(token: Token) -> bool:
    """Whether ``token`` sits on a line without closing punctuation (a title or dateline)."""
    text = doc_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start : end if end >= 0 else len(text)].rstrip()
    return bool(line) and line[-1] not in ".!?\"”'"


def _numbers(sent: Span) -> list[Token]:
    heading = _heading_end(sent)
    return [
        t
        for t in sent
        if t.like_num
        and t.ent_type_ not in _SKIP_ENTS
        and not (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ in ("year", "years", "-year"))
        and t.dep_ != "quantmod"
        and t.idx >= heading
        and not _DOTTED_DATE.fullmatch(t.text)  # "21.01.2021": a day, not 21.01 of anything
        and not (t.dep_ == "nummod" and in_a_name(t))  # "Group 24"
    ]


#: A date written with dots: "21.01.2021", "5.3.18".
_DOTTED_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{2,4}")


#: The fewest acts or bodies a count must tally to be a figure of its own.
_TALLY = 5


def _a_tally(number: Token, quantity: float) -> bool:
    """Whether a count of acts tallies many of them, not a year ("a deadly 2016 attack")."""
    year = YEAR.fullmatch(number.text) is not None
    return quantity >= _TALLY and not year


def _heading_end(sent: Span) -> int:
    """Where the date heading an item ends ("15 March 2021 - Gunmen ..."), or 0: its day
    counts nothing, whatever the model tagged it as."""
    text = doc_text(sent.doc)
    start = text.rfind("\n", 0, sent.start_char) + 1
    match = LEADING.match(text, start)
    return match.end() if match is not None else 0


def _counted(number: Token) -> Token | None:
    """The noun a number counts: its head ("1,141 nationals") or "of" object ("60% of them")."""
    head = number.head
    if head.lower_ in ("%", "percent"):
        # "60% of all fighters": the percentage counts the "of" object
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if head.head.pos_ in ("NOUN", "PROPN") and head.dep_ != "pobj":
            return head.head
        return None
    if number.dep_ == "nummod":
        return number.head
    if number.dep_ == "pobj" and head.lower_ == "at":
        # "residents put the toll at more than 20": the toll, the number, the figure
        told = [c for c in head.head.children if c.dep_ in ("dobj", "nsubj")]
        put = next((c for c in told if c.lemma_ in _PUT_AT), None)
        if put is None or put.lemma_ == "toll":
            return put
        # ("put the number of political prisoners at 200": what the number is of)
        of = next((c for c in put.children if c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return counted if counted is not None else put
    for child in number.children:
        # "nine of the defendants", "58 among the detained"
        if child.dep_ == "prep" and child.lower_ in ("of", "among"):
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    of_whom = _of_whom(number)
    if of_whom is not None:
        return of_whom
    return _noun_after(number) or _elided_noun(number)


def _part_about(number: Token, part_of: Token) -> str:
    """What a part of a group told before counts: "1,100 Tajik nationals had gone ..., and
    42 of them had been killed" is of "Tajik nationals killed"."""
    counted = [
        t
        for t in number.sent
        if t.i < part_of.i and t.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in t.children)
    ]
    if not counted:
        return ""
    group = counted[-1]
    words = [c for c in group.lefts if c.dep_ in ("amod", "compound")] + [group]
    act = number.head
    # ("of whom 150 are believed to have been killed": the act believed)
    act = next((c for c in act.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), act)
    return " ".join([*(w.text for w in words), act.text]) if act.pos_ == "VERB" else ""


def _of_whom(number: Token) -> Token | None:
    """ "2,500 citizens have joined, of whom some 150 are believed killed": "whom", told
    before its number and hung on the verb."""
    verb = number.head
    if number.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i < number.i:
            whom = next((c for c in child.children if c.dep_ == "pobj"), None)
            if whom is not None and whom.lower_ == "whom":
                return whom
    return None


#: Nouns a figure is put at: "put the death toll at 20", "the number stood at 300".
_PUT_AT = frozenset({"toll", "number", "figure", "count", "tally"})


def _elided_noun(number: Token) -> Token | None:
    """ "12 criminals were killed and 6 were injured": the noun the first clause counts."""
    verb = number.head
    if number.dep_ not in ("nsubj", "nsubjpass") or verb.dep_ != "conj":
        return None
    first = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if first is None or first.pos_ != "NOUN" or not any(c.like_num for c in first.children):
        return None
    return first


def _noun_after(number: Token) -> Token | None:
    """ "About 1,100 Tajik nationals have gone": the plural right after a number the parser
    hung elsewhere, past the words that describe it."""
    doc = number.doc
    for tok in doc[number.i + 1 : min(number.i + 4, len(doc))]:
        if tok.tag_ == "NNS":
            return tok
        if tok.dep_ not in ("compound", "amod") and tok.ent_type_ != "NORP":
            return None
    return None


#: Words that leave a round number unsaid: "several hundred", "a few thousand".
_VAGUE = frozenset({"several", "few", "many"})


def _quantity(number: Token, parse: object) -> float | None:
    before = number.doc[number.i - 1] if number.i > 0 else None
    if number.lower_ in ("hundred", "thousand", "dozen") and before is not None:
        if before.lower_ in _VAGUE:
            return None  # "Several hundred of his supporters gathered": no figure given
    whole = written_in_two(number)
    if whole is not None:
        return float(whole)  # "Fifty-eight": one number in two words, not the larger of the two
    values = [number] + [
        c for c in number.children if c.like_num and c.dep_ in ("quantmod", "compound")
    ]
    best: float | None = None
    for tok in values:
        if _DOTTED_DATE.fullmatch(tok.text):
            continue  # "21.01.2021 - Two suicide bombers": the day, run into the count
        text = re.sub(
            r"^([\d.,]+)(m|bn)$",
            lambda m: m.group(1) + (" million" if m.group(2) == "m" else " billion"),
            tok.text,
        )
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in ("million", "thousand", "m"):
            text = f"{text} {nxt.text}"
        for part in text.replace("–", "-").split("-"):
            value = parse(part) if callable(parse) else None
            if isinstance(value, int | float) and (best is None or value > best):
                best = float(value)
    return best


def _about(noun: Token, number: Token) -> str:
    if noun.lemma_ in _PUT_AT:
        # "put the death toll at 20": the toll, with what names it
        named = [t.text for t in noun.lefts if t.dep_ in ("compound", "amod")]
        return " ".join([*named, noun.text])
    # (the number with the words that qualify it: "at least 1,480")
    qualifiers = {
        w.i for c in number.children if c.dep_ in ("advmod", "quantmod") for w in c.subtree
    }
    words = [
        t
        for t in noun.subtree
        if t.dep_ not in ("relcl",)
        and t != number
        and t.i not in qualifiers
        and t.dep_ != "quantmod"
        and not t.is_punct
    ]
    head = noun.head if noun.dep_ in ("nsubj", "nsubjpass") else None
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i)[:12])
    if head is not None and head.pos_ == "VERB":
        rest = []
        for t in head.subtree:
            if t.i <= head.i or t.dep_ in ("punct", "cc"):
                continue
            if t.lower_ == "according":
                break  # "..., according to the ministry": the source, not what is counted
            rest.append(t)
        rest = rest[:8]
        text = f"{text} {head.text} {' '.join(t.text for t in rest)}".strip()
    return text
