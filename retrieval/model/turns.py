"""Model calls take turns on the model's lanes, and a waiting question goes before the next
chunk of a document build.

A corpus rebuild inside a serving process (a moderator's publish, the retrieval service's reload)
encodes thousands of statements in chunks. With one plain lock around the whole build, every
question waited for all of it (18 s of "search unavailable" in the replicas load bench); with a
plain lock per chunk the build thread, which never releases the GIL between chunks, takes it
back before the question's thread wakes. Here a question always goes before the next chunk.

A lane is one loaded copy of the model (`RETRIEVAL__MODEL_LANES`); each turn holds one lane, so
as many calls run at once as there are lanes, each on its own copy.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

BUILD_LANE = 0


class QueriesFirst:
    def __init__(self, lanes: int = 1) -> None:
        self._cond = threading.Condition()
        self._free = list(range(max(1, lanes)))
        self._queries_waiting = 0

    def turn(self, *, query: bool) -> AbstractContextManager[int]:
        """A question's turn or a document chunk's turn; yields the lane it holds."""
        return self.query() if query else self.chunk()

    @contextmanager
    def query(self) -> Iterator[int]:
        """A question's encode: waits only until a lane is free."""
        with self._cond:
            self._queries_waiting += 1
            try:
                self._cond.wait_for(lambda: bool(self._free))
            finally:
                self._queries_waiting -= 1
            # a question leaves the build's lane to the build when another one is free
            others = [lane for lane in self._free if lane != BUILD_LANE]
            lane = others[-1] if others else BUILD_LANE
            self._free.remove(lane)
        try:
            yield lane
        finally:
            self._release(lane)

    @contextmanager
    def chunk(self) -> Iterator[int]:
        """One chunk of documents: waits for the first lane and for every waiting question.

        Builds use the first lane only: a document chunk needs far more working memory than a
        batch of questions (512-token rows), and every lane that ran one would keep it (two
        lanes both building: +300 MB peak in `atazan bench`). Questions meanwhile take the
        other lanes without waiting for the build at all."""
        with self._cond:
            self._cond.wait_for(lambda: BUILD_LANE in self._free and not self._queries_waiting)
            self._free.remove(BUILD_LANE)
        try:
            yield BUILD_LANE
        finally:
            self._release(BUILD_LANE)

    def _release(self, lane: int) -> None:
        with self._cond:
            self._free.append(lane)
            self._cond.notify_all()
