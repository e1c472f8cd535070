"""A pipeline component that mends names the small model cuts short.

"the Youth Movement of Central Asia" comes out as ORG "the Youth Movement of" and
LOC "Central Asia": a name that ends in a preposition is not whole, and the name
told right after it is its end. The two become one organization. "Kanybek
Osmonaliev" comes out as PERSON "Kanybek" and an untagged word: a capitalized word
with a family name's ending right after a one-word person is the family name. A
name that runs on into the words after it ("sentenced Ulan Asanov to" as ORG) ends
at its last capitalized word, and a run of given and family names so cut is a person.
Two people the model took for one name ("Bobur Nazarov and Ilhom Saidov") are two.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..resolve.mentions import people_words

#: Component name in the pipeline (also its factory name).
NAME_MENDER = "kronika_names"
#: Words a cut name may end in: "Movement of", "Committee for".
_JOINING = frozenset({"of", "for"})
_WHOLE = frozenset({"ORG", "GPE", "LOC", "FAC", "NORP"})


@Language.component(NAME_MENDER)
def mend_names(doc: Doc) -> Doc:
    """Join an ORG ending in "of"/"for" with the name that follows it on the same line."""
    ents = list(doc.ents)
    out: list[Span] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        nxt = ents[i + 1] if i + 1 < len(ents) else None
        cut = ent.label_ == "ORG" and ent[-1].lower_ in _JOINING
        if cut and nxt is not None and nxt.start == ent.end and nxt.label_ in _WHOLE:
            out.append(Span(doc, ent.start, nxt.end, label="ORG"))
            i += 2
            continue
        out.append(ent)
        i += 1
    changed = len(out) != len(ents)
    split: list[Span] = []
    for ent in out:
        parts = _two_people(ent)
        split.extend(parts or [ent])
        changed = changed or bool(parts)
    out = split
    for i, ent in enumerate(out):
        end = ent.end
        while end - ent.start > 1 and _trailing(doc[end - 1]):
            end -= 1
        if end != ent.end:
            label = "PERSON" if _person_name(doc[ent.start : end]) else ent.label_
            out[i] = ent = Span(doc, ent.start, end, label=label)
            changed = True
        if ent.label_ in ("PERSON", "ORG") and len(ent) == 1 and _family_name(doc, ent.end):
            # "Kanat Imanaliev" as ORG "Kanat" and an untagged word: a person
            out[i] = ent = Span(doc, ent.start, ent.end + 1, label="PERSON")
            changed = True
        if ent.label_ == "PERSON" and len(ent) == 1 and _given_name(doc, ent.start - 1):
            # "Akmal Tursunov" as an untagged word and PERSON "Tursunov"
            out[i] = Span(doc, ent.start - 1, ent.end, label="PERSON")
            changed = True
    for i, ent in enumerate(out):
        if ent.label_ != "DATE" and len(ent) == 1 and _NUMERIC_DATE.fullmatch(ent.text):
            # "On 23/08/2016, gunmen ...": a date written in figures, whatever the model said
            out[i] = Span(doc, ent.start, ent.end, label="DATE")
            changed = True
    if changed:
        doc.ents = out
    return doc


#: A date written in figures: "23/08/2016", "08/23/2016", "2016-08-23", "23.08.2016".
_NUMERIC_DATE = re.compile(
    r"(?:0?[1-9]|[12]\d|3[01])([/.])(?:0?[1-9]|[12]\d|3[01])\1(?:19|20)\d\d"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
)


def _two_people(ent: Span) -> list[Span]:
    """ "Bobur Nazarov and Ilhom Saidov" taken for one name: the two people it joins."""
    joint = next((t for t in ent[1:-1] if t.lower_ == "and"), None)
    if joint is None:
        return []
    doc = ent.doc
    left, right = doc[ent.start : joint.i], doc[joint.i + 1 : ent.end]
    if not (_person_name(left) and _person_name(right)):
        return []
    return [
        Span(doc, left.start, left.end, label="PERSON"),
        Span(doc, right.start, right.end, label="PERSON"),
    ]


def _family_name(doc: Doc, i: int) -> bool:
    """Whether the untagged word at ``i`` is a family name ("Osmonaliev")."""
    if i >= len(doc) or doc[i].ent_type_ or doc[i].pos_ != "PROPN" or not doc[i].is_title:
        return False
    word = doc[i].lower_
    return len(word) > 4 and word.endswith(tuple(people_words("surname_endings")))


def _given_name(doc: Doc, i: int) -> bool:
    """Whether the untagged word at ``i``, before a one-word person with a family name's
    ending, is that person's given name ("Akmal" in "Akmal Tursunov")."""
    if i < 0 or doc[i].ent_type_ or doc[i].pos_ != "PROPN" or not doc[i].is_title:
        return False
    if doc[i].lower_ in people_words("titles") or len(doc[i]) < 3:
        return False
    if i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].is_title:
        return False  # a longer run ("Tashkent City Akmal ..."): not a given name alone
    family = doc[i + 1].lower_
    return len(family) > 4 and family.endswith(tuple(people_words("surname_endings")))


#: Parts of speech a name never ends in: "Asanov to", "Committee and".
_FUNCTION = frozenset({"ADP", "CCONJ", "DET", "PART", "PUNCT", "SCONJ"})


def _trailing(token: Token) -> bool:
    """A lower-case function word a name cannot end in."""
    return token.pos_ in _FUNCTION and token.text[:1].islower()


def _person_name(span: Span) -> bool:
    """Given and family names: capitalized proper nouns, the last with a family ending."""
    endings = tuple(people_words("surname_endings"))
    return (
        len(span) >= 2
        and all(t.pos_ == "PROPN" and t.is_title for t in span)
        and span[-1].lower_.endswith(endings)
    )
