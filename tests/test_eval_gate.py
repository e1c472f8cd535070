"""Quality gate: F1 on the shared development set never falls below the pinned floors.

The floors in ``tests/eval_floors.json`` sit a margin below the figures reached
when they were pinned; ``scripts/eval-gate --update`` raises them and refuses to
lower them without ``--allow-regression``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kronika.evaluate.report import EvalReport, evaluate_dir
from kronika.settings import Settings

DEV_SET = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "dev"
FLOORS = Path(__file__).resolve().parent / "eval_floors.json"
#: Floors sit this far below the pinned figures.
MARGIN = 0.03
#: One event more or less on a type with few gold events (APPEAL has 2) moves its F1
#: by 0.1-0.3, so types with fewer than SMALL_TYPE gold events get SMALL_MARGIN.
SMALL_TYPE = 10
SMALL_MARGIN = 0.25


def figures(report: EvalReport) -> dict[str, float]:
    """Return the F1 figures the gate watches, keyed like the floors file."""
    out = {
        "events": report.events.f1,
        "arguments": report.arguments.f1,
        "claims": report.claims.f1,
    }
    out.update({f"events.{t}": c.f1 for t, c in report.events_by_type.items()})
    return out


def margins(report: EvalReport) -> dict[str, float]:
    """Return how far below each figure its floor is pinned (wider for small types)."""
    out = {key: MARGIN for key in ("events", "arguments", "claims")}
    for name, counts in report.events_by_type.items():
        small = counts.tp + counts.fn < SMALL_TYPE
        out[f"events.{name}"] = SMALL_MARGIN if small else MARGIN
    return out


def below_floors(current: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Return a line for each figure below its floor."""
    return [
        f"{key}: {current.get(key, 0.0):.3f} < {floor:.3f}"
        for key, floor in sorted(floors.items())
        if current.get(key, 0.0) < floor
    ]


@pytest.mark.model
def test_eval_gate_dev_set_stays_above_the_floors() -> None:
    if not (DEV_SET / "gold.jsonl").is_file():
        pytest.skip("shared/eval/dev is not beside this checkout")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))["f1"]
    report = evaluate_dir(DEV_SET, Settings())
    assert below_floors(figures(report), floors) == []


def test_below_floors_names_each_regression() -> None:
    assert below_floors({"events": 0.5, "claims": 0.8}, {"events": 0.6, "claims": 0.7}) == [
        "events: 0.500 < 0.600"
    ]


#: The other shared sets with floors of their own: the training set and the Russian set.
OTHER_SETS = ["train", "dev-ru"]


@pytest.mark.model
@pytest.mark.parametrize("name", OTHER_SETS)
def test_eval_gate_other_sets_stay_above_their_floors(name: str) -> None:
    folder = DEV_SET.parent / name
    if not (folder / "gold.jsonl").is_file():
        pytest.skip(f"shared/eval/{name} is not beside this checkout")
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[name]
    report = evaluate_dir(folder, Settings())
    assert below_floors(figures(report), floors) == []
