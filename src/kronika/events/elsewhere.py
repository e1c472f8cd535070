"""Places a sentence names that are not where its act happened.

Where people are from or came from, where someone is based, a source, a stop on the
way, a bearing, a dateline, a state that asked for something, another clause's
place, and for a crime a verdict is for, any place outside the crime's own words.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..resolve.mentions import people_words
from .asides import in_another_acts_brackets
from .clauses import another_act, charge_of, date_scope, inside_a_participant
from .people import about_people
from .spans import in_dateline


def crime_phrase(trigger: Token) -> Token | None:
    """For an act told only as what a verdict or charge is for, the words it is told in
    (the charge's phrase, else the act itself); None for an act told as news."""
    if not inside_a_participant(trigger):
        return None
    charge = charge_of(trigger)
    return trigger if charge is None else charge


def elsewhere(ent: Span, sent: Span, trigger: Token, crime: Token | None) -> bool:
    """Whether the place ``ent`` of ``sent`` names is not where the act at ``trigger``
    happened. ``crime``: the act's :func:`crime_phrase`, if it has one."""
    root = ent.root
    if news_from(ent):
        return False
    scope = date_scope(root, trigger, dating=False)
    if scope is None and not where_they_were(root, trigger):
        return True  # "Saidov was a prisoner in the Soviet Union, and was freed": not there
    if scope is False and _of_someone(trigger):
        # "Azimov, who was released in 2019, now lives in Istanbul": the clause that tells
        # someone's past is not placed by what the sentence says of them now
        return True
    # (but "a group Kyrgyzstan accused of attacks": the state accusing)
    if crime is not None and root.dep_ != "nsubj" and crime not in root.ancestors:
        return True
    head = root.head
    if head.lower_ == "to" and head.head.lower_ == "according":
        return True  # "according to Dushanbe": a source, not a place
    if head.lower_ == "to" and head.head.lemma_ in _TRAVEL:
        return True  # "during a transfer to Bishkek", "on a flight to Moscow": where it went
    # "was arrested by Russian police and extradited to Tajikistan": where another act sent
    # them (but "moved to Osh, where he was arrested" is where the arrest was)
    # ("escaped from the camp and crossed into Turkey": where they went after; but "crossed
    # into Syria and joined X" is where they joined)
    after = head.lower_ == "into" and head.head.i > trigger.i
    sent_to = (
        (head.lower_ == "to" or after) and head.head.pos_ == "VERB" and head.head.i != trigger.i
    )
    if sent_to and head.head.dep_ == "conj" and trigger not in root.subtree:
        return True
    if head.lower_ == "via":
        return True  # "travelled to Syria via Istanbul": a stop on the way
    if head.lower_ == "with" and head.head.lemma_.lower() in ("border", "frontier"):
        return True  # "near the border with Afghanistan": the country across it
    # "a London-based preacher": where someone is based; "a blogger from Khorog was
    # sentenced in Dushanbe": where they are from; "detained after returning from Russia"
    if _based(ent) or origin(ent) or _came_from(ent, trigger):
        return True
    if in_dateline(sent, ent.start_char, ent.end_char) or _reference_point(ent):
        return True  # "OUAGADOUGOU (AFP) --", "75 miles east of Cairo": not where it happened
    if _in_a_group_name(root, ent):
        return True  # "the East Turkestan Liberation Organization": a word of a group's name
    if in_another_acts_brackets(ent, trigger):
        return True  # "joined Islamic State (banned in the Russian Federation)": the ban's
    return _who_asked(root) or _an_office_for(ent) or _in_a_quoted_name(ent)


def _in_a_group_name(root: Token, ent: Span) -> bool:
    """Whether the place is the first word of a group's name: a group the model tagged,
    or a capitalized name ending in a group's kind ("Liberation Organization")."""
    head = root
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
        if head.ent_type_ == "ORG" and head not in ent:
            return True
    kind = head.lemma_.lower() in people_words("group_kinds")
    return head is not root and head.text[:1].isupper() and kind


def _in_a_quoted_name(ent: Span) -> bool:
    """Whether ``ent`` is a word of a name in quotes, its words capitalized: the group
    "Youth for the Revival of Tajikistan", the newspaper "Voice of Osh" (a quoted remark,
    "we were attacked in Kabul", is no name)."""
    text = ent.sent.text
    lo, hi = ent.start_char - ent.sent.start_char, ent.end_char - ent.sent.start_char
    opened = max(text.rfind(q, 0, lo) for q in _OPENING)
    closed = [i for i in (text.find(q, hi) for q in _CLOSING) if i >= 0]
    if opened < 0 or not closed:
        return False
    quoted = text[opened + 1 : min(closed)]
    if any(q in quoted for q in _OPENING + _CLOSING):
        return False
    words = [w for w in quoted.replace(",", " ").split() if w.isalpha()]
    major = [w for w in words if w.lower() not in _NAME_PARTICLES]
    # the place and at least one other word, all written as a title
    return len(major) >= 2 and len(words) <= _NAME_WORDS and all(w[0].isupper() for w in major)


#: Quotation marks that open and close a name; a straight quote does both.
_OPENING = ("“", "«", '"', "„")
_CLOSING = ("”", "»", '"', "“")
#: Small words a title leaves in lower case: "Youth for the Revival of Tajikistan".
_NAME_PARTICLES = frozenset("of for the and in on at to a an".split())
#: Words a quoted name has at most.
_NAME_WORDS = 8


def _of_someone(trigger: Token) -> bool:
    """Whether ``trigger`` heads a relative clause about someone named ("Azimov, who was
    released"; not "moved to Osh, where he was arrested", whose clause is about the place,
    nor "searched Medan for inmates who escaped", whose search is about the act)."""
    return (
        trigger.dep_ == "relcl"
        and trigger.head.pos_ == "PROPN"
        and trigger.head.ent_type_ not in ("GPE", "LOC", "FAC")
        and not any(c.lower_ == "where" for c in trigger.children)
    )


#: Words a place may follow in an office's name: "по г. Москве", "по городу Москве".
_TOWN_WORDS = frozenset({"г", "г.", "город", "городу", "гор."})


def _an_office_for(ent: Span) -> bool:
    """ "сотрудниками УФСБ России по г. Москве", "ГУ МВД по Свердловской области": the
    place an office answers for is part of its name, not where it acted."""
    doc = ent.doc
    i = ent.start - 1
    while i > 0 and (doc[i].lower_ in _TOWN_WORDS or doc[i].text == "."):
        i -= 1
    if i < 1 or doc[i].lower_ != "по":
        return False
    office = doc[i - 1]
    return office.ent_type_ in ("ORG", "LOC") or (office.is_upper and len(office.text) > 1)


def where_they_were(root: Token, trigger: Token) -> bool:
    """ "opened fire on worshippers leaving a mosque in Sokoto", "shot two officers guarding
    a bank in Bannu", "struck a convoy as it passed through Gao": where those acted on were
    as it happened."""
    for clause in root.ancestors:
        if clause.dep_ == "advcl" and clause.head in (trigger, trigger.head):
            # "struck a convoy as it passed through Gao": the same moment (but not "while
            # another attack killed three in Ouallam")
            same = any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in clause.children)
            return same and not another_act(clause)
        # ("a polling station set up in a school in X": where a thing acted on stood; not
        # "X, born in Osh")
        owner = clause.head
        thing = clause.tag_ == "VBN" and owner.ent_type_ != "PERSON" and not about_people(owner)
        if clause.dep_ != "acl" or not (clause.tag_ == "VBG" or thing):
            continue
        acted_on = owner.head == trigger and owner.dep_ in ("dobj", "nsubjpass")
        # ("Gunmen on a motorcycle opened fire on ...", "fire" heading the misread verb)
        if owner.dep_ == "pobj" and owner.head.head in (trigger, trigger.head):
            acted_on = owner.head.lower_ in ("on", "at")
        return acted_on
    return False


def _who_asked(root: Token) -> bool:
    """ "denied Tajikistan's request", "an extradition request from Tajikistan": the state
    that asked, not where."""
    asked = root.head if root.dep_ == "poss" else None
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "by"):
        asked = root.head.head
        if asked.pos_ == "VERB":  # "turned down a request from X": hung on the verb
            asked = next((c for c in asked.children if c.dep_ == "dobj"), asked)
    return asked is not None and asked.lemma_.lower() in _ASKED


def origin(ent: Span) -> bool:
    """ "two men from Osh", "residents of Yazgulom", "жителей Андижана", "уроженец из Оша":
    a place that says where people are from."""
    root = ent.root
    if root.dep_ == "pobj" and any(c.lower_ == "originally" for c in root.head.children):
        return True  # "arrested ten people originally from Central Asia", however attached
    if root.dep_ == "pobj" and root.head.lower_ in ("from", "of"):
        owner = root.head.head
        if root.head.lower_ == "of":
            return owner.lemma_.lower() in _RESIDENTS
    elif root.dep_ == "nmod":  # Russian: the genitive, or "из" as the noun's case word
        owner = root.head
        if not _told_from(root):
            return owner.lemma_.lower() in _RESIDENTS
    else:
        return False
    return owner.pos_ in ("NOUN", "PROPN") and (about_people(owner) or owner.ent_type_ == "PERSON")


def _told_from(token: Token) -> bool:
    """Whether Russian tells ``token`` with "из" (from) as its case word: "из России"."""
    return any(c.dep_ == "case" and c.lower_ == "из" for c in token.children)


def _based(ent: Span) -> bool:
    """ "London-based", "Kabul based": a place that describes someone, told as an adjective."""
    doc = ent.doc
    after = [t.lower_ for t in doc[ent.end : ent.end + 2]]
    return after[:2] == ["-", "based"] or after[:1] == ["based"]


def _came_from(ent: Span, trigger: Token) -> bool:
    """A place someone came from by another verb than the act's: "returning from Russia",
    "left Columbus for Somalia", "upon arrival from Moscow"."""
    root = ent.root
    if root.dep_ == "dobj" and root.head.lemma_ in ("leave", "flee") and root.head != trigger:
        return True
    verb = root.head.head
    if _told_from(root):
        # ("задержан после возвращения из России": Russian tells it by the noun's case word)
        return root.head.i != trigger.i and root.head.lemma_ in _ARRIVALS
    return (
        root.dep_ == "pobj"
        and root.head.lower_ == "from"
        and verb.i != trigger.i
        and verb.lemma_ in _ARRIVALS
    )


#: Nouns for news itself, which comes from where things happen: "reports coming from X".
_NEWS = frozenset("news report reports word".split())


def news_from(ent: Span) -> bool:
    """ "news coming in from Turbat: gunmen shot dead ...", "Reports coming from Kunduz say
    ...": where the news comes from is where what it tells happened."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.lower_ != "from":
        return False
    verb = root.head.head
    if verb.lemma_ not in _ARRIVALS:
        return False
    told = [c for c in verb.children if c.dep_ == "nsubj"]
    told += [verb.head] if verb.dep_ == "acl" else []
    return any(t.lemma_.lower() in _NEWS for t in told)


#: Verbs of coming from somewhere: the place after their "from" is where people came from.
_ARRIVALS = frozenset(
    "return come arrive arrival fly flight travel move relocate head "
    "возвращение вернуться возвращаться прибытие прибыть приезд приехать прилёт прилететь".split()
)

#: Nouns for people by where they live or were born.
_RESIDENTS = frozenset(
    "resident residents native natives inhabitant inhabitants житель уроженец выходец".split()
)


def _reference_point(ent: Span) -> bool:
    """ "75 miles east of Cairo", "300 km northeast from Dushanbe": a bearing, not a place."""
    head = ent.root.head
    if head.lower_ not in ("of", "from"):
        return False
    words = {t.lower_ for t in head.head.subtree} | {head.head.lower_}
    if words & _BEARINGS == {"outskirts"}:
        # "Silivri on the outskirts of Istanbul": the place before it; but "a post on the
        # outskirts of Kaspiysk" is in Kaspiysk
        outskirts = head.head
        owner = outskirts.head.head if outskirts.dep_ == "pobj" else outskirts.head
        # (the place told just before, in the same phrase: "a court in Silivri on ...")
        return any(
            t.i < outskirts.i and t.pos_ == "PROPN" and t.dep_ == "pobj" for t in owner.subtree
        )
    return bool(words & _BEARINGS)


_BEARINGS = frozenset(
    "miles mile kilometers kilometres km east west north south northeast northwest southeast "
    "southwest outskirts".split()
)


#: Nouns of going somewhere: the place after their "to" is where they went, not where it was.
_TRAVEL = frozenset("transfer flight trip journey way route return transport convoy".split())

#: What a state asks or wants, named with it: not where the act was.
_ASKED = frozenset(
    "request demand application petition plea order warrant decision wish insistence "
    "behest call motion".split()
)
