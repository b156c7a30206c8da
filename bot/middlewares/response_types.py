"""Keeps aiogram's parametrised `Response[T]` models alive for the life of the session.

aiogram validates every Bot API answer with `Response[method.__returning__]`, and pydantic
caches parametrised generic models only weakly: once the garbage collector has freed the
class, the next request builds it again (~2 ms of schema building under the GIL per call).
Under load that was 18% of the bot's GIL time (py-spy, `atazan bench --load`); holding one
strong reference per return type makes it a dictionary hit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot


class PinResponseTypes(BaseRequestMiddleware):
    def __init__(self) -> None:
        self.pinned: dict[Any, type[Response[Any]]] = {}

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        returning = method.__returning__
        try:
            if returning not in self.pinned:
                self.pinned[returning] = Response[returning]  # type: ignore[valid-type]
        except TypeError:  # an unhashable return type: aiogram builds it as before
            pass
        return await make_request(bot, method)
