"""Keep corpus/senators.yaml in step with the releases, preserving moderators' edits."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from retrieval.ingest.build import build_corpus, make_context, release_files
from retrieval.ingest.reader import read_document
from retrieval.ingest.senators import (
    Senator,
    SenatorDirectory,
    forms_in_text,
    latin,
    read_senators,
    write_senators,
)


def update_senators(
    raw_dirs: list[Path], corpus_dir: Path, *, write: bool = True
) -> tuple[int, list[Senator]]:
    """Add every senator of the corpus and the name forms seen in the releases (plus a Latin
    spelling); existing entries, their fields (kk, post, gender, source) and forms stay; the
    generated forms are rewritten from the name. Returns (new forms, all senators)."""
    existing = read_senators(corpus_dir)
    context = make_context(corpus_dir)
    corpus, _ = build_corpus(raw_dirs, corpus_dir=corpus_dir, context=context)
    names: list[str] = []
    for meeting in corpus.meetings:
        for name in meeting.senators:
            if name not in names:
                names.append(name)
    merged: dict[str, Senator] = {s.name: s for s in existing}
    directory = SenatorDirectory(existing)
    for name in names:
        if directory.canonical(name) is None and name not in merged:
            merged[name] = Senator(name)
            directory = SenatorDirectory(merged.values())
    seen: dict[str, set[str]] = {}
    for path in release_files(raw_dirs):
        raw, _ = read_document(path.name, path.read_bytes())
        if raw is None:
            continue
        text = "\n".join(p.text for p in raw.paragraphs)
        for name, forms in forms_in_text(directory, text).items():
            seen.setdefault(name, set()).update(forms)
    before = sum(len(s.forms) for s in existing)
    senators: list[Senator] = []
    for name, senator in sorted(merged.items()):
        generated = set(senator.generated())
        forms = set(senator.forms) | (set(seen.get(name, ())) - generated)  # a moderator's stay
        if latin(name) not in generated:
            forms.add(latin(name))
        forms -= {name, senator.kk or ""}
        senators.append(replace(senator, forms=tuple(sorted(forms))))
    if write:
        write_senators(corpus_dir, senators)
    return sum(len(s.forms) for s in senators) - before, senators
