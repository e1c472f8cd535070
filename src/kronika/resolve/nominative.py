"""Give an inflected language's entities their nominative names, keeping the text's forms.

Russian declines names: one person is "Муродов", "Муродова", "Муродову" in one article.
The parser hands over each surface form's nominative (``forms``); here entities whose
nominatives agree become one, a lone surname joins the full name it ends or starts,
the surface forms stay as aliases and mentions, and every event argument, place and
claimant is renamed to match.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import ArgValue, ArticleResult, Claim, Entity, Event


def in_nominative(result: ArticleResult, forms: dict[str, str]) -> ArticleResult:
    """``result`` with its entities named in the nominative (``forms``: surface → nominative)."""
    merged: dict[tuple[str, str], Entity] = {}
    rename: dict[str, str] = {}
    ordered = sorted(result.entities, key=lambda e: -len(forms.get(e.name, e.name).split()))
    for ent in ordered:
        name = _owner(forms.get(ent.name, ent.name), ent.type, merged)
        key = (ent.type, name)
        surface = [ent.name, *ent.aliases]
        for form in surface:
            rename[form] = name
        known = merged.get(key)
        aliases = [*(known.aliases if known else ()), *surface]
        mentions = (*(known.mentions if known else ()), *ent.mentions)
        merged[key] = Entity(
            name=name,
            type=ent.type,
            aliases=tuple(dict.fromkeys(a for a in aliases if a != name)),
            mentions=tuple(sorted(mentions, key=lambda m: m.start)),
            place=ent.place or (known.place if known else None),
        )
    for form, nominative in forms.items():
        rename.setdefault(form, nominative)
    entities = sorted(merged.values(), key=lambda e: min((m.start for m in e.mentions), default=0))
    return replace(
        result,
        entities=tuple(entities),
        events=tuple(_rename_event(e, rename) for e in result.events),
        claims=tuple(_rename_claim(c, rename) for c in result.claims),
    )


def _owner(name: str, kind: str, merged: dict[tuple[str, str], Entity]) -> str:
    """A one-word person name joins the full name it ends or starts ("Самиев")."""
    if kind != "PERSON" or " " in name:
        return name
    for other_kind, full in merged:
        words = full.split()
        if other_kind == "PERSON" and len(words) > 1 and name in (words[0], words[-1]):
            return full
    return name


def _rename_value(value: ArgValue, rename: dict[str, str]) -> ArgValue:
    if isinstance(value, str):
        return rename.get(value, value)
    if isinstance(value, list):
        return list(dict.fromkeys(rename.get(v, v) if isinstance(v, str) else v for v in value))
    return value


def _rename_event(event: Event, rename: dict[str, str]) -> Event:
    args = {role: _rename_value(value, rename) for role, value in event.args.items()}
    location = event.location
    if location is not None and location.name in rename:
        location = replace(location, name=rename[location.name])
    return replace(event, args=args, location=location)


def _rename_claim(claim: Claim, rename: dict[str, str]) -> Claim:
    claimant = rename.get(claim.claimant, claim.claimant) if claim.claimant else claim.claimant
    return replace(claim, claimant=claimant)
