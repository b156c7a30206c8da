"""The built image, run for real against the Bot API emulator (scripts/docker-smoke.sh).

    python -m tests.e2e.docker_smoke IMAGE

Each check prints one line; the first failure stops the run with exit 1. Containers and volumes
it made are removed whatever happens. The release and its senator are invented.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from .emulator import BotEvent, Button, EmulatorClient, FakeUser
from .processes import FAKE_TOKEN, free_port, start_emulator

MODERATOR = 910_001
CITIZEN = 910_002
ADDED_MODERATOR = 910_777
GRACE = 30  # docker stop -t: compose.yaml's stop_grace_period
ANSWER_TIMEOUT = 60.0  # the first question also warms the model up
FAMILY_QUESTION = "Что новая Конституция говорит о семье и браке?"
FAMILY_SENATOR = "Рысбекова"
BEE_QUESTION = "Что сенатор говорила пчеловодам о пасеках и мёде?"
BEE_SENATOR = "Тлеубаева"
BEE_RELEASE = """12 апреля 2026 года

Сенатор Айгерим Тлеубаева встретилась с пчеловодами Жетысуской области в Талдыкоргане.

– Новая Конституция защищает право каждого пчеловода на чистые пастбища для пасек и честную \
цену за мёд, – подчеркнула сенатор.

Депутат также ответила на вопросы о страховании пасек от морозов.
""".encode()
HIVES_QUESTION = "Что говорили сенаторы о страховании ульев от засухи?"
HIVES_RELEASE = """14 апреля 2026 года

Сенатор Айгерим Тлеубаева провела встречу с фермерами в Талдыкоргане.

– Конституция должна гарантировать страхование ульев от засухи для каждого фермерского \
хозяйства, – заявила сенатор.
""".encode()


class SmokeFailure(AssertionError):
    pass


def docker(*args: str, check: bool = True, stdin: bytes | None = None) -> str:
    result = subprocess.run(["docker", *args], input=stdin, capture_output=True, check=False)
    if check and result.returncode != 0:
        raise SmokeFailure(f"docker {' '.join(args[:2])}: {result.stderr.decode().strip()}")
    return result.stdout.decode().strip()


def ok(what: str, started: float | None = None) -> None:
    took = f" ({time.monotonic() - started:.1f} s)" if started is not None else ""
    print(f"  ok  {what}{took}", flush=True)


@dataclass
class Container:
    image: str
    name: str
    api_base: str
    http_port: int

    @property
    def volumes(self) -> tuple[str, str]:
        return (f"{self.name}-data", f"{self.name}-secrets")

    def run(self) -> None:
        data, secrets = self.volumes
        env = {
            "BOT__TOKEN": FAKE_TOKEN,
            "BOT__API_BASE": self.api_base,
            "BOT__ADMIN_IDS": f"[{MODERATOR}]",
            "HTTP__PORT": str(self.http_port),
        }
        options = [arg for name, value in env.items() for arg in ("-e", f"{name}={value}")]
        options += ["-v", f"{data}:/data", "-v", f"{secrets}:/secrets"]
        docker("run", "-d", "--name", self.name, "--network", "host", *options, self.image)

    def state(self) -> dict[str, object]:
        return dict(json.loads(docker("inspect", "-f", "{{json .State}}", self.name)))

    def start_period(self) -> float:
        check = json.loads(docker("inspect", "-f", "{{json .Config.Healthcheck}}", self.name))
        return float(check["StartPeriod"]) / 1e9

    def wait_healthy(self) -> float:
        """Seconds from now until Docker reports healthy; fails past the start period."""
        started = time.monotonic()
        limit = self.start_period()
        while True:
            state = self.state()
            health = state.get("Health")
            status = health.get("Status") if isinstance(health, dict) else None
            if status == "healthy":
                return time.monotonic() - started
            if not state.get("Running"):
                raise SmokeFailure(f"container exited ({state.get('ExitCode')}):\n{self.logs()}")
            if time.monotonic() - started > limit:
                raise SmokeFailure(f"not healthy within the {limit:.0f} s start period")
            time.sleep(1)

    def exec(self, *command: str, stdin: bytes | None = None) -> str:
        interactive = ("-i",) if stdin is not None else ()
        return docker("exec", *interactive, self.name, *command, stdin=stdin)

    def logs(self) -> str:
        result = subprocess.run(["docker", "logs", self.name], capture_output=True, check=False)
        return (result.stdout + result.stderr).decode(errors="replace")[-4000:]

    def remove(self) -> None:
        docker("rm", "-f", self.name, check=False)
        docker("volume", "rm", *self.volumes, check=False)


async def expect_answer(user: FakeUser, question: str, senator: str, timeout: float) -> BotEvent:  # noqa: ASYNC109
    """Ask until the answer cites `senator` (a reload is asynchronous) or the time is up."""
    deadline = time.monotonic() + timeout
    while True:
        answer = await user.ask(question, timeout=ANSWER_TIMEOUT)
        if senator in answer.text:
            return answer
        if time.monotonic() > deadline:
            raise SmokeFailure(f"{question!r} not answered by {senator}: {answer.text[:300]!r}")
        await asyncio.sleep(2)


async def publish(moderator: FakeUser, name: str, data: bytes) -> None:
    """Upload a release as a moderator and press the preview's publish button."""
    await moderator.send_document(name, data)
    preview = await moderator.expect(where=lambda e: _publish_button(e) is not None, timeout=60)
    button = _publish_button(preview)
    assert button is not None
    await moderator.press(preview, button)


def _publish_button(event: BotEvent) -> Button | None:
    for button in event.buttons:
        if button.callback_data and re.fullmatch(r"up:[^:]+:p", button.callback_data):
            return button
    return None


async def smoke(image: str, api_base: str) -> None:
    container = Container(image, f"atazan-smoke-{int(time.time())}", api_base, free_port())
    async with EmulatorClient(api_base, FAKE_TOKEN) as client:
        citizen = client.user(CITIZEN, language_code="ru")
        moderator = client.user(MODERATOR, language_code="ru")
        try:
            await _checks(container, client, citizen, moderator)
        except BaseException:
            print(container.logs(), file=sys.stderr)
            raise
        finally:
            container.remove()


async def _checks(
    container: Container, client: EmulatorClient, citizen: FakeUser, moderator: FakeUser
) -> None:
    started = time.monotonic()
    container.run()
    took = container.wait_healthy()
    ok(f"healthy after {took:.0f} s (start period {container.start_period():.0f} s)")

    uid = container.exec("sh", "-c", "awk '/^Uid:/ {print $2}' /proc/1/status")
    if uid in ("", "0"):
        raise SmokeFailure(f"the bot runs as uid {uid!r}")
    ok(f"runs as uid {uid}")
    key_mode = container.exec("stat", "-c", "%a %u", "/secrets/hash_key")
    stray = container.exec("sh", "-c", "ls /data | grep -i key || true")
    if key_mode != f"600 {uid}" or stray:
        raise SmokeFailure(f"hash key: /secrets/hash_key {key_mode!r}, in /data: {stray!r}")
    ok("generated hash key in /secrets (600), none in /data")

    t0 = time.monotonic()
    await expect_answer(citizen, FAMILY_QUESTION, FAMILY_SENATOR, ANSWER_TIMEOUT)
    ok(f"answers a question, citing {FAMILY_SENATOR}", t0)

    t0 = time.monotonic()
    await publish(moderator, "release.txt", BEE_RELEASE)
    await expect_answer(citizen, BEE_QUESTION, BEE_SENATOR, 180)
    ok("a moderator's uploaded release, published, answers the next question", t0)
    await moderator.send_command("mod", f"add {ADDED_MODERATOR}")
    await moderator.expect(contains=str(ADDED_MODERATOR))
    ok(f"moderator added moderator {ADDED_MODERATOR} (a database row)")

    # The operator's reload: a release dropped on the volume, rebuilt in the shell, SIGHUP.
    t0 = time.monotonic()
    container.exec("sh", "-c", "cat > /data/raw/2026-04-14-hives.txt", stdin=HIVES_RELEASE)
    container.exec("sh", "-c", "atazan corpus build && atazan index build")
    docker("kill", "-s", "HUP", container.name)
    await expect_answer(citizen, HIVES_QUESTION, BEE_SENATOR, 60)
    ok("SIGHUP reloaded a release rebuilt in the shell", t0)

    key_before = container.exec("sha256sum", "/secrets/hash_key")
    t0 = time.monotonic()
    docker("restart", "-t", str(GRACE), container.name)
    took = container.wait_healthy()
    ok(f"docker restart: healthy again after {took:.0f} s", t0)
    await expect_answer(citizen, BEE_QUESTION, BEE_SENATOR, ANSWER_TIMEOUT)
    await expect_answer(citizen, HIVES_QUESTION, BEE_SENATOR, ANSWER_TIMEOUT)
    await moderator.send_command("mod", "list")
    await moderator.expect(contains=str(ADDED_MODERATOR))
    if container.exec("sha256sum", "/secrets/hash_key") != key_before:
        raise SmokeFailure("the hash key changed across the restart")
    ok("after the restart: both releases answer, the added moderator and the key are kept")

    t0 = time.monotonic()
    docker("stop", "-t", str(GRACE), container.name)
    stopped = time.monotonic() - t0
    state = container.state()
    if state.get("ExitCode") != 0 or stopped >= GRACE:
        raise SmokeFailure(f"SIGTERM: exit {state.get('ExitCode')} after {stopped:.1f} s")
    if "Traceback" in container.logs():
        raise SmokeFailure("a traceback in the container's log")
    ok(f"SIGTERM: exit 0 after {stopped:.1f} s (grace {GRACE} s), no traceback")
    print(f"docker-smoke: all checks passed in {time.monotonic() - started:.0f} s", flush=True)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tests.e2e.docker_smoke IMAGE", file=sys.stderr)
        return 2
    return with_emulator("docker-smoke", lambda api_base: asyncio.run(smoke(argv[0], api_base)))


def with_emulator(name: str, checks: Callable[[str], None]) -> int:
    """Run `checks` with the Bot API emulator's base URL; exit code 1 on the first failure."""
    emulator = start_emulator()
    try:
        checks(emulator.base_url)
    except SmokeFailure as exc:
        print(f"{name}: FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        emulator.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
