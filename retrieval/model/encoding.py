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


# A micro-batch of questions is cut into groups of at least this many rows once the next row is
# under SHORTER of the group's longest: 32 questions of 8-20 tokens padded to 20 spend a third of
# the model's work on padding, and a call of 8 rows costs little more per row than one of 32
# (ort-w8, 32 questions a call: 190 → 229 questions/s with these two values, 221 with groups of 8
# regardless of length).
MIN_GROUP = 8
SHORTER = 0.85


def token_budget_chunks(
    lengths: Sequence[int], budget: int, *, min_group: int | None = None
) -> list[list[int]]:
    """Indices grouped longest first, so that padding stays cheap and memory bounded.

    A batch costs its longest row times its size: one 110-token question among 31 short
    ones made a micro-batch 6× slower, and 64 documents of 512 tokens need ~1.4 GB of
    attention. A group closes when (longest × size) would pass `budget` or when the next
    row is under half the longest (and more than 16 tokens shorter). With `min_group`, a group
    of that many rows also closes when the next row is under `SHORTER` of its longest and at
    least `min_group` rows are left for the next group.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    chunks: list[list[int]] = []
    for done, i in enumerate(order):
        if chunks:
            group = chunks[-1]
            longest = lengths[group[0]]  # a group's first index is its longest row
            fits = longest * (len(group) + 1) <= budget
            cut = (
                min_group is not None
                and len(group) >= min_group
                and len(order) - done >= min_group
                and lengths[i] < SHORTER * longest
            )
            if fits and not cut and longest - lengths[i] <= max(16, lengths[i]):
                group.append(i)
                continue
        chunks.append([i])
    return chunks
