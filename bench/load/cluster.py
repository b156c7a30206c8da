"""Everything one `atazan bench --load --replicas N` run starts, in the shape of
compose.scale.yaml but as local processes: a private PostgreSQL (migrated by `atazan db
migrate`) and Redis, the Bot API emulator, one retrieval service, N bot replicas in webhook
mode, and Debian's nginx with deploy/nginx.conf in front of them."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.load.balancer import Nginx, local_config, nginx_binary
from bench.load.processes import (
    REPO_ROOT,
    BotProcess,
    EmulatorProcess,
    bot_env,
    emulator_missing_reason,
    free_port,
    proc_status,
    start_cli,
    start_emulator,
    wait_healthy,
)
from bench.load.servers import PrivatePostgres, PrivateRedis, servers_missing_reason

HOOK_PATH = "/tg/hook"
SECRET = "load-bench-Webhook_secret"
ADMIN_TOKEN = "load-bench-admin-token"
HASH_KEY = "load-bench-hash-key-0123456789"
# Settings of the caller's own deployment that must not leak into the run.
_DROPPED_ENV = (
    "BOT__WEBHOOK_URL", "BOT__WEBHOOK_SECRET", "HTTP__ADMIN_TOKEN", "DB__HASH_KEY_FILE",
    "RETRIEVAL__URL",
)  # fmt: skip


def cluster_missing_reason() -> str | None:
    """Why a replicas run cannot start here (one line), or None."""
    if nginx_binary() is None:
        return "nginx is not installed (apt-get install nginx-light; scripts/services.sh does)"
    return emulator_missing_reason() or servers_missing_reason()


@dataclass
class Service:
    """One `atazan` process on its own port (a bot replica or the retrieval service) that
    can be killed and started again; its log gathers every incarnation."""

    name: str
    port: int
    env: dict[str, str]
    args: tuple[str, ...]
    log_path: Path
    process: BotProcess | None = None
    starts: int = 0
    earlier_peak_kib: int = 0  # VmHWM of incarnations already gone

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = start_cli(self.env, self.log_path, *self.args)
        self.starts += 1

    def wait_healthy(self, timeout_s: float) -> None:
        assert self.process is not None
        try:
            wait_healthy(self.url + "/healthz", self.process, timeout_s)
        except RuntimeError as exc:
            raise RuntimeError(f"{self.name}: {exc}") from None

    def alive(self) -> bool:
        return self.process is not None and self.process.process.poll() is None

    def kill(self) -> None:
        """SIGKILL: no drain, no goodbye (a machine lost), after noting its peak memory."""
        if self.process is not None and self.alive():
            self.earlier_peak_kib = self.peak_kib()
            self.process.process.send_signal(signal.SIGKILL)
            self.process.process.wait()

    def peak_kib(self) -> int:
        live = proc_status(self.process.process.pid) if self.alive() and self.process else {}
        return max(self.earlier_peak_kib, live.get("VmHWM", 0))

    def log_lines(self, since: int = 0) -> list[str]:
        """Its log from byte `since` on (every incarnation)."""
        if not self.log_path.exists():
            return []
        with self.log_path.open("rb") as log:
            log.seek(since)
            return log.read().decode("utf-8", errors="replace").splitlines()

    def log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def log_errors(self) -> list[str]:
        return [x for x in self.log_lines() if " ERROR " in x or "Traceback" in x]

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop(30.0)


@dataclass
class Cluster:
    workdir: Path
    postgres: PrivatePostgres
    redis: PrivateRedis
    emulator: EmulatorProcess
    retrieval: Service
    replicas: list[Service]
    nginx: Nginx
    nginx_port: int

    @property
    def hook(self) -> str:
        """Where "Telegram" posts: nginx."""
        return f"http://127.0.0.1:{self.nginx_port}{HOOK_PATH}"


@contextmanager
def running_cluster(
    replicas: int,
    data_dir: Path,
    corpus_dir: Path,
    workdir: Path,
    start_timeout_s: float,
    log: Callable[[str], None],
) -> Iterator[Cluster]:
    """Start everything (each piece stopped again on the way out, even after a failure)."""
    with ExitStack() as stack:
        emulator = start_emulator()
        stack.callback(emulator.stop)
        redis = PrivateRedis()
        stack.callback(redis.remove)
        redis.start()
        postgres = PrivatePostgres()
        stack.callback(postgres.remove)
        base = bot_env(emulator.base_url, workdir / "unused.sqlite3")
        for name in _DROPPED_ENV:
            base.pop(name, None)
        base.update(
            {
                "DATA_DIR": str(data_dir), "CORPUS_DIR": str(corpus_dir),
                "DB__URL": postgres.url, "DB__HASH_KEY": HASH_KEY,
                "REDIS__URL": redis.url, "REDIS__PREFIX": "bench",
                "RETRIEVAL__ADMIN_TOKEN": ADMIN_TOKEN,
            }
        )  # fmt: skip
        port = free_port()
        retrieval = Service(
            "retrieval", port, base, ("serve-retrieval", "--port", str(port)),
            workdir / "retrieval.log",
        )  # fmt: skip
        stack.callback(retrieval.stop)
        retrieval.start()  # it loads the model meanwhile: it needs Redis, not PostgreSQL
        postgres.init()
        postgres.start()
        log(f"PostgreSQL on :{postgres.port}, Redis on :{redis.port}; migrating")
        _migrate(base, workdir)
        retrieval.wait_healthy(start_timeout_s)
        log(f"retrieval service on :{port}; starting {replicas} bot replicas")
        nginx_port = free_port()
        bots = [_replica(i, base, retrieval.url, nginx_port, workdir) for i in range(replicas)]
        for bot in bots:
            stack.callback(bot.stop)
            bot.start()
        for bot in bots:
            bot.wait_healthy(start_timeout_s)
        binary = nginx_binary()
        assert binary is not None  # cluster_missing_reason checked it
        config = local_config([b.port for b in bots], nginx_port)
        nginx = Nginx(binary, workdir / "nginx", config)
        stack.callback(nginx.stop)
        nginx.start()
        log(
            f"nginx on :{nginx_port} in front of replicas on "
            + ", ".join(str(b.port) for b in bots)
        )
        yield Cluster(workdir, postgres, redis, emulator, retrieval, bots, nginx, nginx_port)


def _replica(
    index: int, base: dict[str, str], retrieval: str, nginx: int, workdir: Path
) -> Service:
    port = free_port()
    env = base | {
        "HTTP__PORT": str(port),
        "BOT__WEBHOOK_URL": f"http://127.0.0.1:{nginx}{HOOK_PATH}",
        "BOT__WEBHOOK_SECRET": SECRET,
        "RETRIEVAL__URL": retrieval,
    }
    return Service(f"bot-{index + 1}", port, env, ("run",), workdir / f"bot-{index + 1}.log")


def _migrate(env: dict[str, str], workdir: Path) -> None:
    """`atazan db migrate` once, before any replica starts (replicas never migrate)."""
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "migrate"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    (workdir / "migrate.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines() or ["(no output)"]
        raise RuntimeError(f"atazan db migrate failed: {lines[-1]}")
