"""Keep corpus/senators.yaml in step with the releases, preserving moderators' edits."""

from __future__ import annotations

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
    spelling); existing entries and forms stay. Returns (new forms, all senators)."""
    existing = read_senators(corpus_dir)
    context = make_context(corpus_dir)
    corpus, _ = build_corpus(raw_dirs, corpus_dir=corpus_dir, context=context)
    names: list[str] = []
    for meeting in corpus.meetings:
        for name in [*meeting.senators, *(n for s in meeting.statements for n in s.speakers)]:
            if name not in names:
                names.append(name)
    directory = SenatorDirectory(existing)
    merged: dict[str, set[str]] = {s.name: set(s.forms) for s in existing}
    for name in names:
        if directory.canonical(name) is None:
            directory = SenatorDirectory([*directory_entries(merged), Senator(name)])
            merged[name] = set()
    for path in release_files(raw_dirs):
        raw, _ = read_document(path.name, path.read_bytes())
        if raw is None:
            continue
        text = "\n".join(p.text for p in raw.paragraphs)
        for name, forms in forms_in_text(directory, text).items():
            merged.setdefault(name, set()).update(forms)
    before = sum(len(s.forms) for s in existing)
    senators: list[Senator] = []
    for name, forms in sorted(merged.items()):
        forms.add(latin(name))
        forms.discard(name)
        senators.append(Senator(name, tuple(sorted(forms))))
    if write:
        write_senators(corpus_dir, senators)
    return sum(len(s.forms) for s in senators) - before, senators


def directory_entries(merged: dict[str, set[str]]) -> list[Senator]:
    return [Senator(name, tuple(forms)) for name, forms in merged.items()]
