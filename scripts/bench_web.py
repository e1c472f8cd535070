"""Latency of the main API routes and pages on a synthetic store of N events.

The store is built from real extracted records: the bundled samples go
through the real pipeline once, then their results are written again and
again as new inputs (dates spread over twenty years) until N events exist.

    .venv/bin/python scripts/bench_web.py                 # 100,000 events
    .venv/bin/python scripts/bench_web.py --events 20000 --db /tmp/bench.db --repeat 30

Prints p50/p95 per route in milliseconds, uncached (cold) and cached (warm); the
target is p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def build(db: Path, target: int) -> None:
    """Fill ``db`` with copies of the samples' extracted results until ``target`` events exist.

    A store left by an earlier (interrupted) run is resumed: copies carry their number in
    the external id, so building starts again at the last copy (already stored inputs are
    skipped by content hash). Inputs are written in batches, one transaction each, with
    SQLite's fsync off: a synthetic store is rebuilt, not recovered, if the machine stops.
    """
    from sqlalchemy import func, select

    from kronika.model import InputResult, RawInput
    from kronika.pipeline import process
    from kronika.settings import Settings
    from kronika.store import write
    from kronika.store.schema import events, inputs
    from kronika.store.store import open_store

    with open_store(str(db)) as store:
        with store.engine.connect() as conn:
            have = int(conn.scalar(select(func.count()).select_from(events)) or 0)
            if have >= target:
                return
            ids = conn.scalars(select(inputs.c.external_id).where(inputs.c.external_id.like("%#%")))
            copy = max((int(i.rsplit("#", 1)[1]) for i in ids), default=0)
        results = [
            r for r in process([str(REPO / "samples")], Settings()) if isinstance(r, InputResult)
        ]
        if not sum(len(a.events) for r in results for a in r.articles):
            sys.exit("the samples gave no events: nothing to copy")
        started, start_have = time.perf_counter(), have
        with store.engine.connect() as conn:
            if store.dialect == "sqlite":
                # Straight to the driver: SQLite refuses this pragma inside a transaction.
                conn.connection.dbapi_connection.execute("PRAGMA synchronous = OFF")  # type: ignore[union-attr]
            while have < target:
                with conn.begin():
                    for _ in range(BATCH):
                        for result in results:
                            if result.skip is None:
                                shifted = _shifted(result, copy, RawInput)
                                write.write_articles(conn, shifted.raw, shifted.articles)
                        copy += 1
                have = int(conn.scalar(select(func.count()).select_from(events)) or 0)
                conn.commit()
                rate = (have - start_have) / (time.perf_counter() - started)
                print(f"  {have:,} events ({rate:,.0f}/s)", file=sys.stderr)


#: Copies of the samples written per transaction while building.
BATCH = 20


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
    print("cold: results cache emptied before each request; warm: reused until a write")
    print(f"{'route':<52} {'cold p50':>9} {'cold p95':>9} {'warm p50':>9} {'warm p95':>9}")
    for route in routes:
        client.get(route)
        cold = _timings(client, route, repeat, store.clear_cache)
        warm = _timings(client, route, repeat, lambda: None)
        print(
            f"{route:<52} {_p(cold, 0.5):9.1f} {_p(cold, 0.95):9.1f} "
            f"{_p(warm, 0.5):9.1f} {_p(warm, 0.95):9.1f}"
        )
    store.close()


def _timings(client: Any, route: str, repeat: int, before: Any) -> list[float]:
    timings = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        response = client.get(route)
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{route}: HTTP {response.status_code}: {response.text[:200]}")
    return sorted(timings)


def _p(timings: list[float], q: float) -> float:
    if q == 0.5:
        return statistics.median(timings)
    return timings[min(len(timings) - 1, round(q * (len(timings) - 1)))]


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
