"""Progress of long shell commands (`model prepare`, `corpus build`, `index build`) as a bar in
the terminal; silent when stderr is not a TTY (CI logs, pipes, Docker builds)."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, TextIO

if TYPE_CHECKING:
    from tqdm import tqdm


class Step(Protocol):
    """Progress of a long job: the stage it entered and, where countable, done/total items."""

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None: ...


def no_progress(stage: str, done: int = 0, total: int = 0) -> None:
    """The default `Step`: report nothing."""


class TerminalProgress:
    """A `Step` callback: one bar per stage that reports totals, the stage name otherwise."""

    def __init__(self, what: str, stream: TextIO | None = None, *, force: bool = False) -> None:
        self._what = what
        self._stream = stream or sys.stderr
        self.enabled = force or self._stream.isatty()
        self._bar: tqdm[Any] | None = None
        self._stage = ""

    def __call__(self, stage: str, done: int = 0, total: int = 0) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        desc = f"{self._what}: {stage}"
        same_bar = self._bar is not None and total and self._bar.total == total
        if not same_bar and (stage != self._stage or self._bar is None or total):
            self._close()
            self._bar = tqdm(
                total=total or None,
                desc=desc,
                file=self._stream,
                leave=False,
                dynamic_ncols=True,
                unit="",
            )
        self._stage = stage
        if self._bar is not None:
            if self._bar.desc != desc:
                self._bar.set_description_str(desc, refresh=False)
            if total:
                self._bar.update(done - self._bar.n)
                if done >= total:
                    self._bar.refresh()  # a stage's last count is drawn even if it came fast

    def log(self, message: str) -> None:
        """Print a line without breaking the bar."""
        if self._bar is not None:
            from tqdm import tqdm

            tqdm.write(message, file=sys.stdout)
        else:
            print(message, flush=True)

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close()
