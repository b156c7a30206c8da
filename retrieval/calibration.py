"""Answerability thresholds, one frozen value a corpus version is served with (see README: "How
abstention works"); its own module because reading a question and ranking statements both use it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Calibration:
    """Answerability thresholds (see README: "How abstention works"); fitted on the synthetic
    corpus's development split by `python -m bench.synthetic calibrate`, never on held-out or
    development-set questions."""

    # A question nearer the off-topic background than to every statement and theme label by more
    # than `covered_margin` is declined outright. Otherwise a statement addresses it when it
    # covers `min_coverage` of the question's own terms (weighted by rarity, glossary twins,
    # relatives and typo fixes counted), or on meaning alone: its cosine (hub-corrected) above
    # the question's best off-topic cosine by `margin`.
    margin: float = 0.02
    covered_margin: float = -0.1
    min_coverage: float = 0.4
    # weight of a question word neither the corpus nor the glossary knows, relative to the
    # rarest corpus word (Cyrillic: probably a subject the corpus lacks; Latin: probably filler)
    unknown_weight: float = 0.5
    unknown_latin_weight: float = 0.2
    hub_weight: float = 0.0
    # a shown statement covers at least the best candidate's coverage minus this
    coverage_slack: float = 0.34
    # order of shown hits: fused reciprocal rank plus this much per unit of coverage
    # (0.005 ≈ moving up from rank 1 to 1/… of a dozen ranks near the top)
    coverage_weight: float = 0.005
    # candidates examined per question (best fused ranks)
    depth: int = 40
    # ... widened to hold at least this many different texts (each text once, by its best copy):
    # a line repeated at many meetings (a press-office template, a tour) can fill the depth with
    # its copies. 0: as many as the depth holds (README: "How answers are found", step 3)
    depth_texts: int = 0
    near_duplicate: float = 0.97
