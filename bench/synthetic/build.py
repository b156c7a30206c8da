"""Write a synthetic corpus directory: releases, curated files, the parsed corpus, questions."""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bench.synthetic.generate import Plan, plan_meetings, write_releases
from bench.synthetic.people import SENATORS
from bench.synthetic.questions import build_questions
from bench.synthetic.topics import SUBJECTS
from retrieval.entities import transliterate
from retrieval.models import Corpus
from retrieval.text import words

CURATED = ("glossary.yaml", "themes.yaml", "offtopic.yaml", "regions.yaml")
SPLITS = ("dev", "heldout", "probe", "blind", "fresh", "fresh-held", "fresh2", "fresh2-held",
          "fresh3", "fresh3-held")  # fmt: skip


def write_curated(repo_corpus: Path, target: Path) -> None:
    """The project's curated files, with a roster of the invented senators (as a moderator
    would keep with `atazan corpus senators`)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in CURATED:
        shutil.copyfile(repo_corpus / name, target / name)
    roster = [
        {"name": s.name, "forms": sorted({s.name_kk, f"{s.first} {s.last_gen}"} - {s.name})}
        for s in SENATORS
    ]
    (target / "senators.yaml").write_text(
        yaml.safe_dump({"senators": roster}, allow_unicode=True, sort_keys=False), "utf-8"
    )


def build(out: Path, *, seed: int, meetings: int, repo_corpus: Path, log: Any = print) -> Corpus:
    """Everything in `out`, reproducible from `seed`; parsing goes through the real ingestion."""
    from retrieval.ingest import build_corpus

    rng = random.Random(seed)
    plans = plan_meetings(rng, meetings)
    if (out / "raw").exists():
        shutil.rmtree(out / "raw")
    files = write_releases(plans, out / "raw", seed)
    write_curated(repo_corpus, out / "curated")
    log(f"{len(files)} releases for {len(plans)} meetings; parsing …")
    corpus, issues = build_corpus([out / "raw"], corpus_dir=out / "curated")
    (out / "corpus.json").write_text(corpus.model_dump_json(), "utf-8")
    questions = write_questions(out, plans, seed)
    codes = Counter(i.code for i in issues)
    log(
        f"corpus: {len(corpus.documents)} documents, {len(corpus.meetings)} meetings, "
        f"{len(corpus.statements())} statements; issues {dict(codes)}"
    )
    log(attribution_report(corpus, plans))
    log(f"questions: {Counter(q['split'] for q in questions)}")
    return corpus


def write_questions(out: Path, plans: list[Plan], seed: int) -> list[dict[str, Any]]:
    """questions-<split>.jsonl for every split; the gold needs only the plans."""
    questions = build_questions(plans, seed)
    for split in SPLITS:
        rows = [q for q in questions if q["split"] == split]
        text = "".join(json.dumps(q, ensure_ascii=False) + "\n" for q in rows)
        (out / f"questions-{split}.jsonl").write_text(text, "utf-8")
    return questions


def rewrite_questions(out: Path, *, seed: int, meetings: int) -> list[dict[str, Any]]:
    """The question files of a corpus built with `seed` and `meetings`, without rebuilding it:
    the plans are seeded, so they are drawn again instead of parsed again."""
    return write_questions(out, plan_meetings(random.Random(seed), meetings), seed)


def attribution_report(corpus: Corpus, plans: list[Plan]) -> str:
    """How the ingestion attributed the planned quotes: right, wrong, none, lost."""
    truth: dict[str, set[str]] = {}
    for plan in plans:
        for said in plan.said:
            key = " ".join(words(said.text)[:8])
            truth.setdefault(key, set()).add(transliterate(said.speaker.last))
    right = wrong = unattributed = 0
    found: set[str] = set()
    for statement in corpus.statements():
        text = " ".join(words(statement.text))
        # the longest planned text it contains: a reported core can be the start of a quote
        match = max((k for k in truth if k in text), key=len, default=None)
        if match is None:
            continue
        found.add(match)
        names = {transliterate(words(n)[-1]) for n in statement.speakers}
        if not names:
            unattributed += 1
        elif names <= truth[match]:
            right += 1
        else:
            wrong += 1
    lost = len(truth) - len(found)
    subjects = len(SUBJECTS)
    return (
        f"statements matched to the plan: right speaker {right}, wrong {wrong}, "
        f"unattributed {unattributed}; planned texts never found {lost} ({subjects} subjects)"
    )
