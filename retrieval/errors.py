"""Retrieval's own errors: each message is one line an operator can act on."""

from __future__ import annotations


class RetrievalError(Exception):
    """Base of the errors retrieval reports as one line instead of a stack trace."""


class SettingsError(RetrievalError):
    """A bad setting; the message is one line naming the env variable."""


class ServiceUnavailable(RetrievalError):
    """Start-up cannot proceed; the message is one line telling the operator what to run."""


class ModelMissingError(RetrievalError, RuntimeError):
    """The embedding model cannot be loaded; the message is one line for the operator."""


class ModelPrepError(RetrievalError, RuntimeError):
    """Preparation (or reading a prepared model) failed; the message is one line."""


class SearchUnavailable(RetrievalError):
    """No retrieval service answered a question in time; the citizen is asked to try again."""
