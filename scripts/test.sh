#!/usr/bin/env bash
# Lint, type-check and run every test (unit, real-model and end-to-end).
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
export HF_HUB_OFFLINE=1
ruff check .
ruff format --check .
mypy
python -m pytest -q "$@"
