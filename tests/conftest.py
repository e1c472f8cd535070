"""The only conftest: every fixture of the suite, each block owned by the part it serves."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kronika.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DEV_SET = REPO.parent / "shared" / "eval" / "dev"


@pytest.fixture
def runner() -> CliRunner:
    """A CLI runner; stderr is kept apart from stdout, as users see it."""
    return CliRunner()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with a database in a temporary directory."""
    return Settings(db=str(tmp_path / "kronika.db"))


@pytest.fixture
def dev_set() -> Path:
    """The shared development set beside the checkout; tests that need it skip without it."""
    if not (DEV_SET / "gold.jsonl").is_file():
        pytest.skip("shared/eval/dev is not beside this checkout")
    return DEV_SET


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A SQLite file holding the bundled samples, ingested once by the real pipeline."""
    from kronika.ingest.run import ingest
    from kronika.store.store import open_store

    db = str(tmp_path_factory.mktemp("samples") / "samples.db")
    with open_store(db) as store:
        ingest([str(SAMPLES)], Settings(db=db), store)
    yield db


@pytest.fixture(autouse=True)
def _no_user_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the developer's own KRONIKA_* variables out of the tests."""
    for key in list(os.environ):
        if key.startswith("KRONIKA_") and not key.startswith("KRONIKA_TEST_"):
            monkeypatch.delenv(key)


# ---------------------------------------------------------------------------------------
# store: `store` (SQLite file), `pg_store` (PostgreSQL), `any_store` (both),
# and `make_input_result` (a hand-built InputResult with entities, events, claims).
# ---------------------------------------------------------------------------------------
import os as _store_os  # noqa: E402
import uuid as _store_uuid  # noqa: E402
from collections.abc import Callable as _StoreCallable  # noqa: E402
from collections.abc import Iterator as _StoreIterator  # noqa: E402
from typing import Any as _StoreAny  # noqa: E402

import pytest  # noqa: E402

STORE_SAMPLE_TEXT = (
    "The Sughd regional court sentenced Farrukh Nazarov to nine years in prison on March 3. "
    "Nazarov denied the charges and his lawyer said he would appeal. "
    "Police in Khujand detained two of his relatives last week. "
    "The prosecutor's office said 312 people had been questioned in the case."
)


@pytest.fixture
def store(tmp_path: _StoreAny) -> _StoreIterator[_StoreAny]:
    """A fresh SQLite Store in a temporary file (safe to share across threads)."""
    from kronika.store.store import open_store

    with open_store(str(tmp_path / "kronika.db")) as opened:
        yield opened


@pytest.fixture(scope="session")
def pg_url() -> _StoreIterator[str]:
    """KRONIKA_TEST_POSTGRES_URL pointed at a fresh schema for this session."""
    url = _store_os.environ.get("KRONIKA_TEST_POSTGRES_URL")
    if not url and _store_os.environ.get("CI"):
        pytest.fail("CI must test PostgreSQL: KRONIKA_TEST_POSTGRES_URL is not set")
    if not url:
        pytest.skip("KRONIKA_TEST_POSTGRES_URL is not set (export it from scripts/pg-start)")
    from sqlalchemy import create_engine, make_url, text

    base = make_url(url).set(drivername="postgresql+psycopg")
    schema = f"kronika_test_{_store_uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    session_url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    yield session_url.set(drivername="postgresql").render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def pg_store(pg_url: str) -> _StoreIterator[_StoreAny]:
    """A Store on the test PostgreSQL; every data table is emptied after the test."""
    from sqlalchemy import text

    from kronika.store.schema import DATA_TABLES
    from kronika.store.store import open_store

    opened = open_store(pg_url)
    try:
        yield opened
    finally:
        with opened.engine.begin() as conn:
            names = ", ".join(table.name for table in DATA_TABLES)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        opened.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest) -> _StoreAny:
    """The same test on SQLite and, when KRONIKA_TEST_POSTGRES_URL is set, PostgreSQL."""
    return request.getfixturevalue("store" if request.param == "sqlite" else "pg_store")


@pytest.fixture
def make_input_result() -> _StoreCallable[..., _StoreAny]:
    """Build an InputResult for STORE_SAMPLE_TEXT (+ ``suffix``) by hand from kronika.model."""
    from kronika.model import (
        Article,
        ArticleResult,
        Claim,
        Entity,
        Event,
        Evidence,
        InputResult,
        Mention,
        Place,
        RawInput,
    )

    def build(external_id: str = "herald-1", suffix: str = "", **article: _StoreAny) -> _StoreAny:
        text = STORE_SAMPLE_TEXT + suffix
        # a source of its own per text: one source with new text is a new version (superseding)
        source = f"tests+{suffix[:40]}" if suffix else "tests"
        raw = RawInput(source=source, external_id=external_id, body=text)

        def span(phrase: str, cls: type = Mention, within: str = "") -> _StoreAny:
            start = text.index(within or phrase)
            return cls(phrase, start, start + len(phrase))

        sentence = span(text.split(". ")[0] + ".", Evidence)
        arrest = span("Police in Khujand detained two of his relatives last week.", Evidence)
        khujand = Place("Khujand", country="TJ", admin1="Sughd", lat=40.28, lon=69.62)
        fields = {
            "title": "Court jails Nazarov",
            "outlet": "Example Herald",
            "published": "2021-03-04",
            "url": "https://example.org/nazarov",
        }
        fields.update(article)
        return InputResult(
            raw=raw,
            articles=(
                ArticleResult(
                    article=Article(
                        external_id=external_id,
                        input_hash=raw.content_hash,
                        part=0,
                        text=text,
                        source="tests",
                        **fields,
                    ),
                    entities=(
                        Entity(
                            "Farrukh Nazarov",
                            "PERSON",
                            aliases=("Nazarov",),
                            mentions=(
                                span("Farrukh Nazarov"),
                                span("Nazarov", within="Nazarov denied"),
                            ),
                        ),
                        Entity(
                            "Sughd regional court", "ORG", mentions=(span("Sughd regional court"),)
                        ),
                        Entity("Khujand", "LOC", mentions=(span("Khujand"),), place=khujand),
                    ),
                    events=(
                        Event(
                            "SENTENCE",
                            {
                                "defendant": ["Farrukh Nazarov"],
                                "court": "Sughd regional court",
                                "term_years": 9,
                            },
                            (sentence,),
                            date="2021-03-03",
                            confidence=0.9,
                            flags=("contested",),
                            markers=("denied",),
                            rule="sentence-1",
                        ),
                        Event(
                            "ARREST",
                            {"detainee": [], "count": 2},
                            (arrest,),
                            date="2021-02",
                            location=khujand,
                            confidence=0.6,
                        ),
                    ),
                    claims=(
                        Claim(
                            312,
                            "people questioned in the case",
                            (
                                span(
                                    "The prosecutor's office said 312 people had been "
                                    "questioned in the case.",
                                    Evidence,
                                ),
                            ),
                            claimant="prosecutor's office",
                        ),
                    ),
                ),
            ),
        )

    return build


# ---------------------------------------------------------------------------------------
# ingest and text: `test_data` (tests/data), `http_base` (a real local HTTP server over
# tests/data, for `network` tests), `dev_articles` (shared/eval/dev/articles, or skip).
# ---------------------------------------------------------------------------------------
import functools as _ingest_functools  # noqa: E402
import http.server as _ingest_http  # noqa: E402
import threading as _ingest_threading  # noqa: E402

TEST_DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def test_data() -> Path:
    """The tiny input files under tests/data (text, html, jsonl, csv, feeds, bad)."""
    return TEST_DATA


class _QuietHandler(_ingest_http.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep test output clean


@pytest.fixture(scope="session")
def http_base() -> Iterator[str]:
    """Base URL of a ThreadingHTTPServer on 127.0.0.1 serving tests/data."""
    handler = _ingest_functools.partial(_QuietHandler, directory=str(TEST_DATA))
    server = _ingest_http.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = _ingest_threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def dev_articles() -> Path:
    """shared/eval/dev/articles beside this checkout; tests that need it skip without it."""
    articles = DEV_SET / "articles"
    if not articles.is_dir():
        pytest.skip("shared/eval/dev/articles is not beside this checkout")
    return articles


# ---------------------------------------------------------------------------------------
# nlp and normalize: `nlp` (the pinned model with the gazetteer ruler, session-scoped,
# for `model`-marked tests only), `blank_nlp` (spacy.blank("en"), instant) and
# `gazetteer` (the built-in domain gazetteer).
# ---------------------------------------------------------------------------------------
from typing import Any as _NlpAny  # noqa: E402


@pytest.fixture(scope="session")
def nlp() -> _NlpAny:
    """The configured spaCy pipeline with the gazetteer ruler, built once per session."""
    from kronika.nlp.build import build_nlp

    return build_nlp(Settings())


@pytest.fixture
def blank_nlp() -> _NlpAny:
    """A blank English pipeline: a tokenizer and nothing else."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def gazetteer() -> _NlpAny:
    """The gazetteer of the default domains."""
    from kronika.nlp.gazetteer import load_gazetteer

    return load_gazetteer(Settings())


# ---------------------------------------------------------------------------------------
# web: `web_db` (samples + a hostile article, ingested once by the real pipeline),
# `web_store` (a fresh copy per test), `client` (TestClient over create_app),
# `live_server` (uvicorn on 127.0.0.1 in a thread) and `browser` (Debian's chromium
# through Playwright; browser-marked tests only). WEB_TOKEN is the write token.
# ---------------------------------------------------------------------------------------
import shutil as _web_shutil  # noqa: E402
import socket as _web_socket  # noqa: E402
import threading as _web_threading  # noqa: E402
import time as _web_time  # noqa: E402
import warnings as _web_warnings  # noqa: E402
from typing import Any as _WebAny  # noqa: E402

WEB_TOKEN = "test-token-7f3a"
WEB_HOSTILE = TEST_DATA / "web" / "hostile-article.jsonl"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the bundled samples and the hostile article, ingested once."""
    from kronika.ingest.run import ingest
    from kronika.store.store import open_store

    db = tmp_path_factory.mktemp("web") / "web.db"
    with open_store(str(db)) as opened:
        ingest([str(SAMPLES), str(WEB_HOSTILE)], Settings(db=str(db)), opened)
    return db


@pytest.fixture
def web_store(web_db: Path, tmp_path: Path) -> Iterator[_WebAny]:
    """A Store over a private copy of ``web_db``, so a test's review writes stay its own."""
    from kronika.store.store import open_store

    copy = tmp_path / "web.db"
    _web_shutil.copy(web_db, copy)
    with open_store(str(copy)) as opened:
        yield opened


@pytest.fixture
def client(web_store: _WebAny) -> Iterator[_WebAny]:
    """A FastAPI TestClient over create_app(web_store), with WEB_TOKEN as the write token."""
    with _web_warnings.catch_warnings():
        # starlette asks for its httpx2 fork; plain httpx works the same for these tests.
        _web_warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from kronika.web.app import create_app

    app = create_app(Settings(token=WEB_TOKEN), web_store)
    with TestClient(app) as test_client:
        yield test_client


def _web_free_port() -> int:
    with _web_socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of uvicorn serving create_app over a copy of ``web_db`` on 127.0.0.1."""
    import uvicorn

    from kronika.store.store import open_store
    from kronika.web.app import create_app

    copy = tmp_path_factory.mktemp("live") / "web.db"
    _web_shutil.copy(web_db, copy)
    opened = open_store(str(copy))
    port = _web_free_port()
    config = uvicorn.Config(
        create_app(Settings(token=WEB_TOKEN), opened),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = _web_threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = _web_time.monotonic() + 20
    while not server.started:
        if _web_time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start within 20 s")
        _web_time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        opened.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[_WebAny]:
    """Headless Debian chromium driven by Playwright (install it with scripts/browser-deps)."""
    if not CHROMIUM.exists() and os.environ.get("CI"):
        pytest.fail("CI must run the browser tests: /usr/bin/chromium is missing")
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: run scripts/browser-deps")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


# ---------------------------------------------------------------------------------------
# engine and reliability: `store_snapshot` (a store's whole contents without row ids, to
# compare two stores), `crash_corpus` (samples + generated copies + bad files) and
# `ray_cluster` (a real local Ray instance, 2 CPUs, for `ray`-marked tests).
# ---------------------------------------------------------------------------------------
import shutil as _engine_shutil  # noqa: E402
from collections import Counter as _EngineCounter  # noqa: E402
from collections.abc import Callable as _EngineCallable  # noqa: E402
from typing import Any as _EngineAny  # noqa: E402

#: Columns that differ between two runs that stored the same thing.
_VOLATILE_COLUMNS = {"id", "ingested_at", "at", "applied_at"}
#: A log with one row per run (and its timing): a resumed ingest rightly has more rows.
_RUN_LOG_TABLES = {"resolution_runs"}
#: Id columns without a foreign key, and the table whose ids they hold.
_ID_COLUMNS = {
    ("co_mentions", "entity_a"): "entities",
    ("co_mentions", "entity_b"): "entities",
    ("entity_clusters", "cluster_id"): "entities",
    ("event_clusters", "cluster_id"): "events",
}


def _natural_keys(conn: _EngineAny) -> dict[str, dict[int, tuple[_EngineAny, ...]]]:
    from sqlalchemy import select

    from kronika.store.schema import articles, claims, entities, events

    keyed = {
        "articles": (articles, ("input_hash", "part")),
        "entities": (entities, ("type", "key")),
        "events": (events, ("fingerprint",)),
        "claims": (claims, ("fingerprint",)),
    }
    out: dict[str, dict[int, tuple[_EngineAny, ...]]] = {}
    for name, (table, cols) in keyed.items():
        rows = conn.execute(select(table.c.id, *(table.c[c] for c in cols))).all()
        out[name] = {row[0]: tuple(row[1:]) for row in rows}
    return out


def snapshot_store(store: _EngineAny) -> dict[str, _EngineCounter[str]]:
    """Every data table as a multiset of rows, row ids replaced by the rows' natural keys."""
    import json

    from sqlalchemy import DateTime, select

    from kronika.store.schema import DATA_TABLES

    with store.engine.connect() as conn:
        keys = _natural_keys(conn)
        snapshot: dict[str, _EngineCounter[str]] = {}
        for table in DATA_TABLES:
            if table.name in _RUN_LOG_TABLES:
                continue
            rows = _EngineCounter[str]()
            for row in conn.execute(select(table)).mappings():
                values: dict[str, _EngineAny] = {}
                for column in table.columns:
                    if column.name in _VOLATILE_COLUMNS or isinstance(column.type, DateTime):
                        continue
                    value = row[column.name]
                    targets = {fk.column.table.name for fk in column.foreign_keys}
                    target = next(iter(targets), _ID_COLUMNS.get((table.name, column.name)))
                    if target in keys and value is not None:
                        value = keys[target].get(value, ("dangling", value))
                    values[column.name] = value
                if table.name == "co_mentions":  # a pair is ordered by id, which runs differ in
                    pair = sorted([values["entity_a"], values["entity_b"]], key=str)
                    values["entity_a"], values["entity_b"] = pair
                rows[json.dumps(values, sort_keys=True, default=str)] += 1
            snapshot[table.name] = rows
    return snapshot


@pytest.fixture
def store_snapshot() -> _EngineCallable[[_EngineAny], dict[str, _EngineCounter[str]]]:
    """``snapshot(store)``: the store's contents, comparable across runs, backends and engines."""
    return snapshot_store


def diff_snapshots(
    actual: dict[str, _EngineCounter[str]], expected: dict[str, _EngineCounter[str]]
) -> dict[str, dict[str, list[str]]]:
    """Tables whose rows differ, with up to three rows missing from and extra in ``actual``."""
    diff = {}
    for name in sorted(set(actual) | set(expected)):
        got, want = actual.get(name, _EngineCounter()), expected.get(name, _EngineCounter())
        if got != want:
            diff[name] = {
                "missing": list((want - got).elements())[:3],
                "extra": list((got - want).elements())[:3],
            }
    return diff


@pytest.fixture
def snapshot_diff() -> _EngineCallable[..., dict[str, dict[str, list[str]]]]:
    """``diff(actual, expected)``: empty when two snapshots hold the same rows."""
    return diff_snapshots


@pytest.fixture
def crash_corpus(tmp_path: Path) -> Path:
    """The bundled samples, three numbered copies of sample texts, an empty file, bad records."""
    corpus = tmp_path / "corpus"
    _engine_shutil.copytree(SAMPLES, corpus)
    texts = sorted((SAMPLES / "text").glob("*.txt"))
    copies = corpus / "copies"
    copies.mkdir()
    for n in range(3):
        body = texts[n % len(texts)].read_text(encoding="utf-8")
        (copies / f"copy-{n:02d}.txt").write_text(f"{body}\n\nCopy {n}.\n", encoding="utf-8")
    (copies / "empty.txt").write_text("   \n", encoding="utf-8")
    (copies / "broken.jsonl").write_text('{"text": "ok"\n{"id": 2}\n', encoding="utf-8")
    return corpus


@pytest.fixture(scope="session")
def ray_cluster() -> Iterator[str]:
    """A real local Ray instance with 2 CPUs, started in this process; yields its address."""
    if os.environ.get("CI"):
        import ray  # CI installs the ray extra: its absence is a failure, not a skip
    else:
        ray = pytest.importorskip("ray")
    ray.init(
        num_cpus=2,
        include_dashboard=False,
        object_store_memory=256 * 1024 * 1024,
        logging_level="WARNING",
        log_to_driver=False,
    )
    try:
        yield str(ray.get_runtime_context().gcs_address)
    finally:
        ray.shutdown()
