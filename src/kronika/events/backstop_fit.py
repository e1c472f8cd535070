"""Fitting the backstop's sentence model: one-vs-rest logistic regression over features.

Pure and deterministic: full-batch gradient descent from zero weights, a fixed
number of steps, features in sorted order, nothing random. The same examples
give the same model, byte for byte, wherever it is run (``scripts/train_backstop.py``).
An example may leave a type unknown (a rule file's "no event of this type"
example says nothing about the other types): unknown labels add no loss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

#: Gradient steps, step size and L2 penalty of the fit.
STEPS = 3000
RATE = 4.0
L2 = 1e-4
#: A feature seen in fewer training examples than this is left out of the model.
MIN_COUNT = 2
#: Decimals kept in the shipped weights (the file stays small and diffable).
DECIMALS = 4


@dataclass(frozen=True, slots=True)
class Example:
    """One training text's features and what it says about each type.

    ``positive`` are the types it tells; ``known`` the types it says something
    about (told or not told). A type outside ``known`` adds no loss.
    """

    features: tuple[str, ...]
    positive: frozenset[str]
    known: frozenset[str]


def vectorize(features: Sequence[str], index: dict[str, int]) -> dict[int, float]:
    """The sparse, length-normalized presence vector of ``features`` over ``index``."""
    present = sorted({index[f] for f in features if f in index})
    if not present:
        return {}
    weight = 1.0 / float(np.sqrt(len(present)))
    return dict.fromkeys(present, weight)


def fit(examples: Sequence[Example], labels: Sequence[str]) -> dict[str, Any]:
    """Return the model (labels, bias, per-feature weights) fitted to ``examples``."""
    counts = Counter(f for ex in examples for f in set(ex.features))
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(examples), len(vocab)))
    y = np.zeros((len(examples), len(labels)))
    mask = np.zeros((len(examples), len(labels)))
    for row, ex in enumerate(examples):
        for col, value in vectorize(ex.features, index).items():
            x[row, col] = value
        for k, label in enumerate(labels):
            y[row, k] = 1.0 if label in ex.positive else 0.0
            mask[row, k] = 1.0 if label in ex.known else 0.0
    weights = np.zeros((len(vocab), len(labels)))
    bias = np.zeros(len(labels))
    seen = np.maximum(mask.sum(axis=0), 1.0)
    for _ in range(STEPS):
        prob = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
        error = (prob - y) * mask / seen
        weights -= RATE * (x.T @ error + L2 * weights)
        bias -= RATE * error.sum(axis=0)
    return {
        "labels": list(labels),
        "bias": [round(float(b), DECIMALS) for b in bias],
        "weights": {f: [round(float(w), DECIMALS) for w in weights[i]] for f, i in index.items()},
    }
