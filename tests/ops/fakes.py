"""A fake corpus admin, a Bot API session that serves files and long polling, a slow search."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncGenerator
from contextlib import suppress
from datetime import UTC, date, datetime
from typing import Any

from aiogram import Bot
from aiogram.methods import GetFile, GetUpdates, GetWebhookInfo, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import File, Update, WebhookInfo

from retrieval.api import ReleaseRecord, ReloadReport
from retrieval.models import Answer, Corpus, Document, Issue, Meeting, ParseResult, Statement
from retrieval.progress import Step, no_progress
from tests.bot.conftest import RecordingSession
from tests.bot.fakes import FakeSearch


def release_preview(name: str) -> ParseResult:
    """What the fake ingestion finds in any upload: two meetings, three statements, a warning."""
    meetings = [
        Meeting(
            id="n1",
            document_id="dn",
            date=date(2026, 3, 12),
            senators=["Нурлан Бекенов"],
            place="Караганда",
            audience=["шахтёры <ТОО «Уголь»>"],
            statements=[
                Statement(
                    id="n1s1",
                    meeting_id="n1",
                    kind="quote",
                    text="Право на труд и справедливую оплату закреплено в Конституции. " * 5,
                    speakers=["Нурлан Бекенов"],
                ),
                Statement(
                    id="n1s2",
                    meeting_id="n1",
                    kind="reported",
                    text="Сенатор рассказал о гарантиях для шахтёров.",
                    speakers=["Нурлан Бекенов"],
                ),
            ],
        ),
        Meeting(
            id="n2",
            document_id="dn",
            date=date(2026, 3, 12),
            senators=["Айгуль Серикова"],
            place="Темиртау",
            audience=["студенты колледжа"],
            statements=[
                Statement(
                    id="n2s1",
                    meeting_id="n2",
                    kind="quote",
                    text="Молодёжь должна знать свои права.",
                    speakers=[],
                )
            ],
        ),
    ]
    document = Document(
        id="dn", date=date(2026, 3, 12), title="Сенаторы встретились с жителями", source=name
    )
    warning = Issue(
        level="warning",
        code="unattributed_quote",
        message="quote without a speaker",
        file=name,
        line=14,
        paragraph=6,
    )
    return ParseResult(corpus=Corpus(documents=[document], meetings=meetings), issues=[warning])


BUILTIN = ReleaseRecord(
    id="b0b0b0b0b0b0",
    file="2026-03-05-seed.txt",
    name="2026-03-05-seed.txt",
    origin="builtin",
    title="Сенаторы о проекте Конституции",
    date=date(2026, 3, 5),
    meetings=4,
    quotes=6,
    reported=3,
)


def _rid(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


class FakeAdmin:
    """CorpusAdminAPI in memory; `gate` holds changes open, `fail_with` makes them fail."""

    def __init__(self) -> None:
        self.meetings = 4
        self.previewed: list[bytes] = []  # what each preview was given
        self.statements = 9
        self.quotes = 6
        self.calls: list[str] = []
        self.published: list[tuple[str, bytes]] = []
        self.gate: asyncio.Event | None = None
        self.entered = asyncio.Event()
        self.fail_with: Exception | None = None
        self.records: list[ReleaseRecord] = [BUILTIN]
        # (stage, done, total) reported to `progress` by every change, as the real build does
        self.stages: list[tuple[str, int, int]] = [
            ("parse", 0, 2),
            ("embed", 3, 3),
            ("switch", 0, 0),
        ]
        self.closed = False
        self._lock = asyncio.Lock()

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    async def preview(self, name: str, data: bytes) -> ParseResult:
        self.calls.append("preview")
        self.previewed.append(data)
        if b"BROKEN" in data:
            error = Issue(
                level="error", code="no_date", message="no date in the first lines", file=name
            )
            return ParseResult(corpus=Corpus(), issues=[error])
        return release_preview(name)

    async def publish(
        self, name: str, data: bytes, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        self.calls.append("publish")
        preview = await self.preview(name, data)
        statements = preview.corpus.statements()
        quotes = sum(s.kind == "quote" for s in statements)
        same = next((r for r in self.records if r.id == _rid(data)), None)
        if same is not None:
            return self._report(0, 0, 0, release=same, unchanged=True)
        release = ReleaseRecord(
            id=_rid(data),
            file=f"{name}-{_rid(data)}",
            name=name,
            origin="moderator",
            title=preview.corpus.documents[0].title,
            date=preview.corpus.documents[0].date,
            meetings=len(preview.corpus.meetings),
            quotes=quotes,
            reported=len(statements) - quotes,
            published_by=actor,
            published_at=datetime(2026, 3, 12, 9, 30, tzinfo=UTC),
        )
        report = await self._change(
            len(preview.corpus.meetings), len(statements), (name, data), quotes, release, progress
        )
        self.records.append(release)
        return report

    async def releases(self) -> list[ReleaseRecord]:
        self.calls.append("releases")
        return list(self.records)

    async def withdraw(
        self, rid: str, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        self.calls.append("withdraw")
        record = next((r for r in self.records if r.id == rid and not r.archived), None)
        if record is None:
            raise RuntimeError(f"release {rid} is not published")
        report = await self._change(
            -record.meetings,
            -(record.quotes + record.reported),
            quotes=-record.quotes,
            release=record,
            progress=progress,
        )
        archived = record.model_copy(update={"archived": True, "archived_by": actor})
        self.records[self.records.index(record)] = archived
        return report

    async def restore(
        self, rid: str, *, actor: int = 0, progress: Step = no_progress
    ) -> ReloadReport:
        self.calls.append("restore")
        record = next((r for r in self.records if r.id == rid and r.archived), None)
        if record is None:
            raise RuntimeError(f"release {rid} is not in the archive")
        report = await self._change(
            record.meetings,
            record.quotes + record.reported,
            quotes=record.quotes,
            release=record,
            progress=progress,
        )
        live = record.model_copy(update={"archived": False, "archived_by": None})
        self.records[self.records.index(record)] = live
        return report

    async def reload(self, *, progress: Step = no_progress) -> ReloadReport:
        self.calls.append("reload")
        return await self._change(1, 2, quotes=1, progress=progress)

    async def reload_from_disk(self, *, progress: Step = no_progress) -> ReloadReport:
        self.calls.append("reload_from_disk")
        return await self._change(0, 1, progress=progress)

    async def close(self) -> None:
        self.closed = True

    def _report(
        self,
        meetings: int,
        statements: int,
        quotes: int,
        release: ReleaseRecord | None = None,
        unchanged: bool = False,
    ) -> ReloadReport:
        before = (self.meetings, self.statements, self.quotes)
        self.meetings += meetings
        self.statements += statements
        self.quotes += quotes
        return ReloadReport(
            meetings_before=before[0],
            meetings_after=self.meetings,
            statements_before=before[1],
            statements_after=self.statements,
            quotes_before=before[2],
            quotes_after=self.quotes,
            release=release,
            unchanged=unchanged,
        )

    async def _change(
        self,
        meetings: int,
        statements: int,
        upload: tuple[str, bytes] | None = None,
        quotes: int = 0,
        release: ReleaseRecord | None = None,
        progress: Step = no_progress,
    ) -> ReloadReport:
        async with self._lock:
            self.entered.set()
            for stage, done, total in self.stages:
                progress(stage, done, total)
            if self.gate is not None:
                await self.gate.wait()
            if self.fail_with is not None:
                progress("failed")
                raise self.fail_with
            if upload is not None:
                self.published.append(upload)
            progress("done")
            return self._report(meetings, statements, quotes, release)


class OpsSession(RecordingSession):
    """Also serves getFile/downloads (`files`) and long polling (`incoming` batches)."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}
        self.downloads: list[str] = []
        self.incoming: asyncio.Queue[list[Update]] = asyncio.Queue()
        self.events: list[str] = []
        self.polled = asyncio.Event()
        self.webhook_url = ""  # what getWebhookInfo reports (another deployment's webhook)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - BaseSession's signature
    ) -> TelegramType:
        if isinstance(method, GetUpdates):
            self.calls.append(method)
            self.polled.set()
            batch: list[Update] = []
            if method.timeout:
                with suppress(TimeoutError):
                    batch = await asyncio.wait_for(self.incoming.get(), 0.05)
            return batch  # type: ignore[return-value]
        result = await super().make_request(bot, method, timeout)
        self.events.append(type(method).__name__)
        return result

    def result_for(self, bot: Bot, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetWebhookInfo):
            return WebhookInfo(
                url=self.webhook_url, has_custom_certificate=False, pending_update_count=0
            )
        if isinstance(method, GetFile):
            data = self.files[method.file_id]
            return File(
                file_id=method.file_id,
                file_unique_id=method.file_id,
                file_size=len(data),
                file_path=f"documents/{method.file_id}",
            )
        return super().result_for(bot, method)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - BaseSession's signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        self.downloads.append(url)
        yield self.files[url.rsplit("/", 1)[-1]]

    async def close(self) -> None:
        self.events.append("close")


class SlowSearch(FakeSearch):
    """Searches wait for `gate`; `started` is set when one is waiting."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = asyncio.Event()
        self.started = asyncio.Event()
        self.finished = 0

    async def search(self, question: str, k: int = 3) -> Answer:
        self.started.set()
        await self.gate.wait()
        answer = await super().search(question, k)
        self.finished += 1
        return answer
