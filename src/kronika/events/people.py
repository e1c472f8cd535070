"""Whether a noun phrase names or describes people: "the militants", "five of them", "X"."""

from __future__ import annotations

import re

from spacy.tokens import Token

from ..resolve.mentions import MentionIndex, people_words
from .spans import doc_text

#: Words that count people without naming them ("several others", "dozens of them").
PEOPLE_COUNTS = frozenset(
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
    if participle_for_people(token):
        return True  # "задержаны трое подозреваемых в терроризме": those suspected
    # a language that marks animacy (Russian): "сторонников", "человек" are people
    if any("Animacy=Anim" in str(t.morph) for t in token.subtree):
        return True
    word, lemma = token.lower_, token.lemma_.lower()
    if word in PEOPLE_COUNTS or lemma in PEOPLE_COUNTS:
        return True
    if word == "old" and any(c.lemma_ == "year" for c in token.children):
        return True  # "a 23-year-old from Tokmok": someone of that age
    if word in people_words("descriptions") or lemma in people_words("descriptions"):
        return True
    if word in people_words("things") or lemma in people_words("things"):
        return False  # "seized power", "captured the settlement"
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


#: A transcript's speaker label after a name: "Gulnara Sadykova (lawyer):".
_SPEAKER = re.compile(r"[^\n:]{0,60}\)?:")
#: Kin a woman is named as: "his wife, Dilfuza", "his mother Zarina".
_WOMEN_KIN = frozenset("wife mother sister daughter widow aunt niece grandmother".split())


def not_meant_by(pronoun: Token, start: int) -> bool:
    """Whether the person named at char ``start`` of the pronoun's sentence cannot be the
    one "he" means: a woman named as someone's wife or mother ("His wife, Dilfuza, said
    he was detained"), or the speaker of a transcript's line ("Sadykova (lawyer): He was
    picked up ...")."""
    named = next((t for t in pronoun.sent if t.idx == start), None)
    if named is None:
        return False
    text = doc_text(pronoun.doc)
    line = text.rfind("\n", 0, start) + 1
    if text[line:start].strip() == "" and _SPEAKER.match(text, start):
        return True  # the speaker's own line: "he" is someone they speak of
    if pronoun.lower_ not in ("he", "him", "his", "himself"):
        return False
    head = named.head if named.dep_ in ("appos", "compound", "flat") else named
    return any(
        t.lemma_.lower() in _WOMEN_KIN
        for t in (head, *head.children, *[head.head])
        if t is not named
    )


#: Pronouns that tell a man or a woman.
_HE = frozenset({"he", "him", "his", "himself"})
_SHE = frozenset({"she", "her", "hers", "herself"})


def gender_of(name: str) -> str | None:
    """ "f" or "m" when a name tells a woman or a man by its given name or the ending of its
    family name ("Dilnoza Rakhimova", "Walid Ferchichi"), else None."""
    words = name.replace(".", ". ").split()
    if not words:
        return None
    first = words[0].casefold()
    if len(words) > 1 and first in people_words("women_names"):
        return "f"
    if len(words) > 1 and first in people_words("men_names"):
        return "m"
    for word in (words[-1], words[0]) if len(words) > 1 else words:
        word = word.casefold()
        if len(word) > 4 and word.endswith(tuple(people_words("women_endings"))):
            return "f"
        if len(word) > 3 and word.endswith(tuple(people_words("men_endings"))):
            return "m"
    return None


def may_mean(pronoun: Token, name: str) -> bool:
    """Whether ``pronoun`` may stand for the person called ``name``: "he" is no woman's,
    "she" no man's, by what the name tells."""
    word = pronoun.lower_
    gender = gender_of(name) if word in _HE or word in _SHE else None
    return gender is None or (gender == "m") == (word in _HE)


def speaker_of_line(mentions: MentionIndex, text: str, position: int) -> str | None:
    """The person whose name opens the transcript line around char ``position`` as its
    speaker ("Mamyrov: I was working in Novosibirsk ..."), or None."""
    line = text.rfind("\n", 0, position) + 1
    label = _SPEAKER.match(text, line)
    if label is None or not text[line : label.end()].rstrip().endswith(":"):
        return None
    named = mentions.people_in(line, label.end())
    return named[0][1] if named and named[0][0] == line else None


#: Where a Russian participle stands for the people it describes: "задержанным грозит",
#: "по местам проживания задержанных", "тюрьма для подозреваемых".
_NOMINAL = frozenset({"nsubj", "nsubjpass", "obj", "iobj", "obl", "nmod", "dative", "dobj", "pobj"})


def participle_for_people(token: Token) -> bool:
    """A Russian participle used as a noun ("задержанным грозит наказание", "тюрьма для
    подозреваемых в терроризме"): the people it describes, not an act or a clause of its
    own ("задержаны пятеро" is the act)."""
    morph = token.morph
    return (
        token.doc.lang_ == "ru"
        and morph.get("VerbForm", []) == ["Part"]
        and morph.get("Variant", []) != ["Short"]
        and token.dep_ in _NOMINAL
    )
