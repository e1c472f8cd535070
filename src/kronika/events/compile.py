"""Compile event specs into matchers, once per (vocabulary, specs).

Trigger lemmas become one single-token test per type; dependency patterns go into
one ``DependencyMatcher`` keyed ``"<TYPE>/<pattern id>"``. Matching runs only over
the sentences that hold an anchor word of some pattern: every hit lies inside one
dependency tree, so a sentence without any trigger word cannot hold one. The
tokens each trigger or pattern node may be are found by testing token columns
(``numpy`` over ``Doc.to_array``) rather than by spaCy's token ``Matcher``, which
runs every node pattern as a state machine over every token; the matches, and
their order, are the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import DEP, ENT_TYPE, IS_TITLE, LEMMA, LIKE_NUM, LOWER, ORTH, POS, TAG
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


#: Token attributes a node test reads as columns of ``Doc.to_array``, by pattern name.
_COLUMNS = {
    "LEMMA": LEMMA,
    "LOWER": LOWER,
    "ORTH": ORTH,
    "TEXT": ORTH,
    "POS": POS,
    "TAG": TAG,
    "DEP": DEP,
    "ENT_TYPE": ENT_TYPE,
    "IS_TITLE": IS_TITLE,
    "LIKE_NUM": LIKE_NUM,
}
_COLUMN_IDS = sorted(set(_COLUMNS.values()))

#: One condition of a node: (column, the values it may or may not take, whether it may not).
_Condition = tuple[int, frozenset[int], bool]


def _node_test(attrs: Mapping[str, Any], vocab: Vocab) -> tuple[_Condition, ...] | None:
    """A node's attributes as conditions on token columns; None when one is of a kind the
    columns cannot test (a regular expression, a morphological feature)."""
    conditions: list[_Condition] = []
    for name, value in sorted(attrs.items()):
        if name not in _COLUMNS:
            return None
        column = _COLUMN_IDS.index(_COLUMNS[name])
        if isinstance(value, bool):
            conditions.append((column, frozenset({int(value)}), False))
        elif isinstance(value, str):
            conditions.append((column, frozenset({vocab.strings.add(value)}), False))
        elif isinstance(value, Mapping) and len(value) == 1 and set(value) <= {"IN", "NOT_IN"}:
            ((op, values),) = value.items()
            if not all(isinstance(v, str) for v in values):
                return None
            hashes = frozenset(vocab.strings.add(v) for v in values)
            conditions.append((column, hashes, op == "NOT_IN"))
        else:
            return None
    return tuple(conditions)


class _TokenTests:
    """Single-token patterns run as tests on token columns (``numpy`` over ``Doc.to_array``),
    each test once for every key that makes it; a pattern of another kind (a regular
    expression, a morphological feature) goes through a token ``Matcher``."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.tests: dict[tuple[_Condition, ...], list[int]] = {}
        self.rest = Matcher(vocab)

    def add(self, key: int, attrs: Mapping[str, Any]) -> None:
        """Add the one-token pattern ``attrs`` under ``key``."""
        test = _node_test(attrs, self.vocab)
        if test is None:
            self.rest.add(key, [[dict(attrs)]])
        else:
            self.tests.setdefault(test, []).append(key)

    def positions(self, doc: Doc, parts: list[Span]) -> list[tuple[list[int], list[int]]]:
        """The tokens of ``parts`` each test holds for, in order, with the keys that make it."""
        rows = numpy.concatenate(
            [numpy.arange(part.start, part.end) for part in parts] or [numpy.zeros(0, int)]
        )
        found: list[tuple[list[int], list[int]]] = []
        if not len(rows):
            return found
        table = doc.to_array(_COLUMN_IDS)[rows]
        # the values each column takes here: most nodes ask for a word the text lacks
        present = [set(numpy.unique(table[:, c]).tolist()) for c in range(len(_COLUMN_IDS))]
        tested: dict[tuple[int, frozenset[int]], Any] = {}
        for test, node_keys in self.tests.items():
            if any(not negated and present[c].isdisjoint(v) for c, v, negated in test):
                continue
            ok = None
            for column, values, negated in test:
                here = present[column].intersection(values)
                key = (column, frozenset(here))
                hit = tested.get(key)
                if hit is None:
                    hit = tested[key] = _equal_to_any(table[:, column], here)
                hit = ~hit if negated else hit
                ok = hit if ok is None else ok & hit
            positions = rows[ok].tolist() if ok is not None else rows.tolist()
            if positions:
                found.append((positions, node_keys))
        if len(self.rest):
            rest: dict[int, list[int]] = defaultdict(list)
            for part in parts:
                for node_key, start, _end in self.rest(part):
                    rest[node_key].append(part.start + start)
            found.extend((positions, [node_key]) for node_key, positions in rest.items())
        return found


class _SentenceDependencyMatcher(DependencyMatcher):
    """A DependencyMatcher that finds its token candidates only inside given sentences,
    testing each node's attributes on the doc's token columns at once.

    spaCy's ``__call__`` accepts a Span only by copying it into a new Doc; overriding the
    candidate step instead keeps every index relative to the whole doc. spaCy finds each
    node's tokens with a token ``Matcher`` that runs every node pattern as a state machine
    over every token; a node that only asks for words, tags, labels and entity types is
    the same test as a few ``numpy.isin`` over ``Doc.to_array``, which is what this does
    (a node of another kind still goes through a ``Matcher``).
    """

    def __init__(self, vocab: Vocab) -> None:
        super().__init__(vocab)
        self.sentences: list[Span] | None = None
        self._nodes = _TokenTests(vocab)  # the internal keys of the nodes, by their test

    def add(self, key: str | int, patterns: list[list[dict[str, Any]]], **kwargs: Any) -> None:
        node_keys_of: Any = self._tokens_to_key  # the node keys of each pattern, by its key
        normal = self.vocab.strings.add(key) if isinstance(key, str) else key
        before = len(node_keys_of[normal])
        super().add(key, patterns, **kwargs)
        added = node_keys_of[normal][before:]
        for pattern, node_keys in zip(patterns, added, strict=True):
            for node, node_key in zip(pattern, node_keys, strict=True):
                self._nodes.add(node_key, node["RIGHT_ATTRS"])

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:  # type: ignore[override]
        """spaCy's matching loop, trying a pattern on a tree only when every one of its
        nodes has a candidate token there (most patterns have none in most sentences)."""
        maps = self._get_keys_to_position_maps(doc)
        cache: dict[Any, Any] = {}
        found: list[tuple[int, list[int]]] = []
        trees: Any = self._tree
        node_keys_of: Any = self._tokens_to_key
        keys: Any = self._patterns
        pairs: Any = self._get_matches  # type: ignore[attr-defined]  # (spaCy's, untyped)
        for key in keys:
            for tree, node_keys in zip(trees[key], node_keys_of[key], strict=True):
                for positions in maps.values():
                    if any(k not in positions for k in node_keys):
                        continue
                    for nodes in pairs(cache, doc, tree, node_keys, positions):
                        found.append((key, nodes))
        return found

    def _get_keys_to_position_maps(self, doc: Doc) -> Any:
        parts = [doc[:]] if self.sentences is None else self.sentences
        found = self._nodes.positions(doc, parts)
        # the same grouping spaCy does (by tree root, then node), roots in the order of
        # their first candidate token, each node's tokens in order
        maps: Any = defaultdict(lambda: defaultdict(list))
        roots: dict[int, int] = {}
        for index in sorted({i for positions, _ in found for i in positions}):
            maps[_root_of(doc, index, roots)]  # noqa: B018 (inserts the root in order)
        for positions, node_keys in found:
            by_root: dict[int, list[int]] = defaultdict(list)
            for index in positions:
                by_root[roots[index]].append(index)
            # one list for every node of the same test: the matching loop only reads them
            for root, indices in by_root.items():
                for node_key in node_keys:
                    maps[root][node_key] = indices
        return maps


def _equal_to_any(column: Any, values: set[int]) -> Any:
    """Which of ``column``'s entries are one of ``values`` (a few, all present in it)."""
    if not values:
        return numpy.zeros(len(column), dtype=bool)
    if len(values) == 1:
        return column == next(iter(values))
    return numpy.isin(column, numpy.fromiter(values, dtype=numpy.uint64))


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
        self._triggers = _TokenTests(vocab)
        self._trigger_order: dict[int, int] = {}
        self._deps = _SentenceDependencyMatcher(vocab)
        self._patterns: dict[str, tuple[str, PatternSpec]] = {}
        anchors: dict[str, set[str]] | None = {"LEMMA": set(), "LOWER": set(), "ORTH": set()}
        for spec in specs:
            if spec.lemmas:
                attrs = {"LEMMA": {"IN": list(spec.lemmas)}, "POS": {"IN": list(spec.pos)}}
                self._add_trigger(vocab.strings.add(spec.type), attrs)
                if anchors is not None:
                    anchors["LEMMA"].update(spec.lemmas)
            nouns = spec.nouns + spec.supplements
            if nouns:
                # nominal triggers ("the extradition of X", "his release"): their people
                # are found by the generic patient/agent reading of a noun
                nominal = {"LEMMA": {"IN": list(nouns)}, "POS": "NOUN"}
                self._add_trigger(vocab.strings.add(spec.type), nominal)
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

    def _add_trigger(self, key: int, attrs: Mapping[str, Any]) -> None:
        self._trigger_order.setdefault(key, len(self._trigger_order))
        self._triggers.add(key, attrs)

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
        parts = [doc[:]] if sentences is None else sentences
        # as a token Matcher gives them: once each, by token, then in the order of the rules
        triggers = sorted(
            {
                (i, self._trigger_order[key], key)
                for positions, keys in self._triggers.positions(doc, parts)
                for key in keys
                for i in positions
            }
        )
        hits = [Hit(vocab.strings[key], None, {"trigger": i}) for i, _, key in triggers]
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
