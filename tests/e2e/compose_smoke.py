"""compose.scale.yaml brought up for real and played against (scripts/compose-smoke.sh).

    python -m tests.e2e.compose_smoke [COMPOSE_FILE ...]

The Bot API emulator runs on the host (on Docker's bridge address, so the replicas reach it as
their `BOT__API_BASE`); this driver plays Telegram's webhook side, posting updates with the
secret to nginx on 127.0.0.1 and reading the replies in the emulator. Each check prints one line;
the first failure stops the run with exit 1. `docker-compose down -v` runs whatever happens and
the run fails if anything of the project is left. The release and its senator are invented.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

import aiohttp

from .docker_smoke import (
    BEE_SENATOR,
    FAMILY_QUESTION,
    FAMILY_SENATOR,
    HIVES_QUESTION,
    HIVES_RELEASE,
    SmokeFailure,
    docker,
    free_port,
    ok,
    with_emulator,
)
from .emulator import EmulatorClient
from .processes import FAKE_TOKEN, REPO_ROOT

PROJECT = "atazansmoke"
DEFAULT_FILES = ("compose.scale.yaml", "compose.offline.yaml")
HEALTHY_WITHIN = 600.0  # the retrieval service alone may take its 120 s start period, and more
ANSWER_TIMEOUT = 60.0
PROPAGATION_LIMIT = 30.0
HOOK_PATH = "/tg/smoke"
SERVICES = ("postgres", "redis", "migrate", "retrieval", "bot-1", "bot-2", "nginx")
_update_ids = count(960_001)


@dataclass
class Deployment:
    """One compose project: its files, its temporary env file and the containers it made."""

    files: tuple[str, ...]
    env_file: Path
    project: str = PROJECT
    first_healthy: dict[str, float] = field(default_factory=dict)

    def command(self, *args: str) -> list[str]:
        files = [arg for name in self.files for arg in ("-f", name)]
        return ["docker-compose", "-p", self.project, "--env-file", str(self.env_file), *files,
                *args]  # fmt: skip

    def run(self, *args: str, stdin: bytes | None = None, check: bool = True) -> bytes:
        env = {**os.environ, "ATAZAN_ENV_FILE": str(self.env_file)}
        result = subprocess.run(
            self.command(*args), cwd=REPO_ROOT, env=env, input=stdin, capture_output=True
        )
        if check and result.returncode != 0:
            error = result.stderr.decode(errors="replace").strip()[-2000:]
            raise SmokeFailure(f"docker-compose {' '.join(args)}: {error}")
        return result.stdout

    def compose(self, *args: str, check: bool = True) -> str:
        return self.run(*args, check=check).decode(errors="replace").strip()

    def containers(self) -> dict[str, dict[str, Any]]:
        """Service name -> `docker inspect` of its container, for every container of the project."""
        ids = docker("ps", "-aq", "--filter", f"label=com.docker.compose.project={self.project}")
        if not ids:
            return {}
        found = json.loads(docker("inspect", *ids.split()))
        return {c["Config"]["Labels"]["com.docker.compose.service"]: c for c in found}

    def name(self, service: str) -> str:
        return str(self.containers()[service]["Name"]).lstrip("/")

    def ip(self, service: str) -> str:
        networks = self.containers()[service]["NetworkSettings"]["Networks"]
        return str(next(iter(networks.values()))["IPAddress"])

    def logs(self, service: str) -> str:
        result = subprocess.run(["docker", "logs", self.name(service)], capture_output=True)
        return (result.stdout + result.stderr).decode(errors="replace")

    def ready(self, started: float) -> bool:
        """Note when each service is first healthy (migrate: exited 0); True once all are."""
        for service, info in self.containers().items():
            state = info["State"]
            health = (state.get("Health") or {}).get("Status")
            done = health == "healthy" or (
                service == "migrate" and state["Status"] == "exited" and state["ExitCode"] == 0
            )
            if done and service not in self.first_healthy:
                self.first_healthy[service] = time.monotonic() - started
            if service == "migrate" and state["Status"] == "exited" and state["ExitCode"] != 0:
                raise SmokeFailure(f"migrate exited {state['ExitCode']}:\n{self.logs('migrate')}")
        return set(self.first_healthy) >= set(SERVICES)

    def leftovers(self) -> list[str]:
        label = f"label=com.docker.compose.project={self.project}"
        left = []
        for kind in ("container", "volume", "network"):
            listing = ["ps", "-aq"] if kind == "container" else [kind, "ls", "-q"]
            names = docker(*listing, "--filter", label)
            left += [f"{kind} {n}" for n in names.split()]
        return left


def http_json(url: str) -> dict[str, Any]:
    """The JSON body, or {} when nothing answers 200 (a replica restarting, say)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return dict(json.loads(response.read()))
    except OSError:
        return {}


def update(user_id: int, text: str) -> dict[str, Any]:
    """A private message from a citizen, as Telegram posts it to a webhook."""
    update_id = next(_update_ids)
    chat = {"id": user_id, "type": "private", "first_name": "Тест"}
    sender = {"id": user_id, "is_bot": False, "first_name": "Тест", "language_code": "ru"}
    message = {"message_id": update_id, "date": int(time.time()), "chat": chat, "from": sender,
               "text": text}  # fmt: skip
    return {"update_id": update_id, "message": message}


@dataclass
class Telegram:
    """Telegram's side: posts updates to the webhook (nginx) and reads replies in the emulator."""

    hook: str
    secret: str
    client: EmulatorClient

    async def deliver(self, body: dict[str, Any], secret: str | None = None) -> int:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret or self.secret}
        timeout = aiohttp.ClientTimeout(total=ANSWER_TIMEOUT)
        async with (
            aiohttp.ClientSession(timeout=timeout) as http,
            http.post(self.hook, json=body, headers=headers) as response,
        ):
            return response.status

    async def ask(self, user_id: int, question: str, senator: str) -> int:
        """Deliver a question (200 = answered, the webhook's contract); its update id."""
        body = update(user_id, question)
        mark = int((await self.client.status())["last_seq"])
        status = await self.deliver(body)
        if status != 200:
            raise SmokeFailure(f"webhook answered {status} to update {body['update_id']}")
        reply = await self.client.wait_for(
            user_id, mark, lambda e: e.kind == "message", ANSWER_TIMEOUT
        )
        if senator not in reply.text:
            raise SmokeFailure(f"{question!r} not answered by {senator}: {reply.text[:300]!r}")
        return int(body["update_id"])


def wait(what: str, until: Callable[[], bool], limit: float) -> float:
    started = time.monotonic()
    while not until():
        if time.monotonic() - started > limit:
            raise SmokeFailure(f"{what}: not within {limit:.0f} s")
        time.sleep(0.5)
    return time.monotonic() - started


def versions(deployment: Deployment) -> dict[str, str]:
    """The corpus version each /healthz reports ("" when it does not answer)."""
    service = http_json(f"http://{deployment.ip('retrieval')}:8090/healthz")
    found = {"retrieval": str(service.get("version", ""))}
    for bot in ("bot-1", "bot-2"):
        body = http_json(f"http://{deployment.ip(bot)}:8080/healthz")
        found[bot] = str(body.get("index", {}).get("version", ""))
    return found


def memory(deployment: Deployment) -> dict[str, str]:
    """`docker stats --no-stream` memory use per running service."""
    names = {deployment.name(s): s for s in SERVICES if s != "migrate"}
    lines = docker("stats", "--no-stream", "--format", "{{.Name}}\t{{.MemUsage}}", *names)
    return {
        names[n]: usage.split(" / ")[0]
        for n, usage in (ln.split("\t") for ln in lines.splitlines())
    }


def bring_up(deployment: Deployment) -> None:
    started = time.monotonic()
    up = subprocess.Popen(deployment.command("up", "-d", "--no-build"), cwd=REPO_ROOT,
                          env={**os.environ, "ATAZAN_ENV_FILE": str(deployment.env_file)},
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    ready = lambda: deployment.ready(started) or up.poll() not in (None, 0)  # noqa: E731
    took = wait("every service healthy", ready, HEALTHY_WITHIN)
    if up.wait() != 0:
        raise SmokeFailure(f"docker-compose up: {up.stderr.read() if up.stderr else ''}")
    order = sorted(deployment.first_healthy.items(), key=lambda item: item[1])
    ok(f"up -d: every service healthy after {took:.0f} s "
       f"({', '.join(f'{s} {t:.0f} s' for s, t in order)})")  # fmt: skip


async def play(deployment: Deployment, telegram: Telegram) -> None:
    t0 = time.monotonic()
    await telegram.ask(700_101, FAMILY_QUESTION, FAMILY_SENATOR)
    ok(f"a question posted with the secret through nginx is answered, citing {FAMILY_SENATOR}", t0)
    refused = await telegram.deliver(update(700_102, FAMILY_QUESTION), secret="wrong-secret")
    if refused == 200:
        raise SmokeFailure("an update with a wrong secret was accepted")
    ok(f"a wrong secret is refused ({refused})")

    ids = [await telegram.ask(700_110 + i, FAMILY_QUESTION, FAMILY_SENATOR) for i in range(6)]
    logs = {bot: deployment.logs(bot) for bot in ("bot-1", "bot-2")}
    handled = {bot: sum(f"update id={i} " in log for i in ids) for bot, log in logs.items()}
    if min(handled.values()) == 0 or sum(handled.values()) != len(ids):
        raise SmokeFailure(f"nginx did not spread 6 updates over both replicas: {handled}")
    ok(f"nginx spreads updates over both replicas ({handled})")

    # SIGKILL from the host, as the OOM killer would: no drain, the restart policy brings it back.
    os.kill(int(deployment.containers()["bot-1"]["State"]["Pid"]), signal.SIGKILL)
    t0 = time.monotonic()
    for i in range(4):
        await telegram.ask(700_120 + i, FAMILY_QUESTION, FAMILY_SENATOR)
    ok("bot-1 SIGKILLed: 4 questions right after are all answered (by bot-2)", t0)
    wait("bot-1 restarted and healthy", lambda: _restarted_healthy(deployment, "bot-1"), 180)
    ok(f"restart policy: bot-1 restarted, healthy {time.monotonic() - t0:.0f} s after the kill")

    reload_in_the_shell(deployment)
    await telegram.ask(700_130, HIVES_QUESTION, BEE_SENATOR)
    ok(f"the reloaded release answers through nginx, citing {BEE_SENATOR}")


def reload_in_the_shell(deployment: Deployment) -> None:
    """README's operator reload: a release on the shared volume, built in the retrieval
    service's container, SIGHUP; then every /healthz reports the new version."""
    before = versions(deployment)
    retrieval = deployment.name("retrieval")
    release = "/data/raw/2026-04-14-hives.txt"
    docker("exec", "-i", retrieval, "sh", "-c", f"mkdir -p /data/raw && cat > {release}",
           stdin=HIVES_RELEASE)  # fmt: skip
    t0 = time.monotonic()
    build = "atazan corpus build >/dev/null && atazan index build >/dev/null"
    docker("exec", retrieval, "sh", "-c", build)
    built = time.monotonic() - t0
    docker("kill", "-s", "HUP", retrieval)

    def followed() -> bool:
        now = versions(deployment)
        return len(set(now.values())) == 1 and now["retrieval"] not in ("", before["retrieval"])

    took = wait("the new version on the service and both replicas", followed, PROPAGATION_LIMIT)
    old, new = before["retrieval"][:12], versions(deployment)["retrieval"][:12]
    ok(f"reload (shell build {built:.0f} s, SIGHUP): version {old} -> {new} "
       f"on retrieval, bot-1 and bot-2 within {took:.1f} s of the SIGHUP")  # fmt: skip


def backup_and_restore(deployment: Deployment) -> None:
    """README's backup command: pg_dump through `exec -T` (a TTY would mangle the binary
    dump), restored with pg_restore into an empty database that then holds the same rows."""
    t0 = time.monotonic()
    dump = deployment.run("exec", "-T", "postgres", "pg_dump", "-U", "atazan", "-Fc", "atazan")
    psql = ("exec", "-T", "postgres", "psql", "-U", "atazan", "-v", "ON_ERROR_STOP=1", "-tA")
    deployment.compose(*psql, "-d", "atazan", "-c", "CREATE DATABASE restored")
    deployment.run("exec", "-T", "postgres", "pg_restore", "-U", "atazan", "-d", "restored",
                   stdin=dump)  # fmt: skip
    count = "SELECT (SELECT count(*) FROM questions) || ' ' || (SELECT count(*) FROM users)"
    live, restored = (
        deployment.compose(*psql, "-d", db, "-c", count) for db in ("atazan", "restored")
    )
    if live != restored or live.startswith("0 "):
        raise SmokeFailure(f"restored questions/users {restored!r}, live {live!r}")
    ok(f"pg_dump ({len(dump) // 1024} KiB) restored into an empty database: the same "
       f"{live.split()[0]} questions, {live.split()[1]} users", t0)  # fmt: skip


def stop_cleanly(deployment: Deployment) -> None:
    for service, usage in memory(deployment).items():
        print(f"  mem {service}: {usage}", flush=True)
    t0 = time.monotonic()
    deployment.compose("stop")
    codes = {s: c["State"]["ExitCode"] for s, c in deployment.containers().items()}
    if any(codes.values()):
        raise SmokeFailure(f"docker-compose stop: exit codes {codes}")
    traced = [b for b in ("bot-1", "bot-2", "retrieval") if "Traceback" in deployment.logs(b)]
    if traced:
        raise SmokeFailure(f"a traceback in the log of {traced}")
    ok("docker-compose stop: every container exits 0, no traceback", t0)


def _restarted_healthy(deployment: Deployment, service: str) -> bool:
    info = deployment.containers()[service]
    health = (info["State"].get("Health") or {}).get("Status")
    return int(info["RestartCount"]) >= 1 and health == "healthy"


def bridge_address() -> str:
    """The host's address on Docker's default bridge: containers on any network reach it."""
    return docker("network", "inspect", "bridge", "-f", "{{(index .IPAM.Config 0).Gateway}}")


def env_file(path: Path, api_base: str, port: int, secret: str) -> Path:
    """The deployment's settings: emulator as Telegram, webhook on nginx, fresh secrets."""
    settings = {
        "BOT__TOKEN": FAKE_TOKEN,
        "BOT__API_BASE": api_base,
        "BOT__WEBHOOK_URL": f"http://127.0.0.1:{port}{HOOK_PATH}",
        "BOT__WEBHOOK_SECRET": secret,
        "DB__HASH_KEY": secrets.token_hex(16),
        "POSTGRES_PASSWORD": secrets.token_hex(12),
        "RETRIEVAL__ADMIN_TOKEN": secrets.token_hex(16),
        "NGINX_PORT": f"127.0.0.1:{port}",
    }
    path.write_text("".join(f"{name}={value}\n" for name, value in settings.items()))
    return path


async def play_with_emulator(deployment: Deployment, api_base: str, hook: str, secret: str) -> None:
    async with EmulatorClient(api_base, FAKE_TOKEN) as client:
        await play(deployment, Telegram(hook, secret, client))


def smoke(files: tuple[str, ...], api_base: str, workdir: Path) -> None:
    started = time.monotonic()
    port, secret = free_port(), secrets.token_urlsafe(24)
    deployment = Deployment(files, env_file(workdir / "smoke.env", api_base, port, secret))
    if deployment.leftovers():
        raise SmokeFailure(f"project {PROJECT} already exists: {deployment.leftovers()}")
    try:
        bring_up(deployment)
        hook = f"http://127.0.0.1:{port}{HOOK_PATH}"
        asyncio.run(play_with_emulator(deployment, api_base, hook, secret))
        backup_and_restore(deployment)
        stop_cleanly(deployment)
    except BaseException:
        for service in deployment.containers():
            print(f"--- {service}\n{deployment.logs(service)[-2500:]}", file=sys.stderr)
        raise
    finally:
        t0 = time.monotonic()
        deployment.compose("down", "-v", "--remove-orphans", "-t", "30", check=False)
        left = deployment.leftovers()
        if left:
            raise SmokeFailure(f"down -v left {left}")
        ok("docker-compose down -v: no container, volume or network of the project left", t0)
    print(f"compose-smoke: all checks passed in {time.monotonic() - started:.0f} s", flush=True)


def main(argv: list[str]) -> int:
    files = tuple(argv) or DEFAULT_FILES
    os.environ["E2E_EMULATOR_HOST"] = bridge_address()  # read by the emulator's launcher

    def checks(api_base: str) -> None:
        with tempfile.TemporaryDirectory(prefix="atazan-compose-") as workdir:
            smoke(files, api_base, Path(workdir))

    return with_emulator("compose-smoke", checks)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
