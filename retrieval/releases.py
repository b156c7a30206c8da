"""Release files as records: content-derived names, who published them, the archive.

Built-in releases live in `CORPUS_DIR/raw` (shipped with the code or the image), moderator
releases in `DATA_DIR/raw` under `<name>-<id>.<ext>`, where `id` is a hash of the bytes: the
same content published twice is one file, two different "release.txt" are two. Withdrawing
moves a file to `DATA_DIR/archive` (restoring moves it back); nothing is ever deleted. Who
published or withdrew what, and when, is kept in `DATA_DIR/releases.json` (moderators are
named by their Telegram id, as in the moderator log).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from retrieval.api import ReleaseRecord
from retrieval.config import RetrievalConfig
from retrieval.files import write_atomic
from retrieval.models import Corpus, Meeting

LEDGER = "releases.json"
ARCHIVE = "archive"
ID_LENGTH = 12
_SAFE_NAME = re.compile(r"[^\w.-]+", re.UNICODE)


class ReleaseError(Exception):
    """A release cannot be found or moved; the message says which and why."""


class LedgerEntry(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    published_by: int | None = None
    published_at: datetime | None = None
    archived_by: int | None = None
    archived_at: datetime | None = None
    # what the release held when it was withdrawn (the live version no longer lists it)
    stats: ReleaseRecord | None = None


def release_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:ID_LENGTH]


def safe_file_name(name: str) -> str:
    """Keep the extension, drop anything path-like: uploads never escape the raw folder."""
    base = Path(name).name or "release.txt"
    cleaned = _SAFE_NAME.sub("_", base).strip("._") or "release.txt"
    return cleaned[:120]


def stored_name(name: str, data: bytes) -> str:
    """`release.txt` → `release-<id>.txt`: the name a moderator knows, made unique by content."""
    safe = Path(safe_file_name(name))
    return f"{safe.stem[:80]}-{release_id(data)}{safe.suffix}"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


class ReleaseStore:
    """Release files on disk plus the ledger; used under CorpusAdmin's one-change lock."""

    def __init__(self, config: RetrievalConfig) -> None:
        self.builtin = config.corpus_dir / "raw"
        self.raw = config.data_dir / "raw"
        self.archive = config.data_dir / ARCHIVE
        self.ledger_path = config.data_dir / LEDGER

    # -- files ---------------------------------------------------------------------------
    def _files(self, directory: Path) -> list[Path]:
        if not directory.is_dir():
            return []
        return sorted(p for p in directory.iterdir() if p.is_file() and not p.name.startswith("."))

    def origin_of(self, path: Path) -> str:
        return "builtin" if path.parent == self.builtin else "moderator"

    def sources(self) -> list[tuple[str, str, str]]:
        """(origin, file, id) of every live release file (the inputs of a version)."""
        return sorted(
            (self.origin_of(p), p.name, release_id(p.read_bytes()))
            for directory in (self.builtin, self.raw)
            for p in self._files(directory)
        )

    def find(self, data: bytes) -> tuple[str, Path] | None:
        """Where these exact bytes already are: ("live" | "archived", path)."""
        wanted = release_id(data)
        for state, directory in (("live", self.builtin), ("live", self.raw)):
            for path in self._files(directory):
                if release_id(path.read_bytes()) == wanted:
                    return state, path
        for path in self._files(self.archive):
            if release_id(path.read_bytes()) == wanted:
                return "archived", path
        return None

    def locate(self, rid: str, directory: Path) -> Path | None:
        for path in self._files(directory):
            if release_id(path.read_bytes()) == rid:
                return path
        return None

    def add(self, name: str, data: bytes, actor: int) -> Path:
        target = self.raw / stored_name(name, data)
        write_atomic(target, data)
        entry = LedgerEntry(name=name, published_by=actor, published_at=_now())
        self._put(release_id(data), entry)
        return target

    def unadd(self, path: Path) -> None:
        """Undo `add` after a failed rebuild (the file was not there before)."""
        path.unlink(missing_ok=True)
        ledger = self._ledger()
        ledger.pop(release_id_of_name(path.name), None)
        self._save(ledger)

    def move(self, rid: str, *, to_archive: bool, actor: int, stats: ReleaseRecord | None) -> Path:
        """Withdraw (raw → archive) or restore (archive → raw) one moderator release."""
        source, target = (self.raw, self.archive) if to_archive else (self.archive, self.raw)
        path = self.locate(rid, source)
        if path is None:
            where = "among the published releases" if to_archive else "in the archive"
            raise ReleaseError(f"release {rid} is not {where}")
        target.mkdir(parents=True, exist_ok=True)
        destination = target / path.name
        os.replace(path, destination)
        ledger = self._ledger()
        entry = ledger.get(rid) or LedgerEntry(name=path.name)
        if to_archive:
            entry = entry.model_copy(
                update={"archived_by": actor, "archived_at": _now(), "stats": stats}
            )
        else:
            entry = entry.model_copy(update={"archived_by": None, "archived_at": None})
        ledger[rid] = entry
        self._save(ledger)
        return destination

    def move_back(self, path: Path, directory: Path) -> None:
        """Undo `move` after a failed rebuild."""
        directory.mkdir(parents=True, exist_ok=True)
        os.replace(path, directory / path.name)

    # -- records -------------------------------------------------------------------------
    def records(self, live: Iterable[ReleaseRecord]) -> list[ReleaseRecord]:
        """Live releases (with the counts of the serving version) then archived ones."""
        ledger = self._ledger()
        out: list[ReleaseRecord] = []
        for record in live:
            entry = ledger.get(record.id)
            if entry is not None and record.origin == "moderator":
                record = record.model_copy(
                    update={
                        "name": entry.name,
                        "published_by": entry.published_by,
                        "published_at": entry.published_at,
                    }
                )
            out.append(record)
        for path in self._files(self.archive):
            rid = release_id(path.read_bytes())
            entry = ledger.get(rid) or LedgerEntry(name=path.name)
            base = entry.stats or ReleaseRecord(
                id=rid, file=path.name, name=entry.name, origin="moderator"
            )
            out.append(
                base.model_copy(
                    update={
                        "id": rid,
                        "file": path.name,
                        "name": entry.name,
                        "published_by": entry.published_by,
                        "published_at": entry.published_at,
                        "archived": True,
                        "archived_by": entry.archived_by,
                        "archived_at": entry.archived_at,
                    }
                )
            )
        return out

    # -- ledger --------------------------------------------------------------------------
    def _ledger(self) -> dict[str, LedgerEntry]:
        try:
            raw = json.loads(self.ledger_path.read_bytes())
            return {str(k): LedgerEntry.model_validate(v) for k, v in raw.items()}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, ValidationError, AttributeError):
            # a damaged ledger loses names and publishers, never releases: files are the truth
            return {}

    def _put(self, rid: str, entry: LedgerEntry) -> None:
        ledger = self._ledger()
        ledger[rid] = entry
        self._save(ledger)

    def _save(self, ledger: dict[str, LedgerEntry]) -> None:
        data = {k: v.model_dump(mode="json") for k, v in sorted(ledger.items())}
        write_atomic(self.ledger_path, json.dumps(data, ensure_ascii=False, indent=1).encode())


def release_id_of_name(file_name: str) -> str:
    """The id embedded in a stored name (`release-<id>.txt`); '' for other names."""
    stem = Path(file_name).stem
    candidate = stem.rsplit("-", 1)[-1]
    return candidate if len(candidate) == ID_LENGTH else ""


def release_records(
    files: Iterable[tuple[str, Path]], corpus: Corpus, sources: dict[str, Path]
) -> list[ReleaseRecord]:
    """One record per release file with what it contributed to `corpus`: meetings, direct
    quotes and reported statements counted apart (a duplicate or unreadable file: zeros)."""
    by_file: dict[Path, str] = {path: doc_id for doc_id, path in sources.items()}
    documents = {d.id: d for d in corpus.documents}
    meetings_of: dict[str, list[Meeting]] = {}
    for meeting in corpus.meetings:
        meetings_of.setdefault(meeting.document_id, []).append(meeting)
    out: list[ReleaseRecord] = []
    for origin, path in files:
        doc_id = by_file.get(path)
        meetings = meetings_of.get(doc_id, []) if doc_id else []
        statements = [s for m in meetings for s in m.statements]
        quotes = sum(s.kind == "quote" for s in statements)
        document = documents.get(doc_id) if doc_id else None
        out.append(
            ReleaseRecord(
                id=release_id(path.read_bytes()),
                file=path.name,
                name=path.name,
                origin="builtin" if origin == "builtin" else "moderator",
                document_id=doc_id or "",
                title=document.title if document else "",
                date=document.date if document else None,
                meetings=len(meetings),
                quotes=quotes,
                reported=len(statements) - quotes,
            )
        )
    return out
