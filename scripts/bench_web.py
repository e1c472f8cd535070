"""Latency of the main API routes and pages on a synthetic store of N events.

The store is built from real extracted records: the bundled samples go
through the real pipeline once, then their results are written again and
again as new inputs (dates spread over twenty years) until N events exist.

    .venv/bin/python scripts/bench_web.py                 # 100,000 events
    .venv/bin/python scripts/bench_web.py --events 20000 --db /tmp/bench.db --repeat 30

Prints p50/p95 per route in milliseconds; the target is p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build(db: Path, target: int) -> None:
    """Fill ``db`` with copies of the samples' extracted results until ``target`` events exist."""
    from kronika.model import InputResult, RawInput
    from kronika.pipeline import process
    from kronika.settings import Settings
    from kronika.store.store import open_store

    results = [
        r for r in process([str(REPO / "samples")], Settings()) if isinstance(r, InputResult)
    ]
    per_copy = sum(len(a.events) for r in results for a in r.articles)
    if per_copy == 0:
        sys.exit("the samples gave no events: nothing to copy")
    with open_store(str(db)) as store:
        have = sum(store.summary()["events"].values())
        # Copies already stored are skipped by content hash, so numbering restarts at 0.
        copy = 0
        started = time.perf_counter()
        while have < target:
            for result in results:
                store.write_input(_shifted(result, copy, RawInput))
            copy += 1
            if copy % 10 == 0 or have + per_copy >= target:
                have = sum(store.summary()["events"].values())
            else:
                have += per_copy
            if copy % 50 == 0:
                rate = have / (time.perf_counter() - started)
                print(f"  {have:,} events ({rate:,.0f}/s)", file=sys.stderr)


def _shifted(result, copy: int, raw_cls):  # type: ignore[no-untyped-def]
    # A new body gives a new content hash, so the store takes it as a new input.
    raw = result.raw
    body = f"{raw.body}\n[copy {copy}]"
    new_raw = raw_cls(raw.source, f"{raw.external_id}#{copy}", body, raw.format, dict(raw.meta))
    years = copy % 20

    def shift(date: str | None) -> str | None:
        if not date or not date[:4].isdigit():
            return date
        return f"{int(date[:4]) - years:04d}{date[4:]}"

    articles = tuple(
        replace(
            a,
            article=replace(
                a.article,
                input_hash=new_raw.content_hash,
                external_id=new_raw.external_id,
                published=shift(a.article.published),
            ),
            events=tuple(replace(e, date=shift(e.date)) for e in a.events),
        )
        for a in result.articles
    )
    return replace(result, raw=new_raw, articles=articles)


def measure(db: Path, repeat: int) -> None:
    """Print p50/p95 latency of each route, ``repeat`` requests each, after one warm-up."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from kronika.settings import Settings
    from kronika.store.store import open_store
    from kronika.web.app import create_app

    store = open_store(str(db), create=False)
    client = TestClient(create_app(Settings(token="bench"), store))
    person = client.get("/api/entities", params={"type": "PERSON", "limit": 1}).json()
    entity_id = person["entities"][0]["id"]
    event_id = client.get("/api/events", params={"limit": 1}).json()["events"][0]["id"]
    routes = [
        "/api/overview",
        "/api/events",
        "/api/events?type=ARREST&since=2010&until=2012",
        "/api/events?place=Dushanbe&sort=-confidence",
        f"/api/events?entity={entity_id}",
        "/api/events?outlet=Wire&min_confidence=0.8",
        f"/api/events/{event_id}",
        "/api/entities?type=PERSON",
        f"/api/entities/{entity_id}",
        "/api/search?q=court",
        "/api/claims",
        "/api/map?type=SENTENCE",
        "/api/graph",
        "/api/review",
        "/",
        "/events",
        f"/event/{event_id}",
        f"/entity/{entity_id}",
    ]
    summary = store.summary()
    print(f"{sum(summary['events'].values()):,} events, {summary['articles']:,} articles")
    print(f"{'route':<52} {'p50 ms':>8} {'p95 ms':>8}")
    for route in routes:
        timings = []
        client.get(route)
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(route)
            timings.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                sys.exit(f"{route}: HTTP {response.status_code}: {response.text[:200]}")
        timings.sort()
        p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
        print(f"{route:<52} {statistics.median(timings):8.1f} {p95:8.1f}")
    store.close()


def main() -> None:
    """Build the synthetic store if needed, then measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events in the store")
    parser.add_argument("--db", default=str(REPO / "bench-out" / "web-bench.db"))
    parser.add_argument("--repeat", type=int, default=20, help="requests per route")
    args = parser.parse_args()
    db = Path(args.db)
    db.parent.mkdir(parents=True, exist_ok=True)
    build(db, args.events)
    measure(db, args.repeat)


if __name__ == "__main__":
    main()
