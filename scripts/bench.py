#!/usr/bin/env python3
"""Benchmark kronika as a user runs it: whole processes, one-time loads included.

Prints, for one run on this machine:

1. throughput of ``kronika ingest`` against bare spaCy (``nlp.pipe``, same
   model, batch 16) on the same texts, each a fresh process timed from its
   start (interpreter, imports and model loading included), with the peak RSS
   of the whole process tree;
2. ``--workers 1`` against ``--workers 2`` (and ``--engine ray`` with 2 CPUs
   when ray is installed) on 90 dev-sized inputs, with a check that the
   stores hold the same events;
3. bare spaCy's own ``n_process=2`` on the same texts, for comparison;
4. peak RSS of the process tree at two corpus sizes (short articles);
5. adding 10 articles to an empty store against a store of 20,000
   (``scripts/bench_incremental.py``), then bench_resolve.py and bench_web.py.

The corpus is the dev set's articles (``../shared/eval/dev``) when present,
else the bundled samples, repeated and numbered so that every input differs.

    python scripts/bench.py              # about 40 minutes on 2 cores (30 of them building
                                         # the 20,000-article store of step 5)
    python scripts/bench.py --quick      # about 9 minutes (a store of 2,000)
    python scripts/bench.py --large 500  # also 500 inputs (bare spaCy and default workers)
    python scripts/bench.py --quick --only throughput --large 500   # about 6 minutes
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
BARE = """
import sys, spacy
from pathlib import Path
nlp = spacy.load(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
print(sum(len(doc) for doc in nlp.pipe(texts, batch_size=16, n_process=int(sys.argv[3]))))
"""


def corpus_texts() -> list[str]:
    """The dev set's articles when beside the checkout, else the bundled plain-text samples."""
    folder = DEV if DEV.is_dir() else ROOT / "samples" / "text"
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]


def write_corpus(folder: Path, n: int, short: bool = False) -> Path:
    """Write ``n`` distinct article files (each numbered, so each hashes differently).

    ``short`` articles are two sentences of one paragraph, for the memory runs
    whose point is the number of inputs, not their length.
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


# -- whole processes: wall time and peak RSS of the process tree ----------------------------


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and every process descended from it (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
        except (OSError, ValueError):
            continue
        pid = int(entry.name)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def run_timed(command: list[str], env: dict[str, str] | None = None) -> dict[str, float | str]:
    """Run ``command`` to the end; return its wall seconds, peak tree RSS (MB) and stdout."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.wait(0.1):
            peak = max(peak, _tree_rss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{err[-2000:]}")
    return {"seconds": seconds, "peak_mb": peak / 2**20, "stdout": out}


def bare(folder: Path, n_process: int = 1) -> dict[str, float | str]:
    """Bare spaCy over ``folder`` in a fresh process: load the model, parse every text."""
    from kronika.settings import Settings

    model = Settings().spacy_model
    return run_timed([sys.executable, "-c", BARE, str(folder), model, str(n_process)])


def ingest(folder: Path, db: Path, workers: int, engine: str = "local") -> dict[str, float | str]:
    """``kronika ingest`` over ``folder`` in a fresh process, as a user runs it."""
    command = [sys.executable, "-m", "kronika", "ingest", str(folder), "--db", str(db), "--json"]
    command += ["--workers", str(workers), "--engine", engine]
    return run_timed(command, env={**os.environ, "RAY_DISABLE_USAGE_STATS": "1"})


def events_of(db: Path) -> list[tuple[str, ...]]:
    """Every stored event as comparable text: input, type, evidence and arguments."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT a.source, a.part, e.type, e.args, e.date, s.evidence, s.start FROM events e "
            "JOIN event_sources s ON s.event_id = e.id JOIN articles a ON a.id = s.article_id"
        ).fetchall()
    return sorted(tuple(str(v) for v in row) for row in rows)


# -- the reports ---------------------------------------------------------------------------


def report_throughput(tmp: Path, n: int, repeat: int, one_worker: bool = True) -> None:
    folder = write_corpus(tmp / f"t{n}", n)
    b = min((bare(folder) for _ in range(repeat)), key=lambda r: float(r["seconds"]))
    print(f"\n{n} inputs, whole processes (best of {repeat}):")
    print(f"  {'':34}{'seconds':>9}{'ratio':>8}{'peak MB':>9}")
    print(f"  {'bare spaCy (1 process)':34}{b['seconds']:9.1f}{1:8.2f}{b['peak_mb']:9.0f}")
    for workers in (1, 0) if one_worker else (0,):
        runs = [ingest(folder, tmp / f"t{n}-{workers}-{i}.db", workers) for i in range(repeat)]
        r = min(runs, key=lambda r: float(r["seconds"]))
        label = f"kronika ingest --workers {workers or 'default'}"
        ratio = float(b["seconds"]) / float(r["seconds"])
        print(f"  {label:34}{r['seconds']:9.1f}{ratio:8.2f}{r['peak_mb']:9.0f}", flush=True)
    print("  ratio: bare seconds / kronika seconds (targets: >= 0.90 at 45, >= 0.95 at 500)")


SPIN = """
import sys, time
from concurrent.futures import ProcessPoolExecutor
def spin(n):
    total = 0
    for i in range(n):
        total += i
    return total
if __name__ == "__main__":
    n = 15_000_000
    started = time.perf_counter(); spin(n); spin(n); one = time.perf_counter() - started
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(spin, [1, 1]))
        started = time.perf_counter(); list(pool.map(spin, [n, n]))
        print(one / (time.perf_counter() - started))
"""


def machine_speedup() -> float:
    """How much faster two processes finish two pure-Python loops than one: 2.0 on 2 idle cores."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
        script.write(SPIN)
    try:
        done = subprocess.run([sys.executable, script.name], capture_output=True, text=True)
        return float(done.stdout.strip())
    finally:
        os.unlink(script.name)


def report_scaling(tmp: Path, n: int) -> None:
    folder = write_corpus(tmp / f"s{n}", n)
    print(f"\nthis machine now: 2 processes run {machine_speedup():.2f}x as fast as 1 "
          "(2.00 when both cores are free; other load lowers every speed-up below)")  # fmt: skip
    one = ingest(folder, tmp / "s1.db", 1)
    two = ingest(folder, tmp / "s2.db", 2)
    same = events_of(tmp / "s1.db") == events_of(tmp / "s2.db")
    speedup = float(one["seconds"]) / float(two["seconds"])
    print(f"\n{n} inputs: --workers 1 {one['seconds']:.1f} s ({one['peak_mb']:.0f} MB), "
          f"--workers 2 {two['seconds']:.1f} s ({two['peak_mb']:.0f} MB): "
          f"speed-up {speedup:.2f}x (target >= 1.6); same events: {same}")  # fmt: skip
    if importlib.util.find_spec("ray") is None:
        print("  --engine ray: ray not installed, skipped")
        return
    ray = ingest(folder, tmp / "sr.db", 2, engine="ray")
    same = events_of(tmp / "s1.db") == events_of(tmp / "sr.db")
    ratio = float(one["seconds"]) / float(ray["seconds"])
    print(f"  --engine ray --workers 2: {ray['seconds']:.1f} s, speed-up {ratio:.2f}x "
          f"({ratio / speedup:.0%} of local); same events: {same}")  # fmt: skip
    b1, b2 = bare(folder, 1), bare(folder, 2)
    print(f"  bare spaCy n_process=1 {b1['seconds']:.1f} s, n_process=2 {b2['seconds']:.1f} s "
          f"({float(b1['seconds']) / float(b2['seconds']):.2f}x)")  # fmt: skip


def report_memory(tmp: Path, sizes: list[int]) -> None:
    print("\npeak RSS of the whole process tree (short articles, default workers):")
    peaks = []
    for n in sizes:
        r = ingest(write_corpus(tmp / f"m{n}", n, short=True), tmp / f"m{n}.db", 0)
        peaks.append(float(r["peak_mb"]))
        print(f"  {n:>6,} inputs: {r['peak_mb']:6.0f} MB, {n / float(r['seconds']):6.1f} inputs/s")
    growth = peaks[-1] / peaks[0] - 1
    print(f"  growth {sizes[0]:,} -> {sizes[-1]:,} inputs: {growth:+.0%} (target < +20%)")


def run_hook(script: str, args: list[str]) -> None:
    """Run another benchmark script when it exists, and pass its output through."""
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
    parser.add_argument("--quick", action="store_true", help="fewer repeats and sizes")
    parser.add_argument("--large", type=int, default=0, help="also measure this many inputs")
    parser.add_argument("--only", choices=["throughput", "scaling", "memory", "hooks"])
    args = parser.parse_args()
    repeat = 1 if args.quick else 2
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.only in (None, "throughput"):
            report_throughput(tmp, 45, repeat)
            if args.large:  # the target is default workers against bare spaCy: one worker skipped
                report_throughput(tmp, args.large, repeat, one_worker=False)
        if args.only in (None, "scaling"):
            report_scaling(tmp, 90)
        if args.only in (None, "memory"):
            report_memory(tmp, [100, 500] if args.quick else [100, 2_000])
    if args.only in (None, "hooks"):
        run_hook("bench_incremental.py", ["--store", "2000"] if args.quick else [])
        run_hook("bench_resolve.py", [])
        run_hook("bench_web.py", ["--events", "10000", "--repeat", "5"] if args.quick else [])
    print(f"\nbench finished in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
