"""Micro-batches in two stages: every caller gets its own result or the batch's error, and a batch
is ranked while the next one is in the model."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import pytest

from retrieval.batching import MIN_HALF, MicroBatcher


class Stages:
    def __init__(self) -> None:
        self.first_sizes: list[int] = []
        self.second_batch_started = threading.Event()
        self.first_ranked = threading.Event()

    def first(self, items: Sequence[int]) -> list[int]:
        if self.first_sizes:
            self.second_batch_started.set()
        self.first_sizes.append(len(items))
        return [i * 10 for i in items]

    def then(self, encoded: list[int]) -> list[str]:
        return [f"answer {e}" for e in encoded]


async def test_each_caller_gets_its_own_answer_and_a_crowd_is_split_in_two() -> None:
    stages = Stages()
    with ThreadPoolExecutor(1) as model, ThreadPoolExecutor(1) as ranker:
        batcher: MicroBatcher[int, list[int], str] = MicroBatcher(
            stages.first, stages.then, model, ranker, max_batch=64
        )
        answers = await asyncio.gather(*(batcher.submit(i) for i in range(40)))
    assert answers == [f"answer {i * 10}" for i in range(40)]
    assert sum(stages.first_sizes) == 40
    # nothing was being ranked and 40 waited: half went first, the rest while it was ranked
    assert stages.first_sizes == [20, 20]


async def test_without_a_ranking_worker_batches_are_not_split() -> None:
    stages = Stages()
    with ThreadPoolExecutor(1) as model:
        batcher: MicroBatcher[int, list[int], str] = MicroBatcher(
            stages.first, stages.then, model, max_batch=64
        )
        answers = await asyncio.gather(*(batcher.submit(i) for i in range(40)))
    assert answers == [f"answer {i * 10}" for i in range(40)]
    assert stages.first_sizes == [40]


async def test_a_batch_is_ranked_while_the_next_is_in_the_model() -> None:
    stages = Stages()

    def then(encoded: list[int]) -> list[str]:
        # the first batch's ranking waits until the model has started on the next batch: with
        # the stages run one after the other this would never happen
        if not stages.first_ranked.is_set():
            stages.first_ranked.set()
            assert stages.second_batch_started.wait(timeout=30)
        return stages.then(encoded)

    with ThreadPoolExecutor(1) as model, ThreadPoolExecutor(1) as ranker:
        batcher: MicroBatcher[int, list[int], str] = MicroBatcher(
            stages.first, then, model, ranker, max_batch=64
        )
        answers = await asyncio.gather(*(batcher.submit(i) for i in range(4 * MIN_HALF)))
    assert answers == [f"answer {i * 10}" for i in range(4 * MIN_HALF)]


@pytest.mark.parametrize("stage", ["first", "then"])
async def test_a_failing_stage_fails_its_callers_only(stage: str) -> None:
    stages = Stages()
    calls = {"n": 0}

    def first(items: Sequence[int]) -> list[int]:
        calls["n"] += 1
        if stage == "first" and calls["n"] == 1:
            raise RuntimeError("model down")
        return stages.first(items)

    def then(encoded: list[int]) -> list[str]:
        if stage == "then" and 0 in encoded:
            raise RuntimeError("ranking failed")
        return stages.then(encoded)

    with ThreadPoolExecutor(1) as model, ThreadPoolExecutor(1) as ranker:
        batcher: MicroBatcher[int, list[int], str] = MicroBatcher(first, then, model, ranker)
        with pytest.raises(RuntimeError):
            await batcher.submit(0)
        assert await batcher.submit(5) == "answer 50"


async def test_a_lone_question_is_ranked_on_the_model_thread_a_crowd_on_the_other() -> None:
    threads: dict[str, set[str]] = {"first": set(), "then": set()}

    def first(items: Sequence[int]) -> list[int]:
        threads["first"].add(threading.current_thread().name)
        return [i * 10 for i in items]

    def then(encoded: list[int]) -> list[str]:
        threads["then"].add(threading.current_thread().name)
        return [f"answer {e}" for e in encoded]

    with (
        ThreadPoolExecutor(1, thread_name_prefix="model") as model,
        ThreadPoolExecutor(1, thread_name_prefix="rank") as ranker,
    ):
        batcher: MicroBatcher[int, list[int], str] = MicroBatcher(first, then, model, ranker)
        assert await batcher.submit(1) == "answer 10"  # nothing else waiting: no hand-off
        assert {t.split("_")[0] for t in threads["then"]} == {"model"}
        answers = await asyncio.gather(*(batcher.submit(i) for i in range(4 * MIN_HALF)))
    assert answers == [f"answer {i * 10}" for i in range(4 * MIN_HALF)]
    # the crowd's first half was ranked on the ranking thread while the second half encoded
    assert {t.split("_")[0] for t in threads["then"]} == {"model", "rank"}


async def test_without_a_ranking_worker_a_lone_question_is_ranked_in_its_model_hand_off() -> None:
    """One executor call for a lone question: encode and ranking back to back, not a second call
    after a round trip through the event loop (two thread wake-ups per question)."""
    calls: list[str] = []

    class Counting(ThreadPoolExecutor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
            calls.append(getattr(fn, "__name__", "?"))
            return super().submit(fn, *args, **kwargs)

    stages = Stages()
    with Counting(1) as model:
        batcher: MicroBatcher[int, list[int], str] = MicroBatcher(
            stages.first, stages.then, model, max_batch=64
        )
        assert await batcher.submit(3) == "answer 30"
        assert len(calls) == 1
        answers = await asyncio.gather(*(batcher.submit(i) for i in range(40)))
    assert answers == [f"answer {i * 10}" for i in range(40)]
