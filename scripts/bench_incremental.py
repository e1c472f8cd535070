#!/usr/bin/env python3
"""Time adding 10 articles to an empty store against adding them to a store of 20,000.

The large store is built synthetically: the dev articles are run through the
pipeline once, and their results are written again and again under new input
hashes with made-up names for people and organisations and a date per story
(each story told by ten articles), then resolved once. The 10 new articles are then ingested by a
fresh ``kronika ingest`` process into a copy of each store, as a user would.

    python scripts/bench_incremental.py              # 20,000 articles: a few minutes to build
    python scripts/bench_incremental.py --store 2000
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from bench import corpus_texts, write_corpus  # noqa: E402

from kronika.model import ArticleResult, Entity, Event, InputResult, RawInput  # noqa: E402
from kronika.settings import Settings  # noqa: E402


def _word(n: int) -> str:
    """A pronounceable suffix per number: 0 → "ba", 27 → "cebe"."""
    consonants, vowels = "bcdfgklmnprstvz", "aeiou"
    out = ""
    while True:
        n, r = divmod(n, len(consonants) * len(vowels))
        out += consonants[r // len(vowels)] + vowels[r % len(vowels)]
        if n == 0:
            return out


def _rename(entity: Entity, group: int, k: int) -> str:
    """A made-up name for the ``k``-th entity of an article in ``group``; places stay real."""
    if entity.type == "PERSON":
        return f"{_word(group * 31 + k).title()} {_word(group * 17 + k + 3).title()}ov"
    if entity.type == "ORG":
        return f"{_word(group * 29 + k + 7).title()} Movement"
    return entity.name


def _clone(result: ArticleResult, i: int, group: int) -> InputResult:
    names = {e.name: _rename(e, group, k) for k, e in enumerate(result.entities)}
    entities = tuple(replace(e, name=names[e.name], aliases=()) for e in result.entities)
    events = tuple(_event(e, names, group) for e in result.events)
    body = f"{result.article.text}\n\nCopy {i}."
    raw = RawInput(f"synthetic/{i}.txt", f"{i}.txt", body)
    article = replace(result.article, input_hash=raw.content_hash, external_id=raw.external_id)
    return InputResult(
        raw=raw,
        articles=(replace(result, article=article, entities=entities, events=events),),
    )


def _event(event: Event, names: dict[str, str], group: int) -> Event:
    args = {}
    for role, value in event.args.items():
        if isinstance(value, str):
            args[role] = names.get(value, value)
        elif isinstance(value, list):
            args[role] = [names.get(v, v) for v in value]
        else:
            args[role] = value
    # each story (group) happened at its own time, as in a real corpus
    date = f"{2001 + group % 24}-{1 + group // 24 % 12:02d}" if event.date else None
    return replace(event, args=args, date=date)


def build_store(db: Path, n: int) -> float:
    """Write ``n`` synthetic articles into ``db`` and resolve once; return the seconds taken."""
    from kronika.pipeline import process_batch
    from kronika.resolve.corpus import resolve_corpus
    from kronika.store.store import open_store

    texts = corpus_texts()
    raws = [RawInput(f"base/{i}", str(i), t) for i, t in enumerate(texts)]
    bases = [a for r in process_batch(raws, Settings()) for a in r.articles]
    started = time.perf_counter()
    with open_store(str(db)) as store:
        for start in range(0, n, 500):
            stop = min(n, start + 500)
            store.write_inputs(
                [_clone(bases[i % len(bases)], i, i // 10) for i in range(start, stop)]
            )
        resolve_corpus(store, Settings(db=str(db)))
    return time.perf_counter() - started


def timed_ingest(folder: Path, db: Path) -> float:
    started = time.perf_counter()
    command = [sys.executable, "-m", "kronika", "ingest", str(folder), "--db", str(db)]
    subprocess.run(command + ["--workers", "1"], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=int, default=20_000, help="articles in the large store")
    parser.add_argument("--keep", help="build the large store at this path once, reuse it after")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        big = Path(args.keep) if args.keep else tmp / "big.db"
        if not big.exists():
            seconds = build_store(big, args.store)
            print(f"built a store of {args.store:,} synthetic articles in {seconds:.0f} s")
        new = write_corpus(tmp / "new", 10)
        empty_runs, big_runs = [], []
        for trial in range(2):
            empty_runs.append(timed_ingest(new, tmp / f"empty{trial}.db"))
            copy = tmp / f"big{trial}.db"
            shutil.copy(big, copy)
            big_runs.append(timed_ingest(new, copy))
        empty, large = min(empty_runs), min(big_runs)
        print(f"adding 10 articles: empty store {empty:.1f} s, store of {args.store:,} "
              f"{large:.1f} s: x{large / empty:.2f} (target < 2)")  # fmt: skip


if __name__ == "__main__":
    main()
