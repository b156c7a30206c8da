#!/usr/bin/env bash
# Build the image and run it for real against the Bot API emulator (started here, on the host):
# healthy within the start period, answers a question, runs as non-root, a moderator's release
# and the database survive `docker restart`, SIGHUP reloads, SIGTERM exits 0 within the grace.
#
#   scripts/docker-smoke.sh            build (timed) + run the checks (README: Tests, for times)
#   SMOKE_BUILD=0 scripts/docker-smoke.sh   run the checks against an existing $SMOKE_IMAGE
#
# Needs a running Docker engine (root), the project's .venv and node_modules (scripts/setup.sh).
# Where no registry is reachable, the base image is made from Debian packages
# (scripts/docker-base.sh) and torch's CPU wheel is served from this machine's disk over
# 127.0.0.1; builds and runs use the host network. Leaves no container, volume or server behind.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=${SMOKE_IMAGE:-atazan:smoke}
BASE_IMAGE=${BASE_IMAGE:-atazan-base:bookworm}
command -v docker >/dev/null && docker info >/dev/null 2>&1 || {
  echo "docker-smoke: no Docker engine answers (start dockerd as root)" >&2
  exit 1
}
[ -x .venv/bin/python ] || { echo "docker-smoke: run scripts/setup.sh first" >&2; exit 1; }
work=$(mktemp -d /tmp/atazan-smoke.XXXXXX)
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${SMOKE_BUILD:-1}" = 1 ]; then
  if [ "$BASE_IMAGE" = atazan-base:bookworm ]; then
    ./scripts/docker-base.sh "$BASE_IMAGE"
  fi
  # torch==2.13.0+cpu from wherever pip finds it here, served to the build on loopback.
  torch_pin=$(grep -E '^torch==' requirements.in)
  .venv/bin/pip download --quiet --no-deps --dest "$work/wheels" "$torch_pin" 2>/dev/null
  # A fixed port: the build argument is part of the layer cache key.
  port=${SMOKE_WHEEL_PORT:-38519}
  .venv/bin/python -m http.server --bind 127.0.0.1 --directory "$work/wheels" "$port" \
    >"$work/http.log" 2>&1 &
  server=$!
  started=$(date +%s)
  docker build --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" \
    --build-arg "TORCH_SOURCE=--find-links http://127.0.0.1:$port/" -t "$IMAGE" . \
    >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
  took=$(($(date +%s) - started))
  kill "$server" && wait "$server" 2>/dev/null || true
  server=""
  size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
  echo "docker-smoke: built $IMAGE in ${took} s, $((size / 1000000)) MB"
fi
HF_HUB_OFFLINE=1 .venv/bin/python -m tests.e2e.docker_smoke "$IMAGE"
