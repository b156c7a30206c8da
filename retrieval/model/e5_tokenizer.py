"""A Hugging Face `tokenizers` pipeline that reproduces e5.c's XLM-R unigram tokenizer.

e5.c: map every codepoint through the normalisation map, collapse runs of spaces,
prepend `▁` unless the text starts with a space, turn spaces into `▁`, run a Viterbi
over the whole string (no word splitting; an unknown character is its own `<unk>`),
and wrap in `<s> … </s>`. Differences from stock XLM-R `tokenizer.json` that this
reproduces on purpose: no whitespace pre-split (so a trailing space yields a `▁`
token), and consecutive unknown characters are not fused into one `<unk>`.

Known residual difference: HF's `Precompiled` normaliser maps a whole grapheme cluster
by its first codepoint, so a *mapped* character followed by a combining mark (e.g.
full-width `Ｇ` + U+0301) loses the mark, where e5.c keeps it. Such text does not occur
in ru/kk/en prose; the model test checks real sentences.
"""

from __future__ import annotations

import struct
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tokenizers import Tokenizer

    from retrieval.model.e5_format import E5Vocab

METASPACE = "▁"
SPECIAL_TOKENS = ("<s>", "<pad>", "</s>", "<unk>", "<mask>")


def build_charsmap(mapping: dict[int, str]) -> bytes:
    """SentencePiece `precompiled_charsmap` bytes (a Darts-clone double-array trie).

    Keys are the UTF-8 bytes of single codepoints; each value is the offset of the
    NUL-terminated replacement in the trailing blob. Layout: u32 trie size in bytes,
    the trie units, the blob. A unit holds label (bits 0-7), has-leaf (bit 8) and the
    XOR offset to its children (bits 10+); a leaf unit sets bit 31 and holds the value.
    """
    blob = bytearray()
    root: dict[int, object] = {}
    for cp in sorted(mapping):
        node = root
        for byte in chr(cp).encode("utf-8"):
            child = node.setdefault(byte, {})
            assert isinstance(child, dict)
            node = child
        node[-1] = len(blob)  # -1 marks "a key ends here"
        blob += mapping[cp].encode("utf-8") + b"\0"

    units = [0] * 256
    used = bytearray(256)
    used[0] = 1  # the root
    used_bases: set[int] = set()
    first_free = 1
    queue: list[tuple[dict[int, object], int]] = [(root, 0)]
    for node, pos in queue:  # breadth first; the list grows while we walk it
        labels = sorted(0 if k == -1 else k for k in node)
        probe = first_free
        while True:
            if probe >= len(used):
                units.extend([0] * 256)
                used.extend(bytes(256))
            if not used[probe]:
                base = probe ^ labels[0]
                # Bases must be unique: a lookup only checks a child's label, not its parent.
                if base not in used_bases and not any(used[base ^ c] for c in labels):
                    break
            probe += 1
        used_bases.add(base)
        if (base ^ pos) >= 1 << 21:
            raise ValueError("charsmap trie too large for the offset encoding")
        units[pos] |= (base ^ pos) << 10
        for key, child in node.items():
            if key == -1:
                assert isinstance(child, int)
                units[base] = (1 << 31) | child
                used[base] = 1
            else:
                assert isinstance(child, dict)
                cpos = base ^ key
                used[cpos] = 1
                units[cpos] = key | (1 << 8 if -1 in child else 0)
                queue.append((child, cpos))
        while first_free < len(used) and used[first_free]:
            first_free += 1
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _no_piece_class(pieces: list[str]) -> str:
    """A regex class of every character that occurs in no piece: always `<unk>`.

    Isolating each such character as its own pre-token stops HF's Unigram from fusing
    runs of unknown characters into one `<unk>` (e5.c emits one per character). The
    split is exact: no piece can span such a character anyway.
    """
    known = sorted({ord(c) for p in pieces if p not in SPECIAL_TOKENS for c in p})
    ranges: list[list[int]] = []
    for cp in known:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    parts = (f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in ranges)
    return "[^" + "".join(parts) + "]"


def build_tokenizer(vocab: E5Vocab, norm_map: dict[int, str]) -> Tokenizer:
    """The full pipeline; ids equal e5.c's (`<s>`=0, `<pad>`=1, `</s>`=2, `<unk>`=3)."""
    from tokenizers import (
        AddedToken,
        Regex,
        Tokenizer,
        decoders,
        normalizers,
        pre_tokenizers,
        processors,
    )
    from tokenizers import models as tok_models

    expected = {vocab.bos: "<s>", vocab.pad: "<pad>", vocab.eos: "</s>", vocab.unk: "<unk>"}
    for idx, piece in expected.items():
        if vocab.pieces[idx] != piece:
            raise ValueError(f"vocabulary id {idx} is {vocab.pieces[idx]!r}, expected {piece!r}")
    model = tok_models.Unigram(
        list(zip(vocab.pieces, vocab.scores, strict=True)), unk_id=vocab.unk, byte_fallback=False
    )
    tok = Tokenizer(model)
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(build_charsmap(norm_map)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Metaspace(replacement=METASPACE, prepend_scheme="always", split=False),
            pre_tokenizers.Split(Regex(_no_piece_class(vocab.pieces)), behavior="isolated"),
        ]
    )
    tok.decoder = decoders.Metaspace(replacement=METASPACE, prepend_scheme="always", split=False)
    present = [t for t in SPECIAL_TOKENS if t in vocab.pieces]
    tok.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in present])
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", vocab.bos), ("</s>", vocab.eos)],
    )
    return tok
