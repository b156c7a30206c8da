"""Process helpers live in `bot.loadbench.processes` (the load benchmark uses them too)."""

from bot.loadbench.processes import (
    FAKE_TOKEN,
    LAUNCHER,
    READY_PREFIX,
    REPO_ROOT,
    BotProcess,
    EmulatorProcess,
    bot_env,
    emulator_missing_reason,
    start_bot,
    start_emulator,
)

__all__ = [
    "FAKE_TOKEN",
    "LAUNCHER",
    "READY_PREFIX",
    "REPO_ROOT",
    "BotProcess",
    "EmulatorProcess",
    "bot_env",
    "emulator_missing_reason",
    "start_bot",
    "start_emulator",
]
