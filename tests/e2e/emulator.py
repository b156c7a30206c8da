"""The emulator client lives in `bench.load.client` (the load benchmark uses it too)."""

from bench.load.client import (
    BotEvent,
    Button,
    EmulatorClient,
    FakeUser,
    JsonDict,
    ReplyTimeout,
    Sent,
)

__all__ = ["BotEvent", "Button", "EmulatorClient", "FakeUser", "JsonDict", "ReplyTimeout", "Sent"]
