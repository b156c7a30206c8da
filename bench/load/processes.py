"""Start and stop the emulator (node) and the bot (`python -m bot.cli run`) as real processes.

Shared by the e2e fixtures (`tests/e2e`) and `atazan bench --load`; plain `subprocess` so it
works from sync fixtures and from scripts alike. The emulator is JavaScript kept in the
repository (`tests/e2e/emulator/`), so it runs from a checkout (an editable install), not
from a wheel: `emulator_missing_reason` says so in one line.
"""

from __future__ import annotations

import os
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
LAUNCHER_PATH = Path("tests") / "e2e" / "emulator" / "launcher.js"
LAUNCHER = REPO_ROOT / LAUNCHER_PATH
READY_PREFIX = "EMULATOR READY "
FAKE_TOKEN = "123456789:AAE2e-Test-Token-Not-Real_abcdefghijk"


def emulator_missing_reason(root: Path = REPO_ROOT) -> str | None:
    """Why the emulator cannot start here, or None when it can."""
    if not (root / LAUNCHER_PATH).is_file():
        return f"the Bot API emulator is not in {root}: run from a checkout of the repository"
    if shutil.which("node") is None:
        return "node is not installed (needed for the Bot API emulator)"
    if not (root / "node_modules" / "telegram-test-api" / "package.json").is_file():
        return f"node_modules/telegram-test-api missing: run `npm ci` in {root}"
    return None


@dataclass
class EmulatorProcess:
    process: subprocess.Popen[str]
    base_url: str

    def stop(self, timeout: float = 5.0) -> int:
        return terminate(self.process, timeout)


def start_emulator(
    port: int = 0, *, verbose: bool = False, timeout: float = 15.0
) -> EmulatorProcess:
    """Launch the emulator on 127.0.0.1 and wait for its READY line (port 0 = any free port)."""
    reason = emulator_missing_reason()
    if reason is not None:
        raise RuntimeError(reason)
    cmd = ["node", str(LAUNCHER), "--port", str(port)]
    if verbose:
        cmd.append("--verbose")
    process = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=subprocess.PIPE, text=True, bufsize=1)
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            terminate(process, 2.0)
            raise RuntimeError(f"emulator did not start within {timeout}s")
    line = process.stdout.readline().strip()
    if not line.startswith(READY_PREFIX):
        code = terminate(process, 2.0)
        raise RuntimeError(f"emulator failed to start (exit {code}): {line!r}")
    return EmulatorProcess(process, line.removeprefix(READY_PREFIX))


@dataclass
class BotProcess:
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def stop(self, timeout: float = 10.0) -> int:
        """SIGTERM, wait; the exit code (or -9 after a forced kill)."""
        return terminate(self.process, timeout)


def bot_env(base_url: str, db_path: Path, token: str = FAKE_TOKEN) -> dict[str, str]:
    """Environment for `atazan run` against the emulator; DATA_DIR kept if the caller set it."""
    env = dict(os.environ)
    env.update(
        {
            "BOT__TOKEN": token,
            "BOT__API_BASE": base_url,
            "DB__PATH": str(db_path),
            "SECRETS_DIR": str(db_path.parent / "secrets"),  # its own generated hash key
            "HTTP__PORT": "0",  # the internal /healthz port: any free one, never a clash
            "DATA_DIR": os.environ.get("DATA_DIR", str(REPO_ROOT / "data")),
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def start_bot(env: dict[str, str], log_path: Path, *args: str) -> BotProcess:
    """`python -m bot.cli run` in the repo root, output to `log_path`."""
    return start_cli(env, log_path, "run", *args)


def start_cli(env: dict[str, str], log_path: Path, *args: str) -> BotProcess:
    """`python -m bot.cli ARGS` (`atazan ARGS`) in the repo root, output appended to `log_path`."""
    with log_path.open("ab") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", *args],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    return BotProcess(process, log_path)


def free_port() -> int:
    """A port free on 127.0.0.1 right now (the caller binds it soon after)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_healthy(url: str, process: BotProcess, timeout_s: float) -> None:
    """Until GET `url` answers 200; RuntimeError with the log's last line if the process
    exits or the time runs out."""
    deadline = time.monotonic() + timeout_s
    while True:
        if process.process.poll() is not None:
            tail = process.log().strip().splitlines()[-1:] or ["(no output)"]
            raise RuntimeError(f"exited with {process.process.returncode}: {tail[0]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer 200 within {timeout_s:.0f} s")
        time.sleep(0.2)


def terminate(process: subprocess.Popen[str] | subprocess.Popen[bytes], timeout: float) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if process.poll() is None:
            process.kill()
            process.wait()
            return -9
    return int(process.returncode)


def proc_status(pid: int) -> dict[str, int]:
    """Memory counters of a live process in KiB (VmHWM = peak RSS, VmRSS), from /proc."""
    found: dict[str, int] = {}
    try:
        lines = Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines()
    except OSError:
        return found
    for line in lines:
        name, _, value = line.partition(":")
        if name in ("VmHWM", "VmRSS") and value.strip().endswith("kB"):
            found[name] = int(value.split()[0])
    return found


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a live process has used so far, from /proc/<pid>/stat."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # after "pid (comm)"; comm may contain spaces
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, all cores, from /proc/stat."""
    try:
        first = Path("/proc/stat").read_text(encoding="ascii").splitlines()[0]
    except (OSError, IndexError):
        return 0.0, 0.0
    ticks = [int(x) for x in first.split()[1:9]]  # user nice system idle iowait irq softirq steal
    hz = os.sysconf("SC_CLK_TCK")
    idle = ticks[3] + ticks[4]
    return (sum(ticks) - idle) / hz, sum(ticks) / hz
