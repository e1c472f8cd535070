#!/usr/bin/env python3
"""Benchmark kronika: full ingest path against bare spaCy on the same texts.

Prints articles/s and tokens/s of ``kronika ingest`` (read, clean, split, NLP,
extraction, store) and of the bare spaCy pipeline alone over the same texts,
their ratio, and each phase's peak memory (each phase runs in its own process,
so the peaks do not mix). Model loading is excluded from both timings.

    python scripts/bench.py [--articles 300] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus_texts() -> list[str]:
    """The bundled samples' plain-text articles, plus the dev set's when it is beside the repo."""
    folders = [ROOT / "samples" / "text", ROOT.parent / "shared" / "eval" / "dev" / "articles"]
    texts = []
    for folder in folders:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts


def write_corpus(folder: Path, n: int) -> list[Path]:
    """Write ``n`` distinct article files (copies carry a number, so each hashes differently)."""
    base = corpus_texts()
    paths = []
    for i in range(n):
        path = folder / f"a{i:06d}.txt"
        path.write_text(f"{base[i % len(base)]}\n\nFile {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def phase_bare(folder: Path) -> dict[str, float]:
    import spacy

    from kronika.settings import Settings

    nlp = spacy.load(Settings().spacy_model)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts))
    return {"seconds": time.perf_counter() - start, "articles": len(texts), "tokens": tokens}


def phase_full(folder: Path) -> dict[str, float]:
    from kronika.ingest.run import ingest
    from kronika.nlp.build import build_nlp
    from kronika.settings import Settings
    from kronika.store.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "bench.db"))
        nlp = build_nlp(settings)
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        tokens = sum(len(nlp.tokenizer(t)) for t in texts)
        with open_store(settings.db) as store:
            start = time.perf_counter()
            report = ingest([str(folder)], settings, store)
            seconds = time.perf_counter() - start
            start = time.perf_counter()
            again = ingest([str(folder)], settings, store)
            reingest = time.perf_counter() - start
    return {
        "seconds": seconds,
        "articles": report.articles,
        "tokens": tokens,
        "events": report.events,
        "reingest_seconds": reingest,
        "reingest_unchanged": again.unchanged,
    }


def run_phase(name: str, folder: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--folder", str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each phase; best is kept")
    parser.add_argument("--phase", choices=["bare", "full"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        fn = phase_bare if args.phase == "bare" else phase_full
        result = fn(Path(args.folder))
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(result))
        return
    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), args.articles)
        bare, full = [], []
        for _ in range(args.repeat):
            bare.append(run_phase("bare", Path(tmp)))
            full.append(run_phase("full", Path(tmp)))
    b = min(bare, key=lambda r: r["seconds"])
    f = min(full, key=lambda r: r["seconds"])
    print(f"corpus: {args.articles} articles, {b['tokens']:,} tokens (best of {args.repeat})")
    print(f"{'':24}{'articles/s':>12}{'tokens/s':>12}{'peak MB':>10}")
    for label, r in (("bare spaCy", b), ("full ingest", f)):
        print(
            f"{label:24}{r['articles'] / r['seconds']:12.1f}"
            f"{r['tokens'] / r['seconds']:12.0f}{r['peak_rss_mb']:10.0f}"
        )
    ratio = (f["tokens"] / f["seconds"]) / (b["tokens"] / b["seconds"])
    print(f"throughput ratio full/bare: {ratio:.2f}")
    print(f"events extracted: {f['events']:.0f}")
    speedup = f["seconds"] / max(f["reingest_seconds"], 1e-9)
    print(
        f"re-ingest of the unchanged corpus: {f['reingest_seconds']:.2f} s "
        f"({speedup:.0f}x faster than the first ingest)"
    )


if __name__ == "__main__":
    main()
