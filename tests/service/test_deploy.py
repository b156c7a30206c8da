"""compose.scale.yaml and deploy/nginx.conf: the structure an operator relies on, and a config
that nginx itself accepts (Debian's nginx; under CI a missing nginx fails, elsewhere skips).
compose.offline.yaml: the same deployment on images built from Debian's packages."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.load.balancer import NGINX_CONF, UPSTREAM_SERVER, local_config
from bench.load.balancer import nginx_binary as find_nginx
from bot.config import Settings
from tests.servers import missing

REPO = Path(__file__).resolve().parents[2]
COMPOSE = REPO / "compose.scale.yaml"
OFFLINE = REPO / "compose.offline.yaml"
DEBIAN_DOCKERFILE = REPO / "deploy" / "debian" / "Dockerfile"


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert set(compose) >= {"services", "volumes"}
    found: dict[str, Any] = compose["services"]
    return found


def _bots(services: dict[str, Any]) -> dict[str, Any]:
    return {name: s for name, s in services.items() if s.get("command") == ["atazan", "run"]}


def _env_names(model: type[Any], prefix: str = "") -> set[str]:
    from pydantic import BaseModel

    names: set[str] = set()
    for field, info in model.model_fields.items():
        kind = info.annotation
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            names |= _env_names(kind, f"{prefix}{field.upper()}__")
        else:
            names.add(f"{prefix}{field.upper()}")
    return names


def test_every_piece_is_there_with_health_checks_and_restart_policies(
    services: dict[str, Any],
) -> None:
    assert {"postgres", "redis", "retrieval", "nginx", "migrate"} <= set(services)
    assert len(_bots(services)) >= 2
    for name, service in services.items():
        if name == "migrate":  # a one-shot job
            assert service["restart"] == "no"
            continue
        assert service["restart"] == "unless-stopped", name
        assert service["healthcheck"]["test"], name


def test_atazan_processes_share_one_image_and_data_volume(services: dict[str, Any]) -> None:
    atazan = {n: s for n, s in services.items() if s.get("image") == "atazan:latest"}
    assert set(atazan) >= {"retrieval", "migrate", *_bots(services)}
    for service in atazan.values():
        assert service["build"] == "."  # the existing Dockerfile
        assert "atazan-data:/data" in service["volumes"]
    assert services["retrieval"]["command"][:2] == ["atazan", "serve-retrieval"]


def test_bot_replicas_are_webhook_replicas_over_the_shared_engines(
    services: dict[str, Any],
) -> None:
    known = _env_names(Settings)
    for name, bot in _bots(services).items():
        env = bot["environment"]
        assert {"BOT__WEBHOOK_URL", "BOT__WEBHOOK_SECRET", "RETRIEVAL__URL"} <= set(env), name
        token = services["retrieval"]["environment"]["RETRIEVAL__ADMIN_TOKEN"]
        assert env["RETRIEVAL__ADMIN_TOKEN"] == token  # corpus changes reach the service
        assert env["RETRIEVAL__URL"] == "http://retrieval:8090"
        assert env["DB__URL"].startswith("postgresql://") and "@postgres:5432/" in env["DB__URL"]
        assert env["REDIS__URL"].startswith("redis://redis:6379")
        assert "DB__HASH_KEY" in env  # replicas must hash a user the same way
        # Every atazan setting set here exists (a typo would be silently ignored).
        unknown = {k for k in env if "__" in k and k not in known and not k.startswith("DB__")}
        assert unknown == set(), name
        depends = bot["depends_on"]
        assert depends["migrate"]["condition"] == "service_completed_successfully"
        assert depends["retrieval"]["condition"] == "service_healthy"
        assert bot["stop_grace_period"] == "30s"  # > BOT__SHUTDOWN_TIMEOUT: the drain finishes


def test_nginx_balances_over_exactly_the_bot_replicas(services: dict[str, Any]) -> None:
    upstream = {m.group(2) for m in UPSTREAM_SERVER.finditer(NGINX_CONF.read_text("utf-8"))}
    assert upstream == set(_bots(services))
    mounts = services["nginx"]["volumes"]
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in mounts


def nginx_binary() -> str:
    found = find_nginx()
    if found is None:
        missing("nginx is not installed (apt-get install nginx-light; scripts/services.sh does)")
    return found


def test_nginx_accepts_the_config(tmp_path: Path) -> None:
    """`nginx -t` on the real file; the compose service names (resolved by Docker's DNS in
    production) are pointed at the loopback, since nginx resolves upstreams when it loads."""
    nginx = nginx_binary()
    conf = tmp_path / "nginx.conf"
    conf.write_text(local_config([8081, 8082], 8080), encoding="utf-8")
    result = subprocess.run(
        [nginx, "-t", "-q", "-c", str(conf), "-p", str(tmp_path), "-e", str(tmp_path / "error.log"),
         "-g", f"pid {tmp_path / 'nginx.pid'};"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def test_the_offline_override_swaps_only_the_pulled_images(services: dict[str, Any]) -> None:
    """Everything else (health checks, restart policies, volumes, commands) stays
    compose.scale.yaml's, so the offline deployment is the one operators run."""
    offline = yaml.safe_load(OFFLINE.read_text(encoding="utf-8"))["services"]
    pulled = {name for name, s in services.items() if "build" not in s}
    assert set(offline) == pulled == {"postgres", "redis", "nginx"}
    stages = set(re.findall(r"^FROM \S+ AS (\w+)$", DEBIAN_DOCKERFILE.read_text("utf-8"), re.M))
    for name, service in offline.items():
        assert set(service) == {"image", "build"}, name
        assert service["image"] != services[name]["image"]
        assert service["build"]["context"] == "deploy/debian"
        assert service["build"]["target"] == name and name in stages


def test_the_defaults_an_operator_sees_are_kept(services: dict[str, Any]) -> None:
    """The smoke test's knobs (another env file, nginx on a loopback port) default to .env
    and port 80."""
    for service in services.values():
        if service.get("image") == "atazan:latest":
            assert service["env_file"] == "${ATAZAN_ENV_FILE:-.env}"
    assert services["nginx"]["ports"] == ["${NGINX_PORT:-80}:80"]


def test_docker_compose_accepts_both_files(tmp_path: Path) -> None:
    """Debian's docker-compose 1.29 (the one on a bookworm machine) reads the files: merge keys,
    depends_on conditions, build targets. Needs no Docker engine."""
    compose = shutil.which("docker-compose")
    if compose is None:
        missing("docker-compose is not installed (scripts/services.sh installs it as root)")
    env = tmp_path / "smoke.env"
    settings = ["BOT__TOKEN=1:x", "BOT__WEBHOOK_URL=https://x/tg/a", "BOT__WEBHOOK_SECRET=s",
                "DB__HASH_KEY=0123456789abcdef", "POSTGRES_PASSWORD=p",
                "RETRIEVAL__ADMIN_TOKEN=t"]  # fmt: skip
    env.write_text("\n".join(settings) + "\n")
    result = subprocess.run(
        [compose, "--env-file", str(env), "-f", str(COMPOSE), "-f", str(OFFLINE), "config"],
        capture_output=True, text=True, timeout=60, cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "ATAZAN_ENV_FILE": str(env)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    merged = yaml.safe_load(result.stdout)["services"]
    assert merged["postgres"]["image"] == "atazan-postgres:bookworm"
    assert merged["postgres"]["healthcheck"]["test"][:2] == ["CMD", "pg_isready"]
    assert merged["bot-1"]["depends_on"]["migrate"] == {
        "condition": "service_completed_successfully"
    }
