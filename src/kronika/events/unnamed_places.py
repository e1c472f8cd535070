"""Places an event takes when its sentence names none the model tagged.

A town after "in" the model left untagged, a gazetteer name in a re-read headline,
or the state of the body that acted
("a Kyrgyz court", "Uzbekistan's Supreme Court"). ``placing.event_place`` tries
these in turn after the sentence's tagged places.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

from spacy.tokens import Span, Token

from ..model import ArgValue, Place
from ..normalize.places import default_gazetteer
from ..resolve.mentions import people_words
from .addresses import is_state
from .agencies import country_of_word, state_named_by
from .asides import in_another_acts_brackets
from .clauses import date_scope
from .people import participle_for_people
from .spans import dateline_town, doc_ents


def untagged_place(sent: Span, trigger: Token, lo: int, hi: int) -> Place | None:
    """A capitalized name after "in" (or "near", "outside") inside the event's own phrase
    that the model left untagged.

    "escaped from the jail in Balkanabat", "blew up a pipeline near Tashkurgan": small
    towns are often not recognized at all.
    """
    for tok in trigger.subtree:
        if tok.lower_ not in ("in", "near", "outside") or tok.dep_ != "prep":
            continue
        if not lo <= tok.idx < hi or date_scope(tok, trigger, dating=False) is None:
            continue  # (not a clause of its own: "X, who was arrested in Agadez, was jailed")
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_.lower() in SETTLEMENTS:
            # "in the village of Vorukh": the settlement's name
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if (
            obj is None
            or obj.pos_ != "PROPN"
            or in_another_acts_brackets(obj.doc[obj.i : obj.i + 1], trigger)
        ):
            continue
        # "the jail in Balkanabat": after a place of custody a name is a town, whatever
        # the model took it for
        custody = tok.head.lemma_.lower() in _CUSTODY
        # "a pipeline near Tashkurgan": no one is "near" a person; a lone word there is a town
        nearby = tok.lower_ != "in" and obj.n_lefts == 0
        # (a person's name is a family name: "in Karimov" is no town)
        surname = obj.lower_.endswith(tuple(people_words("surname_endings")))
        if obj.ent_type_ not in ("", "GPE", "LOC") and not (
            (custody or nearby) and obj.ent_type_ in ("ORG", "FAC", "PERSON") and not surname
        ):
            continue
        words = [c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [obj]
        return Place(name=" ".join(w.text for w in words))
    return None


def known_word_place(trigger: Token, lo: int, hi: int, resolve: Callable[..., Any]) -> Place | None:
    """A capitalized word after "in"/"at"/"near" that the gazetteer knows by that very name.

    A Title Case line re-read in sentence case can leave "In Dagestan" a common noun
    and "At Peshawar Mosque" a compound: the gazetteer still knows the place.
    """
    for tok in trigger.subtree:
        if tok.lower_ not in ("in", "at", "near") or tok.dep_ != "prep" or not lo <= tok.idx < hi:
            continue
        if date_scope(tok, trigger, dating=False) is None:
            continue  # another clause's place
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_ in SETTLEMENTS:
            # "in the town of Kidal"
            of = next((c for c in obj.children if c.lower_ == "of"), None)
            obj = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
        if obj is None or in_another_acts_brackets(obj.doc[obj.i : obj.i + 1], trigger):
            continue
        for word in [*(c for c in obj.lefts if c.dep_ == "compound"), obj]:
            if not word.text[:1].isupper() or word.ent_type_ in ("DATE", "TIME"):
                continue  # (not "in March", which is also a town's name)
            place = cached_place(resolve, word.text)
            if isinstance(place, Place) and place.name.casefold() == word.text.casefold():
                return replace(place, name=word.text)
    return None


def place_modifier(trigger: Token, resolve: Callable[..., Any]) -> Place | None:
    """An untagged proper noun before an act's noun that the gazetteer knows: "the 2002
    Peshawar bombings" (not a nationality, "the Tajik bombings", nor a state, a person or a
    group)."""
    if trigger.pos_ != "NOUN":
        return None
    for word in trigger.lefts:
        if word.dep_ != "compound" or word.pos_ != "PROPN" or word.ent_type_ not in ("", "GPE"):
            continue
        if not word.text[:1].isupper() or country_of_word(word.text):
            continue
        place = cached_place(resolve, word.text)
        # (a state's name says whose act it was: "a U.S. airstrike")
        if place is not None and not is_state(place):
            return Place(name=word.text)
    return None


#: Nouns naming a settlement: the name after their "of" is a town or a village.
SETTLEMENTS = frozenset("town village city settlement hamlet district suburb neighbourhood".split())


#: Places of custody: a name after "in" following one of these is the town it stands in.
_CUSTODY = frozenset("prison jail colony penitentiary centre center facility camp".split())


#: Sites named after the town they stand in: places of custody, bases, airports.
SITES = _CUSTODY | frozenset("base airbase airport barracks garrison".split())


#: Sites an armed attack is made on: "the army post at Inates", "the headquarters of X district".
ATTACKED_SITES = SITES | frozenset(
    "post outpost checkpoint station headquarters compound office building".split()
)

#: A settlement's kind told after its name: "in Kidal town", "near Tessit village".
_TOWN_KINDS = SETTLEMENTS - {"district", "suburb", "neighbourhood"}
#: Parts of a town told with its name after "of": "on the outskirts of Chust".
_TOWN_PARTS = frozenset("outskirts outskirt hinterland hinterlands edge environs".split())


def at_a_site(ent: Span) -> bool:
    """Whether ``ent`` is the place of a site told with "at": "the camp at Boulkessi",
    "stormed the army post at Inates" (where the parser hangs "at" on the verb)."""
    prep = ent.root.head
    if ent.root.dep_ != "pobj" or prep.lower_ != "at":
        return False
    owner = prep.head
    if owner.lemma_.lower() in ATTACKED_SITES:
        return True
    return owner.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in ATTACKED_SITES for c in owner.children
    )


def settlement_of(trigger: Token, lo: int, hi: int) -> Span | None:
    """The name after "the village of", "the town of", "the outskirts of" in the act's
    phrase: "attacked the village of Kourakou, in Burkina Faso's Boucle du Mouhoun region"
    (the most exact place the text gives, whatever the model took the name for)."""
    own = trigger if trigger.pos_ in ("VERB", "AUX") else _clause_of(trigger)
    for tok in trigger.subtree:
        russian = tok.lemma_.lower() in _RU_SETTLEMENTS
        kind = tok.lemma_.lower() in _TOWN_KINDS or tok.lower_ in _TOWN_PARTS or russian
        if not kind or not lo <= tok.idx < hi:
            continue
        clause = _clause_of(tok)
        if clause != own and not (clause is not None and _when_of(clause, own)):
            continue  # "X, who was charged with organizing a cell in the city of Y": not there
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        name = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if russian:
            # "в кишлаке Гулистон", "в селе Жаны-Жер": the name right after its kind
            name = next((c for c in tok.children if c.i == tok.i + 1 and c.pos_ == "PROPN"), None)
        # (a town the model does not know may be read as a common noun: "outskirts of Chust")
        named = name is not None and (name.pos_ == "PROPN" or name.tag_ == "NN")
        if name is None or not named or not name.text[:1].isupper():
            continue
        start = min([c.i for c in name.lefts if c.dep_ == "compound"] + [name.i])
        doc, end = name.doc, name.i + 1
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            end += 2  # "Rostov-on-Don": one name written with hyphens
        return doc[start:end]
    return None


#: Russian words for a settlement told before its name: "в кишлаке Гулистон".
_RU_SETTLEMENTS = frozenset("город село кишлак посёлок поселок деревня аул станица махалля".split())


def _clause_of(token: Token) -> Token | None:
    # ("тюрьма для подозреваемых в терроризме": a participle standing for people is a noun
    # of the clause it is in, no clause of its own)
    return next(
        (a for a in token.ancestors if a.pos_ in ("VERB", "AUX") and not participle_for_people(a)),
        None,
    )


def _when_of(clause: Token, own: Token | None) -> bool:
    """ "were killed when armed men attacked the village of X": a clause telling the act."""
    return (
        clause.dep_ == "advcl"
        and clause.head == own
        and any(c.dep_ == "advmod" and c.lower_ in ("when", "as") for c in clause.children)
    )


def town_with_kind(ent: Span) -> bool:
    """Whether ``ent`` names a settlement told with its kind after it: "in Kidal town"
    (not "the Kazakh town": a nationality says whose town, not which; nor "the Sinai
    town of Taba", whose town is the one after "of")."""
    head = ent.root.head
    return (
        ent.root.dep_ in ("compound", "amod", "nmod")
        and ent.end == head.i
        and head.lemma_.lower() in _TOWN_KINDS
        and head.dep_ == "pobj"
        and head.head.lower_ in ("in", "at", "near", "outside")
        and not any(c.lower_ == "of" for c in head.children)  # "the Sinai town of Taba"
        and not country_of_word(ent.text)
    )


@cache
def cached_place(resolve: Callable[..., Any], name: str) -> Any:
    return resolve(name)


#: Nouns for those who act for a state: their nationality word names the country.
_BODIES = frozenset(
    "president leader government court authorities authority police ministry parliament "
    "service troops army forces judge officials".split()
)


#: Words of a court's title after the town it sits in: "the Islamabad High Court",
#: "a Peshawar anti-terrorism court", "the Khujand city court".
_COURT_TITLE = frozenset(
    "high supreme court regional city district military appeals appellate criminal "
    "provincial oblast region anti-terrorism antiterrorism special specialised specialized "
    "inter-district interdistrict juvenile federal state".split()
)


def town_named_in(args: dict[str, ArgValue], resolve: Callable[..., Any]) -> Place | None:
    """The town a court is named after, when the model took its whole title for one name:
    "the Islamabad High Court", "a Peshawar anti-terrorism court"."""
    court = args.get("court")
    if not isinstance(court, str):
        return None
    words = court.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    run: list[str] = []
    for word in words:
        if word.lower() in _COURT_TITLE:
            break
        run.append(word)
    if not run or len(run) == len(words) or not all(w[:1].isupper() for w in run):
        return None
    name = " ".join(run)
    place: Place | None = cached_place(resolve, name)
    if place is None or place.country in (None, place.name) or country_of_word(name):
        return None  # a country's court is its state's; an unknown word names no town
    return replace(place, name=name)


#: A head of state's office as the gazetteer describes it: "President of Uzbekistan",
#: "first President of Kazakhstan", "President of Kyrgyzstan 2011-2017".
_HEAD_OF_STATE = re.compile(r"(?:first )?President of (\w[\w ]*?)(?: \d{4}.*| until .*)?$")


def state_led_by(args: dict[str, ArgValue]) -> Place | None:
    """The state whose head acted: "President Shavkat Mirziyoyev pardoned 54 prisoners"
    (a pardon, an amnesty or a ban by decree is the whole country's)."""
    value = args.get("authority")
    for name in value if isinstance(value, list) else [value] if value else []:
        person = default_gazetteer().person(str(name))
        office = _HEAD_OF_STATE.match(person.role) if person is not None else None
        if office:
            country = office.group(1)
            return Place(name=country, country=country)
    return None


def state_named_in(args: dict[str, ArgValue]) -> Place | None:
    """The state a body that acted is of, named in its title: "Tajikistan's Supreme Court",
    "the Kazakh interior ministry" (when the parser hangs the body outside the act)."""
    for role in ("authority", "court", "agency"):
        value = args.get(role)
        for word in str(value).replace("'s", " ").replace("’s", " ").split() if value else ():
            country = state_named_by(word)
            if country:
                return Place(name=country, country=country)
    return None


def state_of_body(trigger: Token, lo: int, hi: int) -> Place | None:
    """The country of the body that acts: "the Kazakh President pardoned", "a Kyrgyz court",
    "the Supreme Court of Tajikistan", "Uzbekistan's Supreme Court"."""
    for tok in trigger.subtree:
        if not lo <= tok.idx < hi or tok.dep_ not in ("amod", "compound", "nmod", "poss", "pobj"):
            continue
        head = tok.head
        if tok.dep_ == "pobj":
            if head.lower_ != "of":
                continue
            head = head.head  # "the Supreme Court of Tajikistan"
        # "Turkmen leader Berdimuhamedov amnestied": the office names the one who acted
        role = head.head.dep_ if head.dep_ in ("compound", "appos") else head.dep_
        if head.lemma_.lower() not in _BODIES or role not in ("nsubj", "agent", "pobj"):
            continue
        # (a state's own name only as its owner: "Uzbekistan's Supreme Court", "of Tajikistan")
        named = tok.dep_ in ("poss", "pobj")
        country = state_named_by(tok.text) if named else country_of_word(tok.text)
        if country:
            return Place(name=country, country=country)
    return None


#: "in this northern city", "the edge of this mountain town": the town of the dateline.
_THIS_TOWNS = frozenset("town city village capital".split())


def this_town(
    trigger: Token, lo: int, hi: int, resolve: Callable[..., Any], the: bool = False
) -> Place | None:
    """The dateline's town, for an act told "in this city" ("KHOROG, Tajikistan (AP) —
    Gunmen attacked a checkpoint on the edge of this mountain town"); with ``the``, also
    "in the centre of the city", "in the city's Hayatabad area" (but not "the city of X")."""
    dets = ("this", "the") if the else ("this",)
    for tok in trigger.subtree:
        if tok.lemma_.lower() not in _THIS_TOWNS or not lo <= tok.idx < hi:
            continue
        if not any(c.dep_ == "det" and c.lower_ in dets for c in tok.children):
            continue
        if any(c.dep_ == "appos" or c.lower_ == "of" for c in tok.children):
            continue  # "the northern city of Mazar-i-Sharif": a town named
        town = dateline_town(trigger.doc)
        if town is None:
            return None
        name = town.title() if town.isupper() else town  # "KHOROG"
        place = cached_place(resolve, name)
        return replace(place, name=name) if isinstance(place, Place) else None
    return None


def first_word(ent: Span) -> int:
    """Where a name the model cut short starts: "Dera" of "Dera Ismail Khan", an untagged
    capitalized word just before the words tagged, joined to them."""
    doc = ent.doc
    start = ent.start
    while (
        start > 0
        and doc[start - 1].pos_ == "PROPN"
        and not doc[start - 1].ent_type_
        and doc[start - 1].is_title
        and doc[start - 1].dep_ == "compound"
        and ent.start <= doc[start - 1].head.i
    ):
        start -= 1
    # "Shahr-e Naw", "al-Hol": the words the name is glued to with hyphens
    while (
        start > 1
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].is_alpha
    ):
        start -= 2
    return start


def whole_name(ent: Span) -> Span:
    """A place name the model cut short, taken whole: "Dera" of "Dera Ismail Khan" (on
    either side of the words it tagged).

    The cut-off words are the proper nouns the name is a compound of, which the
    model took for a person's name ("Dushanbe City Court" is a court, not a place).
    """
    head = ent.root
    while head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i > head.i:
        head = head.head
    start = first_word(ent)
    rest = ent.doc[ent.end : head.i + 1]
    if head.i < ent.end or any(t.ent_type_ != "PERSON" for t in rest):
        return ent.doc[start : ent.end]
    return ent.doc[start : head.i + 1]


def only_a_place(ent: Span, people: list[str]) -> bool:
    """ "stormed the district jail in Lakki Marwat": a name tagged as a person's, told
    only after "in" or "near" and nowhere as anyone's name."""
    root = ent.root
    if root.dep_ == "compound" and root.head.dep_ == "pobj" and root.head.i == ent.end:
        root = root.head  # "in Dera Ismail Khan district": the division the name is of
    preposition = root.head
    if root.dep_ != "pobj" or preposition.lower_ not in ("in", "near"):
        return False
    if first_word(ent) != preposition.i + 1:
        return False
    # (a thing in the act: "raided a checkpoint in Shah Wali Kot"; not "trust in X")
    head = preposition.head
    if head.pos_ not in ("VERB", "NOUN") or head.lemma_.lower() in _NOT_PLACES_IN:
        return False
    if ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS":
        return False  # "in Karimov's home town"
    words = set(ent.text.split())
    if any(words & set(p.split()) for p in people):
        return False
    # (nor the name of someone the article tells of elsewhere; but "in Datu Salibo" and "in
    # Datu Piang" are two towns)
    return not any(
        e.label_ == "PERSON"
        and words & set(e.text.split())
        and e.start != ent.start
        and not (e.root.dep_ == "pobj" and e.root.head.lower_ in _WHERE_WORDS)
        for e in doc_ents(ent.doc)
    )


#: Prepositions after which a name tells where.
_WHERE_WORDS = frozenset({"in", "near", "at", "outside"})


#: Nouns whose "in" names a person or group, not a place: "trust in X", "a role in X".
_NOT_PLACES_IN = frozenset(
    "trust faith interest confidence belief role part involvement participation share "
    "stake case".split()
)
