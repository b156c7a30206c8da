"""The plain-Python tokenizer against `tokenizers` running the same tokenizer.json: equal ids.

A small hand-made vocabulary (fast, exact about the corner cases: unknowns, fusion, specials,
clusters, truncation) and the prepared model's own file on real and odd text.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from retrieval.config import RetrievalConfig
from retrieval.model.e5_format import E5Vocab
from retrieval.model.e5_tokenizer import build_tokenizer
from retrieval.model.quality import PASSAGES, QUERIES
from retrieval.model.unigram import UnigramError, UnigramTokenizer

if TYPE_CHECKING:
    from tokenizers import Tokenizer

SMALL_PIECES = [
    "▁",
    "▁в",
    "▁во",
    "▁воп",
    "рос",
    "о",
    "с",
    "р",
    "п",
    "в",
    "▁з",
    "е",
    "м",
    "л",
    "я",
    "▁зем",
    "ля",
    "а",
    "б",
    "▁а",
    "▁б",
    "ab",
    "h",
    " ",
    "x",
    "y",
    "▁x",
    "z",
    "zz",
]
# characters the fake normaliser maps: full-width letters, a ligature, a superscript, controls
SMALL_MAP = {0xFF41: "a", 0xFB01: "fi", 0x02B0: "h", 0x09: " ", 0x0A: " ", 0x0D: " ", 0x200E: " "}
ODD = [
    "",
    " ",
    "  ",
    "   x  y   ",
    "\t\r\nx",
    "x\r\n\ry",
    "<s>",
    "x<s>y</s><pad>",
    "<unk><mask>",
    "ａｂ",
    "ﬁ",
    "ʰ\u0301",
    "ʰ\u0301\u0301\u0301",
    "\u200e\u0301x",
    "q\u0301",
    "ʰ\u200dx",
    "ξξξ",
    "xξξy",
    "tt",
    "fif",
    "вопрос земля",
    "ВОПРОС",
    "зз зз",
]


def _small_pair() -> tuple[Tokenizer, UnigramTokenizer]:
    pieces = ["<s>", "<pad>", "</s>", "<unk>", *SMALL_PIECES, "<mask>"]
    scores = [0.0] * 4 + [-1.0 - (i % 7) * 0.37 for i in range(len(SMALL_PIECES))] + [0.0]
    vocab = E5Vocab(pieces=pieces, scores=scores, bos=0, eos=2, pad=1, unk=3)
    reference = build_tokenizer(vocab, SMALL_MAP)
    return reference, UnigramTokenizer(json.loads(reference.to_str()))


def _assert_same(
    reference: Tokenizer, lean: UnigramTokenizer, texts: list[str], limit: int
) -> None:
    reference.no_padding()
    reference.enable_truncation(limit)
    for text in texts:
        assert lean.encode(text, limit) == reference.encode(text).ids, repr(text)


def test_small_vocabulary_gives_the_ids_tokenizers_gives() -> None:
    reference, lean = _small_pair()
    rng = random.Random(14)
    alphabet = [*"вопрсземляаб xyzthfiξ", "ａ", "ﬁ", "ʰ", "\u0301", "\t", "\r\n", "\u200e", "<s>"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 25))) for _ in range(800)]
    _assert_same(reference, lean, [*ODD, *texts], 512)


def test_truncation_keeps_room_for_the_special_tokens() -> None:
    reference, lean = _small_pair()
    _assert_same(reference, lean, ["вопрос " * 40, "x" * 30, "ξ" * 10], 8)
    assert len(lean.encode("вопрос " * 40, 8)) == 8


def test_unknown_characters_fuse_only_when_pieces_contain_them() -> None:
    reference, lean = _small_pair()
    unk = 3
    # ξ is in no piece: each is split off alone and stays its own <unk>
    assert lean.encode("ξξ", 16).count(unk) == 2
    # Latin 'a' occurs only inside "ab": adjacent unknowns of one split fuse into one <unk>
    assert lean.encode("aa", 16).count(unk) == 1
    _assert_same(reference, lean, ["ξξ", "aa", "aξa", "aab"], 16)


def test_a_pipeline_it_does_not_reproduce_is_refused() -> None:
    reference, _ = _small_pair()
    spec = json.loads(reference.to_str())
    spec["normalizer"]["normalizers"] = spec["normalizer"]["normalizers"][:1]
    with pytest.raises(UnigramError, match="normalizers"):
        UnigramTokenizer(spec)
    spec = json.loads(reference.to_str())
    spec["model"]["vocab"].append(["▁a▁b", -5.0])
    with pytest.raises(UnigramError, match="inside"):
        UnigramTokenizer(spec)


@pytest.mark.model
def test_prepared_tokenizer_gives_the_ids_tokenizers_gives(
    prepared_config: RetrievalConfig,
) -> None:
    from tokenizers import Tokenizer

    path = prepared_config.prepared_model_dir / "tokenizer.json"
    reference = Tokenizer.from_file(str(path))
    lean = UnigramTokenizer.from_file(path)
    rng = random.Random(2026)
    # ru/kk/en letters, digits, punctuation, typographic quotes and dashes, typos of every kind
    alphabet = [
        *"абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
        *"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        *"abcdefghijklmnopqrstuvwxyzӘҒҚҢӨҰҮҺІЁЖЩ0123456789",
        *" ,.;:!?-()«»—–…\"'№%",
        " ",
        "  ",
        "\n",
        "\t",
        "\u00a0",
        "\u0301",
        "ﬁ",
        "²",
        "ℕ",
        "🇰🇿",
        "😀",
        "中",
    ]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80))) for _ in range(600)]
    words = " ".join([*QUERIES, *PASSAGES]).split()
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 40))) for _ in range(200)]
    for limit in (128, 512):
        _assert_same(
            reference,
            lean,
            [p + t for p in ("query: ", "passage: ") for t in [*QUERIES, *PASSAGES, *ODD, *texts]],
            limit,
        )


@pytest.mark.model
@pytest.mark.parametrize("backend", ["ort", "ort-w8", "ov-w8"])
def test_ort_backends_import_no_torch_and_no_tokenizers_library(
    data_dir: Path, backend: str
) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from retrieval.config import RetrievalConfig\n"
        "from retrieval.model.st_embedder import load_embedder\n"
        f"config = RetrievalConfig(data_dir=Path({str(data_dir)!r}), backend={backend!r})\n"
        "e = load_embedder(config)\n"
        "assert e.encode_queries(['Что сенаторы говорили о земле?']).shape == (1, e.dim)\n"
        "print(sorted({'torch', 'transformers', 'sentence_transformers', 'tokenizers'}"
        " & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=300
    )
    assert done.stdout.strip() == "[]"
