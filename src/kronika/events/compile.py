"""Compile event specs into spaCy matchers, once per (vocabulary, specs).

Trigger lemmas become one token ``Matcher`` pattern per type; dependency
patterns go into one ``DependencyMatcher`` keyed ``"<TYPE>/<pattern id>"``.
Matching is done per doc by spaCy (in Cython), not by Python loops over tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import RuleError
from .spec import EventSpec, PatternSpec


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the type, the pattern (None for a bare trigger) and token indices per node."""

    type: str
    pattern: PatternSpec | None
    nodes: dict[str, int]


class CompiledRules:
    """Matchers for a set of event specs over one vocabulary."""

    def __init__(self, vocab: Vocab, specs: tuple[EventSpec, ...]) -> None:
        self.specs = {s.type: s for s in specs}
        self._triggers = Matcher(vocab)
        self._deps = DependencyMatcher(vocab)
        self._patterns: dict[str, tuple[str, PatternSpec]] = {}
        for spec in specs:
            if spec.lemmas:
                attrs = {"LEMMA": {"IN": list(spec.lemmas)}, "POS": {"IN": list(spec.pos)}}
                self._triggers.add(spec.type, [[attrs]])
            for pattern in spec.patterns:
                key = f"{spec.type}/{pattern.id}"
                try:
                    self._deps.add(key, [list(pattern.match)])
                except ValueError as err:
                    where = ", ".join(spec.sources)
                    raise RuleError(f"{where}: pattern {pattern.id!r} is invalid: {err}") from None
                self._patterns[key] = (spec.type, pattern)

    def match(self, doc: Doc) -> list[Hit]:
        """Return every trigger and dependency-pattern hit in ``doc``."""
        vocab = doc.vocab
        hits = [
            Hit(vocab.strings[key], None, {"trigger": start})
            for key, start, _ in self._triggers(doc)
        ]
        for key, token_ids in self._deps(doc):
            type_name, pattern = self._patterns[vocab.strings[key]]
            nodes = {node["RIGHT_ID"]: i for node, i in zip(pattern.match, token_ids, strict=True)}
            hits.append(Hit(type_name, pattern, nodes))
        return hits


_CACHE: dict[tuple[int, int], tuple[Vocab, tuple[EventSpec, ...], CompiledRules]] = {}


def compile_rules(vocab: Vocab, specs: tuple[EventSpec, ...]) -> CompiledRules:
    """Return the compiled matchers for ``specs`` over ``vocab`` (built once, then cached)."""
    key = (id(vocab), id(specs))
    cached = _CACHE.get(key)
    # the cached objects are kept alive with the entry, so their ids cannot be reused
    if cached is not None and cached[0] is vocab and cached[1] is specs:
        return cached[2]
    rules = CompiledRules(vocab, specs)
    _CACHE[key] = (vocab, specs, rules)
    return rules
