"""Corpus changes over HTTP: the retrieval service holds the model, so it builds the versions;
bot replicas (`RemoteAdmin`) forward moderators' uploads, withdrawals and reloads here.

Routes exist only with `RETRIEVAL__ADMIN_TOKEN` set, and every request carries it as a bearer
token. A change refused or failed answers 409/422 with a one-line reason the bot shows.
"""

from __future__ import annotations

import hmac
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiohttp import web
from pydantic import BaseModel, TypeAdapter

from retrieval.api import ReleaseRecord

if TYPE_CHECKING:
    from retrieval.admin import CorpusAdmin

log = logging.getLogger(__name__)

ADMIN_PREFIX = "/v1/admin/"
MAX_UPLOAD = 25 * 1024 * 1024  # above the bot's own upload limit
_RELEASES = TypeAdapter(list[ReleaseRecord])


def add_admin_routes(app: web.Application, admin: CorpusAdmin, token: str) -> None:
    """POST preview|publish (body: the file; ?name=&actor=), withdraw|restore (?rid=&actor=),
    reload, reload-from-disk; GET releases."""

    async def guard(
        request: web.Request, change: Callable[[], Awaitable[BaseModel | bytes]]
    ) -> web.Response:
        scheme, _, given = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), token.encode()):
            log.warning("%s refused: bad or missing bearer token", request.path)
            return web.json_response({"error": "unauthorized"}, status=401)
        if request.method == "POST" and request.path != ADMIN_PREFIX + "preview" and admin.busy:
            return web.json_response({"error": "another corpus change is running"}, status=409)
        try:
            result = await change()
        except Exception as exc:  # ReloadFailed and the like: one line for the moderator
            lines = str(exc).strip().splitlines()
            log.warning("%s failed: %s", request.path, lines[0] if lines else type(exc).__name__)
            return web.json_response(
                {"error": lines[0] if lines else type(exc).__name__}, status=422
            )
        body = result if isinstance(result, bytes) else result.model_dump_json().encode()
        return web.Response(body=body, content_type="application/json")

    def actor(request: web.Request) -> int:
        return int(request.query.get("actor", "0"))

    async def preview(request: web.Request) -> web.Response:
        data = await request.read()
        return await guard(request, lambda: admin.preview(request.query["name"], data))

    async def publish(request: web.Request) -> web.Response:
        data = await request.read()
        name = request.query["name"]
        return await guard(request, lambda: admin.publish(name, data, actor=actor(request)))

    async def withdraw(request: web.Request) -> web.Response:
        rid = request.query["rid"]
        return await guard(request, lambda: admin.withdraw(rid, actor=actor(request)))

    async def restore(request: web.Request) -> web.Response:
        rid = request.query["rid"]
        return await guard(request, lambda: admin.restore(rid, actor=actor(request)))

    async def reload(request: web.Request) -> web.Response:
        return await guard(request, admin.reload)

    async def reload_from_disk(request: web.Request) -> web.Response:
        return await guard(request, admin.reload_from_disk)

    async def releases(request: web.Request) -> web.Response:
        async def listed() -> bytes:
            return _RELEASES.dump_json(await admin.releases())

        return await guard(request, listed)

    for name, handler in (
        ("preview", preview),
        ("publish", publish),
        ("withdraw", withdraw),
        ("restore", restore),
        ("reload", reload),
        ("reload-from-disk", reload_from_disk),
    ):
        app.router.add_post(ADMIN_PREFIX + name, handler)
    app.router.add_get(ADMIN_PREFIX + "releases", releases)
