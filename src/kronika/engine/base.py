"""The Engine protocol: map a pure, picklable batch function over batches.

Engines know nothing about NLP or storage. They receive the top-level
``process_batch`` function and an iterable of batches, and yield each batch's
results as they come; the caller writes them to a store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from ..model import InputResult, RawInput
from ..settings import Settings

BatchFn = Callable[[list[RawInput], Settings], list[InputResult]]


class Engine(Protocol):
    """Runs ``fn(batch, settings)`` over every batch and yields the results.

    Contract: every batch is processed exactly once; results may arrive in any
    order; an exception raised by ``fn`` (a bug, never a per-article problem,
    which comes back as a ``Skip``) propagates to the caller.
    """

    def run(
        self, fn: BatchFn, batches: Iterable[list[RawInput]], settings: Settings
    ) -> Iterator[list[InputResult]]:
        """Yield the results of ``fn`` for each batch."""
        ...

    def close(self) -> None:
        """Release workers."""
        ...
