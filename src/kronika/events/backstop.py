"""A recall backstop: a sentence classifier for events no rule caught (off by default).

A linear model over the sentence's lemmas (names, places and numbers stand as
their kind: ``#PERSON``, ``#GPE``, ``#NUM``), unigrams and bigrams, fitted by
``scripts/train_backstop.py`` on the project's own invented examples only (the
paraphrase challenge suite and the rule files' ``examples``) and shipped as
``data/backstop/model.json``. It is loaded once per process, at the first
English sentence it is asked about.

Where it gives a type a probability of at least ``backstop_threshold`` in a
sentence where no rule told an event, no rule trigger of that type was seen
(a trigger the rules dropped as negated or planned stays dropped) and no rule
event of that type was told in the two sentences before, the sentence's word
that speaks most for the type stands as the trigger: the same non-event
checks apply to it (negated, requested, planned, habitual), and the generic
role fillers give the event its people, date and place; a type with a core
role needs a name or a count in it. The event carries :data:`CONFIDENCE`,
below any rule's, so it heads the review queue, and the rule name
``<TYPE>/backstop``. Measured on the evaluation sets it did not pay, so it is
off by default (``docs/rules.md`` has the figures).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

from spacy.tokens import Doc, Span, Token

from ..claims.stance import is_asserted
from ..errors import ConfigError
from ..model import Event
from ..settings import Settings
from .spans import doc_sents, sent_of
from .spec import EventSpec
from .told import Told

#: Confidence of a backstop event: below every rule-made event.
CONFIDENCE = 0.4
#: Entity kinds that stand for their words in the features.
_KINDS = frozenset("PERSON ORG GPE LOC FAC NORP DATE TIME CARDINAL".split())
#: Parts of speech a stand-in trigger may have.
_TRIGGER_POS = frozenset({"VERB", "NOUN"})
#: Sentences (this one and those before) in which a rule event of a type covers the type.
_NEAR = 3

Build = Callable[[EventSpec, Token], "Event | None"]


@dataclass(frozen=True, slots=True)
class SentenceModel:
    """Per-type logistic regression over sentence features."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: Mapping[str, tuple[float, ...]]

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Return each type's probability for a text with ``features``."""
        present = {f for f in features if f in self.weights}
        scale = 1.0 / math.sqrt(len(present)) if present else 0.0
        out = {}
        for k, label in enumerate(self.labels):
            z = self.bias[k] + scale * sum(self.weights[f][k] for f in present)
            out[label] = 1.0 / (1.0 + math.exp(-z))
        return out

    def weight(self, feature: str, label: str) -> float:
        """How much ``feature`` speaks for ``label`` (0 when the model does not know it)."""
        row = self.weights.get(feature)
        return row[self.labels.index(label)] if row is not None else 0.0


@cache
def load_model() -> SentenceModel:
    """Return the shipped sentence model (read once per process).

    Raises:
        ConfigError: the model file is missing or malformed.
    """
    path = files("kronika") / "data" / "backstop" / "model.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SentenceModel(
            labels=tuple(data["labels"]),
            bias=tuple(float(b) for b in data["bias"]),
            weights={f: tuple(float(w) for w in ws) for f, ws in data["weights"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ConfigError(
            f"{path}: backstop model unreadable ({err}); rerun scripts/train_backstop.py"
        ) from None


def token_feature(token: Token) -> str | None:
    """The feature a token stands as: its kind for a name or number, else its lemma."""
    if token.is_punct or token.is_space:
        return None
    if token.ent_type_ in _KINDS:
        return "#" + token.ent_type_
    if token.like_num:
        return "#NUM"
    return token.lemma_.lower()


def features(tokens: Iterable[Token]) -> list[str]:
    """Unigram and bigram features of a run of tokens (a name's words count once)."""
    words: list[str] = []
    for token in tokens:
        feature = token_feature(token)
        if feature is None or (feature.startswith("#") and words and words[-1] == feature):
            continue
        words.append(feature)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def backstop_events(
    doc: Doc,
    told: Sequence[Told],
    hits: Iterable[tuple[str, int]],
    specs: Mapping[str, EventSpec],
    settings: Settings,
    build: Build,
) -> list[Told]:
    """Lower-confidence events for sentences no rule told one in (none when the backstop is off).

    ``told`` are the rule events' mentions, ``hits`` the (type, trigger index) of
    every rule trigger seen, kept or dropped; ``build`` makes an event of a type
    from a trigger token with the generic role fillers.
    """
    if not settings.backstop or doc.lang_ != "en":
        return []
    sents = doc_sents(doc)
    number = {sent.start: n for n, sent in enumerate(sents)}
    places = [(t.event.type, number.get(t.sent_start, -_NEAR)) for t in told]
    covered = {n for _, n in places}
    # a type told by a rule in this sentence or the two before: the sentence goes on about it
    near = {(type_name, n + k) for type_name, n in places for k in range(_NEAR)}
    near |= {(type_name, number[sent_of(doc[i]).start]) for type_name, i in hits}
    model = load_model()
    found: list[Told] = []
    for n, sent in enumerate(sents):
        if n in covered:
            continue
        probs = model.probabilities(features(sent))
        for type_name, prob in sorted(probs.items(), key=lambda kv: -kv[1]):
            if prob < settings.backstop_threshold or type_name not in specs:
                break
            if (type_name, n) in near:
                continue
            event = _event(sent, type_name, specs[type_name], model, build)
            if event is not None:
                found.append(Told(sent.start, False, False, event))
    return found


def _event(
    sent: Span, type_name: str, spec: EventSpec, model: SentenceModel, build: Build
) -> Event | None:
    trigger = stand_in_trigger(sent, type_name, model)
    if trigger is None or not _asserted(trigger):
        return None
    event = build(spec, trigger)
    if event is None:
        return None
    core = spec.core
    if core is not None and not event.args.get(core) and "count" not in event.args:
        return None  # nobody named or counted: nothing a reader could check
    return replace(event, confidence=CONFIDENCE, rule=f"{type_name}/backstop")


def stand_in_trigger(sent: Span, type_name: str, model: SentenceModel) -> Token | None:
    """The verb (else the noun) of ``sent`` that speaks most for ``type_name``, if any does."""
    best: tuple[bool, float, Token] | None = None
    for token in sent:
        if token.pos_ not in _TRIGGER_POS or token.ent_type_:
            continue
        weight = model.weight(token.lemma_.lower(), type_name)
        rank = (token.pos_ == "VERB", weight)
        if weight > 0 and (best is None or rank > best[:2]):
            best = (*rank, token)
    return best[2] if best is not None else None


def _asserted(trigger: Token) -> bool:
    """The rules' non-event checks: not an adjective, negated, requested, planned or habitual."""
    if trigger.dep_ == "amod" or not is_asserted(trigger):
        return False
    # "militants attack prisons": the simple present tells a habit (titles aside, which rules catch)
    return not (trigger.pos_ == "VERB" and trigger.tag_ in ("VBP", "VBZ"))
