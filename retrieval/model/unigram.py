"""The prepared model's `tokenizer.json` run in plain Python: ~40 MB instead of ~300 MB.

The `tokenizers` library builds a trie of hash maps over the 250k XLM-R pieces: ~300 MB and
1.5–4 s before the first question, most of a retrieval process's memory on the `ort` path. Here the
pieces are one dict and the normaliser's double-array trie is read in place. The pipeline is the one
`retrieval.model.e5_tokenizer` writes, reproduced step by step as `tokenizers` runs it (tests hold
the ids equal on real and odd text):

special tokens cut out of the raw text → per grapheme, the `Precompiled` character map (a cluster
whose first character maps is replaced whole, as `tokenizers` does) → runs of spaces collapsed →
`▁` for spaces and in front → split around characters no piece contains → Viterbi over the pieces
(unknown characters `<unk>`, adjacent ones fused within a split) → `<s> … </s>`, truncated.
"""

from __future__ import annotations

import base64
import json
import re
import struct
import unicodedata
from pathlib import Path
from typing import Any

UNK_PENALTY = 10.0  # `tokenizers`' K_UNK_PENALTY: an unknown character scores min_score - 10
METASPACE = "▁"
MEMO_WORDS = 50_000  # words remembered with their ids (a few MB); cleared when full
# a character whose grapheme cluster goes on: combining and spacing marks, joiners, skin tones
_CLUSTER_CATEGORIES = frozenset({"Mn", "Me", "Mc"})
_JOINERS = frozenset({"\u200c", "\u200d"})
_CONTROL_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})


class UnigramError(ValueError):
    """The tokenizer.json is not the pipeline this module reproduces; the message is one line."""


def _alone(ch: str) -> bool:
    """Grapheme break "Control": nothing joins its cluster."""
    return ch not in _JOINERS and unicodedata.category(ch) in _CONTROL_CATEGORIES


def _extends_cluster(ch: str) -> bool:
    return (
        ch in _JOINERS
        or unicodedata.category(ch) in _CLUSTER_CATEGORIES
        or "\U0001f3fb" <= ch <= "\U0001f3ff"
    )


class CharMap:
    """SentencePiece's `precompiled_charsmap`: a Darts-clone trie over UTF-8 keys and a blob of
    NUL-terminated replacements. Looked up per character, memoised."""

    def __init__(self, raw: bytes) -> None:
        (trie_bytes,) = struct.unpack_from("<I", raw)
        count = trie_bytes // 4
        self._units = struct.unpack_from(f"<{count}I", raw, 4)
        self._blob = raw[4 + trie_bytes :]
        self._memo: dict[str, str | None] = {}

    @staticmethod
    def _offset(unit: int) -> int:
        return (unit >> 10) << ((unit & (1 << 9)) >> 6)

    def lookup(self, ch: str) -> str | None:
        """The replacement of one character, or None when it maps to itself."""
        if ch in self._memo:
            return self._memo[ch]
        units = self._units
        pos = self._offset(units[0])
        found: str | None = None
        for byte in ch.encode("utf-8"):
            pos ^= byte
            if pos >= len(units) or (units[pos] & 0x800000FF) != byte:
                break
            unit = units[pos]
            pos ^= self._offset(unit)
            if (unit >> 8) & 1:
                start = units[pos] & 0x7FFFFFFF
                end = self._blob.index(b"\0", start)
                found = self._blob[start:end].decode("utf-8")
                break
        self._memo[ch] = found
        return found

    def normalize(self, text: str) -> str:
        """`tokenizers`' Precompiled: a cluster under 6 UTF-8 bytes whose first character maps
        becomes that character's replacement; otherwise characters map one by one."""
        out: list[str] = []
        i, n = 0, len(text)
        while i < n:
            ch = text[i]
            mapped = self.lookup(ch)
            end = i + 1
            if ch == "\r" and end < n and text[end] == "\n":
                end += 1
            while end < n and not _alone(ch) and _extends_cluster(text[end]):
                end += 1
            if mapped is not None and len(text[i:end].encode("utf-8")) < 6:
                out.append(mapped)
            else:
                for c in text[i:end]:
                    m = self.lookup(c)
                    out.append(c if m is None else m)
            i = end
        return "".join(out)


class UnigramTokenizer:
    """`encode(text, max_tokens)` → ids, equal to `tokenizers.Tokenizer.from_file(...)` with
    truncation at `max_tokens` (the two special tokens included)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        model = spec.get("model") or {}
        if model.get("type") != "Unigram" or model.get("byte_fallback"):
            raise UnigramError("not a Unigram model without byte fallback")
        vocab: list[list[Any]] = model["vocab"]
        pieces = [str(p) for p, _ in vocab]
        self._ids = dict(zip(pieces, range(len(pieces)), strict=True))
        self._scores = [float(s) for _, s in vocab]
        self._unk = int(model["unk_id"])
        self._unk_score = min(self._scores) - UNK_PENALTY
        specials = {str(t["content"]): int(t["id"]) for t in spec.get("added_tokens") or []}
        self._special_ids = specials
        self._specials = re.compile("|".join(re.escape(s) for s in sorted(specials, key=len)[::-1]))
        self._bos, self._eos = specials["<s>"], specials["</s>"]
        self._longest = max(map(len, pieces))  # bounds the Viterbi's lookups
        self._known = frozenset("".join(p for p in pieces if p not in specials))
        if any(METASPACE in p[1:] for p in pieces):
            raise UnigramError(f"a piece holds {METASPACE!r} inside: words cannot be split")
        self._memo: dict[str, list[int]] = {}
        self._charmap, self._collapse = _normalizers(spec.get("normalizer"))
        _check_rest(spec)

    @classmethod
    def from_file(cls, path: Path) -> UnigramTokenizer:
        try:
            spec = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise UnigramError(f"{path} is unreadable: {exc}") from None
        try:
            return cls(spec)
        except (KeyError, TypeError, IndexError, struct.error) as exc:
            raise UnigramError(f"{path}: unexpected layout ({type(exc).__name__}: {exc})") from None

    @property
    def pad_id(self) -> int:
        return self._special_ids.get("<pad>", 0)

    def encode(self, text: str, max_tokens: int) -> list[int]:
        ids: list[int] = []
        at = 0
        for match in self._specials.finditer(text):
            ids += self._encode_plain(text[at : match.start()])
            ids.append(self._special_ids[match.group()])
            at = match.end()
        ids += self._encode_plain(text[at:])
        return [self._bos, *ids[: max(0, max_tokens - 2)], self._eos]

    def _encode_plain(self, text: str) -> list[int]:
        if not text:
            return []
        text = self._collapse.sub(" ", self._charmap.normalize(text))
        if not text:
            return []
        text = text.replace(" ", METASPACE)
        if not text.startswith(METASPACE):
            text = METASPACE + text
        # No piece holds `▁` past its first character, so every `▁` starts a piece on any path:
        # the Viterbi splits into words there, and a question's words are mostly seen before.
        ids: list[int] = []
        memo = self._memo
        for word in text.split(METASPACE)[1:]:
            word = METASPACE + word
            found = memo.get(word)
            if found is None:
                if len(memo) >= MEMO_WORDS:
                    memo.clear()
                found = memo[word] = self._word(word)
            ids += found
        return ids

    def _word(self, text: str) -> list[int]:
        ids: list[int] = []
        start = 0
        for i, ch in enumerate(text):
            if ch not in self._known:  # isolated: its own split, never fused with a neighbour
                ids += self._viterbi(text[start:i])
                ids.append(self._unk)
                start = i + 1
        ids += self._viterbi(text[start:])
        return ids

    def _viterbi(self, text: str) -> list[int]:
        n = len(text)
        if not n:
            return []
        score = [0.0] * (n + 1)
        start_of = [-1] * (n + 1)
        piece = [0] * (n + 1)
        ids, scores, longest = self._ids, self._scores, self._longest
        for s in range(n):
            base = score[s]
            single = False
            for end in range(s + 1, min(n, s + longest) + 1):
                pid = ids.get(text[s:end])
                if pid is None:
                    continue
                cand = base + scores[pid]
                if start_of[end] < 0 or cand > score[end]:
                    score[end], start_of[end], piece[end] = cand, s, pid
                if end == s + 1:
                    single = True
            if not single:
                cand = base + self._unk_score
                if start_of[s + 1] < 0 or cand > score[s + 1]:
                    score[s + 1], start_of[s + 1], piece[s + 1] = cand, s, self._unk
        out: list[int] = []
        end = n
        while end > 0:
            pid = piece[end]
            if not (pid == self._unk and out and out[-1] == self._unk):
                out.append(pid)
            end = start_of[end]
        out.reverse()
        return out


def _normalizers(spec: Any) -> tuple[CharMap, re.Pattern[str]]:
    steps = spec.get("normalizers") if isinstance(spec, dict) else None
    kinds = [s.get("type") for s in steps or []]
    if kinds != ["Precompiled", "Replace"] or steps is None:
        raise UnigramError(f"normalizers {kinds} are not Precompiled, Replace")
    replace = steps[1]
    if replace.get("pattern") != {"Regex": " {2,}"} or replace.get("content") != " ":
        raise UnigramError("the Replace normaliser is not 'runs of spaces → one space'")
    raw = base64.b64decode(steps[0]["precompiled_charsmap"])
    return CharMap(raw), re.compile(" {2,}")


def _check_rest(spec: dict[str, Any]) -> None:
    pre = spec.get("pre_tokenizer") or {}
    kinds = [p.get("type") for p in pre.get("pretokenizers") or []]
    if kinds != ["Metaspace", "Split"]:
        raise UnigramError(f"pre-tokenizers {kinds} are not Metaspace, Split")
    meta = pre["pretokenizers"][0]
    if (
        meta.get("prepend_scheme") != "always"
        or meta.get("split")
        or meta.get("replacement") != (METASPACE)
    ):
        raise UnigramError("the Metaspace pre-tokenizer is not the prepared one")
    if (spec.get("post_processor") or {}).get("type") != "TemplateProcessing":
        raise UnigramError("the post-processor is not <s> … </s>")
