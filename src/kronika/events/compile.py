"""Compile event specs into spaCy matchers, once per (vocabulary, specs).

Trigger lemmas become one token ``Matcher`` pattern per type; dependency
patterns go into one ``DependencyMatcher`` keyed ``"<TYPE>/<pattern id>"``.
Matching is done by spaCy (in Cython), not by Python loops over tokens, and only
over the sentences that hold an anchor word of some pattern: every hit lies inside
one dependency tree, so a sentence without any trigger word cannot hold one, and
the matchers' per-token work over the rest of the doc is saved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..errors import RuleError
from .spec import EventSpec, PatternSpec


@dataclass(frozen=True, slots=True)
class Hit:
    """One match: the type, the pattern (None for a bare trigger) and token indices per node."""

    type: str
    pattern: PatternSpec | None
    nodes: dict[str, int]


def _anchor_values(attrs: Mapping[str, Any]) -> tuple[str, list[str]] | None:
    """The attribute and the values a node must have ("LEMMA", [...]), if it fixes one."""
    for name in ("LEMMA", "LOWER", "ORTH", "TEXT"):
        value = attrs.get(name)
        if isinstance(value, str):
            return name, [value]
        if isinstance(value, Mapping) and set(value) == {"IN"} and isinstance(value["IN"], list):
            if all(isinstance(v, str) for v in value["IN"]):
                return name, list(value["IN"])
    return None


class _SentenceDependencyMatcher(DependencyMatcher):
    """A DependencyMatcher that finds its token candidates only inside given sentences.

    spaCy's ``__call__`` accepts a Span only by copying it into a new Doc; overriding the
    candidate step instead keeps every index relative to the whole doc.
    """

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        self.sentences: list[Span] | None = None

    def _get_keys_to_position_maps(self, doc: Doc) -> Any:
        if self.sentences is None:
            return super()._get_keys_to_position_maps(doc)  # type: ignore[misc]
        # the same grouping spaCy does (by tree root, then token pattern), sentence by sentence
        maps: Any = defaultdict(lambda: defaultdict(list))
        roots: dict[int, int] = {}
        for sent in self.sentences:
            for match_id, start, _end in self._matcher(sent):
                index = sent.start + start
                maps[_root_of(doc, index, roots)][match_id].append(index)
        return maps


def _root_of(doc: Doc, index: int, roots: dict[int, int]) -> int:
    """The index of the root of the tree holding token ``index``, remembered in ``roots``
    for every token on the way up (many matches share a sentence's tree)."""
    path = []
    while index not in roots:
        path.append(index)
        head = doc[index].head.i
        if head == index:
            roots[index] = index
            break
        index = head
    root = roots[index]
    for step in path:
        roots[step] = root
    return root


class CompiledRules:
    """Matchers for a set of event specs over one vocabulary."""

    def __init__(self, vocab: Vocab, specs: tuple[EventSpec, ...]) -> None:
        self.specs = {s.type: s for s in specs}
        self._triggers = Matcher(vocab)
        self._deps = _SentenceDependencyMatcher(vocab)
        self._patterns: dict[str, tuple[str, PatternSpec]] = {}
        anchors: dict[str, set[str]] | None = {"LEMMA": set(), "LOWER": set(), "ORTH": set()}
        for spec in specs:
            if spec.lemmas:
                attrs = {"LEMMA": {"IN": list(spec.lemmas)}, "POS": {"IN": list(spec.pos)}}
                self._triggers.add(spec.type, [[attrs]])
                if anchors is not None:
                    anchors["LEMMA"].update(spec.lemmas)
            nouns = spec.nouns + spec.supplements
            if nouns:
                # nominal triggers ("the extradition of X", "his release"): their people
                # are found by the generic patient/agent reading of a noun
                nominal = {"LEMMA": {"IN": list(nouns)}, "POS": "NOUN"}
                self._triggers.add(spec.type, [[nominal]])
                if anchors is not None:
                    anchors["LEMMA"].update(nouns)
            for pattern in spec.patterns:
                anchors = _add_anchor(anchors, pattern.match)
                key = f"{spec.type}/{pattern.id}"
                try:
                    self._deps.add(key, [list(pattern.match)])
                except ValueError as err:
                    where = ", ".join(spec.sources)
                    raise RuleError(f"{where}: pattern {pattern.id!r} is invalid: {err}") from None
                self._patterns[key] = (spec.type, pattern)

        # None: some pattern fixes no word, so every sentence must be searched
        self._anchors = None if anchors is None else _hashes(vocab, anchors)

    def candidate_sentences(self, doc: Doc) -> list[Span] | None:
        """The sentences holding an anchor word of some rule (None: search the whole doc)."""
        if self._anchors is None or not doc.has_annotation("SENT_START"):
            return None
        found = numpy.zeros(len(doc), dtype=bool)
        if len(doc):
            table = doc.to_array([LEMMA, LOWER, ORTH])
            for column, values in enumerate(self._anchors):
                if len(values):
                    found |= numpy.isin(table[:, column], values)
        return [sent for sent in doc.sents if found[sent.start : sent.end].any()]

    def match(self, doc: Doc) -> list[Hit]:
        """Return every trigger and dependency-pattern hit in ``doc``."""
        vocab = doc.vocab
        sentences = self.candidate_sentences(doc)
        parts: Iterable[Doc | Span] = [doc] if sentences is None else sentences
        hits = [
            Hit(vocab.strings[key], None, {"trigger": part[start].i})
            for part in parts
            for key, start, _ in self._triggers(part)
        ]
        if sentences is not None and not sentences:
            return hits
        self._deps.sentences = sentences
        try:
            found = self._deps(doc)
        finally:
            self._deps.sentences = None
        for key, token_ids in found:
            type_name, pattern = self._patterns[vocab.strings[key]]
            nodes = {node["RIGHT_ID"]: i for node, i in zip(pattern.match, token_ids, strict=True)}
            hits.append(Hit(type_name, pattern, nodes))
        return hits


def _add_anchor(
    anchors: dict[str, set[str]] | None, match: Iterable[Mapping[str, Any]]
) -> dict[str, set[str]] | None:
    """Add the words one node of ``match`` must have; None when no node fixes a word."""
    if anchors is None:
        return None
    for node in match:
        fixed = _anchor_values(node.get("RIGHT_ATTRS", {}))
        if fixed is not None:
            anchors[_attr_column(fixed[0])].update(fixed[1])
            return anchors
    return None


def _attr_column(name: str) -> str:
    return "ORTH" if name == "TEXT" else name


def _hashes(vocab: Vocab, anchors: dict[str, set[str]]) -> list[Any]:
    """The anchor words as arrays of string hashes, in the column order LEMMA, LOWER, ORTH."""
    return [
        numpy.array(sorted(vocab.strings.add(w) for w in anchors[name]), dtype=numpy.uint64)
        for name in ("LEMMA", "LOWER", "ORTH")
    ]


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
