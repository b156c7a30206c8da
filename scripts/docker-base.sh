#!/usr/bin/env bash
# A local stand-in for `python:3.11-slim` where no image registry is reachable: a minimal Debian
# bookworm (python3 3.11, venv) made with debootstrap from Debian's packages and imported as an
# image. It trusts this machine's CA bundle (CA_BUNDLE), as pip here must: a TLS-inspecting
# gateway sits between this machine and PyPI. Idempotent: does nothing when the image exists.
#   scripts/docker-base.sh [IMAGE]        (default atazan-base:bookworm; needs root, debootstrap)
set -euo pipefail
IMAGE=${1:-atazan-base:bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CA_BUNDLE=${CA_BUNDLE:-/etc/ssl/certs/ca-certificates.crt}
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "base image $IMAGE exists"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap not found (apt-get install debootstrap)" >&2; exit 1; }
root=$(mktemp -d /tmp/atazan-base.XXXXXX)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=python3,python3-venv,ca-certificates \
  bookworm "$root" "$MIRROR" >"$root.log" 2>&1 || { tail -20 "$root.log" >&2; exit 1; }
rm -f "$root.log"
# apt lists and caches are not needed at run time and only make the image bigger.
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
cp "$CA_BUNDLE" "$root/etc/ssl/certs/ca-certificates.crt"
tar -C "$root" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV PIP_CERT=/etc/ssl/certs/ca-certificates.crt' \
  --change 'CMD ["python3"]' - "$IMAGE" >/dev/null
echo "base image $IMAGE imported ($(docker image inspect -f '{{.Size}}' "$IMAGE") bytes)"
