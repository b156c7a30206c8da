"""The shape of a language pack and how a Telegram language code maps to one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Lang(StrEnum):
    RU = "ru"
    KK = "kk"
    EN = "en"


DEFAULT_LANG = Lang.RU
LANG_NAMES: dict[Lang, str] = {Lang.RU: "Русский", Lang.KK: "Қазақша", Lang.EN: "English"}


@dataclass(frozen=True, slots=True)
class Texts:
    """One language's strings; `{name}` placeholders are filled with `str.format`."""

    lang: Lang
    # command menu
    cmd_start: str
    cmd_ask: str
    cmd_themes: str
    cmd_senators: str
    cmd_regions: str
    cmd_lang: str
    cmd_about: str
    cmd_help: str
    # /start and /help
    welcome_title: str
    welcome_body: str
    examples_title: str
    examples: tuple[str, str, str]
    help_body: str
    # /about
    about_title: str
    about_corpus: str
    about_sources: str
    about_method: str
    about_disclaimer: str
    about_privacy: str
    unknown_date: str
    # answers
    answer_title: str
    # a page with someone other than a senator on it (an akim's, a minister's words, or nobody
    # named): it cannot be headed "what senators said"
    answer_title_others: str
    results_range: str
    kind_quote: str
    kind_reported: str
    unknown_speaker: str
    source_label: str
    truncated_note: str
    no_answer: str
    no_answer_hint: str
    # declined because the question names no subject of its own (Answer.general)
    too_general: str
    # a message that is only a greeting / only thanks, "ok" or goodbye (bot.ui.smalltalk)
    courtesy_greeting: str
    courtesy_closing: str
    courtesy_more: str
    # senators/places a question names that said nothing on its topic: {names}
    silent_note: str
    sources_label: str
    ask_usage: str
    btn_more: str
    btn_meeting: str
    # feedback
    reason_wrong_senator: str
    reason_off_topic: str
    reason_not_enough: str
    reason_other: str
    vote_thanks: str
    reason_prompt: str
    reason_thanks: str
    # buttons that no longer apply
    no_more: str
    not_yours: str
    expired: str
    # meeting report
    meeting_title: str
    meeting_senators: str
    meeting_place: str
    meeting_audience: str
    meeting_statements: str
    meeting_not_found: str
    # browsing
    themes_prompt: str
    senators_prompt: str
    regions_prompt: str
    list_empty: str
    theme_title: str
    senator_title: str
    region_title: str
    statements_count: str
    browse_empty: str
    # language, limits, errors
    lang_prompt: str
    lang_set: str
    throttled: str
    send_text: str
    unknown_command: str
    error: str
    # no search service answered (RETRIEVAL__URL mode): the question itself was fine
    search_unavailable: str
    inline_hint: str
    inline_no_answer: str

    def heads_an_answer(self, text: str) -> bool:
        """Does a reply carry an answer page's title (senators' words, or others' among them)?"""
        return self.answer_title in text or self.answer_title_others in text


# A stored language with this prefix was followed from the user's last question, not chosen with
# /lang: the next question in another language switches it again, a /lang choice never.
FOLLOWED = "auto:"


def followed(lang: Lang) -> str:
    """How a language followed from a question is stored."""
    return FOLLOWED + lang.value


def is_chosen(stored: str | None) -> bool:
    """Did the user pick the stored language with /lang (rather than write in it)?"""
    return stored is not None and not stored.startswith(FOLLOWED)


def resolve_lang(code: str | None) -> Lang:
    """Telegram's `language_code` (e.g. `en-US`, `kk`) or a stored language → a supported
    language, default ru."""
    if code:
        prefix = code.removeprefix(FOLLOWED).split("-")[0].strip().lower()
        for lang in Lang:
            if lang.value == prefix:
                return lang
    return DEFAULT_LANG
