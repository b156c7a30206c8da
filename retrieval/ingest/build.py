"""Files → Corpus: parse one file (never raising) or every release in the raw directories."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from retrieval.ingest.decode import MAX_BYTES
from retrieval.ingest.drafts import MeetingDraft, Problem
from retrieval.ingest.names import Stoplist
from retrieval.ingest.nlp import Nlp, load_nlp
from retrieval.ingest.reader import RawDocument, read_document
from retrieval.ingest.segment import Context, segment
from retrieval.ingest.senators import SenatorDirectory
from retrieval.ingest.text import norm_key
from retrieval.ingest.themes import ThemeTagger
from retrieval.models import Corpus, Document, Issue, Meeting, ParseResult, Statement, stable_id

log = logging.getLogger(__name__)


def make_context(corpus_dir: Path, nlp: Nlp | None = None) -> Context:
    """natasha models, senators.yaml and themes.yaml, loaded once for a whole build."""
    tagger = ThemeTagger.load(corpus_dir) if (corpus_dir / "themes.yaml").exists() else None
    return Context(
        nlp=nlp or load_nlp(),
        directory=SenatorDirectory.load(corpus_dir),
        tagger=tagger or ThemeTagger([]),
        corpus_dir=corpus_dir,
        stoplist=Stoplist.load(corpus_dir),
    )


def _issue(name: str, problem: Problem) -> Issue:
    para = problem.paragraph
    return Issue(
        level="warning",
        code=problem.code,
        message=f"{name}:{para.line}: paragraph {para.index}: {problem.message}",
        file=name,
        line=para.line,
        paragraph=para.index,
    )


def _ordinal_id(prefix: str, parts: list[str], seen: Counter[str]) -> str:
    """Content id; a repeated text within its parent gets its occurrence number appended."""
    key = "\x1f".join(parts)
    seen[key] += 1
    return stable_id(prefix, *parts, *([str(seen[key])] if seen[key] > 1 else []))


def assemble(raw: RawDocument, drafts: list[MeetingDraft]) -> Corpus:
    """Give documents, meetings and statements their content-hash ids."""
    body = norm_key(" ".join(p.text for p in raw.paragraphs))
    doc_id = stable_id("d", raw.date.isoformat() if raw.date else "", body)
    document = Document(
        id=doc_id,
        date=raw.date,
        title=raw.title,
        language=raw.language,
        source=raw.source,
        url=raw.url,
    )
    meetings: list[Meeting] = []
    meeting_seen: Counter[str] = Counter()
    for draft in drafts:
        if not draft.senators and not draft.statements:
            continue
        meeting_id = _ordinal_id("m", [doc_id, norm_key(draft.paragraph.text)], meeting_seen)
        statement_seen: Counter[str] = Counter()
        statements = [
            Statement(
                id=_ordinal_id("s", [doc_id, meeting_id, s.kind, norm_key(s.text)], statement_seen),
                meeting_id=meeting_id,
                kind=s.kind,
                text=s.text,
                speakers=s.speakers,
                themes=s.themes,
                roles=s.roles,
            )
            for s in draft.statements
        ]
        meetings.append(
            Meeting(
                id=meeting_id,
                document_id=doc_id,
                date=raw.date,
                senators=draft.senators,
                place=", ".join(draft.places) or None,
                audience=draft.audience,
                statements=statements,
            )
        )
    return Corpus(documents=[document], meetings=meetings)


def parse_bytes(
    name: str, data: bytes, *, corpus_dir: Path, context: Context | None = None
) -> ParseResult:
    """One release (e.g. a moderator's upload): its corpus and issues; never raises."""
    raw, issues = read_document(name, data)
    if raw is None:
        return ParseResult(corpus=Corpus(), issues=issues)
    try:
        ctx = context or make_context(corpus_dir)
        drafts, problems = segment(raw, ctx)
        corpus = assemble(raw, drafts)
    except Exception as exc:  # a bug or broken curated YAML must not take the whole build down
        log.exception("parsing %s failed", name)
        message = f"{name}: could not be parsed: {type(exc).__name__}: {exc}".splitlines()[0]
        issue = Issue(level="error", code="parse_failed", message=message, file=name, line=1)
        return ParseResult(corpus=Corpus(), issues=[*issues, issue])
    return ParseResult(corpus=corpus, issues=issues + [_issue(name, p) for p in problems])


def parse_file(path: Path, *, corpus_dir: Path, context: Context | None = None) -> ParseResult:
    """parse_bytes for a file on disk; unreadable or oversized files are error issues."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            message = f"{name}: {size:,} bytes; the limit is {MAX_BYTES:,} bytes"
            issue = Issue(level="error", code="too_large", message=message, file=name)
            return ParseResult(corpus=Corpus(), issues=[issue])
        data = path.read_bytes()
    except OSError as exc:
        message = f"{name}: cannot be read: {exc.strerror or exc}"
        issue = Issue(level="error", code="read_error", message=message, file=name)
        return ParseResult(corpus=Corpus(), issues=[issue])
    return parse_bytes(name, data, corpus_dir=corpus_dir, context=context)


def release_files(raw_dirs: Iterable[Path]) -> list[Path]:
    """Files in the raw directories (missing ones skipped; hidden files ignored)."""
    files: list[Path] = []
    for directory in raw_dirs:
        if directory.is_dir():
            files += sorted(
                p for p in directory.iterdir() if p.is_file() and not p.name.startswith(".")
            )
    return files


def build_corpus(
    raw_dirs: list[Path],
    *,
    corpus_dir: Path,
    context: Context | None = None,
    sources: dict[str, Path] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> tuple[Corpus, list[Issue]]:
    """Every release in `raw_dirs`; documents by date then file name; duplicates dropped.
    `sources`, when given, receives the file each document came from (by document id);
    `progress("parse", done, total)` is called as files are parsed."""
    ctx = context or make_context(corpus_dir)
    parsed: list[tuple[Path, ParseResult]] = []
    issues: list[Issue] = []
    files = release_files(raw_dirs)
    for done, path in enumerate(files):
        if progress is not None:
            progress("parse", done, len(files))
        result = parse_file(path, corpus_dir=corpus_dir, context=ctx)
        issues += result.issues
        if result.corpus.documents:
            parsed.append((path, result))
    parsed.sort(key=lambda item: _order(item[0], item[1].corpus.documents[0]))
    documents: list[Document] = []
    meetings: list[Meeting] = []
    for path, result in parsed:
        document = result.corpus.documents[0]
        if any(d.id == document.id for d in documents):
            message = f"{path.name}: same text as an earlier release; skipped"
            issues.append(
                Issue(level="warning", code="duplicate_document", message=message, file=path.name)
            )
            continue
        documents.append(document)
        meetings += result.corpus.meetings
        if sources is not None:
            sources[document.id] = path
    return Corpus(documents=documents, meetings=meetings), issues


def _order(path: Path, document: Document) -> tuple[bool, str, str]:
    return (document.date is None, document.date.isoformat() if document.date else "", path.name)
