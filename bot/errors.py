"""Errors the bot reports as one line instead of a stack trace."""

from __future__ import annotations


class StartupError(Exception):
    """A one-line reason the bot cannot start (bad setting, missing index…)."""
