#!/usr/bin/env python3
"""Train the recall backstop's sentence model and write it into the package.

The training texts are the project's own invented examples, and nothing else:
the paraphrase challenge suite (``data/challenge/*.jsonl``: each item labelled
with the types of the events it holds, negatives with none) and the
``examples`` of the English rule files (an example that expects an event is a
positive of its file's type; one that expects none says only that its file's
type is absent). Evaluation sets are never read. Training is deterministic:
running this twice writes the same file.

    python scripts/train_backstop.py          # writes src/kronika/data/backstop/model.json
    python scripts/train_backstop.py --check  # exit 1 unless the shipped model is what it gives
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kronika.evaluate.gold import challenge_dir, read_challenge  # noqa: E402
from kronika.events.backstop import features  # noqa: E402
from kronika.events.backstop_fit import Example, fit  # noqa: E402
from kronika.events.spec import load_specs  # noqa: E402
from kronika.nlp.build import build_nlp  # noqa: E402
from kronika.settings import Settings  # noqa: E402

MODEL = ROOT / "src" / "kronika" / "data" / "backstop" / "model.json"


def training_texts() -> list[tuple[str, frozenset[str], frozenset[str] | None]]:
    """(text, types it tells, types it speaks of or None for all) for every training text."""
    out: list[tuple[str, frozenset[str], frozenset[str] | None]] = []
    for item in read_challenge(challenge_dir()):
        out.append((item.text, frozenset(e.type for e in item.events), None))
    for spec in load_specs(Settings()):
        for example in spec.examples:
            told = frozenset() if example.get("expect") is None else frozenset({spec.type})
            out.append((str(example["text"]), told, frozenset({spec.type})))
    return out


def train() -> dict[str, object]:
    """Parse the training texts with kronika's own pipeline and fit the model."""
    labels = sorted(spec.type for spec in load_specs(Settings()))
    texts = training_texts()
    nlp = build_nlp(Settings())
    examples = [
        Example(tuple(features(doc)), told, known or frozenset(labels))
        for doc, (_, told, known) in zip(nlp.pipe([t for t, _, _ in texts]), texts, strict=True)
    ]
    return fit(examples, labels)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped model")
    args = parser.parse_args()
    text = json.dumps(train(), sort_keys=True, separators=(",", ":")) + "\n"
    if args.check:
        same = MODEL.is_file() and MODEL.read_text(encoding="utf-8") == text
        print("the shipped model is up to date" if same else f"{MODEL} differs from training")
        return 0 if same else 1
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    MODEL.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL} ({len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
