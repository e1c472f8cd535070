"""Run the pipeline on a Ray cluster (the ``ray`` extra)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import MissingExtra
from ..model import InputResult, RawInput
from ..settings import Settings
from .base import BatchFn


class RayEngine:
    """Maps ``process_batch`` over batches as Ray tasks, a bounded number in flight."""

    def __init__(self, address: str = "", workers: int = 2) -> None:
        try:
            self._ray: Any = importlib.import_module("ray")
        except ImportError:
            raise MissingExtra("ray", "ray") from None
        if not self._ray.is_initialized():
            if address:
                self._ray.init(address=address, ignore_reinit_error=True)
            else:
                self._ray.init(num_cpus=workers, ignore_reinit_error=True, include_dashboard=False)
        self.workers = max(1, workers)

    def run(
        self, fn: BatchFn, batches: Iterable[list[RawInput]], settings: Settings
    ) -> Iterator[list[InputResult]]:
        """Yield results as Ray tasks finish, keeping at most ``2 * workers`` in flight."""
        remote = self._ray.remote(fn)
        pending: list[Any] = []
        for batch in batches:
            pending.append(remote.remote(batch, settings))
            if len(pending) >= 2 * self.workers:
                done, pending = self._ray.wait(pending, num_returns=1)
                yield self._ray.get(done[0])
        while pending:
            done, pending = self._ray.wait(pending, num_returns=1)
            yield self._ray.get(done[0])

    def close(self) -> None:
        """Leave the cluster running; a local one ends with the process."""
