#!/usr/bin/env python3
"""Time cross-article entity resolution on synthetic entity sets (1,000 and 10,000 entities).

.venv/bin/python scripts/bench_resolve.py
"""

from __future__ import annotations

import random
import time

from kronika.resolve.aliases import load_aliases
from kronika.resolve.corpus import resolve_entities
from kronika.settings import Settings
from kronika.store.resolved import EntityRow

GIVEN = ["Umar", "Gulmurod", "Said", "Rustam", "Farrukh", "Bakyt", "Anvar", "Jahongir", "Ilhom"]
ROOTS = ["Halim", "Mirzo", "Kabir", "Nazar", "Qosim", "Rahim", "Saf", "Yaqub", "Karim", "Tosh"]
SUFFIX = ["ov", "ev", "zoda", "i"]


def synthetic(n: int, seed: int = 7) -> list[EntityRow]:
    """Return ``n`` PERSON rows: variant spellings of random given-name + surname pairs."""
    rnd = random.Random(seed)
    rows = []
    for i in range(n):
        surname = rnd.choice(ROOTS) + rnd.choice(SUFFIX) + str(rnd.randrange(n // 5 + 1))
        name = f"{rnd.choice(GIVEN)} {surname}"
        if rnd.random() < 0.3:
            name = name.replace("h", "kh").replace("q", "k")
        rows.append(EntityRow(i + 1, "PERSON", name, name.lower(), (), 1))
    return rows


def bench_resolve(sizes: tuple[int, ...] = (1_000, 10_000)) -> None:
    """Print the time resolve_entities takes for each size."""
    table = load_aliases(Settings())
    resolve_entities(synthetic(50), table, [])  # warm-up: alias and gazetteer data load once
    for size in sizes:
        rows = synthetic(size)
        started = time.perf_counter()
        clusters, links, _ = resolve_entities(rows, table, [])
        took = time.perf_counter() - started
        print(f"{size:>6,} entities: {took:6.2f} s ({len(links):,} merges)")


if __name__ == "__main__":
    bench_resolve()
