"""Whether a noun phrase names or describes people: "the militants", "five of them", "X"."""

from __future__ import annotations

from spacy.tokens import Token

from ..resolve.mentions import people_words

#: Words that count people without naming them ("several others", "dozens of them").
_PEOPLE_COUNTS = frozenset(
    "other others more several many some few half all most dozen dozens hundred hundreds "
    "thousand thousands score scores number group couple pair duo".split()
)
#: Endings of nouns for kinds of people: prisoner, functionary, militant, detainee, Christian,
#: spokesman.
_PERSON_ENDINGS = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ant",
    "ants",
    "ent",
    "ents",
    "ary",
    "aries",
    "ee",
    "ees",
    "ian",
    "ians",
    "ic",
    "ics",
    "man",
    "men",
)


def about_people(token: Token | None) -> bool:
    """Whether the token the event was done to (or by) names or describes people.

    "seized 11 units of guns", "captured the town", "a report released": a thing.
    """
    if token is None:
        return False
    if token.ent_type_ in ("PERSON", "NORP", "ORG") or token.pos_ in ("PRON", "NUM", "PROPN"):
        return True
    # a language that marks animacy (Russian): "сторонников", "человек" are people
    if any("Animacy=Anim" in str(t.morph) for t in token.subtree):
        return True
    word, lemma = token.lower_, token.lemma_.lower()
    if word in _PEOPLE_COUNTS or lemma in _PEOPLE_COUNTS:
        return True
    if word == "old" and any(c.lemma_ == "year" for c in token.children):
        return True  # "a 23-year-old from Tokmok": someone of that age
    if word in people_words("descriptions") or lemma in people_words("descriptions"):
        return True
    return token.pos_ == "NOUN" and word.endswith(_PERSON_ENDINGS)


#: The role naming the people of each type (BAN's names a group, ATTACK none).
PEOPLE_ROLE = {
    "SENTENCE": "defendant",
    "ARREST": "detainee",
    "EXTRADITION": "person",
    "RELEASE": "person",
    "APPEAL": "appellant",
    "JOIN": "person",
    "ESCAPE": "escapees",
}


#: Nouns for two people told of together: "the couple", "the pair".
_PAIRS = frozenset({"couple", "pair", "duo"})


def a_pair(token: Token) -> bool:
    """ "the couple", "this pair": a definite noun for two people told of before."""
    return token.lemma_.lower() in _PAIRS and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children
    )
