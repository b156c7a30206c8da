"""BM25 scores: the Lucene formula bm25s used, recomputed here term by term in plain Python."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np

from retrieval.lexical import K1, B, Bm25Index, Lexicon
from retrieval.text import content_stems
from tests.retrieval.conftest import make_corpus


def _expected(docs: list[list[str]], query: list[str]) -> list[float]:
    n = len(docs)
    avg = sum(len(d) for d in docs) / n
    out = []
    for doc in docs:
        tf = Counter(doc)
        score = 0.0
        for stem in query:
            if not tf[stem]:
                continue
            df = sum(1 for d in docs if stem in d)
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            score += idf * tf[stem] / (K1 * ((1 - B) + B * len(doc) / avg) + tf[stem])
        out.append(score)
    return out


def _docs() -> list[list[str]]:
    docs = []
    for m in make_corpus().meetings:
        context = content_stems(" ".join([m.place or "", *m.audience, *m.senators]))
        docs.extend(content_stems(s.text) + context for s in m.statements)
    return docs


def test_scores_follow_the_lucene_formula_with_meeting_context() -> None:
    index = Bm25Index(make_corpus())
    docs = _docs()
    vocab = sorted({s for d in docs for s in d})
    for query in (vocab[:3], vocab[5:6] * 2, [*vocab[-4:], "нетакогослова"]):
        assert np.allclose(index.scores(query), _expected(docs, query), atol=1e-5), query


def test_unknown_or_empty_question_scores_nothing() -> None:
    index = Bm25Index(make_corpus())
    assert not index.scores(["нетакогослова"]).any()
    assert not index.scores([]).any()
    assert index.scores([]).shape == (len(_docs()),)


def _lexicon(*texts: str) -> Lexicon:
    base = make_corpus()
    meeting = base.meetings[0]
    statements = [
        meeting.statements[0].model_copy(update={"id": f"x{i}", "text": text})
        for i, text in enumerate(texts)
    ]
    return Lexicon(
        base.model_copy(
            update={"meetings": [meeting.model_copy(update={"statements": statements})]}
        )
    )


def test_a_typo_is_corrected_by_one_edit_only() -> None:
    """Deleting a letter on both sides at different places is two edits: «шектеле» (limited) is
    no typo of «шетелге» (abroad), which it meets that way."""
    lexicon = _lexicon("Жастар шетелге кетпеуі керек.", "Конституция защищает права.")
    assert lexicon.correct("шектеле") is None
    assert lexicon.correct("конституцыя") == "конституция"  # a substitution
    assert lexicon.correct("конститцуия") == "конституция"  # two neighbours swapped
    assert lexicon.correct("шетелгее") == "шетелге"  # an insertion
