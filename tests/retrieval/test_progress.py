"""Progress bars of the long shell commands: drawn on a terminal, silent otherwise."""

from __future__ import annotations

import io

from retrieval.progress import TerminalProgress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_bar_per_stage_with_counts() -> None:
    stream = Tty()
    with TerminalProgress("index build", stream) as progress:
        progress("validate")
        progress("parse", 0, 2)
        progress("parse", 2, 2)
        progress("embed", 0, 300)
        progress("embed", 300, 300)
        progress("switch")
    drawn = stream.getvalue()
    assert "index build: parse" in drawn and "2/2" in drawn
    assert "index build: embed" in drawn and "300/300" in drawn
    assert "index build: switch" in drawn


def test_nothing_is_drawn_when_the_output_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with TerminalProgress("corpus build", stream) as progress:
        progress("parse", 1, 2)
        progress.log("corpus: 1 documents")
    assert stream.getvalue() == "" and not progress.enabled
