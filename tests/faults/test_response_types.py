"""The load benchmark's main finding stays fixed: aiogram's `Response[T]` models survive garbage
collection, so no Bot API call rebuilds a pydantic schema (~2 ms under the GIL each)."""

from __future__ import annotations

import gc

from aiogram.methods import Response, SendChatAction, SendMessage
from aiogram.types import Message
from pydantic._internal._generics import _GENERIC_TYPES_CACHE

from tests.bot.conftest import Tg


def _cached(returning: object) -> bool:
    return any(
        getattr(model, "__pydantic_generic_metadata__", {}).get("args") == (returning,)
        and model.__pydantic_generic_metadata__.get("origin") is Response
        for model in list(_GENERIC_TYPES_CACHE.values())
    )


async def test_response_models_stay_cached_across_garbage_collection(tg: Tg) -> None:
    await tg.send("Кому принадлежит земля?")  # sendChatAction + sendMessage
    assert any(isinstance(call, SendMessage) for call in tg.calls())
    gc.collect()
    assert _cached(Message) and _cached(SendChatAction.__returning__)
