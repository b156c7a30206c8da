"""Moderators' corpus changes from a replica without a model: `RemoteAdmin` forwards them to
the retrieval service, which rebuilds and swaps; the replica's `RemoteSearch` then follows."""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from retrieval.remote import RemoteSearch
from retrieval.remote_admin import RemoteAdmin, RemoteChangeFailed
from retrieval.search import SearchService
from retrieval.service import ServedSearch, create_retrieval_app
from tests.retrieval.test_admin import NEW_RELEASE, Setup, setup

from .conftest import Serve

TOKEN = "admin-token-for-tests"
__all__ = ["setup"]  # the fixture, used by name


@pytest.fixture
async def served_admin(setup: Setup, serve: Serve) -> tuple[str, SearchService]:
    """test_admin's real CorpusAdmin (fake embedder, a copy of the corpus) behind the service."""
    service, admin, _ = setup
    app = create_retrieval_app(ServedSearch(service), admin=admin, admin_token=TOKEN)
    return await serve(app), service


async def test_a_publish_from_a_replica_is_built_by_the_service_and_followed(
    served_admin: tuple[str, SearchService],
) -> None:
    url, service = served_admin
    remote = await RemoteSearch.open([url], poll_s=0)
    admin = RemoteAdmin(url, TOKEN)
    try:
        preview = await admin.preview("karaganda.txt", NEW_RELEASE)
        assert preview.ok and preview.corpus.meetings[0].senators == ["Ерлан Нурланов"]
        meetings = remote.info().meetings
        report = await admin.publish("karaganda.txt", NEW_RELEASE, actor=42)
        assert report.meetings_after == meetings + 1 and report.version == service.version
        answer = await remote.search("Что говорил Нурланов горнякам?")
        assert answer.answered and answer.hits[0].speakers == ["Ерлан Нурланов"]
        for _ in range(200):  # the catalogue follows the version the answer named
            if remote.info().version == report.version:
                break
            await asyncio.sleep(0.01)
        assert remote.info().meetings == meetings + 1
        assert "Ерлан Нурланов" in remote.senators()
        [release] = [r for r in await admin.releases() if r.origin == "moderator"]
        assert release.published_by == 42
        again = await admin.publish("copy.txt", NEW_RELEASE)
        assert again.unchanged
        withdrawn = await admin.withdraw(release.id, actor=42)
        assert withdrawn.meetings_after == meetings
        with pytest.raises(RemoteChangeFailed, match=f"release {release.id} is not published"):
            await admin.withdraw(release.id)
    finally:
        await admin.close()
        await remote.close()


async def test_without_the_token_nothing_changes(served_admin: tuple[str, SearchService]) -> None:
    url, service = served_admin
    version = service.version
    admin = RemoteAdmin(url, "wrong-token")
    try:
        with pytest.raises(RemoteChangeFailed, match="unauthorized"):
            await admin.publish("karaganda.txt", NEW_RELEASE)
    finally:
        await admin.close()
    assert service.version == version


async def test_a_service_without_a_token_has_no_admin_routes(served: str) -> None:
    async with aiohttp.ClientSession() as http, http.post(served + "/v1/admin/reload") as r:
        assert r.status == 404
