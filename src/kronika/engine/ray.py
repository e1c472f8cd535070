"""Run the pipeline on a Ray cluster (the ``ray`` extra).

One Ray actor per worker loads the pipeline once when it starts and keeps it.
The actors are made with the engine, so they load while this process reads the
inputs. Each actor has a batch running and one queued, so none waits for the
writer between batches, and results come back in input order: the store sees
the same writes in the same order as with the local engine. A Ray instance the
engine started itself is stopped at once when the run ends.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import MissingExtra
from ..model import InputResult, RawInput
from ..settings import Settings
from .base import BatchFn
from .schedule import Schedule

#: Object store for a cluster this engine starts itself: batches and results are small
#: (text and dataclasses), and Ray's default (30% of RAM) can exceed a container's /dev/shm.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024


class _BatchWorker:
    """A Ray actor: pays the one-time loads when it starts, then runs batches."""

    def __init__(self, warm: Callable[[Settings], None] | None, settings: Settings) -> None:
        if warm is not None:
            warm(settings)  # loads spaCy in this worker now, not inside the first batch

    def run(self, fn: BatchFn, batch: list[RawInput], settings: Settings) -> list[InputResult]:
        return fn(batch, settings)


class RayEngine:
    """Maps ``process_batch`` over batches on Ray actors, a bounded number in flight.

    Args:
        address: ``""`` starts a local Ray instance with ``workers`` CPUs;
            ``"auto"`` joins the cluster this machine belongs to; ``"HOST:PORT"``
            joins the cluster whose head listens there.
        workers: actors to start; 0 means one per CPU of the cluster.
        warm: run once in each actor when it starts (the one-time loads).
        settings: the settings ``warm`` is given; with them, Ray starts and the
            actors begin loading at once, instead of at the first batch.
    """

    def __init__(
        self,
        address: str = "",
        workers: int = 2,
        warm: Callable[[Settings], None] | None = None,
        settings: Settings | None = None,
    ) -> None:
        try:
            self._ray: Any = importlib.import_module("ray")
        except ImportError:
            raise MissingExtra("ray", "ray") from None
        self._address = address
        self._asked = workers
        self._warm = warm
        self._started = False
        self.workers = max(1, workers)
        self._actors: list[Any] = []
        if settings is not None:
            # Ray starts here; the actors then load the pipeline in their own processes
            # while this one reads the inputs
            self._start(settings)

    def _start(self, settings: Settings) -> list[Any]:
        if not self._ray.is_initialized():
            if self._address:
                self._ray.init(address=self._address, logging_level="WARNING", log_to_driver=False)
            else:
                # a private instance: Ray's notes on how it was set up (token authentication
                # on, and so on) are not the user's concern; its errors still show
                with _lean_start(self._ray):
                    self._ray.init(
                        num_cpus=self._asked if self._asked > 0 else None,
                        include_dashboard=False,
                        object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                        logging_level="ERROR",
                        log_to_driver=False,
                    )
                self._started = True
        if self._asked <= 0:
            self.workers = max(1, int(self._ray.cluster_resources().get("CPU", 1)))
        if not self._actors:
            worker_cls = self._ray.remote(num_cpus=1)(_BatchWorker)
            self._actors = [worker_cls.remote(self._warm, settings) for _ in range(self.workers)]
        return self._actors

    def run(
        self, fn: BatchFn, batches: Iterable[list[RawInput]], settings: Settings
    ) -> Iterator[list[InputResult]]:
        """Yield ``fn(batch, settings)`` for each batch, in input order, as actors finish them."""
        schedule = Schedule(batches, ahead=4 * self.workers)  # the last batches largest first
        actors = self._start(settings)  # a no-op when the engine was made with settings
        load = {i: 0 for i in range(len(actors))}  # batches in flight per actor
        running: dict[Any, tuple[int, int]] = {}  # result ref → (batch number, its actor)
        while True:
            # each actor has a batch running and one queued behind it
            while (item := _take_if(schedule, min(load.values()) < 2)) is not None:
                index = min(load, key=lambda i: load[i])
                ref = actors[index].run.remote(fn, item[1], settings)
                running[ref] = (item[0], index)
                load[index] += 1
            if not running:
                return
            ready, _ = self._ray.wait(list(running), num_returns=1)
            for ref in ready:
                number, index = running.pop(ref)
                load[index] -= 1
                schedule.finish(number, self._ray.get(ref))
            yield from schedule.ready()

    def close(self) -> None:
        """Stop this engine's actors; shut Ray down if this engine started it."""
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started and self._ray.is_initialized():
            _stop_local_cluster(self._ray)
            self._started = False


def _take_if(schedule: Schedule, room: bool) -> tuple[int, list[RawInput]] | None:
    return schedule.take() if room else None


@contextmanager
def _lean_start(ray: Any) -> Iterator[None]:
    """Start a private Ray instance without the processes a batch run never uses.

    ``ray.init`` also starts an API server (even with ``include_dashboard=False``,
    and waits for it), the autoscaler's monitor and a log monitor that forwards
    worker output (``log_to_driver=False`` leaves it nothing to do). Each is a
    Python process importing much of Ray: on two cores they took about a second
    of the start and 1.5 s of CPU from the workers loading spaCy. ``ray.init``
    has no switch for them, so while it runs they are left out through Ray's
    own start-up parameters. Where Ray's internals differ from what this
    expects, everything starts as usual.
    """
    private = getattr(ray, "_private", None)
    services: Any = getattr(private, "services", None)
    params: Any = getattr(getattr(private, "parameter", None), "RayParams", None)
    api_server = getattr(services, "start_api_server", None)
    make_params = getattr(params, "__init__", None)
    if api_server is None or make_params is None:
        yield
        return

    def no_api_server(*_args: Any, **_kwargs: Any) -> tuple[str, None]:
        return "", None  # no address to show, no process to stop

    def lean_params(self: Any, *args: Any, **kwargs: Any) -> None:
        make_params(self, *args, **kwargs)
        self.no_monitor = True
        self.include_log_monitor = False

    services.start_api_server = no_api_server
    params.__init__ = lean_params
    try:
        yield
    finally:
        services.start_api_server = api_server
        params.__init__ = make_params


def _stop_local_cluster(ray: Any) -> None:
    """Shut down a Ray instance this process started, without the graceful waits.

    Ray gives each of its own processes a second or more to exit after SIGTERM
    before it kills them; a cluster only this run used has nothing to save, so
    its processes are stopped at once. The raylet alone still gets its SIGTERM:
    it stops the agents it started (killed outright, it would leave them running
    on their own for a minute or two). Where Ray's internals differ from what
    this expects, the ordinary shutdown runs.
    """
    node = getattr(getattr(getattr(ray, "_private", None), "worker", None), "_global_node", None)
    kill = getattr(node, "_kill_process_type", None)
    raylet = getattr(getattr(ray, "_private", None), "ray_constants", None)
    raylet = getattr(raylet, "PROCESS_TYPE_RAYLET", None)
    if node is None or kill is None or raylet is None:
        ray.shutdown()
        return

    def at_once(process_type: str, *args: Any, **kwargs: Any) -> Any:
        kwargs["allow_graceful"] = process_type == raylet
        return kill(process_type, *args, **kwargs)

    node._kill_process_type = at_once
    try:
        ray.shutdown()
    finally:
        node._kill_process_type = kill
