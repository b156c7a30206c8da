"""Lanes: a batch dealt out to several copies of the model, each call holding one copy."""

from __future__ import annotations

import threading
import time

from retrieval.model.ort_embedder import deal
from retrieval.model.turns import QueriesFirst


def test_rows_are_dealt_longest_first_so_every_share_gets_every_length() -> None:
    ids = [[0] * n for n in (5, 30, 12, 30, 5, 12)]
    shares = deal(ids, 2)
    assert sorted(i for s in shares for i in s) == list(range(6))
    assert [sorted(len(ids[i]) for i in s) for s in shares] == [[5, 12, 30]] * 2
    assert deal(ids[:1], 2) == [[0]]  # one row: one share, whatever the lanes
    assert deal(ids, 1) == [[1, 3, 2, 5, 0, 4]]


def test_each_turn_holds_its_own_lane_and_a_third_call_waits() -> None:
    turns = QueriesFirst(2)
    held: list[int] = []
    release = threading.Event()
    third_started = threading.Event()

    def ask(record: bool) -> None:
        with turns.query() as lane:
            if record:
                held.append(lane)
                release.wait(5)
            else:
                third_started.set()

    first = [threading.Thread(target=ask, args=(True,)) for _ in range(2)]
    for t in first:
        t.start()
    while len(held) < 2:
        time.sleep(0.001)
    assert sorted(held) == [0, 1]
    third = threading.Thread(target=ask, args=(False,))
    third.start()
    assert not third_started.wait(0.2)  # both lanes busy
    release.set()
    third.join(5)
    assert third_started.is_set()
    for t in first:
        t.join(5)


def test_a_build_chunk_waits_for_a_waiting_question_even_with_a_free_lane_later() -> None:
    turns = QueriesFirst(1)
    order: list[str] = []
    running = threading.Event()
    finish = threading.Event()

    def chunk(name: str, hold: bool) -> None:
        with turns.chunk():
            order.append(name)
            if hold:
                running.set()
                finish.wait(5)

    def question() -> None:
        with turns.query():
            order.append("question")

    build = threading.Thread(target=chunk, args=("chunk 1", True))
    build.start()
    assert running.wait(5)
    asked = threading.Thread(target=question)
    asked.start()
    while not turns._queries_waiting:
        time.sleep(0.001)
    later = threading.Thread(target=chunk, args=("chunk 2", False))
    later.start()
    time.sleep(0.05)
    finish.set()
    for t in (build, asked, later):
        t.join(5)
    assert order == ["chunk 1", "question", "chunk 2"]


def test_a_build_keeps_to_the_first_lane_and_questions_take_the_others() -> None:
    turns = QueriesFirst(2)
    with turns.chunk() as build_lane, turns.query() as question_lane:
        assert (build_lane, question_lane) == (0, 1)
    with turns.query() as alone:
        assert alone == 1  # the build's lane stays free while another is
