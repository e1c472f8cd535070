"""RayEngine on a real local Ray cluster stores exactly what the local engine stores."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kronika.engine.ray import RayEngine
from kronika.errors import MissingExtra
from kronika.ingest.run import ingest, warm_up
from kronika.settings import Settings
from kronika.store.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
KRONIKA = Path(sys.executable).with_name("kronika")
#: A handful of inputs: plain texts, a digest that splits in five, and a JSONL feed.
INPUTS = [
    str(SAMPLES / "text" / "01-mirzoyev-khatlon-verdict.txt"),
    str(SAMPLES / "text" / "05-dushanbe-jailbreak-caspian.txt"),
    str(SAMPLES / "text" / "13-kazakhstan-extradites-uzbeks.txt"),
    str(SAMPLES / "digest"),
    str(SAMPLES / "feeds"),
]


@pytest.fixture
def local_reference(tmp_path: Path, store_snapshot: Any) -> Any:
    """The snapshot of INPUTS ingested by the in-process local engine."""
    with open_store(str(tmp_path / "local.db")) as store:
        ingest(INPUTS, Settings(workers=1), store)
        return store_snapshot(store)


def test_ray_engine_without_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # what an environment without ray sees
    with pytest.raises(MissingExtra, match=r"pip install 'kronika\[ray\]'"):
        RayEngine()


@pytest.mark.ray
@pytest.mark.model
@pytest.mark.parametrize("early", [False, True], ids=["actors-at-first-batch", "actors-at-once"])
def test_ray_engine_store_equals_local_engine(
    early: bool,
    ray_cluster: str,
    tmp_path: Path,
    local_reference: Any,
    store_snapshot: Any,
    snapshot_diff: Any,
) -> None:
    workers = 2
    settings = Settings(engine="ray", workers=workers, batch_size=2)
    # made with its settings, the engine starts its actors loading before any batch
    engine = (
        RayEngine(workers=workers, warm=warm_up, settings=settings)
        if early
        else RayEngine(workers=workers)
    )
    try:
        with open_store(str(tmp_path / "ray.db")) as store:
            report = ingest(INPUTS, settings, store, engine=engine)
            assert report.stored == 7 and not report.skips
            assert not snapshot_diff(store_snapshot(store), local_reference)
    finally:
        engine.close()


def _ray_processes() -> int:
    """How many Ray daemons (raylet, GCS server) and agents run on this machine now."""
    done = subprocess.run(["ps", "-ww", "-eo", "args"], capture_output=True, text=True, check=True)
    daemons = ("/raylet ", "/gcs_server ", "ray::DashboardAgent", "ray::RuntimeEnvAgent")
    return sum(1 for line in done.stdout.splitlines() if any(d in line + " " for d in daemons))


@pytest.mark.ray
@pytest.mark.model
@pytest.mark.parametrize("join", [True, False], ids=["joins-by-address", "starts-its-own"])
def test_ray_cli_stores_what_the_local_engine_stores(
    join: bool,
    ray_cluster: str,
    tmp_path: Path,
    local_reference: Any,
    store_snapshot: Any,
    snapshot_diff: Any,
) -> None:
    before = _ray_processes()
    db = tmp_path / "cli.db"
    address = ["--address", ray_cluster] if join else []
    command = [str(KRONIKA), "ingest", *INPUTS, "--db", str(db), "--engine", "ray",
               *address, "--workers", "2", "--json"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert '"stored": 7' in done.stdout
    assert "Traceback" not in done.stderr
    with open_store(str(db)) as store:
        assert not snapshot_diff(store_snapshot(store), local_reference)
    # a cluster the run started is stopped with it, agents and all, not left running
    assert _ray_processes() == before


LEAN_START = """
import os, subprocess, ray, ray._private.parameter as p, ray._private.services as s
from kronika.engine.ray import RayEngine
from kronika.settings import Settings
before = (s.start_api_server, p.RayParams.__init__)
engine = RayEngine(workers=1, settings=Settings(engine="ray", workers=1))
rows = [line.split(None, 2) for line in subprocess.run(
    ["ps", "-ww", "-eo", "pid=,ppid=,args="], capture_output=True, text=True).stdout.splitlines()]
ours = {str(os.getpid())}
for _ in range(3):  # this process's children, and theirs: the instance it started
    ours |= {pid for pid, ppid, _args in rows if ppid in ours}
ray_lines = [args for pid, ppid, args in rows if pid in ours and pid != str(os.getpid())]
print("api server", sum("dashboard/dashboard.py" in line for line in ray_lines))
print("monitors", sum("monitor.py" in line for line in ray_lines))
print("raylet", sum("/raylet " in line for line in ray_lines))
print("restored", before == (s.start_api_server, p.RayParams.__init__))
print("answers", ray.get(engine._actors[0].run.remote(lambda batch, _s: batch, [1, 2], None)))
engine.close()
"""


@pytest.mark.ray
def test_a_private_instance_starts_without_api_server_or_monitors() -> None:
    # a batch run needs the raylet and its workers; the API server and the two monitors
    # only cost start-up time, and Ray's own start-up code is left as it was
    done = subprocess.run(
        [sys.executable, "-c", LEAN_START], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:5] == [
        "api server 0", "monitors 0", "raylet 1", "restored True", "answers [1, 2]",
    ]  # fmt: skip
