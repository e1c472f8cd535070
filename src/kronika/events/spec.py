"""Event types as data: load and validate ``data/events/*.yaml`` and the user's rule dirs.

A rule file declares one event type: its roles (value kind, entity types,
whether core, a normalizer and a role filler by registered name), its
trigger lemmas, spaCy ``DependencyMatcher`` patterns whose nodes name the
roles they fill, and worked examples. Built-in types and a user's
``--rules DIR`` go through this same loader; a user file whose ``type`` is
already known adds its patterns and triggers to that type.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from .. import registry
from ..errors import RuleError
from ..settings import Settings
from ..yamlfile import load_yaml

#: Value kinds a role may declare.
VALUE_KINDS = ("names", "name", "number", "flag", "phrases", "phrase")


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """One argument role of an event type."""

    name: str
    value: str
    entity: tuple[str, ...] = ()
    core: bool = False
    normalize: str | None = None
    fill: str | None = None


@dataclass(frozen=True, slots=True)
class PatternSpec:
    """One dependency pattern: its nodes and which node fills which role."""

    id: str
    match: tuple[dict[str, Any], ...]
    roles: dict[str, str]
    confidence: float = 0.8
    #: roles an event found only by this pattern must fill to be kept
    require: tuple[str, ...] = ()
    #: tells an act of the type going on ("a court remanded X in custody"): it counts only
    #: when the article tells no other event of the type about the same people
    continues: bool = False
    #: only adds to an event of the type told elsewhere ("the fugitives — A and B — dug a
    #: tunnel" names who escaped): dropped when it joins none
    adds: bool = False
    #: nodes that must be an armed group the gazetteer knows ("Boko Haram killed 30
    #: villagers"; "Police raided the house" is no attack)
    armed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EventSpec:
    """An event type: roles, trigger lemmas, dependency patterns and examples."""

    type: str
    description: str
    roles: dict[str, RoleSpec]
    lemmas: tuple[str, ...] = ()
    pos: tuple[str, ...] = ("VERB", "NOUN")
    nouns: tuple[str, ...] = ()
    supplements: tuple[str, ...] = ()
    patterns: tuple[PatternSpec, ...] = ()
    examples: tuple[dict[str, Any], ...] = ()
    require: tuple[str, ...] = ()
    sources: tuple[str, ...] = field(default=())
    #: one event per place of a list ("banned in Russia, Uzbekistan and Tajikistan")
    per_place: bool = False
    #: the act a charge or verdict names is told as done ("accused of attacking a patrol")
    charged: bool = False
    #: an act only a state does: with no place named, the country the text dwells on
    state_act: bool = False
    #: an act between two places, which its roles name (from_country, to_country): no
    #: location of its own
    unplaced: bool = False

    @property
    def core(self) -> str | None:
        """The name of the core role, or None when the type has none."""
        return next((r.name for r in self.roles.values() if r.core), None)


def load_specs(settings: Settings, language: str = "en") -> tuple[EventSpec, ...]:
    """Return the event types of ``language``: built-in rule files, then ``settings.rules_dirs``.

    English rules are the files in ``data/events/`` and in each rules directory; another
    language's are those in a subfolder named by its code (``data/events/ru/``, ``DIR/ru/``).

    Raises:
        RuleError: a rule file is unreadable or invalid (the message names file and key).
    """
    return _load(tuple(settings.rules_dirs), language)


def verb_lemmas(specs: tuple[EventSpec, ...]) -> frozenset[str]:
    """The lemmas an event's trigger takes as a verb: from the trigger lists of types
    triggered by verbs alone, and from every pattern whose trigger is a verb."""
    verbs = {lemma for spec in specs if spec.pos == ("VERB",) for lemma in spec.lemmas}
    return frozenset(verbs | _pattern_lemmas(specs, "VERB"))


def participle_lemmas(specs: tuple[EventSpec, ...]) -> frozenset[str]:
    """The lemmas of the patterns whose trigger is a participle told of someone ("задержанному
    в январе"): the dates in their clauses are theirs."""
    return frozenset(_pattern_lemmas(specs, "ADJ", only=True))


def _pattern_lemmas(specs: tuple[EventSpec, ...], pos: str, only: bool = False) -> set[str]:
    """The lemmas of the patterns whose trigger takes the part of speech ``pos`` (alone, with
    ``only``; else among others)."""
    found: set[str] = set()
    for spec in specs:
        for pattern in spec.patterns:
            attrs = pattern.match[0].get("RIGHT_ATTRS", {}) if pattern.match else {}
            told, lemma = attrs.get("POS"), attrs.get("LEMMA")
            among = isinstance(told, dict) and pos in told.get("IN", ()) and not only
            if told != pos and not among:
                continue
            if isinstance(lemma, str):
                found.add(lemma)
            elif isinstance(lemma, dict):
                found.update(str(x) for x in lemma.get("IN", ()))
    return found


@cache
def _load(rules_dirs: tuple[str, ...], language: str = "en") -> tuple[EventSpec, ...]:
    sub = "" if language == "en" else language
    builtin = Path(str(files("kronika") / "data" / "events")) / sub
    paths = sorted(builtin.glob("*.yaml"))
    for directory in rules_dirs:
        folder = Path(directory)
        if not folder.is_dir():
            raise RuleError(f"{folder}: rules directory not found (from the rules_dirs setting)")
        paths.extend(sorted((folder / sub).glob("*.yaml")))
    specs: dict[str, EventSpec] = {}
    for path in paths:
        spec = read_spec(path)
        specs[spec.type] = _combine(specs[spec.type], spec) if spec.type in specs else spec
    return tuple(specs.values())


def _combine(old: EventSpec, new: EventSpec) -> EventSpec:
    return EventSpec(
        type=old.type,
        description=old.description,
        roles={**old.roles, **new.roles},
        lemmas=old.lemmas + tuple(x for x in new.lemmas if x not in old.lemmas),
        pos=old.pos,
        nouns=old.nouns + tuple(x for x in new.nouns if x not in old.nouns),
        supplements=old.supplements + tuple(x for x in new.supplements if x not in old.supplements),
        patterns=old.patterns + new.patterns,
        examples=old.examples + new.examples,
        require=old.require,
        sources=old.sources + new.sources,
        per_place=old.per_place or new.per_place,
        charged=old.charged or new.charged,
        state_act=old.state_act or new.state_act,
        unplaced=old.unplaced or new.unplaced,
    )


def read_spec(path: str | Path) -> EventSpec:
    """Read and validate one rule file.

    Raises:
        RuleError: with the file, the key path and what to fix.
    """
    file = Path(path)
    try:
        data = load_yaml(file.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise RuleError(f"{file}: cannot read rule file: {err}") from None
    return parse_spec(data, str(file))


def parse_spec(data: Any, origin: str) -> EventSpec:
    """Validate a rule file's parsed YAML and return its :class:`EventSpec`."""
    if not isinstance(data, dict) or not isinstance(data.get("type"), str):
        raise RuleError(f"{origin}: a rule file is a mapping with a 'type' key (e.g. type: ARREST)")
    roles = {
        name: _role(name, raw, f"{origin}: roles.{name}")
        for name, raw in (data.get("roles") or {}).items()
    }
    triggers = data.get("triggers") or {}
    patterns = tuple(
        _pattern(raw, roles, f"{origin}: patterns[{i}]")
        for i, raw in enumerate(data.get("patterns") or ())
    )
    ids = [p.id for p in patterns]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise RuleError(f"{origin}: pattern ids must differ; used more than once: {twice}")
    return EventSpec(
        type=data["type"],
        description=str(data.get("description", "")),
        roles=roles,
        lemmas=tuple(str(x) for x in triggers.get("lemmas") or ()),
        pos=tuple(str(x) for x in triggers.get("pos") or ("VERB", "NOUN")),
        nouns=tuple(str(x) for x in triggers.get("nouns") or ()),
        supplements=tuple(str(x) for x in triggers.get("supplements") or ()),
        patterns=patterns,
        examples=tuple(data.get("examples") or ()),
        require=_require(data.get("require") or (), roles, origin),
        sources=(origin,),
        per_place=bool(data.get("per_place", False)),
        charged=bool(data.get("charged", False)),
        state_act=bool(data.get("state_act", False)),
        unplaced=bool(data.get("unplaced", False)),
    )


def _require(raw: Any, roles: dict[str, RoleSpec], origin: str) -> tuple[str, ...]:
    for name in raw:
        if name not in roles:
            raise RuleError(
                f"{origin}: require: role {name!r} is not declared under 'roles'. "
                f"Declared roles: {', '.join(roles)}."
            )
    return tuple(raw)


def _role(name: str, raw: Any, where: str) -> RoleSpec:
    if not isinstance(raw, dict):
        raise RuleError(f"{where}: a role is a mapping such as {{value: names, entity: [PERSON]}}")
    value = raw.get("value")
    if value not in VALUE_KINDS:
        raise RuleError(
            f"{where}.value: {value!r} is not a value kind. Known: {', '.join(VALUE_KINDS)}."
        )
    for key, kind in (("normalize", "normalizers"), ("fill", "role_fillers")):
        ref = raw.get(key)
        if ref is not None and ref not in registry.names(kind):
            known = ", ".join(sorted(registry.names(kind))) or "(none)"
            raise RuleError(f"{where}.{key}: unknown name {ref!r}. Known: {known}.")
    return RoleSpec(
        name=name,
        value=value,
        entity=tuple(raw.get("entity") or ()),
        core=bool(raw.get("core", False)),
        normalize=raw.get("normalize"),
        fill=raw.get("fill"),
    )


def _defined(where: str, node: object, nodes: list[Any]) -> None:
    """Raise unless ``node`` is one of the pattern's ``match`` nodes."""
    if node not in nodes:
        raise RuleError(
            f"{where}: node {node!r} is not defined in 'match'. "
            f"Defined nodes: {', '.join(str(n) for n in nodes)}."
        )


def _declared(where: str, role: object, roles: dict[str, RoleSpec]) -> None:
    """Raise unless ``role`` is declared under the file's ``roles``."""
    if role not in roles:
        raise RuleError(
            f"{where}: role {role!r} is not declared under 'roles'. "
            f"Declared roles: {', '.join(roles)}."
        )


#: Pattern keys whose values are words or labels, never true/false.
_WORD_KEYS = frozenset(
    "RIGHT_ID LEFT_ID REL_OP LOWER LEMMA TEXT ORTH NORM DEP POS TAG ENT_TYPE".split()
)


def _no_yaml_booleans(node: dict[str, Any], where: str) -> None:
    """Reject a word YAML read as true/false: unquoted on, off, yes, no in a pattern."""

    def check(key: str, value: Any) -> None:
        if isinstance(value, bool):
            raise RuleError(
                f"{where}.match: {key} holds {value}, which YAML reads from an unquoted "
                'on, off, yes or no; write the word in quotes, e.g. "on".'
            )
        if isinstance(value, dict):
            for op, inner in value.items():
                for item in inner if isinstance(inner, list) else [inner]:
                    check(f"{key}.{op}", item)

    for key, value in node.items():
        if key in _WORD_KEYS:
            check(key, value)
        elif key == "RIGHT_ATTRS" and isinstance(value, dict):
            for attr, inner in value.items():
                if attr in _WORD_KEYS:
                    check(attr, inner)


def _pattern(raw: Any, roles: dict[str, RoleSpec], where: str) -> PatternSpec:
    if not isinstance(raw, dict) or not isinstance(raw.get("match"), list) or not raw["match"]:
        raise RuleError(f"{where}: a pattern needs an id and a non-empty 'match' list")
    nodes = [n.get("RIGHT_ID") for n in raw["match"] if isinstance(n, dict)]
    if len(nodes) != len(raw["match"]) or nodes[0] != "trigger":
        raise RuleError(f"{where}.match: every node needs a RIGHT_ID; the first must be 'trigger'")
    for node in raw["match"]:
        _no_yaml_booleans(node, where)
    pattern_roles = dict(raw.get("roles") or {})
    for role, node in pattern_roles.items():
        _defined(f"{where}.roles.{role}", node, nodes)
        _declared(f"{where}.roles.{role}", role, roles)
    required = tuple(str(r) for r in raw.get("require") or ())
    for role in required:
        _declared(f"{where}.require", role, roles)
    armed = tuple(str(n) for n in raw.get("armed") or ())
    for node in armed:
        _defined(f"{where}.armed", node, nodes)
    return PatternSpec(
        id=str(raw.get("id", where)),
        match=tuple(raw["match"]),
        roles=pattern_roles,
        confidence=float(raw.get("confidence", 0.8)),
        require=required,
        continues=raw.get("continues") is True,
        adds=raw.get("adds") is True,
        armed=armed,
    )
