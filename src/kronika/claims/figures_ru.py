"""Figures in Russian articles: quantity, what is counted, and the claimant.

Russian reports give their statistics in a few set frames: a source first ("По
данным ФСБ, с начала года предотвращено шесть терактов", "По словам адвоката,
...", "Согласно информации МВД, ..."), a speaker's verb ("правозащитники считают,
что не менее 120 человек ...", "..., сообщили в КНБ") or a total over a span of
time ("Всего с начала года привлекли 89 человек"). A number counting people,
acts or bodies (``ru_counted_nouns`` in ``data/lexicons/claims.yaml``) in such
a sentence is a figure, unless it is an event's own count or an attack's toll
(:func:`kronika.claims.figures.event_numbers`) or sits in a title. A count told
without a source or a span ("задержали шестерых мужчин") is the story's own
event, never a claim.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..events.counts import an_age
from ..events.not_events import told_over_a_span
from ..events.spans import doc_ents, doc_sents
from ..model import Claim, Event, Evidence
from ..normalize.names_ru import nominative_phrase
from ..normalize.numbers import rounds_off
from ..normalize.numbers_ru import parse_number_ru
from ..resolve.mentions import MentionIndex, clean_name
from .figures import event_numbers, in_title
from .stance import lexicon

#: Words that make a count a total: "всего", "в общей сложности".
_TOTALS = ("всего", "в общей сложности", "общей сложностью", "в целом")
#: Words of a toll: a count the article's attack gives is not told again as a figure.
_TOLL_LEMMAS = frozenset({"погибнуть", "убить", "ранить", "пострадать", "погибший", "раненый"})


def find_claims_ru(doc: Doc, mentions: MentionIndex, events: Iterable[Event]) -> list[Claim]:
    """Return the figures asserted in the Russian ``doc`` that are not event arguments."""
    cues = lexicon("claims")
    nouns = {_plain(n) for n in cues["ru_counted_nouns"]}
    sources, verbs = set(cues["ru_source_nouns"]), set(cues["ru_claim_verbs"])
    acts, event_verbs = set(cues["ru_event_nouns"]), set(cues["ru_event_verbs"])
    used, tolls = event_numbers(list(events))
    claims: list[Claim] = []
    for sent in doc_sents(doc):
        taken = {
            v
            for start, end, values in used
            if start < sent.end_char and sent.start_char < end
            for v in values
        }
        claimant = _claimant(sent, sources, verbs, mentions)
        total = _a_total(sent)
        if claimant is None and not total:
            continue  # a count told as the story's own: its event's, not a figure
        toll_told = any(_plain(t.lemma_) in _TOLL_LEMMAS for t in sent)
        for number in sent:
            noun = _counted(number, nouns)
            if noun is None or in_title(number):
                continue
            quantity = _quantity(number)
            if quantity is None or quantity < 2 or quantity in taken:
                continue
            if _part_of(noun, taken | tolls):
                continue  # "погибли 12 человек, в том числе восемь курсантов": the toll's part
            if noun.dep_ == "nmod" and _plain(noun.head.lemma_) in acts:
                continue  # "указ о помиловании 613 осуждённых": the act's own people
            if not total and _acted_on(noun, event_verbs):
                continue  # "Двое заместителей получили пожизненные сроки": the verdict's people
            if toll_told and quantity in tolls:
                continue  # "в результате взрыва погибли 12 человек": the attack's toll
            if any(rounds_off(int(quantity), int(t)) for t in taken if float(t).is_integer()):
                continue
            claims.append(
                Claim(
                    quantity=quantity,
                    about=_about(noun, number),
                    evidence=(Evidence(sent.text, sent.start_char, sent.end_char),),
                    claimant=claimant,
                )
            )
    return claims


def _acted_on(noun: Token, verbs: set[str]) -> bool:
    """Whether the people ``noun`` counts are those an event verb acted on (or who got a
    verdict): its subject or object."""
    return noun.dep_ in ("nsubj", "nsubjpass", "dobj") and _plain(noun.head.lemma_) in verbs


def _part_of(noun: Token, counts: set[float]) -> bool:
    """Whether ``noun`` is a part ("в том числе восемь курсантов") of a count an event gives."""
    if noun.dep_ != "conj":
        return False
    whole = next((c for c in noun.head.children if c.dep_.startswith("nummod")), None)
    value = _quantity(whole) if whole is not None else None
    return value is not None and value in counts


def _plain(word: str) -> str:
    return word.lower().replace("ё", "е")


def _counted(number: Token, nouns: set[str]) -> Token | None:
    """The noun ``number`` counts when it is one worth keeping ("48 человек", "шесть терактов")."""
    if number.pos_ != "NUM" or not number.dep_.startswith("nummod") or an_age(number):
        return None
    if number.ent_type_ == "DATE":
        return None
    noun = number.head
    if _plain(noun.text).startswith(_SCALES):
        # "2,5 тыс. выходцев", "полторы тысячи человек": what the thousands are of
        doc = number.doc
        noun = next((t for t in doc[noun.i + 1 : noun.i + 4] if t.pos_ == "NOUN"), noun)
    if noun.pos_ != "NOUN" or not (
        _plain(noun.lemma_) in nouns or "Anim" in noun.morph.get("Animacy", [])
    ):
        return None  # people (any animate noun: "40 критиков власти") or what the list counts
    return noun


#: Words that scale a number: "тыс.", "тысячи", "млн".
_SCALES = ("тыс", "млн", "миллион")


def _quantity(number: Token) -> float | None:
    words = sorted(
        [number, *(c for c in number.children if c.dep_ in ("compound", "flat", "nummod"))],
        key=lambda t: t.i,
    )
    value = parse_number_ru(" ".join(t.text for t in words))
    nxt = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    if isinstance(value, int | float) and nxt is not None and _plain(nxt.text).startswith(_SCALES):
        value *= 1000 if _plain(nxt.text).startswith("тыс") else 1_000_000  # "1,2 тыс. человек"
    return float(value) if isinstance(value, int | float) else None


def _a_total(sent: Span) -> bool:
    """A count told as a total or over a span: "Всего ...", "с начала года", "с 2016 года"."""
    text = _plain(sent.text)
    return told_over_a_span(sent) or any(f"{w} " in f" {text}" for w in _TOTALS)


def _claimant(sent: Span, sources: set[str], verbs: set[str], mentions: MentionIndex) -> str | None:
    """Who the sentence gives its figures to, or None when it names no source.

    "По данным СГБ" / "Согласно информации МВД" (the source's genitive), "правозащитники
    считают" (the subject of a claim verb), "сообщили в КНБ" (the body a verb without a
    subject speaks from).
    """
    for tok in sent:
        lemma = _plain(tok.lemma_)
        if lemma in sources and any(_plain(c.lower_) in ("по", "согласно") for c in tok.children):
            who = next((c for c in tok.children if c.dep_ == "nmod"), None)
            if who is not None:
                return _phrase(who, mentions)
        if tok.lower_ == "согласно":
            who = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
            if who is not None and _plain(who.lemma_) not in sources:
                return _phrase(who, mentions)
    for tok in sent:
        if _plain(tok.lemma_) == "говориться":
            # "..., говорится в сообщении Генпрокуратуры": the body whose statement it is
            said = next((c for c in tok.children if _plain(c.lemma_) in sources), None)
            who = next((c for c in said.children if c.dep_ == "nmod"), None) if said else None
            if who is not None:
                return _phrase(who, mentions)
        if tok.pos_ != "VERB" or _plain(tok.lemma_) not in verbs:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            return _phrase(subj, mentions)
        body = next(
            (c for c in tok.children if c.dep_ == "obl" and c.pos_ in ("NOUN", "PROPN")
             and any(_plain(g.lower_) == "в" for g in c.children)),
            None,
        )  # fmt: skip
        if subj is None and body is not None:
            return _phrase(body, mentions)
    return None


def _phrase(token: Token, mentions: MentionIndex) -> str:
    """The name or noun phrase at ``token``, in the nominative."""
    for ent in doc_ents(token.doc):
        if ent.start <= token.i < ent.end and ent.label_ in ("PERSON", "ORG", "LOC"):
            known = mentions.name_at(ent.start_char)
            if known:
                return known
    words = [
        t
        for t in token.subtree
        if t.dep_ not in ("punct", "relcl", "acl", "parataxis", "case") and not t.is_space
    ]
    words = [t for t in words if t.i >= token.i or t.head == token]
    text = clean_name(" ".join(t.text for t in sorted(words, key=lambda t: t.i)))
    case = token.morph.get("Case", [])
    return nominative_phrase(text, token.text, case[0] if case else None) or text


_NOT_ABOUT = frozenset({"conj", "cc", "punct", "parataxis", "appos", "case"})


def _about(noun: Token, number: Token) -> str:
    """What is counted: the noun with its words, and the verb it is the subject of."""
    # the noun's own words, not a list it heads ("89 человек, в том числе шестерых ...")
    # nor the preposition it is governed by ("против 20 человек")
    own = [c for c in noun.children if c.dep_ not in _NOT_ABOUT and c != number]
    words = [noun, *(t for c in own for t in c.subtree)]
    words = [t for t in words if not t.is_punct and not t.is_space and t.dep_ != "parataxis"]
    text = " ".join(t.text for t in sorted(words, key=lambda t: t.i)[:12])
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        text = f"{text} {noun.head.text}"
    return text.strip()
