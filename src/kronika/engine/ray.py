"""Run the pipeline on a Ray cluster (the ``ray`` extra).

One Ray actor per worker holds the batch function and the settings; it runs
the function once on an empty batch when it starts, so each worker builds its
spaCy pipeline exactly once and keeps it. Batches stream through the actors
with a bounded number in flight, and results come back in input order, so the
store sees the same writes in the same order as with the local engine.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
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
    """A Ray actor: ``fn`` and ``settings`` fixed at start, warmed up once."""

    def __init__(self, fn: BatchFn, settings: Settings) -> None:
        self.fn = fn
        self.settings = settings
        fn([], settings)  # loads spaCy in this worker now, not inside the first batch

    def run(self, batch: list[RawInput]) -> list[InputResult]:
        return self.fn(batch, self.settings)


class RayEngine:
    """Maps ``process_batch`` over batches on Ray actors, a bounded number in flight.

    Args:
        address: ``""`` starts a local Ray instance with ``workers`` CPUs;
            ``"auto"`` joins the cluster this machine belongs to; ``"HOST:PORT"``
            joins the cluster whose head listens there.
        workers: actors to start; 0 means one per CPU of the cluster.
    """

    def __init__(self, address: str = "", workers: int = 2) -> None:
        try:
            self._ray: Any = importlib.import_module("ray")
        except ImportError:
            raise MissingExtra("ray", "ray") from None
        self._started = False
        if not self._ray.is_initialized():
            if address:
                self._ray.init(address=address, logging_level="WARNING", log_to_driver=False)
            else:
                self._ray.init(
                    num_cpus=workers if workers > 0 else None,
                    include_dashboard=False,
                    object_store_memory=LOCAL_OBJECT_STORE_BYTES,
                    logging_level="WARNING",
                    log_to_driver=False,
                )
            self._started = True
        if workers <= 0:
            workers = int(self._ray.cluster_resources().get("CPU", 1))
        self.workers = max(1, workers)
        self._actors: list[Any] = []

    def run(
        self, fn: BatchFn, batches: Iterable[list[RawInput]], settings: Settings
    ) -> Iterator[list[InputResult]]:
        """Yield ``fn(batch, settings)`` for each batch, in input order, as actors finish them."""
        worker_cls = self._ray.remote(num_cpus=1)(_BatchWorker)
        self._actors = [worker_cls.remote(fn, settings) for _ in range(self.workers)]
        idle = list(self._actors)
        schedule = Schedule(batches, ahead=4 * self.workers)  # the last batches largest first
        running: dict[Any, tuple[int, Any]] = {}  # result ref → (batch number, its actor)
        while True:
            while idle and (item := schedule.take()) is not None:
                actor = idle.pop()
                running[actor.run.remote(item[1])] = (item[0], actor)
            if not running:
                return
            ready, _ = self._ray.wait(list(running), num_returns=1)
            for ref in ready:
                number, actor = running.pop(ref)
                schedule.finish(number, self._ray.get(ref))
                idle.append(actor)
            yield from schedule.ready()

    def close(self) -> None:
        """Stop this engine's actors; shut Ray down if this engine started it."""
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started and self._ray.is_initialized():
            self._ray.shutdown()
            self._started = False
