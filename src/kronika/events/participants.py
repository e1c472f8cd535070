"""Which token of a clause is the one acted on and which the one acting.

"X was sentenced", "the court sentenced X", "X, who was arrested", "the arrest of X",
"granted X a pardon", "accused of the bombing": the patient and the agent of a
trigger, read through passives, relative clauses, light verbs and titles (and through the
parser's slips, :mod:`.misreads`).
"""

from __future__ import annotations

from spacy.tokens import Token

from .asides import brackets_of, outside_its_aside
from .misreads import (
    active_misread,
    believed_to_have,
    finite_misread,
    names_opening_a_clause,
    object_misread,
    past_dateline,
    subject_of_report,
    title_passive,
)
from .people import about_people
from .relatives import antecedent_of_relative
from .toll_words import DONE_TO_OWNER


def is_passive(verb: Token) -> bool:
    """Return whether ``verb`` is a passive verb ("was sentenced")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


#: Nouns that name a stretch of time: "the following year", "that week".
_TIMES = frozenset("year month week day morning evening night afternoon".split())


def a_time(token: Token) -> bool:
    """Whether ``token`` names a time, not someone ("jailed the following year"; but "the
    25-year-old", which the model may tag as a date, is a person of that age)."""
    if token.pos_ != "NOUN" or token.lower_ in ("old", "olds") or token.text.endswith("-old"):
        return False  # (nor is a number the model took into a date: "By noon 41 had been ...")
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in _TIMES


def _one_among(people: Token) -> Token | None:
    """ "She was among a group of women repatriated from the camp": the one said to be
    among the people an act was done to, or None."""
    group = people
    if group.dep_ == "pobj" and group.head.lower_ == "of" and group.head.head.lemma_ == "group":
        group = group.head.head  # "a group of women"
    among = group.head
    if group.dep_ != "pobj" or among.lower_ != "among" or among.head.lemma_ != "be":
        return None
    return next((c for c in among.head.children if c.dep_ == "nsubj"), None)


def patient(trigger: Token) -> Token | None:
    """Return the token naming who the action was done to (passive subject or object)."""
    if trigger.pos_ == "NOUN":
        # "Sweden's deportation of X": the owner is the doer when "of" names the patient
        for child in trigger.children:
            # "the extradition of X", "the ban on X", "sanctions against X"
            if child.dep_ == "prep" and child.lower_ in ("of", "on", "against"):
                found = next((c for c in child.children if c.dep_ == "pobj"), None)
                if found is None or found.ent_type_ in ("DATE", "TIME"):
                    continue
                # "his conviction on charges of ...": only a name is acted on after "on"
                if child.lower_ == "of" or found.pos_ == "PROPN" or found.ent_type_:
                    return found
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        return owner if owner is not None else _recipient(trigger)
    if (
        trigger.dep_ == "conj"
        and any(c.dep_ == "auxpass" for c in trigger.children)
        and not any(c.dep_ == "nsubjpass" for c in trigger.children)
    ):
        # "X was banned by Pakistan and was later designated a terrorist organization": the
        # subject the passives share (the object a passive keeps is what X was named)
        shared = next((c for c in trigger.head.children if c.dep_ == "nsubjpass"), None)
        if shared is not None:
            return antecedent_of_relative(past_dateline(shared))
    # ("was arrested in 2013 and jailed the following year": a time read as the object)
    found = next(
        (c for c in trigger.children if c.dep_ in ("nsubjpass", "dobj") and not a_time(c)),
        None,
    )
    if found is not None:
        return antecedent_of_relative(past_dateline(found))
    if trigger.dep_ == "amod" and (
        any(c.dep_ == "nsubj" for c in trigger.children) or finite_misread(trigger)
    ):
        # "The court jailed oil worker X": the verb read as "the jailed oil worker", its
        # object as the noun it describes
        return trigger.head
    phrasal = _phrasal_object(trigger)
    if phrasal is not None:
        return antecedent_of_relative(phrasal)
    number = _number_before_auxiliary(trigger)
    if number is not None:
        return number
    opening = names_opening_a_clause(trigger)
    if opening is not None:
        return opening
    if title_passive(trigger, ("VBN", "VBD")):
        # (the model often tags the participle of a title as a past tense: "X Sentenced")
        return next(c for c in trigger.children if c.dep_ == "nsubj")
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return _one_among(trigger.head) or trigger.head
    head = trigger.head
    active = not is_passive(trigger) and trigger.tag_ != "VBN"
    if active and trigger.dep_ in ("conj", "dep") and head.pos_ == "VERB" and not is_passive(head):
        # "Russia arrested, then deported, six citizens": the object the verbs share
        shared = next((c for c in head.children if c.dep_ == "dobj"), None)
        if shared is not None and about_people(shared):
            return antecedent_of_relative(shared)
    if active and trigger.pos_ == "VERB":
        # "Police detained and deported four nationals": the object told after the last verb
        for verb in (c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                shared = next((c for c in verb.children if c.dep_ == "dobj"), None)
                if shared is not None and about_people(shared):
                    return antecedent_of_relative(shared)
    if trigger.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        # "was stopped at the border, handcuffed and taken to a detention centre": the
        # first verb of the chain that has a subject tells whose acts they are
        first = head
        while first.dep_ in ("conj", "advcl") and first.head.pos_ in ("VERB", "AUX"):
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in first.children):
                break
            first = first.head
        return agent(first) if not is_passive(first) else patient(first)
    if trigger.dep_ == "advcl" and trigger.tag_ == "VBN" and is_passive(head):
        # "were detained at the border, deported to Uzbekistan and banned": one subject
        if not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in trigger.children):
            return patient(head)
    if trigger.dep_ == "xcomp" and is_passive(trigger):
        # "the court ordered Nazarov to be released": the one ordered
        controlled = next((c for c in trigger.head.children if c.dep_ == "dobj"), None)
        if controlled is not None:
            return antecedent_of_relative(controlled)
    if is_passive(trigger):
        return subject_of_report(trigger)
    return object_misread(trigger) if not is_passive(trigger) else None


def _phrasal_object(verb: Token) -> Token | None:
    """ "caught up with X", "closed in on X": a verb and its particle done to the one
    named after the preposition."""
    if not any(c.dep_ == "prt" for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "on")):
        found = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if found is not None and about_people(found):
            return found
    return None


def _number_before_auxiliary(verb: Token) -> Token | None:
    """ "by Sunday night 22 had been recaptured": a number right before a passive's
    auxiliaries, which the parser ran into the date before it, is its subject."""
    if not is_passive(verb):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if not auxes or verb.i - auxes[0].i > 3:
        return None
    before = verb.doc[auxes[0].i - 1] if auxes[0].i > 0 else None
    return before if before is not None and before.like_num and before.dep_ == "nummod" else None


_LIGHT_VERBS = frozenset(
    "carry stage launch conduct commit mount perpetrate organize organise plan claim".split()
)


def verb_forms(lemmas: frozenset[str]) -> frozenset[str]:
    """The inflected forms of ``lemmas``, matched where the lemmatizer slips on rarer verbs
    ("staged" → "stag")."""
    return frozenset(
        form
        for verb in lemmas
        for form in (verb + "s", verb + "d", verb + "ed", verb + "ing", verb[:-1] + "ing")
    )


_LIGHT_FORMS = verb_forms(_LIGHT_VERBS)


def agent(trigger: Token) -> Token | None:
    """Return the token naming who acted (active subject, or the passive "by" phrase).

    For a noun ("staged an attack", "motivated X to carry out the attack") it is
    whoever does the light verb the noun is the object of. An act told in brackets has
    its doer inside them ("joined the IJU (banned in Uzbekistan)": not the one who joined).
    """
    found = _agent(trigger)
    return None if found is not None and outside_its_aside(trigger, found) else found


def _agent(trigger: Token) -> Token | None:
    if trigger.pos_ == "NOUN":
        verb = trigger.head
        # the lemmatizer slips on rarer verbs ("staged" → "stag"), so forms count too
        if trigger.dep_ == "dobj" and (verb.lemma_ in _LIGHT_VERBS or verb.lower_ in _LIGHT_FORMS):
            found = agent(verb)
            if found is None and verb.dep_ == "xcomp":
                # "motivating Kariyev to carry out the attack": the one motivated
                found = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if found is None:
                found = _blamed(verb)
            return found
        # "Usmonov's defection to the Taliban", "his escape from a prison": the owner acted
        # (but "his murder" was done to him)
        owner = next((c for c in trigger.children if c.dep_ == "poss"), None)
        owner = None if trigger.lemma_ in DONE_TO_OWNER else owner
        return antecedent_of_relative(owner) if owner is not None else _blamed(trigger)
    for child in trigger.children:
        glossed = child.dep_ == "nsubj" and brackets_of(child) is not None
        if glossed and trigger.dep_ in ("conj", "ccomp") and trigger.head.pos_ == "VERB":
            # ('declared the movement X ("Lovers of Paradise") extremist and banned it': a
            # gloss in brackets the parser took for the subject of the verb after it)
            return agent(trigger.head) if trigger.head is not trigger else None
        if child.dep_ == "nsubj" and not title_passive(trigger):
            return antecedent_of_relative(child)
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    by = _by_whom_of_objects(trigger) if is_passive(trigger) else None
    own_subject = any(c.dep_ == "nsubjpass" for c in trigger.children)
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX") and not own_subject:
        # (not "the defence appealed and the imam was released": a passive of its own; nor
        # "banned by Pakistan and later designated a terrorist group by the United States")
        return by or agent(trigger.head)
    if is_passive(trigger):
        return by
    if trigger.dep_ == "acl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    ):
        return _whose_decision(trigger.head)
    # "cleric Bashir freed from prison": a past participle after its noun is done to it
    if trigger.dep_ in ("acl", "relcl") and not is_passive(trigger) and trigger.tag_ != "VBN":
        return trigger.head
    if active_misread(trigger):
        return trigger.head  # "Three inmates sawed through the bars and escaped"
    if believed_to_have(trigger):
        return trigger.head  # "Authorities believe X enlisted with Y": X's act, misparsed
    if trigger.dep_ == "xcomp" and trigger.head.lemma_ in _OBJECT_CONTROL:
        # "accomplices helped Saidov escape": the one helped; "a prisoner was helped to
        # escape": the one the passive is about
        head = trigger.head
        controlled = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if controlled is not None:
            return antecedent_of_relative(controlled)
    if trigger.dep_ == "xcomp" and is_passive(trigger.head):
        # "X is believed to have joined IS", "X was forced to join": the one the passive
        # is about
        controlled = next((c for c in trigger.head.children if c.dep_ == "nsubjpass"), None)
        if controlled is not None:
            return antecedent_of_relative(controlled)
    # "B. travelled to Syria to join the group", "... travelled to Syria after joining IS":
    # the traveller joined
    after = trigger.dep_ == "pcomp" and trigger.head.lower_ in ("after", "before", "upon")
    verb = trigger.head.head if after else trigger.head
    if (trigger.dep_ in ("xcomp", "advcl") or after) and verb.pos_ == "VERB":
        return agent(verb)
    return _first_in_a_series(trigger)


def _by_whom_of_objects(verb: Token) -> Token | None:
    """ "designated a terrorist organization by the UN": "by" hung on the passive's object;
    "recognised as a terrorist organisation by the Supreme Court"."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "attr")]
    objects += [g for c in verb.children if c.lower_ == "as" for g in c.children]
    return next((by for c in objects if (by := _by_whom(c)) is not None), None)


def _first_in_a_series(verb: Token) -> Token | None:
    """The first act's subject, hung below the next: "Hirsi left Columbus, joined X"."""
    if verb.pos_ != "VERB" or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    first = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
    if first is None or any(c.dep_ == "mark" for c in first.children):
        return None
    found = next((c for c in first.children if c.dep_ == "nsubj"), None)
    return antecedent_of_relative(found) if found is not None else None


#: Verbs whose object does what their "to" complement tells: "helped Saidov (to) escape",
#: "persuaded him to join" (not "left his family to join").
_OBJECT_CONTROL = frozenset(
    "help allow enable persuade force motivate encourage lure convince push incite".split()
)


#: Verbs that hand an act to someone ("granted early release") or have it come to them
#: ("received a pardon", "got a ten-year sentence").
_GRANTING = frozenset("grant give offer award hand".split())


_RECEIVING = frozenset("receive get win secure obtain".split())


def _recipient(noun: Token) -> Token | None:
    """Who a nominal act was given to: "six members were granted early release"."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    verb = noun.head
    deps: tuple[str, ...]
    if verb.lemma_ in _GRANTING:
        deps = ("nsubjpass", "dative")
    elif verb.lemma_ in _RECEIVING:
        deps = ("nsubj",)
    else:
        return None
    found = next((c for c in verb.children if c.dep_ in deps), None)
    if found is None and verb.lemma_ in _GRANTING:
        # "granted clemency to the blogger X"
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        found = None if to is None else next((c for c in to.children if c.dep_ == "pobj"), None)
    return antecedent_of_relative(found) if found is not None else None


def _by_whom(token: Token) -> Token | None:
    """The object of a "by" phrase hung on ``token``."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _whose_decision(noun: Token) -> Token | None:
    """Who acts on "a decision by the minister to ban", "granted the request to extradite"."""
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return agent(noun.head)  # the court that granted the request acts on it
    found = _by_whom(noun) or next((c for c in noun.children if c.dep_ == "poss"), None)
    if found is None:
        # "the decision of Rahimov to join IS"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        found = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
    return found


#: Verbs that lay an act at someone's door: "accused X of carrying out", "blamed X for".
_BLAME_VERBS = frozenset("accuse suspect charge blame hold convict".split())


def _blamed(token: Token) -> Token | None:
    """Who is held to have done the act at ``token`` (a noun or a light verb).

    "a group which Kyrgyzstan accused of carrying out attacks", "Jaishul Mahdi,
    that the government held responsible for bombings", "X was blamed for the blast":
    the one accused, through a relative pronoun to the noun it stands for.
    """
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.lower_ not in ("of", "for"):
        return None
    verb = prep.head
    if verb.lower_ == "responsible" and verb.dep_ in ("oprd", "acomp", "xcomp", "ccomp"):
        verb = verb.head  # "held X responsible for": the holding verb
        if verb.lemma_ not in ("hold", "be", "consider", "deem", "find"):
            return None
    elif verb.lemma_ not in _BLAME_VERBS:
        return None
    accused = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if accused is None and verb.lemma_ == "be":
        accused = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if accused is None and verb.dep_ == "relcl":
        return verb.head  # "X that the government held responsible": "that" parsed as a mark
    return antecedent_of_relative(accused) if accused is not None else None
