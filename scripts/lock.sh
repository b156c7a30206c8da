#!/usr/bin/env bash
# Refresh the locks from pyproject.toml (+ requirements.in's CPU torch): exact versions with
# hashes, valid for any CPython 3.11 on Linux x86_64 (Debian's 3.11.2 in the image included).
#   requirements.lock          runtime + every extra (dev): scripts/setup.sh and CI
#   requirements-runtime.lock  its runtime subset, same versions: the Docker image
# Run it after changing a dependency (or after merging a branch that did) and commit both files.
# Versions already locked are kept; `scripts/lock.sh --upgrade` (or `--upgrade-package NAME`)
# moves them to the newest allowed. Takes ~15 s; needs the .venv from scripts/setup.sh (uv).
set -euo pipefail
cd "$(dirname "$0")/.."
UV=.venv/bin/uv
[ -x "$UV" ] || { echo "lock: $UV not found: run scripts/setup.sh first (or pip install uv)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# torch's CPU build is not on PyPI; fetch the pinned wheel from wherever pip finds it (on this
# machine: its find-links directory on disk) so that uv can hash it.
torch_pin=$(grep -E '^torch==' requirements.in)
if ! .venv/bin/pip download --no-deps --dest "$work/wheels" "$torch_pin" >"$work/pip.log" 2>&1; then
  grep -v "^WARNING: Location" "$work/pip.log" >&2
  echo "lock: pip cannot find $torch_pin (set PIP_FIND_LINKS to a folder holding its wheel)" >&2
  exit 1
fi
compile() {  # OUTPUT [uv args...]: start from the committed lock, so locked versions stay put
  local out=$1
  shift
  [ -f "$out" ] && cp "$out" "$work/$out"
  "$UV" pip compile --quiet --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
    --generate-hashes --no-emit-index-url --no-emit-find-links --find-links "$work/wheels" \
    --no-header --output-file "$work/$out" "$@" pyproject.toml requirements.in
  python3 scripts/check_lock.py --stamp "$work/$out"
}
publish() {  # LOCK: into place, with a header
  { echo "# $1 — written by scripts/lock.sh from pyproject.toml and requirements.in; do not edit."
    cat "$work/$1"; } >"$1"
}
compile requirements.lock --all-extras "$@"
publish requirements.lock
# The runtime subset is constrained to the full lock: the image gets the versions CI tested.
compile requirements-runtime.lock --constraint requirements.lock
publish requirements-runtime.lock
python3 scripts/check_lock.py
echo "lock: $(grep -c '==' requirements.lock) packages in requirements.lock," \
  "$(grep -c '==' requirements-runtime.lock) in requirements-runtime.lock"
