"""Schedule: batches in input order, the last ones largest first, results back in input order."""

from __future__ import annotations

import pytest

from kronika.engine.schedule import Schedule, batch_chars
from kronika.model import InputResult, RawInput


def _batch(name: str, chars: int) -> list[RawInput]:
    return [RawInput(source=name, external_id=name, body="x" * chars)]


def _results(batch: list[RawInput]) -> list[InputResult]:
    return [InputResult(raw=raw) for raw in batch]


def _drain(schedule: Schedule) -> list[int]:
    taken = []
    while (item := schedule.take()) is not None:
        taken.append(item[0])
    return taken


@pytest.mark.parametrize("sizes", [[5, 9, 1]])
def test_batch_chars_counts_every_input(sizes: list[int]) -> None:
    batch = [raw for n, size in enumerate(sizes) for raw in _batch(str(n), size)]
    assert batch_chars(batch) == sum(sizes)


@pytest.mark.parametrize(
    "sizes,ahead,order",
    [
        ([10, 10, 10, 10, 90], 8, [4, 0, 1, 2, 3]),  # the end is seen: a long last batch first
        ([10, 10, 10], 8, [0, 1, 2]),  # even batches keep their order
        ([10, 90, 10, 10, 10], 3, [0, 1, 2]),  # before the end is seen: input order
    ],
)
def test_schedule_last_batches_go_largest_first(
    sizes: list[int], ahead: int, order: list[int]
) -> None:
    batches = [_batch(str(n), size) for n, size in enumerate(sizes)]
    assert _drain(Schedule(iter(batches), ahead=ahead)) == order


@pytest.mark.parametrize("ahead", [3])
def test_schedule_reads_at_most_ahead_batches_beyond_the_oldest_unwritten(ahead: int) -> None:
    read: list[int] = []

    def stream():
        for n in range(10):
            read.append(n)
            yield _batch(str(n), 10)

    schedule = Schedule(stream(), ahead=ahead)
    taken = _drain(schedule)
    assert taken == [0, 1, 2] and len(read) == ahead
    for number in reversed(taken[1:]):  # batch 0 unfinished: nothing more may be read
        schedule.finish(number, [])
    assert list(schedule.ready()) == [] and schedule.take() is None and len(read) == ahead
    schedule.finish(0, [])
    assert len(list(schedule.ready())) == 3
    assert schedule.take() is not None and len(read) == 2 * ahead


@pytest.mark.parametrize("finish_order", [[2, 0, 3, 1], [3, 2, 1, 0]])
def test_schedule_yields_results_in_input_order(finish_order: list[int]) -> None:
    batches = [_batch(str(n), 10 * (n + 1)) for n in range(4)]
    schedule = Schedule(iter(batches), ahead=8)
    assert sorted(_drain(schedule)) == [0, 1, 2, 3]
    out: list[list[InputResult]] = []
    for number in finish_order:
        schedule.finish(number, _results(batches[number]))
        out += schedule.ready()
    assert [results[0].raw.source for results in out] == ["0", "1", "2", "3"]
