"""Suite-wide: a generated hash key never lands in the checkout's `secrets/`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers import postgres_url, redis_url

__all__ = ["postgres_url", "redis_url"]


@pytest.fixture(scope="session", autouse=True)
def _secrets_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    # Session scope, so bots started by module fixtures (e2e) inherit it too.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SECRETS_DIR", str(tmp_path_factory.mktemp("secrets")))
        yield
