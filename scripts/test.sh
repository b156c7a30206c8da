#!/usr/bin/env bash
# Lint, type-check, check the import layers and dependencies, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
export HF_HUB_OFFLINE=1
ruff check .
ruff format --check .
mypy
command -v lint-imports >/dev/null && command -v deptry >/dev/null || {
  echo "lint-imports/deptry missing: run scripts/setup.sh" >&2
  exit 1
}
lint-imports --no-cache
deptry .
# PostgreSQL and Redis for the integration tests (fatal under CI=true when they cannot start).
./scripts/services.sh
python -m pytest -q "$@"
