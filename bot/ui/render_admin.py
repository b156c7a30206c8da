"""Moderator messages as escaped Telegram HTML: upload preview, change reports, statistics."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from aiogram.utils.formatting import Bold, Italic, Text, as_list

from bot.storage import STATS_UTC_OFFSET, DayCount, FeedbackCount
from bot.ui.render import MESSAGE_LIMIT, pack, simple
from bot.ui.texts import Texts
from bot.ui.texts.moderator import ModTexts
from bot.ui.wording import clean, fmt_date, senators_line, speakers_with_roles
from retrieval.api import ReloadReport
from retrieval.models import Issue, Meeting, ParseResult

SHORT_QUOTE = 160
MAX_ISSUES = 40
_REASONS = ("w", "o", "n", "x")


def shorten(text: str, limit: int = SHORT_QUOTE) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _issue_line(issue: Issue) -> str:
    where = [f"¶{issue.paragraph}"] if issue.paragraph is not None else []
    if issue.line is not None:
        where.append(f"line {issue.line}")
    prefix = f"{', '.join(where)}: " if where else ""
    return f"• {prefix}{shorten(issue.message, 300)}"


def _issues_block(title: str, issues: Sequence[Issue], mtx: ModTexts) -> Text:
    lines: list[Text | str] = [Bold(title)]
    lines.extend(_issue_line(issue) for issue in issues[:MAX_ISSUES])
    if len(issues) > MAX_ISSUES:
        lines.append(mtx.preview_more.format(n=len(issues) - MAX_ISSUES))
    return as_list(*lines)


def _meeting_block(meeting: Meeting, number: int, tx: Texts, mtx: ModTexts) -> Text:
    senators = senators_line(meeting.senators)
    lines: list[Text | str] = [
        Bold(f"{mtx.preview_meeting.format(n=number)} · 📅 {fmt_date(meeting.date, tx)}"),
        f"{tx.meeting_senators}: {senators}",
    ]
    if meeting.place:
        lines.append(f"📍 {clean(meeting.place)}")
    if meeting.audience:
        lines.append("👥 " + ", ".join(clean(a) for a in meeting.audience))
    for statement in meeting.statements:
        speaker = speakers_with_roles(statement.speakers, statement.roles, tx)
        if statement.kind == "quote":
            lines.append(Text("• ", Bold(speaker), f": «{shorten(statement.text)}»"))
        else:
            lines.append(
                Text("• ", Bold(speaker), " · ", Italic(tx.kind_reported), ": ")
                + Text(shorten(statement.text))
            )
    return as_list(*lines)


def preview_messages(name: str, result: ParseResult, tx: Texts, mtx: ModTexts) -> list[str]:
    """Everything a moderator must check before publishing: who, where, whom, when, quotes."""
    corpus = result.corpus
    statements = corpus.statements()
    head: list[Text | str] = [Bold(mtx.preview_title.format(name=clean(name)))]
    for document in corpus.documents:
        when = fmt_date(document.date, tx) if document.date else mtx.preview_no_date
        head.append(mtx.preview_document.format(date=when, title=shorten(document.title, 200)))
        if document.url:
            head.append(mtx.preview_url.format(url=clean(document.url)))
    head.append(
        mtx.preview_counts.format(
            meetings=len(corpus.meetings),
            statements=len(statements),
            quotes=sum(1 for s in statements if s.kind == "quote"),
        )
    )
    blocks: list[Text] = [as_list(*head)]
    blocks.extend(
        _meeting_block(meeting, number, tx, mtx)
        for number, meeting in enumerate(corpus.meetings, start=1)
    )
    if not corpus.meetings:
        blocks.append(Text(mtx.preview_no_meetings))
    warnings = [i for i in result.issues if i.level == "warning"]
    if warnings:
        blocks.append(_issues_block(mtx.preview_warnings.format(n=len(warnings)), warnings, mtx))
    else:
        blocks.append(Text(mtx.preview_no_warnings))
    blocks.append(Text(Bold(mtx.preview_question)))
    return pack(blocks)


def refused_messages(name: str, result: ParseResult, mtx: ModTexts) -> list[str]:
    errors = [i for i in result.issues if i.level == "error"]
    head = Text(Bold(mtx.upload_refused.format(name=clean(name))))
    return pack([head, _issues_block("⛔", errors, mtx)])


def report_values(report: ReloadReport) -> dict[str, int]:
    """Totals before/after and their differences; quotes and reported statements apart."""
    values = {
        "meetings_before": report.meetings_before,
        "meetings_after": report.meetings_after,
        "statements_before": report.statements_before,
        "statements_after": report.statements_after,
        "quotes_before": report.quotes_before,
        "quotes_after": report.quotes_after,
        "reported_before": report.reported_before,
        "reported_after": report.reported_after,
    }
    for key in ("meetings", "statements", "quotes", "reported"):
        values[key] = values[f"{key}_after"] - values[f"{key}_before"]
    return values


def published_message(name: str, report: ReloadReport, mtx: ModTexts) -> str:
    """The release's own meetings, quotes and reported statements, then the new totals."""
    values = report_values(report)
    if report.release is not None:
        values |= {
            "meetings": report.release.meetings,
            "quotes": report.release.quotes,
            "reported": report.release.reported,
        }
    return simple(mtx.published.format(name=clean(name), **values))


def reloaded_message(report: ReloadReport, mtx: ModTexts) -> str:
    return simple(mtx.reload_done.format(**report_values(report)))


def stats_messages(
    days: Sequence[DayCount],
    first_day: date,
    themes: Sequence[tuple[str, int]],
    feedback: Sequence[FeedbackCount],
    tx: Texts,
    mtx: ModTexts,
    span: int = 7,
    limit: int = MESSAGE_LIMIT,
) -> list[str]:
    """Per-day counts (zero days included), answered share, top themes, ratings by reason;
    `limit` per part (CAPTION_LIMIT when the first part is the chart's caption)."""
    by_day = {d.day: d for d in days}
    lines: list[Text | str] = [Bold(mtx.stats_title)]
    for offset in range(span):
        day = first_day + timedelta(days=offset)
        count = by_day.get(day, DayCount(day, 0, 0))
        lines.append(
            mtx.stats_day.format(
                day=day.strftime("%d.%m"), questions=count.questions, answered=count.answered
            )
        )
    asked = sum(d.questions for d in days)
    answered = sum(d.answered for d in days)
    share = round(100 * answered / asked) if asked else 0
    lines.append(Bold(mtx.stats_total.format(questions=asked, share=share)))
    theme_lines: list[Text | str] = [Bold(mtx.stats_themes)]
    theme_lines.extend(f"• {clean(label)} — {count}" for label, count in themes)
    if not themes:
        theme_lines.append(mtx.stats_none)
    up = sum(f.count for f in feedback if f.vote == "u")
    down = sum(f.count for f in feedback if f.vote == "d")
    labels = dict(
        zip(
            _REASONS,
            (tx.reason_wrong_senator, tx.reason_off_topic, tx.reason_not_enough, tx.reason_other),
            strict=True,
        )
    )
    vote_lines: list[Text | str] = [Bold(mtx.stats_feedback.format(up=up, down=down))]
    for item in feedback:
        if item.vote == "d":
            label = labels.get(item.reason or "", mtx.stats_no_reason)
            vote_lines.append(f"• {label} — {item.count}")
    return pack([as_list(*lines), as_list(*theme_lines), as_list(*vote_lines)], limit)


def unanswered_messages(items: Sequence[tuple[datetime, str]], mtx: ModTexts) -> list[str]:
    """Question texts with their local time; who asked is never shown (nor stored)."""
    if not items:
        return [simple(mtx.unanswered_empty)]
    lines: list[Text | str] = [Bold(mtx.unanswered_title)]
    for moment, text in items:
        local = moment + STATS_UTC_OFFSET
        lines.append(Text(f"{local:%d.%m %H:%M} — ", Italic(shorten(text, 300))))
    return pack([as_list(*lines)])


def moderators_message(configured: Sequence[int], added: Sequence[int], mtx: ModTexts) -> str:
    lines: list[Text | str] = [Bold(mtx.mod_list_title)]
    lines.extend(f"• {i} ({mtx.mod_from_config})" for i in configured)
    lines.extend(f"• {i}" for i in added if i not in configured)
    return as_list(*lines).as_html()
