"""Strings only moderators see (uploads, reloads, statistics); plain text, escaped by render.

The strings live in `bot/ui/locales/<lang>/moderator.po`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from bot.ui.texts.catalog import build, catalogue_path
from bot.ui.texts.model import Lang, resolve_lang


@dataclass(frozen=True, slots=True)
class ModTexts:
    unavailable: str
    # REDIS__URL is set but Redis does not answer: nothing was started or lost
    shared_unavailable: str
    # /mod
    mod_usage: str
    mod_bad_id: str
    mod_added: str
    mod_already: str
    mod_removed: str
    mod_not_found: str
    mod_configured: str
    mod_write_failed: str
    mod_list_title: str
    mod_from_config: str
    # uploads
    upload_usage: str
    upload_bad_type: str
    upload_too_big: str
    upload_binary: str
    upload_long_line: str
    upload_download_failed: str
    upload_refused: str
    preview_title: str
    preview_document: str
    preview_no_date: str
    preview_url: str
    preview_counts: str
    preview_meeting: str
    preview_no_meetings: str
    preview_warnings: str
    preview_more: str
    preview_no_warnings: str
    preview_question: str
    btn_publish: str
    btn_discard: str
    publishing: str
    published: str
    publish_failed: str
    discarded: str
    # /reload
    reload_started: str
    reload_busy: str
    reload_done: str
    reload_failed: str
    # /releases, /withdraw, /restore
    releases_title: str
    releases_empty: str
    releases_archive: str
    release_line: str
    release_counts: str
    release_builtin: str
    release_published: str
    release_on_disk: str
    release_archived: str
    releases_hint: str
    withdraw_usage: str
    restore_usage: str
    withdraw_preview: str
    withdraw_builtin: str
    withdraw_not_found: str
    restore_not_found: str
    btn_withdraw: str
    btn_withdraw_confirm: str
    btn_restore: str
    btn_cancel: str
    withdrawing: str
    withdrawn: str
    withdraw_failed: str
    restoring: str
    restored: str
    restore_failed: str
    already_published: str
    already_archived: str
    # progress of a rebuild (the status message is edited)
    publish_status: str
    withdraw_status: str
    restore_status: str
    stage_validate: str
    stage_parse: str
    stage_embed: str
    stage_index: str
    stage_save: str
    stage_switch: str
    stage_done: str
    stage_failed: str
    # /stats, /unanswered
    stats_title: str
    stats_day: str
    stats_total: str
    stats_themes: str
    stats_none: str
    stats_feedback: str
    stats_no_reason: str
    chart_questions: str
    chart_answered: str
    chart_ratings: str
    chart_up: str
    chart_down: str
    unanswered_title: str
    unanswered_empty: str


@functools.cache
def _load(lang: Lang) -> ModTexts:
    return build(ModTexts, catalogue_path(lang.value, "moderator"))


def mod_texts_for(lang: Lang | str | None) -> ModTexts:
    """Moderator strings from `bot/ui/locales/<lang>/moderator.po`, read on first use."""
    return _load(resolve_lang(lang))
