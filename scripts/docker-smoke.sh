#!/usr/bin/env bash
# Build the image and run it for real against the Bot API emulator (started here, on the host):
# healthy within the start period, answers a question, runs as non-root, a moderator's release
# and the database survive `docker restart`, SIGHUP reloads, SIGTERM exits 0 within the grace.
#
#   scripts/docker-smoke.sh            build (timed) + run the checks (README: Tests, for times)
#   SMOKE_BUILD=0 scripts/docker-smoke.sh   run the checks against an existing $SMOKE_IMAGE
#
# Needs a running Docker engine (root), the project's .venv and node_modules (scripts/setup.sh).
# Where no registry is reachable, scripts/docker-build.sh makes the base image from Debian
# packages and serves torch's CPU wheel from this machine's disk over 127.0.0.1; builds and runs
# use the host network. Leaves no container, volume or server behind.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=${SMOKE_IMAGE:-atazan:smoke}
BASE_IMAGE=${BASE_IMAGE:-atazan-base:bookworm}
command -v docker >/dev/null && docker info >/dev/null 2>&1 || {
  echo "docker-smoke: no Docker engine answers (start dockerd as root)" >&2
  exit 1
}
[ -x .venv/bin/python ] || { echo "docker-smoke: run scripts/setup.sh first" >&2; exit 1; }
if [ "${SMOKE_BUILD:-1}" = 1 ]; then
  BASE_IMAGE=$BASE_IMAGE ./scripts/docker-build.sh "$IMAGE" | sed 's/^built /docker-smoke: built /'
fi
HF_HUB_OFFLINE=1 .venv/bin/python -m tests.e2e.docker_smoke "$IMAGE"
