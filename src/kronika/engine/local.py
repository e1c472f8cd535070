"""The default engine: in-process, or a pool of local worker processes."""

from __future__ import annotations

import atexit
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain

from ..model import InputResult, RawInput
from ..settings import Settings
from .base import BatchFn
from .schedule import Schedule


def resolve_workers(workers: int) -> int:
    """Return the number of worker processes ``workers`` asks for (0 or less: one per core)."""
    if workers > 0:
        return workers
    return max(1, os.cpu_count() or 1)


class LocalEngine:
    """Runs batches in this process (``workers=1``) or in ``workers`` processes.

    ``workers=0`` means one process per CPU core. Worker processes each build
    their spaCy pipeline once and keep it for every batch they receive. At most
    ``4 * workers`` batches are read ahead, so memory stays flat however long the
    input stream is; at the end of the stream the largest go first
    (:mod:`.schedule`). Results come back in input order, so the store is
    written in the same order as with one worker and ends up identical.
    """

    def __init__(self, workers: int = 1, warm: Callable[[Settings], None] | None = None) -> None:
        self.workers = resolve_workers(workers)
        self.warm = warm  # run once in each worker before its first batch (one-time loads)
        self._pool: ProcessPoolExecutor | None = None

    def run(
        self, fn: BatchFn, batches: Iterable[list[RawInput]], settings: Settings
    ) -> Iterator[list[InputResult]]:
        """Yield ``fn(batch, settings)`` for each batch, in input order, as soon as it is done."""
        stream = iter(batches)
        head = [batch for batch in (next(stream, None), next(stream, None)) if batch is not None]
        if self.workers == 1 or len(head) < 2:
            # one batch gains nothing from workers and would pay for starting them
            for batch in chain(head, stream):
                yield fn(batch, settings)
            return
        pool = self._start(settings)  # workers load their pipeline while this process reads
        schedule = Schedule(chain(head, stream), ahead=4 * self.workers)
        running: dict[Future[list[InputResult]], int] = {}
        while True:
            # each worker has a batch running and one queued, so none waits for the writer
            while len(running) < 2 * self.workers and (item := schedule.take()) is not None:
                running[pool.submit(fn, item[1], settings)] = item[0]
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                schedule.finish(running.pop(future), future.result())
            yield from schedule.ready()

    def _start(self, settings: Settings) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: a forked child would inherit a half-initialised spaCy/thread state
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=ctx,
                initializer=_start_worker,
                initargs=(self.warm, settings),
            )
        return self._pool

    def close(self) -> None:
        """Shut the worker pool down."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _start_worker(warm: Callable[[Settings], None] | None, settings: Settings) -> None:
    atexit.register(_leave)
    if warm is not None:
        warm(settings)


def _leave() -> None:
    # A worker ends only when the pool shuts down, with every result sent. Tearing its
    # interpreter down (freeing the spaCy pipeline object by object) would add about half
    # a second to the end of every run, so it leaves at once, as a forked child does.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
