#!/usr/bin/env bash
# Build the atazan image where no image registry is reachable: the base image from Debian's
# packages (scripts/docker-base.sh) and torch==2.13.0+cpu of the lock served to the build from
# this machine's disk over 127.0.0.1 (builds use the host network). Prints the build time.
#   scripts/docker-build.sh [IMAGE]     (default atazan:latest; BASE_IMAGE to use another base)
# Used by scripts/docker-smoke.sh and scripts/compose-smoke.sh; operators with a registry run
# plain `docker build -t atazan .`.
set -euo pipefail
cd "$(dirname "$0")/.."
IMAGE=${1:-atazan:latest}
BASE_IMAGE=${BASE_IMAGE:-atazan-base:bookworm}
PYTHON=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
work=$(mktemp -d /tmp/atazan-build.XXXXXX)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ "$BASE_IMAGE" = atazan-base:bookworm ]; then
  ./scripts/docker-base.sh "$BASE_IMAGE"
fi
torch_pin=$(grep -E '^torch==' requirements.in)
"$PYTHON" -m pip download --quiet --no-deps --dest "$work/wheels" "$torch_pin" 2>/dev/null
# A fixed port: the build argument is part of the layer cache key.
port=${BUILD_WHEEL_PORT:-38519}
"$PYTHON" -m http.server --bind 127.0.0.1 --directory "$work/wheels" "$port" >"$work/http.log" 2>&1 &
server=$!
started=$(date +%s)
docker build --network host --build-arg "BASE_IMAGE=$BASE_IMAGE" \
  --build-arg "TORCH_SOURCE=--find-links http://127.0.0.1:$port/" -t "$IMAGE" . \
  >"$work/build.log" 2>&1 || { tail -40 "$work/build.log" >&2; exit 1; }
took=$(($(date +%s) - started))
size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
echo "built $IMAGE in ${took} s, $((size / 1000000)) MB"
