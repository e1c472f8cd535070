"""The words of a noun phrase that may hold the names it gives.

"the leaders of the party A and B" names A and B; "relatives of A", "Qosimov's four
students" and "Taliban-linked militants" do not name the people they are about: the
phrase's core leaves out clauses, prepositions and owners that tell of someone else.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..resolve.mentions import people_words

_CLAUSES = frozenset({"relcl", "acl", "advcl", "prep", "ccomp", "xcomp", "parataxis"})


KIN = frozenset("relative relatives family brother brothers father mother wife".split())


#: "members of X": X is the group they belong to, never one of the people.
MEMBERS = frozenset(
    "member supporter follower adherent sympathizer sympathiser affiliate recruit activist "
    "militant fighter functionary".split()
)


def _title_word(token: Token) -> bool:
    """A word written before a name to say who the person is: "critic", "Witness"."""
    return token.lower_ in people_words("titles") or token.lower_ in people_words("descriptions")


def core_tokens(token: Token) -> Iterator[Token]:
    """Yield ``token``'s subtree without relative clauses, prepositions and other clauses."""
    yield token
    for child in token.children:
        # "the leaders of the party A and B" names A and B; "relatives of A" does not
        keep_of = (
            child.lower_ == "of"
            and token.lemma_ not in KIN
            and token.lower_ not in KIN
            and (token.lemma_ not in MEMBERS or _member_of_parliament(child))
            # "Imran Qureshi, 26, of Stratford Road": where a named person is from
            and not (token.pos_ == "PROPN" and token.ent_type_ == "PERSON")
        )
        # "Qosimov's four students" are not Qosimov: a plural's owner is someone else, and
        # so is a relative's ("Nazarov's brother, Firdavs, was detained")
        kin = token.lemma_ in KIN or token.lower_ in KIN
        # ("Jehovah's Witness Arkady Solomin", "Putin's critic Alexei Navalny": whose the
        # title is, not the person)
        titled = any(
            t.dep_ == "compound" and t.i < token.i and _title_word(t) for t in token.subtree
        ) or (token.dep_ == "compound" and _title_word(token))
        # ("Askarov's co-defendant, Mamadzhan Sabirov": the one named after the noun)
        # (the model may type the name after it a group's: "associate, Dilshod Rasulov")
        named = any(
            c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN")
            for c in token.children
        )
        owner = child.dep_ == "poss" and (token.tag_ == "NNS" or kin or titled or named)
        # "an al-Qaeda-aligned faction", "Taliban-linked militants": whom they are tied to
        tied = child.dep_ == "amod" and child.tag_ == "VBN" and child.i < token.i
        if (child.dep_ not in _CLAUSES or keep_of) and not owner and not tied:
            yield from core_tokens(child)
        elif token.tag_ != "NNS" and (named_as := _named_as(child)) is not None:
            # (several people so named are read off the stretch after their noun, where
            # the model's types of their names matter less: see ``patients``)
            yield from core_tokens(named_as)


def _member_of_parliament(of: Token) -> bool:
    """ "former member of parliament X": the title, glued to the name it is told before."""
    return any(
        g.dep_ == "pobj" and any(c.lower_ == "parliament" for c in g.children if c.i < g.i)
        for g in of.children
    )


def _named_as(clause: Token) -> Token | None:
    """The name a participle clause gives: "a fifth, identified as X", "a suspect, named by
    police as X"."""
    if clause.dep_ not in ("acl", "relcl") or clause.tag_ != "VBN":
        return None
    if clause.lemma_ not in ("identify", "name"):
        return None
    for prep in clause.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None
