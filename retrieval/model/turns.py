"""One model call at a time, and a waiting question before the next chunk of a document build.

A corpus rebuild inside a serving process (a moderator's publish, the retrieval service's reload)
encodes thousands of statements in chunks. With one plain lock around the whole build, every
question waited for all of it (18 s of "search unavailable" in the replicas load bench); with a
plain lock per chunk the build thread, which never releases the GIL between chunks, takes it
back before the question's thread wakes. Here a question always goes before the next chunk.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager


class QueriesFirst:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._busy = False
        self._queries_waiting = 0

    def turn(self, *, query: bool) -> AbstractContextManager[None]:
        """A question's turn or a document chunk's turn."""
        return self.query() if query else self.chunk()

    @contextmanager
    def query(self) -> Iterator[None]:
        """A question's encode: waits only for the call running now."""
        with self._cond:
            self._queries_waiting += 1
            try:
                self._cond.wait_for(lambda: not self._busy)
            finally:
                self._queries_waiting -= 1
            self._busy = True
        try:
            yield
        finally:
            self._release()

    @contextmanager
    def chunk(self) -> Iterator[None]:
        """One chunk of documents: waits for the call running now and every waiting question."""
        with self._cond:
            self._cond.wait_for(lambda: not self._busy and not self._queries_waiting)
            self._busy = True
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        with self._cond:
            self._busy = False
            self._cond.notify_all()
