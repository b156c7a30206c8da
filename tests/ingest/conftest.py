"""Shared fixtures: the repo's curated YAML, one natasha load per session, the parsed seed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from retrieval.ingest import make_context, parse_bytes, parse_file
from retrieval.ingest.segment import Context
from retrieval.models import Meeting, ParseResult, Statement

REPO = Path(__file__).resolve().parents[2]
CORPUS_DIR = REPO / "corpus"
SEED = CORPUS_DIR / "raw" / "2026-03-05-senate-constitution-meetings.txt"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def context() -> Context:
    return make_context(CORPUS_DIR)


@pytest.fixture(scope="session")
def seed(context: Context) -> ParseResult:
    return parse_file(SEED, corpus_dir=CORPUS_DIR, context=context)


@pytest.fixture
def parse(context: Context) -> Callable[..., ParseResult]:
    """parse(text or bytes, name='x.txt') → ParseResult, sharing the session's natasha."""

    def _parse(content: str | bytes, name: str = "release.txt") -> ParseResult:
        data = content.encode("utf-8") if isinstance(content, str) else content
        return parse_bytes(name, data, corpus_dir=CORPUS_DIR, context=context)

    return _parse


def by_senator(meetings: list[Meeting], surname: str) -> Meeting:
    found = [m for m in meetings if any(surname in n for n in m.senators)]
    assert len(found) == 1, f"{surname}: {[m.senators for m in meetings]}"
    return found[0]


def said(result: ParseResult, opening: str) -> Statement:
    """The one statement that opens with `opening` (the tests of published forms find by it)."""
    found = [s for s in result.corpus.statements() if s.text.startswith(opening)]
    assert len(found) == 1, [s.text[:40] for s in result.corpus.statements()]
    return found[0]


def speakers(result: ParseResult) -> set[str]:
    return {n for s in result.corpus.statements() for n in s.speakers}
