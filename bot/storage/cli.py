"""`atazan db migrate`: the one step that changes a database's schema.

On PostgreSQL replicas never migrate (they refuse a schema they don't know), so an operator
runs this once per release before starting them; on SQLite it is harmless (the file is
migrated on every open anyway).
"""

from __future__ import annotations

import argparse
import asyncio
import sys


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = subparsers.add_parser("db", help="the database (DB__URL, or DB__PATH's SQLite file)")
    commands = db.add_subparsers(dest="db_command", required=True)
    migrate = commands.add_parser(
        "migrate",
        help="create or upgrade the schema; run once per release before starting replicas "
        "on PostgreSQL (idempotent)",
    )
    migrate.set_defaults(func=migrate_command)


def migrate_command(args: argparse.Namespace) -> int:
    from bot.config import SettingsError, load_settings
    from bot.storage.factory import describe_database, migrate_storage, open_error_line
    from bot.storage.hash_key import HashKeyError, resolve_hash_key

    try:
        settings = load_settings()
        key = resolve_hash_key(settings)
    except (SettingsError, HashKeyError) as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        before, after = asyncio.run(migrate_storage(settings.db, key.value))
    except Exception as exc:  # any driver error: one line, never a traceback
        print(open_error_line(exc, settings.db, key.setting), file=sys.stderr)
        return 2
    database = describe_database(settings.db)
    if before == after:
        print(f"{database}: schema already at version {after}, nothing to do")
    else:
        print(f"{database}: schema migrated from version {before} to {after}")
    return 0
