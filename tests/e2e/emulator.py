"""The emulator client lives in `bot.loadbench.client` (the load benchmark uses it too)."""

from bot.loadbench.client import (
    BotEvent,
    Button,
    EmulatorClient,
    FakeUser,
    JsonDict,
    ReplyTimeout,
    Sent,
)

__all__ = ["BotEvent", "Button", "EmulatorClient", "FakeUser", "JsonDict", "ReplyTimeout", "Sent"]
