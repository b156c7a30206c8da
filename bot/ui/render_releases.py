"""Moderator messages about releases: the list, the withdrawal preview, the outcome of a change,
and the stage line of a rebuild in progress (escaped Telegram HTML)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from aiogram.utils.formatting import Bold, Code, Text, as_list

from bot.storage import STATS_UTC_OFFSET
from bot.ui.render import pack, simple
from bot.ui.render_admin import report_values, shorten
from bot.ui.texts import Texts
from bot.ui.texts.moderator import ModTexts
from bot.ui.wording import clean, fmt_date
from retrieval.api import ReleaseRecord, ReloadReport

# stages reported by retrieval's build (retrieval.rebuild / retrieval.versions) → what to say
_STAGE_TEXT = {
    "validate": "stage_validate",
    "parse": "stage_parse",
    "embed": "stage_embed",
    "curated": "stage_index",
    "snapshot": "stage_index",
    "switch": "stage_switch",
    "prune": "stage_switch",
    "done": "stage_done",
    "failed": "stage_failed",
}


def _local(moment: datetime | None) -> str:
    return f"{moment + STATS_UTC_OFFSET:%d.%m.%Y %H:%M}" if moment else "?"


def _who(actor: int | None) -> str:
    return str(actor) if actor else "—"


def _entry(n: int, r: ReleaseRecord, tx: Texts, mtx: ModTexts) -> Text:
    title = shorten(r.title or r.name, 120)
    lines: list[Text | str] = [
        Bold(mtx.release_line.format(n=n, date=fmt_date(r.date, tx), title=title)),
        mtx.release_counts.format(meetings=r.meetings, quotes=r.quotes, reported=r.reported),
    ]
    file = clean(r.file)
    if r.archived:
        lines.append(
            mtx.release_archived.format(at=_local(r.archived_at), by=_who(r.archived_by), file=file)
        )
    elif r.origin == "builtin":
        lines.append(mtx.release_builtin.format(file=file))
    elif r.published_by is not None:
        lines.append(
            mtx.release_published.format(
                by=_who(r.published_by), at=_local(r.published_at), file=file
            )
        )
    else:
        lines.append(mtx.release_on_disk.format(file=file))
    lines.append(Text("ID ", Code(r.id)))
    return as_list(*lines)


def releases_messages(records: Sequence[ReleaseRecord], tx: Texts, mtx: ModTexts) -> list[str]:
    """Published releases (numbered, as the buttons are), then the archive."""
    if not records:
        return [simple(mtx.releases_empty)]
    live = [r for r in records if not r.archived]
    archived = [r for r in records if r.archived]
    blocks: list[Text] = [
        Text(Bold(mtx.releases_title.format(live=len(live), archived=len(archived))))
    ]
    blocks.extend(_entry(n, r, tx, mtx) for n, r in enumerate(live, start=1))
    if archived:
        blocks.append(Text(Bold(mtx.releases_archive)))
        blocks.extend(_entry(n, r, tx, mtx) for n, r in enumerate(archived, start=len(live) + 1))
    blocks.append(Text(mtx.releases_hint))
    return pack(blocks)


def withdraw_preview(record: ReleaseRecord, tx: Texts, mtx: ModTexts) -> str:
    """What disappears if this release is withdrawn."""
    return simple(
        mtx.withdraw_preview.format(
            name=clean(record.name),
            date=fmt_date(record.date, tx),
            title=shorten(record.title, 120),
            meetings=record.meetings,
            quotes=record.quotes,
            reported=record.reported,
            id=record.id,
        )
    )


def change_message(template: str, report: ReloadReport, fallback_name: str) -> str:
    """Withdrawn / restored: the release's own counts, then the new totals."""
    values = report_values(report)
    release = report.release
    if release is not None:
        values |= {
            "meetings": release.meetings,
            "quotes": release.quotes,
            "reported": release.reported,
        }
    name = release.name if release is not None else fallback_name
    rid = release.id if release is not None else ""
    return simple(template.format(name=clean(name), id=rid, **values))


def already_message(report: ReloadReport, tx: Texts, mtx: ModTexts) -> str:
    release = report.release
    assert release is not None
    template = mtx.already_archived if release.archived else mtx.already_published
    return simple(
        template.format(
            file=clean(release.file),
            date=fmt_date(release.date, tx),
            title=shorten(release.title or release.name, 120),
            id=release.id,
        )
    )


def stage_message(title: str, stage: str, done: int, total: int, mtx: ModTexts) -> str:
    """`title` and the stage the rebuild is in, e.g. "Publishing x.txt — embedding 64 of 120"."""
    attribute = _STAGE_TEXT.get(stage, "stage_save")
    line = str(getattr(mtx, attribute)).format(done=done, total=total)
    return simple(f"{title} — {line}")
