"""Which clause a date or place phrase belongs to, and acts told as of another time.

"On Oct. 19 the office announced that X was sentenced": the announcement's date is
the sentence's fallback. "X, who died in October 2016, ...": another clause's date.
"days after a drone strike killed four": an act of another time. "accused of the
bombing": an act told only to say who the people are.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..resolve.mentions import people_words
from .people import about_people

_OTHER_TIME = frozenset({"since", "until", "till", "before", "after", "once"})
#: Words that open a clause told as going on at the act's own time.
_MEANWHILE = frozenset({"while", "whilst", "when", "as"})


def date_scope(token: Token, trigger: Token, dating: bool = True) -> bool | None:
    """Whether a date phrase dates the trigger's clause (True), a clause above it (False),
    or another clause altogether (None).

    "On Oct. 19 the office announced that X was sentenced": the announcement's
    date is the fallback for the sentence it reports. A trigger that is the subject
    of its clause ("the explosion killed 12 and wounded 30 at a market in Osh")
    is dated and placed by the whole clause. In ``dating``, a date inside a noun
    the clause above is about describes that noun, not the event.
    """
    scope = _scope_of(token, trigger, dating)
    if scope is None and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.pos_ == "VERB":
        return _scope_of(token, trigger.head, dating)
    if scope is None and _hung_past(token, trigger):
        return True
    return scope


def _in_a_description(clause: Token, trigger: Token) -> bool:
    """Whether ``clause`` lies in a relative clause that says who someone is, below the
    trigger: "Serik, a mechanic who went to fight for IS in 2014, was detained"."""
    for token in (clause, *clause.ancestors):
        if token == trigger:
            return False
        if token.dep_ == "relcl" and token.head != trigger and token.head.pos_ != "VERB":
            return True
    return False


def _hung_past(token: Token, verb: Token) -> bool:
    """Whether a phrase told before ``verb`` was hung by the parser on a verb after it,
    with no other finite verb between: "Саидов в 2022 году, находясь в Турции, примкнул к
    ИГ и вернулся в Россию" (the year hung on "вернулся")."""
    if verb.pos_ != "VERB" or token.i >= verb.i or verb.doc.lang_ != "ru":
        return False
    # ("Суд 12 марта вынес приговор X, задержанному в январе": the day hung on the participle)
    owner = next(
        (a for a in token.ancestors if a.pos_ in ("VERB", "AUX") or _participle_clause(a)), None
    )
    if owner is None or owner.i <= verb.i or owner in verb.ancestors:
        return False
    between = verb.doc[token.i + 1 : verb.i]
    return not any(
        t.pos_ in ("VERB", "AUX") and t.morph.get("VerbForm", ["Fin"]) == ["Fin"] for t in between
    )


def _misread_subject(token: Token) -> bool:
    """A noun the parser tagged as a finite verb where it stands as a subject ("Inmates at a
    penal colony in Khujand rioted": "Inmates" a verb): a noun phrase, no clause of its own.
    A gerund subject ("Fighting in Osh killed three") is a clause."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("VBZ", "VBP", "VBD")


def _scope_of(token: Token, trigger: Token, dating: bool) -> bool | None:
    if dating and _of_a_crime(token, trigger):
        return None  # "found guilty of their role in the April 2017 blast": the crime's
    below = token
    aside = False
    for ancestor in token.ancestors:
        if ancestor == trigger:
            # "The car bomb, the third in the city this year, killed two": an aside's date
            return None if dating and (aside or below.dep_ == "appos") else True
        aside = aside or ancestor.dep_ == "appos"
        participle = _participle_clause(ancestor)
        if (ancestor.pos_ in ("VERB", "AUX") or participle) and not _misread_subject(ancestor):
            if ancestor in trigger.ancestors and dating and _described_below(trigger, ancestor):
                return None  # "rejected on May 2 an appeal by X, who got 17 years": not May 2
            if ancestor in trigger.ancestors:
                # (a place too: "recaptured in Tursunzoda two days after he fled in Dushanbe")
                if (
                    another_time(trigger, ancestor)
                    or (not dating and _in_another_act(trigger, ancestor))
                    or (dating and inside_a_participant(trigger, ancestor))
                ):
                    # "militants accused of the bombing surrendered, police said Monday":
                    # the clause's date is its own act's, not that of a noun deep in it;
                    # nor that of an act told as before or after it
                    return None
                # "those arrested include the chief at the time of the 2002 bombings": a
                # date inside a noun the clause above is about describes that noun
                noun = dating and below.dep_ in _ARGUMENTS and trigger not in below.subtree
                return None if noun else False
            # "pardoned under the decree signed on December 7" dates the act; "Kabirov,
            # who died in October 2016" and "Rustam Aliev, born in 1979," (people described
            # by another act) do not
            owner = ancestor.head
            described = (
                ancestor.dep_ == "acl"
                and (
                    owner.tag_ in ("NNS", "NNP", "NNPS")
                    or owner.ent_type_ == "PERSON"
                    or owner.lemma_.lower() in people_words("descriptions")
                )
                and about_people(owner)
            ) or (participle and "Anim" in owner.morph.get("Animacy", []))
            # ("pardoned by a decree that the President signed on 29 August": the act's
            # instrument, dated by the clause that says when it was made)
            # (a release's only: "jailed under a decree issued in 1998" is not dated 1998)
            made = ancestor.dep_ in ("relcl", "acl") and (
                owner.lemma_.lower() in _INSTRUMENTS
                or any(c.dep_ == "compound" and c.lemma_ in _INSTRUMENTS for c in owner.children)
            )
            if made and trigger.lemma_ not in _FREEING and trigger in ancestor.ancestors:
                return None
            instrument = made and ancestor.dep_ == "relcl" and trigger.lemma_ in _FREEING
            inside = trigger in ancestor.ancestors and (
                (ancestor.dep_ != "relcl" and not described)
                or ancestor.head == trigger
                or instrument
            )
            # ("X, a mechanic who went to fight for IS in Syria in 2014, was detained": a
            # clause inside a description of someone, however deep)
            inside = inside and (instrument or not _in_a_description(ancestor, trigger))
            # "released since Mirziyoev came to power in September 2016": another event's time
            other_time = ancestor.dep_ == "advcl" and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in _OTHER_TIME for c in ancestor.children
            )
            # "attacked a post in Tillaberi, while another attack killed three in Ouallam"
            # (a place only: "stormed X on Monday, and a bomb exploded in Y" is one day's news)
            other_time = other_time or (not dating and inside and another_act(ancestor))
            if inside and instrument:
                return True
            # ("joined the group while working in Turkey in 2015": the same time)
            # (a time only, and not another act's: "while another attack killed three")
            meanwhile = dating and ancestor.dep_ == "advcl" and ancestor.head == trigger
            meanwhile = meanwhile and any(c.lower_ in _MEANWHILE for c in ancestor.children)
            if inside and meanwhile and not another_act(ancestor):
                return True
            return False if inside and not other_time else None
        below = ancestor
    return False


def _participle_clause(token: Token) -> bool:
    """A Russian participle with words of its own told of a noun, a clause of its own:
    "Шарипову, задержанному в Екатеринбурге в январе"."""
    return (
        token.pos_ == "ADJ"
        and token.dep_ in ("relcl", "acl")
        and "Part" in token.morph.get("VerbForm", [])
    )


#: Nouns of the instrument an act is done by: "freed under an amnesty law that ...".
#: (not "a law that was passed in 1998": a law outlives the day it was made, an amnesty law
#: does not)
_INSTRUMENTS = frozenset("decree amnesty pardon order resolution ruling verdict".split())
#: Acts that an instrument's making dates: a pardon or release is made by the decree.
_FREEING = frozenset("pardon release free amnesty".split())


def describing(trigger: Token) -> Token | None:
    """The relative or participle clause the trigger is told in to say who someone is
    ("X, who got a jail term for ...", "a resident jailed for ..."), or None.

    Such a clause is background to the sentence: the time and the court of the
    clause above it (an appeal heard, an arrest made) are not its own.
    """
    for token in (trigger, *trigger.ancestors):
        # (a participle, not what a noun says: "an announcement that a strike killed X")
        participle = token.dep_ == "acl" and token.tag_ in ("VBN", "VBG")
        if (token.dep_ == "relcl" or participle) and token.pos_ == "VERB":
            owner = token.head
            # (a headline's "Tajik man jailed for ...": the man is the whole sentence)
            if owner.dep_ == "ROOT" or owner.pos_ not in ("PROPN", "NOUN", "PRON"):
                return None
            # (a person, not a group or a time: "the Front, which the US designated ...",
            # "since February 1999, when bombs killed 16")
            person = owner.ent_type_ == "PERSON" or (not owner.ent_type_ and about_people(owner))
            who = any(c.lower_ in ("who", "whom", "whose") for c in token.subtree)
            return token if person or who else None
        if token.dep_ in ("ccomp", "advcl", "ROOT"):
            return None
    return None


def _described_below(trigger: Token, top: Token) -> bool:
    """Whether the trigger's clause describes a person inside ``top``'s clause."""
    clause = describing(trigger)
    return clause is not None and clause.i != top.i and top in clause.ancestors


def another_act(clause: Token) -> bool:
    """Whether a clause joined to another tells an act of its own, by its own subject:
    "..., while another attack killed three in Ouallam", "... and a bomb went off in Gao".

    "struck a convoy as it passed through Gao" (a pronoun), "were arrested and charged"
    (no subject) and "were injured when a device went off" go on telling the same act.
    """
    if clause.dep_ not in ("advcl", "conj") or clause.pos_ not in ("VERB", "AUX"):
        return False
    # ("were injured when a device went off": the act the clause tells is the same one)
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if clause.dep_ == "advcl" and not marks & {"while", "whilst", "whereas"}:
        return False
    for subject in clause.children:
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ != "NOUN":
            continue
        if any(c.lower_ in _ANOTHER for c in subject.children if c.dep_ in ("det", "amod")):
            return True
        return subject.lemma_.lower() in _OTHER_ACTS
    return False


def doer_above(verb: Token) -> Token | None:
    """The subject of the first verb above ``verb`` that has one, up its chain of joined
    clauses: in "the gunman opened fire, wounding two, before he was shot dead" the doer
    above "shot" is "the gunman"."""
    while verb.dep_ in ("advcl", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
        doer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if doer is not None:
            return doer
    return None


def act_clause(trigger: Token) -> int:
    """The index of the clause telling an act of its own that the trigger sits in
    (:func:`another_act`), or -1 for the sentence's main act."""
    return next((t.i for t in (trigger, *trigger.ancestors) if another_act(t)), -1)


def _in_another_act(trigger: Token, top: Token) -> bool:
    """Whether the trigger sits, below ``top``, in a clause that tells an act of its own."""
    for token in (trigger, *trigger.ancestors):
        if token.i == top.i:
            return False
        if another_act(token):
            return True
    return False


#: Words that set an act apart from the one told before it: "another attack", "a second blast".
_ANOTHER = frozenset("another second third separate different".split())

#: Subjects that are an act of violence of their own, or the weapon of one ("gunmen
#: stormed the hotel and militants took hostages" is one raid told by its doers).
_OTHER_ACTS = frozenset(
    "attack bombing blast explosion bomb device shelling strike airstrike raid ambush "
    "shooting assault rocket mortar drone".split()
)


def another_time(trigger: Token, top: Token | None = None) -> bool:
    """Whether the trigger sits in a clause told as before or after another act (``top``'s).

    "attacked a checkpoint on Sunday, days after a drone strike killed four".
    """
    for token in (trigger, *trigger.ancestors):
        if top is not None and token.i == top.i:
            return False
        if token.dep_ != "advcl":
            continue
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if marks & {"since", "until", "till"}:
            return True
        # "escaped after militants blasted its gates" is one night's story; "days after" is not
        # (the parser sometimes makes "days" the subject: "comes days after a strike killed")
        apart = any(
            c.dep_ in ("npadvmod", "nsubj") and c.lemma_ in _SPANS and c.i < token.i
            for c in token.children
        )
        if marks & {"after", "before"} and apart:
            return True
    return False


#: Spans of time that set two acts apart: "days after", "two years before".
_SPANS = frozenset("day week month year decade".split())


def inside_a_participant(trigger: Token, top: Token | None = None) -> bool:
    """Whether a nominal trigger lies inside a participant of a clause at or below ``top``.

    "Militants accused of involvement in the bombing have surrendered": the
    bombing is told only to say who the militants are, not as news of its own;
    "was convicted in 1999 of attacking X": the attack is the crime, not of 1999.
    The trigger heading the participant itself ("militants claimed the bombing")
    does not count, nor does a participant that is no one ("responsibility").
    """
    if trigger.pos_ not in ("NOUN", "PROPN") and not charged_act(trigger):
        return False
    for token in trigger.ancestors:
        if top is not None and token.i == top.i:
            return False
        # "claimed responsibility for the attack": a thing, whose attack is the news
        if token.dep_ in _ARGUMENTS and about_people(token):
            return True
        # "jailed for the killing of a police officer", "guilty of the bombing": the
        # crime a verdict or charge is for, told to say what the people did
        if token.dep_ == "prep" and token.lower_ in ("for", "of", "with", "over"):
            if charging(token.head):
                return True
    return False


def charged_act(trigger: Token) -> bool:
    """A gerund naming what people are charged with or found guilty of: "accused of
    attacking a police patrol", "found guilty for murdering X" (a told act, not a habit)."""
    prep = trigger.head
    return (
        trigger.tag_ == "VBG"
        and trigger.dep_ == "pcomp"
        and prep.lower_ in ("of", "for", "with")
        and charging(prep.head)
    )


def charge_of(trigger: Token) -> Token | None:
    """The "of"/"for"/"with" phrase of the charge or verdict a trigger's act is told in:
    "accused [of raiding a bank in Kulob, when gunfire wounded a guard]"."""
    for token in trigger.ancestors:
        if token.dep_ == "prep" and token.lower_ in ("of", "for", "with") and charging(token.head):
            return token
    return None


def charging(token: Token) -> bool:
    """A verdict, charge or suspicion: "convicted", "accused", "guilty", "found guilty"."""
    if token.pos_ not in ("VERB", "ADJ"):
        return False
    # "was found guilty for murdering X": the parser may hang the crime on "found"
    return token.lemma_ in CHARGING or (
        token.lemma_ == "find" and any(c.lower_ == "guilty" for c in token.children)
    )


#: Nouns of a term served: "jailed for 18 years" is no crime.
TERM_WORDS = frozenset("year month week day life term period decade".split())

#: Verdicts, charges and suspicions, whose "for"/"of" phrase names the crime.
CHARGING = frozenset(
    "sentence convict jail imprison charge accuse suspect prosecute try indict guilty award".split()
)


def _of_a_crime(token: Token, trigger: Token) -> bool:
    """Whether ``token`` sits in an "of" phrase of a verb or adjective ("guilty of ..."), or
    the "over"/"for" phrase of a verdict or charge."""
    for ancestor in token.ancestors:
        if ancestor.lower_ == "of" and ancestor.head.pos_ in ("ADJ", "VERB"):
            # (an act told inside the crime's own words is dated by them: "accused of
            # raiding a bank on May 2, when gunfire wounded a guard")
            return trigger not in ancestor.subtree
        # "convicted 20 men over the November 2015 attacks", "jailed for the 2019 bombing"
        # (a date told in the crime's own words: "on Monday" after it is the verdict's, hung
        # there by the parser)
        if ancestor.lower_ in ("over", "for") and charging(ancestor.head) and token.dep_ != "pobj":
            # (but "jailed for 18 years in June": the term, not the crime)
            objects = [c for c in ancestor.children if c.dep_ in ("pobj", "pcomp")]
            if not any(o.lemma_ in TERM_WORDS for o in objects):
                return True
        if ancestor == trigger or trigger in ancestor.children:
            return False
    return False


#: Dependencies of a clause's own participants (not its circumstances).
_ARGUMENTS = frozenset({"dobj", "attr", "nsubj", "nsubjpass", "dative", "oprd"})


#: Clauses that may tell an act of other people: "..., while 11 others received 28 years".
_CLAUSES = frozenset({"advcl", "conj", "ccomp", "parataxis"})


def has_own_people(token: Token) -> bool:
    """A clause verb with a subject of its own: "(while) 11 others received 28 years"."""
    return (
        token.dep_ in _CLAUSES
        and token.pos_ in ("VERB", "AUX")
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
    )
