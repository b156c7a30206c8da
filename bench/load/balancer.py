"""deploy/nginx.conf run by Debian's nginx on this machine: the same file with its upstream
pointed at local replicas and its `listen` at a local port (the load bench and the
load-balancer tests use it, so what they measure is the deployed configuration)."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path

from bench.load.processes import REPO_ROOT, terminate

NGINX_CONF = REPO_ROOT / "deploy" / "nginx.conf"
UPSTREAM_SERVER = re.compile(r"^(\s*server\s+)([\w.-]+):(\d+)(.*)$", re.M)


def nginx_binary() -> str | None:
    """Debian installs nginx in /usr/sbin, which is not on every PATH."""
    return shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )


def local_config(ports: Sequence[int], listen: int, template: str | None = None) -> str:
    """The upstream's `server` lines become one per local port (each keeping the options of
    the first one: max_fails, fail_timeout), and nginx listens on 127.0.0.1:`listen`."""
    text = NGINX_CONF.read_text(encoding="utf-8") if template is None else template
    lines = list(UPSTREAM_SERVER.finditer(text))
    if not lines:
        raise ValueError("no upstream `server host:port` line in the nginx config")
    first = lines[0]
    servers = "\n".join(f"{first.group(1)}127.0.0.1:{port}{first.group(4)}" for port in ports)
    out = UPSTREAM_SERVER.sub(lambda m: servers if m.start() == first.start() else "", text)
    return out.replace("listen 80;", f"listen 127.0.0.1:{listen};")


class Nginx:
    """One nginx master in the foreground, everything it writes under `workdir`."""

    def __init__(self, binary: str, workdir: Path, config: str) -> None:
        workdir.mkdir(parents=True, exist_ok=True)
        self.workdir = workdir
        self.conf = workdir / "nginx.conf"
        self.conf.write_text(config, encoding="utf-8")
        self._cmd = [
            binary, "-c", str(self.conf), "-p", str(workdir), "-e", str(workdir / "error.log"),
            "-g", f"pid {workdir / 'nginx.pid'}; daemon off;",
        ]  # fmt: skip
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, settle_s: float = 0.5) -> None:
        """Start and make sure the config loaded (nginx exits at once when it does not)."""
        self.process = subprocess.Popen(self._cmd, stderr=subprocess.PIPE)
        deadline = time.monotonic() + settle_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                assert self.process.stderr is not None
                error = self.process.stderr.read().decode(errors="replace").strip()
                raise RuntimeError(f"nginx exited: {error}")
            time.sleep(0.05)

    def stop(self) -> None:
        if self.process is not None:
            terminate(self.process, 10.0)
