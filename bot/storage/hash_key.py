"""The key of the HMAC that pseudonymises Telegram ids, resolved once at start-up.

From `DB__HASH_KEY`, from a file (`DB__HASH_KEY_FILE`, e.g. a Docker/compose secret), or
generated once into `SECRETS_DIR` — never beside the database: whoever has both can re-identify
every stored user, and whoever loses the key orphans every stored pseudonym.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from pathlib import Path

from bot.config import MIN_HASH_KEY_LENGTH, Settings
from retrieval.files import write_atomic

log = logging.getLogger(__name__)

GENERATED_NAME = "hash_key"


class HashKeyError(Exception):
    """One line naming the setting that cannot give a key."""


class HashKeyMismatch(Exception):
    """The database was pseudonymised with another hash key than the one configured."""


@dataclass(frozen=True, slots=True)
class HashKey:
    value: bytes
    setting: str  # where it came from, named as the operator sets it

    def __repr__(self) -> str:  # never the key itself
        return f"HashKey(setting={self.setting!r})"


def key_fingerprint(key: bytes) -> str:
    """What a database records to recognise its key (the key itself is never stored)."""
    return hmac.new(key, b"atazan hash key fingerprint", hashlib.sha256).hexdigest()[:16]


def resolve_hash_key(settings: Settings) -> HashKey:
    """The configured key, else the secret file's, else the generated one (created once)."""
    db = settings.db
    if db.hash_key is not None:
        return HashKey(db.hash_key.get_secret_value().encode("utf-8"), "DB__HASH_KEY")
    if db.hash_key_file is not None:
        return HashKey(_read_key_file(db.hash_key_file), "DB__HASH_KEY_FILE")
    return HashKey(_generated_key(settings.secrets_dir, db.path), "SECRETS_DIR")


def _read_key_file(path: Path) -> bytes:
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise HashKeyError(
            f"bad setting DB__HASH_KEY_FILE: cannot read {path} ({reason})"
        ) from None
    if len(text) < MIN_HASH_KEY_LENGTH:
        what = "is empty" if not text else f"holds fewer than {MIN_HASH_KEY_LENGTH} characters"
        raise HashKeyError(f"bad setting DB__HASH_KEY_FILE: {path} {what}")
    return text.encode("utf-8")


def _generated_key(secrets_dir: Path, db_path: Path) -> bytes:
    key_file = secrets_dir / GENERATED_NAME
    try:
        if key_file.exists():
            return _read_generated(key_file)
        legacy = db_path.with_name(db_path.name + ".hashkey")
        if str(db_path) != ":memory:" and legacy.exists():
            # Earlier versions kept the key beside the database; move it, keeping every
            # stored pseudonym valid.
            _write_private(key_file, _read_generated(legacy))
            legacy.unlink()
            log.warning("moved the database hash key from %s to %s", legacy, key_file)
        else:
            _write_private(key_file, secrets.token_hex(32).encode("ascii"))
            log.warning(
                "generated the database hash key into %s: back it up (see README, Operator "
                "guide), or set DB__HASH_KEY_FILE",
                key_file,
            )
        return _read_generated(key_file)
    except OSError as exc:
        raise HashKeyError(
            f"bad setting SECRETS_DIR: cannot keep the generated hash key in {key_file} "
            f"({exc.strerror or exc})"
        ) from None


def _read_generated(path: Path) -> bytes:
    text = path.read_text(encoding="ascii").strip()
    if len(text) < MIN_HASH_KEY_LENGTH:
        raise HashKeyError(f"bad setting SECRETS_DIR: {path} is truncated; restore it from backup")
    return text.encode("ascii")


def _write_private(path: Path, key: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_atomic(path, key + b"\n", mode=0o600)
