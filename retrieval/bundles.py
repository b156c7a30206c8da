"""Where sealed corpus versions live for every replica: the interface and the shared-volume
store. An S3-compatible store would implement the same three calls: `push` uploads a version
sealed locally (manifest last), `fetch` downloads one into a local cache and checks it,
`latest` reads the pointer object.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from retrieval.versions import VERSION_FILE, VersionError, VersionStore


class BundleStore(Protocol):
    def latest(self) -> str | None:
        """The live version's name (the `CURRENT` pointer), if there is one."""
        ...

    def fetch(self, version: str) -> Path:
        """A local directory holding that version, sealed; VersionError when it is missing or
        incomplete (a version still being written is never returned)."""
        ...

    def push(self, version: str) -> None:
        """Make a version sealed in this process's data dir available to every replica."""
        ...


class SharedDirBundles:
    """`DATA_DIR` on a volume every replica mounts: versions are sealed there by one rename
    (manifest inside), so a directory under `versions/` with its manifest is complete."""

    def __init__(self, data_dir: Path) -> None:
        self._store = VersionStore(data_dir)

    def latest(self) -> str | None:
        return self._store.live_name()

    def fetch(self, version: str) -> Path:
        if not version or "/" in version or version.startswith("."):
            raise VersionError(f"not a version name: {version!r}")
        path = self._store.versions / version
        if not (path / VERSION_FILE).is_file():
            raise VersionError(f"version {version} is not sealed in {self._store.versions}")
        return path

    def push(self, version: str) -> None:
        self.fetch(version)  # already on the shared volume: only check that it is sealed
