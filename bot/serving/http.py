"""The internal HTTP port: /healthz, /metrics, POST /admin/reload (and the webhook, see serving).

/admin/reload exists only when HTTP__ADMIN_TOKEN is set; without it the path is a plain 404.
"""

from __future__ import annotations

import hmac
import logging

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from bot.services.corpus_ops import CorpusOps, ReloadBusy, ReloadError
from bot.services.metrics import Metrics
from bot.shared import SharedState
from bot.storage import Storage
from retrieval.api import SearchAPI

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
METRICS_PATH = "/metrics"
RELOAD_PATH = "/admin/reload"
RESERVED_PATHS = (HEALTH_PATH, METRICS_PATH, RELOAD_PATH)


class OpsEndpoints:
    def __init__(
        self,
        search: SearchAPI,
        repo: Storage,
        metrics: Metrics | None,
        corpus_ops: CorpusOps | None,
        admin_token: str | None,
        shared: SharedState | None = None,
    ) -> None:
        self._shared = shared
        self._search = search
        self._storage = repo
        self._metrics = metrics
        self._ops = corpus_ops
        self._token = admin_token

    async def healthz(self, request: web.Request) -> web.Response:
        """200 when the index answers and the database takes a write, else 503; the corpus
        version serving, and whether the shared store (Redis) answers."""
        try:
            info = self._search.info()
            index: dict[str, object] = {"ok": True, "statements": info.statements}
            if info.version:
                index["version"] = info.version  # the corpus version serving
        except Exception as exc:
            index = {"ok": False, "error": type(exc).__name__}
        db_ok = await self._storage.ping()
        healthy = bool(index["ok"]) and db_ok
        body = {"status": "ok" if healthy else "unavailable", "index": index, "db": {"ok": db_ok}}
        if self._shared is not None:  # shown, not fatal: replicas answer without Redis
            body["shared"] = {"backend": self._shared.backend, "ok": await self._shared.ping()}
        return web.json_response(body, status=200 if healthy else 503)

    async def metrics(self, request: web.Request) -> web.Response:
        if self._metrics is None:
            raise web.HTTPNotFound()
        return web.Response(
            body=generate_latest(self._metrics.registry),
            headers={"Content-Type": CONTENT_TYPE_LATEST},
        )

    async def reload(self, request: web.Request) -> web.Response:
        """Swap in the corpus and index the shell built (`atazan corpus build && index build`)."""
        header = request.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        expected = self._token or ""
        authorised = scheme.lower() == "bearer" and hmac.compare_digest(
            given.strip().encode(), expected.encode()
        )
        if not expected or not authorised:
            log.warning("POST %s refused: bad or missing bearer token", RELOAD_PATH)
            await self._storage.log_refused_attempt("http", f"POST {RELOAD_PATH}")
            return web.json_response(
                {"error": "unauthorized"}, status=401, headers={"WWW-Authenticate": "Bearer"}
            )
        if self._ops is None:
            return web.json_response({"error": "corpus changes are unavailable"}, status=503)
        try:
            report = await self._ops.reload_from_disk("http")
        except ReloadBusy:
            return web.json_response({"error": "a reload is already running"}, status=409)
        except ReloadError as exc:
            return web.json_response({"error": str(exc)}, status=500)
        body = report.model_dump(exclude={"release", "unchanged"})
        return web.json_response({"status": "reloaded", **body})


def create_http_app(
    *,
    search: SearchAPI,
    repo: Storage,
    metrics: Metrics | None,
    corpus_ops: CorpusOps | None,
    admin_token: str | None,
    shared: SharedState | None = None,
) -> web.Application:
    endpoints = OpsEndpoints(search, repo, metrics, corpus_ops, admin_token, shared)
    app = web.Application()
    app.router.add_get(HEALTH_PATH, endpoints.healthz)
    app.router.add_get(METRICS_PATH, endpoints.metrics)
    if admin_token:
        app.router.add_post(RELOAD_PATH, endpoints.reload)
    return app
