"""Process helpers live in `bench.load.processes` (the load benchmark uses them too)."""

from bench.load.processes import (
    FAKE_TOKEN,
    LAUNCHER,
    READY_PREFIX,
    REPO_ROOT,
    BotProcess,
    EmulatorProcess,
    bot_env,
    emulator_missing_reason,
    free_port,
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
    "free_port",
    "start_bot",
    "start_emulator",
]
