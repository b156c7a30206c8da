"""Update middlewares (logging, language, throttling) and the Bot API retry middleware."""

from bot.middlewares.language import LanguageMiddleware
from bot.middlewares.retry import RetryAfterMiddleware
from bot.middlewares.throttling import ThrottlingMiddleware
from bot.middlewares.update_log import HandlerNameMiddleware, UpdateLog, UpdateLogMiddleware
from bot.shared.base import Limit

__all__ = [
    "HandlerNameMiddleware",
    "LanguageMiddleware",
    "Limit",
    "RetryAfterMiddleware",
    "ThrottlingMiddleware",
    "UpdateLog",
    "UpdateLogMiddleware",
]
