"""Clauses the small parser misreads, and where their patient or agent is all the same.

A title drops "was" ("Radical cleric Bashir freed from prison"); a past-tense verb is
read as an adjective ("Gunmen on a motorcycle opened fire", "A court in Osh jailed
Bakyt Toktorov"); a sentence is read as one noun phrase ("Three inmates sawed through
the bars"); a dateline, a sayer or a clause set inside a passive is taken for its
subject. :mod:`.participants` reads the patient and agent through these.
"""

from __future__ import annotations

from spacy.tokens import Token

from .people import about_people
from .spans import doc_text, in_dateline, sent_of

#: What attackers ride, after which the parser may read the verb as an adjective.
_RIDDEN = frozenset("motorcycle motorbike bike scooter car pickup truck vehicle horse".split())


def ridden_misread(trigger: Token) -> bool:
    """ "Gunmen on a motorcycle opened fire": a past-tense verb after what the doers rode,
    which the parser read as an adjective ("a motorcycle-opened fire") and so left out of
    the sentence's clause."""
    return (
        trigger.dep_ == "amod"
        and trigger.tag_ in ("VBD", "VBN")
        and trigger.i > 0
        and trigger.doc[trigger.i - 1].lemma_.lower() in _RIDDEN
        and trigger.head.i > trigger.i
    )


def finite_misread(trigger: Token) -> bool:
    """ "A court in Osh jailed Bakyt Toktorov for seven years": a past-tense verb the parser
    hung on the name after it as an adjective, a noun just before it (the sentence's
    subject) and no article on the name ("the jailed Toktorov" is an adjective)."""
    before = trigger.doc[trigger.i - 1] if trigger.i > 0 else None
    if ridden_misread(trigger):
        return True
    if (
        trigger.dep_ == "amod"
        and before is not None
        and before.lower_ == "and"
        and trigger.head.dep_ == "conj"
        and trigger.head.head.pos_ == "VERB"
    ):
        return True  # "travelled to Syria and swore allegiance": the second act, misread
    # ("Authorities in Tashkent freed journalist X": a sentence the parser read as one noun
    # phrase has no verb but this one, whatever its tag)
    verbless = trigger.sent.root.pos_ in ("NOUN", "PROPN") and trigger.tag_ == "VBN"
    return (
        trigger.dep_ == "amod"
        and (trigger.tag_ == "VBD" or verbless)
        and trigger.head.pos_ in (("PROPN", "NOUN") if verbless else ("PROPN",))
        and trigger.head.i > trigger.i
        and before is not None
        and before.pos_ in ("PROPN", "NOUN")
        and not any(c.dep_ == "det" for c in trigger.head.children)
    )


#: Verbs that tell who reports an act, not who it was done to.
_TELLING = frozenset(
    "say tell report claim state announce add note write confirm allege insist".split()
)


def names_opening_a_clause(trigger: Token) -> Token | None:
    """ "A, B and C, the youngest of whom is 24, were each sentenced": a passive whose
    subject the parser gave to a clause set inside it, the names opening the sentence (or
    anywhere before the verb, when that clause is read as the passive's own subject)."""
    if not any(c.dep_ == "auxpass" for c in trigger.children):
        return None
    clauses = ("advcl", "ccomp", "parataxis", "csubjpass")
    for clause in (c for c in trigger.children if c.dep_ in clauses):
        if clause.lemma_ in _TELLING:
            continue  # "Atayeva says Ibrohimov has been sentenced": the source
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        # ("On 11 December, X, a citizen wanted for financing terrorism, was extradited":
        # a participle read as the passive's clausal subject, after whatever opens it)
        opening = clause.dep_ == "csubjpass" or (
            subject is not None and subject.left_edge.i == trigger.sent.start
        )
        if (
            subject is not None
            and subject.pos_ == "PROPN"
            and opening
            and subject.i < clause.i < trigger.i
        ):
            return subject
    return None


def object_misread(verb: Token) -> Token | None:
    """The people counted right after an active verb that the parser hung elsewhere:
    "freed more than 800 prisoners ahead of the holiday" ("prisoners" taken for a
    measure of "ahead")."""
    doc = verb.doc
    for tok in doc[verb.i + 1 : min(verb.i + 6, len(doc))]:
        if tok.dep_ in ("npadvmod", "nmod") and tok.pos_ == "NOUN" and about_people(tok):
            if any(c.dep_ == "nummod" for c in tok.children):
                return tok
        if tok.pos_ in ("VERB", "AUX", "PUNCT"):
            break
    return None


def subject_of_report(trigger: Token) -> Token | None:
    """ "says X, leader of Y, has been sentenced": the parser makes X the sayer's subject.

    A subject told after its own verb of saying, and before the passive act, is the
    act's ("said X" after a quote is a real sayer, and comes after the act).
    """
    for child in trigger.children:
        if child.dep_ not in ("parataxis", "ccomp", "advcl") or child.i > trigger.i:
            continue
        for subject in child.children:
            if subject.dep_ == "nsubj" and child.i < subject.i < trigger.i:
                return subject
    return None


#: How far into an article (in characters) its dateline may open the body.
_DATELINE_REACH = 600


def past_dateline(token: Token) -> Token:
    """ "BISHKEK, Kyrgyzstan - Two Islamic activists have been convicted": the parser makes
    the dateline the subject and the people its apposition; the people are the subject."""
    sent = sent_of(token)
    if sent.start_char > _DATELINE_REACH or not in_dateline(
        sent, token.idx, token.idx + len(token.text)
    ):
        return token
    people = (t for t in token.subtree if t.dep_ == "appos" and about_people(t))
    return next(people, token)


#: Verbs of getting out that take no object, so have no passive: their participle after
#: the sentence's noun is that noun's own act.
_GETTING_OUT = frozenset(
    "escape flee tunnel break climb slip abscond vanish disappear saw dig".split()
)


def active_misread(verb: Token) -> bool:
    """ "Three inmates sawed through the bars", "Five militants tunnelled out of the jail":
    a sentence the parser read as one noun phrase, its verb as a participle of the noun,
    where the verb takes an object or none at all (so it is no passive)."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBN", "VBD")
        and head.dep_ == "ROOT"
        and head.pos_ in ("NOUN", "PROPN")
        and (verb.lemma_.lower() in _GETTING_OUT or any(c.dep_ == "dobj" for c in verb.children))
    )


def title_passive(verb: Token, tags: tuple[str, ...] = ("VBN",)) -> bool:
    """ "Radical cleric Bashir freed from prison": a title drops "was" from a passive.

    A participle with a subject and no object, alone on a line without closing
    punctuation, tells what was done to its subject.
    """
    if verb.pos_ != "VERB" or verb.tag_ not in tags or verb.dep_ != "ROOT":
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children) or any(
        c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp") for c in verb.children
    ):
        return False
    text = doc_text(verb.doc)
    end = text.find("\n", verb.idx)
    line = text[text.rfind("\n", 0, verb.idx) + 1 : end if end >= 0 else len(text)].strip()
    return 0 < len(line) < _TITLE_LENGTH and line[-1] not in ".!?\"”'"


#: The longest line read as a title.
_TITLE_LENGTH = 160


#: Verbs a belief about someone's act is told with: "police believe X enlisted with Y".
_BELIEVING = frozenset("believe say think suspect allege claim fear know".split())


#: Acts done by their subject, never to it, which a participle cannot tell in the passive.
_INTRANSITIVE = frozenset("enlist defect escape flee abscond".split())


def believed_to_have(trigger: Token) -> bool:
    """ "Authorities believe X enlisted with Y", the parser reading X as the object of
    "believe" and the act as a participle describing X."""
    head = trigger.head
    return (
        trigger.dep_ == "acl"
        and trigger.lemma_ in _INTRANSITIVE
        and trigger.tag_ == "VBN"
        and head.pos_ == "PROPN"
        and head.dep_ == "dobj"
        and head.head.lemma_ in _BELIEVING
    )
