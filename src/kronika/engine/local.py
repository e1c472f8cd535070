"""The default engine: in-process, or a pool of local worker processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from ..model import InputResult, RawInput
from ..settings import Settings
from .base import BatchFn


class LocalEngine:
    """Runs batches in this process (``workers=1``) or in ``workers`` processes.

    Worker processes each build their spaCy pipeline once and keep it for
    every batch they receive. At most ``2 * workers`` batches are in flight,
    so memory stays flat however long the input stream is.
    """

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def run(
        self, fn: BatchFn, batches: Iterable[list[RawInput]], settings: Settings
    ) -> Iterator[list[InputResult]]:
        """Yield ``fn(batch, settings)`` for each batch, in input order."""
        if self.workers == 1:
            for batch in batches:
                yield fn(batch, settings)
            return
        if self._pool is None:
            # spawn, not fork: a forked child would inherit a half-initialised spaCy/thread state
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx)
        pending: list[Future[list[InputResult]]] = []
        for batch in batches:
            pending.append(self._pool.submit(fn, batch, settings))
            if len(pending) >= 2 * self.workers:
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()

    def close(self) -> None:
        """Shut the worker pool down."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
