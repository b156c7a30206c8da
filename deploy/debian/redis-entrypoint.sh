#!/bin/sh
# As the official redis image does: a redis-server started without a config file listens on
# every interface with protected mode off, so other containers reach it (it is never published).
set -eu
if [ "$1" = redis-server ] && ! echo "${2:-}" | grep -q '\.conf$'; then
  shift
  set -- redis-server --protected-mode no "$@"
fi
exec "$@"
