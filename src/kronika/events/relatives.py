"""Who a relative pronoun stands for: "X, who was arrested", "X, whose escape ...".

The parser hangs a relative clause on the nearest noun; these read it back to the
person the clause is said of when that noun is someone else's lawyer or a group named
inside the person's description.
"""

from __future__ import annotations

from spacy.tokens import Token


def _person_before(who: Token, clause: Token) -> Token | None:
    """ "Lawyers for X, who was sentenced": X, though the model hung the clause on the lawyers.

    A "who" with a singular verb right after a named person stands for that person.
    """
    if who.lower_ != "who" or who.i < 2 or who.doc[who.i - 1].text != ",":
        return None
    named = who.doc[who.i - 2]
    if named.ent_type_ != "PERSON" or clause.head.ent_type_ == "PERSON" or clause.head == named:
        return None
    plural = ("were", "are", "have", "remain")
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in plural for c in clause.children):
        return None
    return named


def _group_before(start: Token) -> Token | None:
    """The last word of the group named right before ``start`` and its comma: "the Islamic
    Movement of Uzbekistan (IMU), which", "the party "Hizb ut-Tahrir", the activity of
    which" (an acronym in brackets and closing quotes passed over)."""
    doc = start.doc
    i = start.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    i -= 1
    if doc[i].text == ")" and i >= 3 and doc[i - 2].text == "(":
        i -= 3  # "(IMU)"
    while i >= 0 and doc[i].is_quote:
        i -= 1
    if i < 0 or doc[i].ent_type_ in ("PERSON", "GPE", "LOC", "NORP"):
        return None
    # (a name the model left untyped is a proper noun: "the Jaysh al-Muhajirin Brigade")
    return doc[i] if doc[i].ent_type_ == "ORG" or doc[i].pos_ == "PROPN" else None


def _group_named_before(which: Token, clause: Token) -> Token | None:
    """ "members of the Islamic Movement of Uzbekistan (IMU), which is banned": the group,
    though the model hung the clause on the common noun before it."""
    if which.lower_ != "which" or clause.head.pos_ != "NOUN":
        return None
    return _group_before(which)


def _person_described(who: Token, clause: Token) -> Token | None:
    """ "X, a supporter of Group 24, who was returned": X, though the model hung the clause
    on the group named inside X's description ("who" is said of people), whether the
    description is a noun or a participle ("described as a chief of the group")."""
    tok = clause.head
    if who.lower_ != "who" or tok.ent_type_ == "PERSON":
        return None
    while tok.dep_ in ("pobj", "prep", "agent"):
        tok = tok.head
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON" and tok != clause.head:
        return tok.head
    # ("X, described by a source as a logistics chief of the group, who was arrested")
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.ent_type_ == "PERSON":
        return tok.head
    return None


def antecedent_of_relative(token: Token) -> Token:
    """ "who" in "X, who was arrested" stands for X."""
    if token.tag_ == "WP$":
        # "X, whose escape was never explained": the relative clause's antecedent
        clause = next((a for a in token.ancestors if a.dep_ == "relcl"), None)
        return clause.head if clause is not None else token
    if token.lower_ == "which" and token.dep_ == "pobj" and token.head.lower_ == "of":
        # "Hizb ut-Tahrir, the activity of which is banned": the name before its phrase
        named = _group_before(token.head.head.left_edge)
        if named is not None:
            return named
    if token.tag_ in ("WP", "WDT") or token.lower_ == "that":
        clause = token.head
        if clause.dep_ == "relcl":
            return (
                _person_before(token, clause)
                or _person_described(token, clause)
                or _group_named_before(token, clause)
                or clause.head
            )
        if clause.dep_ == "conj" and clause.head.dep_ == "relcl":
            return clause.head.head
        if clause.dep_ == "ccomp" and clause.head.dep_ == "relcl" and token.lower_ == "who":
            # "X, who prosecutors say joined the group": the clause told inside a report
            return clause.head.head
    return token
