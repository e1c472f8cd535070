#!/usr/bin/env python3
"""Benchmark kronika: throughput, scaling, re-ingest, memory, a profile, resolution and API.

Prints, for one run on this machine:

1. articles/s and tokens/s of the full ingest path (read, clean, split, NLP,
   extraction, store) against the bare spaCy pipeline on the same texts, and
   their ratio (model loading excluded from both);
2. re-ingest of the unchanged corpus (content hashes make it a no-op);
3. 1 against 2 worker processes on the same corpus (speed-up and efficiency;
   workers are started and warmed before the clock starts);
4. peak memory of a whole ingest at 1,000 and 10,000 articles (short articles,
   so the larger run fits the time budget; flat means streaming);
5. a cProfile of the full pipeline: time per package and the top 15 functions;
6. scripts/bench_resolve.py and scripts/bench_web.py, when present.

Each phase runs in its own process, so peaks do not mix.

    python scripts/bench.py            # about 8 minutes on 2 cores
    python scripts/bench.py --quick    # about 2 minutes
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def corpus_texts() -> list[str]:
    """The bundled samples' plain-text articles, plus the dev set's when it is beside the repo."""
    folders = [ROOT / "samples" / "text", ROOT.parent / "shared" / "eval" / "dev" / "articles"]
    texts = []
    for folder in folders:
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return texts


def write_corpus(folder: Path, n: int, short: bool = False) -> Path:
    """Write ``n`` distinct article files (each numbered, so each hashes differently).

    ``short`` articles are a paragraph of two sentences taken from the samples,
    for the memory runs whose point is the number of articles, not their length.
    """
    folder.mkdir(parents=True, exist_ok=True)
    base = corpus_texts()
    if short:
        paragraphs = [p.strip() for t in base for p in t.split("\n\n") if len(p.split()) > 12]
        base = [" ".join(SENTENCE_END.split(p)[:2]) for p in paragraphs]
    for i in range(n):
        body = base[i % len(base)]
        (folder / f"a{i:06d}.txt").write_text(f"{body}\n\nFile {i}.\n", encoding="utf-8")
    return folder


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def phase_bare(folder: Path, _workers: int) -> dict[str, float]:
    import spacy

    from kronika.settings import Settings

    nlp = spacy.load(Settings().spacy_model)
    texts = _texts(folder)
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
    return {"seconds": time.perf_counter() - start, "articles": len(texts), "tokens": tokens}


def phase_full(folder: Path, workers: int) -> dict[str, float]:
    from kronika.engine.local import LocalEngine
    from kronika.ingest.run import ingest
    from kronika.nlp.build import build_nlp
    from kronika.normalize.places import preload
    from kronika.pipeline import warm_up
    from kronika.settings import Settings
    from kronika.store.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        # small batches keep 2 workers evenly busy on a small corpus; same size for 1 and 2
        batch_size = 8 if workers != 1 or folder.name == "scale" else 32
        settings = Settings(db=str(Path(tmp) / "bench.db"), workers=workers, batch_size=batch_size)
        nlp = build_nlp(settings)
        tokens = sum(len(nlp.tokenizer(t)) for t in _texts(folder))
        engine = LocalEngine(workers, warm=warm_up)
        try:
            # warm up: worker start-up and one-time loads (rules, gazetteer, place names)
            # are start-up costs, as model loading is, not throughput
            preload()  # the place index, built once per process like the model
            warm = write_corpus(Path(tmp) / "warm", 4 * workers, short=True)
            with open_store(str(Path(tmp) / "warm.db")) as scratch:
                ingest([str(warm)], settings, scratch, engine=engine)
            with open_store(settings.db) as store:
                start = time.perf_counter()
                report = ingest([str(folder)], settings, store, engine=engine)
                seconds = time.perf_counter() - start
                start = time.perf_counter()
                again = ingest([str(folder)], settings, store, engine=engine)
                reingest = time.perf_counter() - start
        finally:
            engine.close()
    return {
        "seconds": seconds,
        "articles": report.articles,
        "tokens": tokens,
        "events": report.events,
        "reingest_seconds": reingest,
        "reingest_unchanged": again.unchanged,
    }


def phase_profile(folder: Path, _workers: int) -> dict[str, Any]:
    from kronika.ingest.run import ingest
    from kronika.nlp.build import build_nlp
    from kronika.normalize.places import preload
    from kronika.settings import Settings
    from kronika.store.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "bench.db"), workers=1)
        build_nlp(settings)
        profiler = cProfile.Profile()
        with open_store(settings.db) as store:
            # one-time loads (gazetteers, place names) are start-up, as model loading is
            preload()
            ingest([str(write_corpus(Path(tmp) / "warm", 2, short=True))], settings, store)
            profiler.enable()
            ingest([str(folder)], settings, store)
            profiler.disable()
    stats = pstats.Stats(profiler)
    by_package: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), row in stats.stats.items():  # type: ignore[attr-defined]
        by_package[_package(filename)] += row[2]  # tottime: time spent in the function itself
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(15)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return {"by_package": dict(by_package), "top": lines[start : start + 16]}


def _package(filename: str) -> str:
    """``.../kronika/events/extract.py`` → ``kronika.events``; ``.../spacy/...`` → ``spacy``."""
    parts = Path(filename).parts
    if "kronika" in parts:
        i = len(parts) - 1 - parts[::-1].index("kronika")
        return "kronika." + parts[i + 1].removesuffix(".py") if i + 1 < len(parts) else "kronika"
    if "site-packages" in parts:
        i = parts.index("site-packages")
        return parts[i + 1].removesuffix(".py").split(".")[0] if i + 1 < len(parts) else "?"
    if filename == "~":
        return "builtins (C)"
    # compiled modules report paths relative to their package: "spacy/tokens/doc.pyx"
    return "python stdlib" if filename.startswith(("/", "<")) else parts[0]


PHASES = {"bare": phase_bare, "full": phase_full, "profile": phase_profile}


def run_phase(name: str, folder: Path, workers: int = 1) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and return its JSON result."""
    command = [sys.executable, __file__, "--phase", name, "--folder", str(folder),
               "--workers", str(workers)]  # fmt: skip
    out = subprocess.run(command, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def report_throughput(folder: Path, repeat: int) -> None:
    bare = [run_phase("bare", folder) for _ in range(repeat)]
    full = [run_phase("full", folder) for _ in range(repeat)]
    b = min(bare, key=lambda r: r["seconds"])
    f = min(full, key=lambda r: r["seconds"])
    print(f"corpus: {f['articles']:.0f} articles, {b['tokens']:,} tokens (best of {repeat})")
    print(f"{'':24}{'articles/s':>12}{'tokens/s':>12}{'peak MB':>10}")
    for label, r in (("bare spaCy", b), ("full ingest", f)):
        print(f"{label:24}{r['articles'] / r['seconds']:12.1f}"
              f"{r['tokens'] / r['seconds']:12.0f}{r['peak_rss_mb']:10.0f}")  # fmt: skip
    ratio = (f["tokens"] / f["seconds"]) / (b["tokens"] / b["seconds"])
    print(f"throughput ratio full/bare: {ratio:.2f} (target >= 0.85)")
    print(f"events extracted: {f['events']:.0f}")
    speedup = f["seconds"] / max(f["reingest_seconds"], 1e-9)
    print(f"re-ingest of the unchanged corpus: {f['reingest_seconds']:.2f} s "
          f"({speedup:.0f}x faster than the first ingest; target >= 50x)")  # fmt: skip


def report_scaling(folder: Path) -> None:
    one, two = run_phase("full", folder, 1), run_phase("full", folder, 2)  # folder: "scale"
    speedup = one["seconds"] / two["seconds"]
    print(f"\n1 worker: {one['articles'] / one['seconds']:.1f} articles/s; "
          f"2 workers: {two['articles'] / two['seconds']:.1f} articles/s; "
          f"speed-up {speedup:.2f}x, efficiency {speedup / 2:.0%} "
          f"({one['articles']:.0f} articles)")  # fmt: skip


def report_memory(tmp: Path, sizes: list[int]) -> None:
    print("\npeak memory of a whole ingest (short articles, 1 worker):")
    peaks = []
    for n in sizes:
        r = run_phase("full", write_corpus(tmp / f"mem{n}", n, short=True))
        peaks.append(r["peak_rss_mb"])
        print(f"  {n:>7,} articles: {r['peak_rss_mb']:6.0f} MB peak, "
              f"{r['articles'] / r['seconds']:6.1f} articles/s")  # fmt: skip
    growth = peaks[-1] / peaks[0]
    print(f"  growth {sizes[0]:,} → {sizes[-1]:,} articles: x{growth:.2f} (flat ≈ 1)")


def report_profile(folder: Path) -> None:
    r = run_phase("profile", folder)
    total = sum(r["by_package"].values())
    print(f"\nwhere the time goes (cProfile, full pipeline, {total:.1f} s self time):")
    ranked = sorted(r["by_package"].items(), key=lambda kv: -kv[1])
    for package, seconds in ranked[:12]:
        print(f"  {package:<28}{seconds:8.2f} s {seconds / total:6.1%}")
    print("top 15 functions by cumulative time:")
    for line in r["top"]:
        print("  " + line)


def run_hook(script: str, args: list[str]) -> None:
    """Run another engineer's benchmark script when it exists, and pass its output through."""
    path = ROOT / "scripts" / script
    if not path.exists():
        print(f"\n{script}: not present, skipped")
        return
    print(f"\n$ {path.name} {' '.join(args)}", flush=True)
    done = subprocess.run([sys.executable, str(path), *args], check=False)
    if done.returncode:
        print(f"{script}: exited with {done.returncode}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: about 2 minutes")
    parser.add_argument("--articles", type=int, help="corpus size for throughput (default 150)")
    parser.add_argument("--repeat", type=int, help="runs of each phase; best is kept (default 2)")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        result = PHASES[args.phase](Path(args.folder), args.workers)
        # ru_maxrss is in KiB on Linux; the largest of this process and its workers
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result["peak_rss_mb"] = max(own, children) / 1024
        print(json.dumps(result))
        return
    articles = args.articles or (40 if args.quick else 150)
    repeat = args.repeat or (1 if args.quick else 2)
    sizes = [200, 2_000] if args.quick else [1_000, 10_000]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = write_corpus(tmp / "corpus", articles)
        report_throughput(corpus, repeat)
        report_scaling(write_corpus(tmp / "scale", 40 if args.quick else 120))
        report_memory(tmp, sizes)
        report_profile(write_corpus(tmp / "profile", 20 if args.quick else 60))
    run_hook("bench_resolve.py", [])
    run_hook("bench_web.py", ["--events", "10000", "--repeat", "5"] if args.quick else [])
    print(f"\nbench finished in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
