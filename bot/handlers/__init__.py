"""Routers, one per feature; `get_routers()` is the single place that orders them.

Each module builds a fresh Router per call, so several dispatchers (tests, console chat)
can coexist in one process.
"""

from __future__ import annotations

from aiogram import Router

from bot.handlers import (
    answers,
    browse,
    corpus,
    errors,
    fallback,
    inline,
    moderation,
    questions,
    releases,
    start,
)


def get_routers() -> list[Router]:
    """Order matters: commands and buttons before free-text questions, fallbacks last."""
    return [
        errors.create_router(),
        start.create_router(),
        browse.create_router(),
        answers.create_router(),
        inline.create_router(),
        corpus.create_router(),  # moderators first; refusals for everyone else come after
        releases.create_router(),
        moderation.create_router(),
        questions.create_router(),
        fallback.create_router(),
    ]
