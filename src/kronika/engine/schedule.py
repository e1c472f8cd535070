"""Which batch a free worker gets next, and the results handed back in input order.

Both engines read a few batches ahead of the workers. Batches go out in input
order, so results can be written as they come; once the stream is read to its
end, the batches still waiting go out *largest first*. A long report that
arrives last would otherwise run alone while the other workers sit idle at the
end of the run; taken first, it overlaps with the short batches around it.
Results are always yielded in input order, so the store is written in the same
order as with one worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import InputResult, RawInput


def batch_chars(batch: list[RawInput]) -> int:
    """The characters of text in ``batch``: the measure of its work."""
    return sum(len(raw.body) for raw in batch)


class Schedule:
    """Reads ``ahead`` batches beyond the oldest unwritten one; the last ones go largest first.

    At most ``ahead`` batches are read but not yet yielded, so memory stays
    bounded however long the stream is.
    """

    def __init__(self, batches: Iterable[list[RawInput]], ahead: int) -> None:
        self._stream = iter(batches)
        self._ahead = max(1, ahead)
        self._waiting: list[tuple[int, int, list[RawInput]]] = []  # (chars, number, batch)
        self._read = 0
        self._done: dict[int, list[InputResult]] = {}
        self._next_out = 0
        self._exhausted = False

    def take(self) -> tuple[int, list[RawInput]] | None:
        """Return the next batch to run and its number, or None when none can be handed out."""
        while not self._exhausted and self._read - self._next_out < self._ahead:
            batch = next(self._stream, None)
            if batch is None:
                self._exhausted = True
                break
            self._waiting.append((batch_chars(batch), self._read, batch))
            self._read += 1
        if not self._waiting:
            return None
        best = 0
        if self._exhausted:  # the end of the run: largest first (among equals the earliest)
            best = min(range(len(self._waiting)), key=lambda i: (-self._waiting[i][0], i))
        _, number, batch = self._waiting.pop(best)
        return number, batch

    def finish(self, number: int, results: list[InputResult]) -> None:
        """Record the results of batch ``number``."""
        self._done[number] = results

    def ready(self) -> Iterator[list[InputResult]]:
        """Yield every finished batch's results that is next in input order."""
        while self._next_out in self._done:
            results = self._done.pop(self._next_out)
            self._next_out += 1
            yield results
