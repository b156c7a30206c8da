"""What every embedder of the prepared model shares: prompt names and how texts are batched."""

from __future__ import annotations

from collections.abc import Sequence

QUERY_PROMPTS = ("query",)
DOCUMENT_PROMPTS = ("document", "passage", "corpus")
QUERY_MAX_TOKENS = 128  # prompt and <s></s> included; a citizen's question is ~15-40


def pick_prompt(prompts: dict[str, str], names: Sequence[str]) -> str | None:
    for name in names:
        if prompts.get(name):
            return name
    return None


def token_budget_chunks(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """Indices grouped longest first, so that padding stays cheap and memory bounded.

    A batch costs its longest row times its size: one 110-token question among 31 short
    ones made a micro-batch 6× slower, and 64 documents of 512 tokens need ~1.4 GB of
    attention. A group closes when (longest × size) would pass `budget` or when the next
    row is under half the longest (and more than 16 tokens shorter).
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    chunks: list[list[int]] = []
    for i in order:
        if chunks:
            longest = lengths[chunks[-1][0]]  # a group's first index is its longest row
            fits = longest * (len(chunks[-1]) + 1) <= budget
            if fits and longest - lengths[i] <= max(16, lengths[i]):
                chunks[-1].append(i)
                continue
        chunks.append([i])
    return chunks
