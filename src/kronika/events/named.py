"""The entities an article's result lists: those the model named, and the courts,
agencies and places named only inside an event's arguments or a claim's claimant.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Claim, Entity, Event

#: Roles whose value names an organization or authority given as a phrase.
_NAMED_ROLES = {
    "court": "ORG",
    "agency": "ORG",
    "authority": "ORG",
    "from_country": "LOC",
    "to_country": "LOC",
}


def _named_in(events: list[Event], claims: list[Claim]) -> dict[str, str]:
    named: dict[str, str] = {}
    for event in events:
        for role, value in event.args.items():
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    named.setdefault(item, _NAMED_ROLES.get(role, ""))
        if event.location is not None:
            named.setdefault(event.location.name, "LOC")
    for claim in claims:
        if claim.claimant:
            named.setdefault(claim.claimant, "")
    return named


def with_argument_entities(
    entities: list[Entity], events: list[Event], claims: list[Claim]
) -> list[Entity]:
    """Every named entity, plus courts, agencies and places named only inside an argument."""
    forms = {n for ent in entities for n in (ent.name, *ent.aliases)}
    named = _named_in(events, claims)
    extra = [Entity(name, kind) for name, kind in named.items() if kind and name not in forms]
    return list(entities) + extra


def relevant_entities(
    entities: Sequence[Entity], events: Sequence[Event], claims: Sequence[Claim]
) -> list[Entity]:
    """The entities that matter to the article: people, and what its events and claims name.

    This is the annotation convention of evaluation sets; the knowledge base keeps them all.
    """
    named = set(_named_in(list(events), list(claims)))
    return [
        ent
        for ent in entities
        if ent.type == "PERSON" or not ent.mentions or {ent.name, *ent.aliases} & named
    ]
