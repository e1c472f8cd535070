"""Words that tell of groups and of state bodies.

"the group", "the jihadi group" point back to a group named before; "banned its
activities" and "the group's emir" stand for the group itself; a court, a ministry,
an outlet or a platform is never a banned group, and a court is never a person.
"""

from __future__ import annotations

from spacy.tokens import Token

#: What a group does, banned in its name: "banned its activities".
GROUP_ACTS = frozenset("activity activities operation operations work functioning".split())


_ORG_WORDS = frozenset(
    "party movement union state group front court ministry committee service council army "
    "brigade organization organisation police forces agency office government".split()
)


#: Words naming state bodies, which ban groups but are not banned: "the Supreme Court".
_STATE_WORDS = frozenset(
    "court ministry government committee service police office agency council parliament "
    "prosecutor prosecutors procuracy collegium tribunal".split()
)


#: Nouns a text uses to refer back to a group it has named.
_GROUP_NOUNS = frozenset(
    "group organization organisation movement party network militia faction outfit".split()
)


#: Words for the kind of a group, not its name, that the small model may tag as names.
_GROUP_KINDS = frozenset(
    "jihadi jihadist islamist militant extremist terrorist terror rebel insurgent "
    "separatist radical armed banned".split()
)


def the_group(token: Token) -> bool:
    """ "the group", "the jihadi group", "this movement": a group told of before, unnamed here."""
    if token.lemma_.lower() not in _GROUP_NOUNS or token.ent_type_:
        return False
    dets = {c.lower_ for c in token.children if c.dep_ == "det"}
    # "the jihadi group": the small model tags the adjective a proper noun, but no name
    # ("the group, which fights to create an Islamic state": a clause says what it does)
    phrase = [
        t
        for c in token.children
        if c.dep_ not in ("relcl", "acl", "advcl", "punct")
        for t in c.subtree
    ]
    named = any(c.ent_type_ or (c.pos_ == "PROPN" and c.lower_ not in _GROUP_KINDS) for c in phrase)
    return bool(dets & {"the", "this", "that"}) and not named


#: Those who head a group, whose oath is an oath to the group: "the group's emir".
GROUP_HEADS = frozenset("emir amir leader chief head commander founder caliph".split())


def a_body(name: str) -> bool:
    """A court, ministry or other state body: never a person."""
    return bool({w.casefold() for w in name.split()} & _STATE_WORDS)


def not_a_group(name: str) -> bool:
    """A body that acts on groups (a court, a ministry), a news outlet or a platform, not a
    banned group."""
    from ..text.metadata import canonical_outlet, is_platform

    words = {w.casefold() for w in name.split()}
    if is_platform(name):
        return True  # "posted in a Telegram channel ... The group was banned": not Telegram
    return bool(words & _STATE_WORDS) or canonical_outlet(name) is not None or "/" in name


def looks_like(name: str, types: tuple[str, ...]) -> bool:
    """Whether a name the model typed otherwise can fill a role of ``types``.

    A person's name is two or three words with no organization word; an
    organization's name given as a person is at least two words.
    """
    words = name.split()
    if "PERSON" in types and 2 <= len(words) <= 3:
        return not any(w.lower() in _ORG_WORDS for w in words)
    return "ORG" in types and len(words) >= 2
