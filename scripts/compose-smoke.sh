#!/usr/bin/env bash
# compose.scale.yaml brought up for real and played against with the Bot API emulator on the
# host: every service healthy, a question posted through nginx with the webhook secret is
# answered, nginx spreads updates over both replicas, a SIGKILLed replica loses no question and
# is restarted by its policy, a reload reaches the retrieval service and both replicas
# (/healthz version), `docker-compose stop` exits 0 everywhere, `down -v` leaves nothing.
#
#   scripts/compose-smoke.sh                builds (timed), then the checks (README: Scaling out)
#   SMOKE_BUILD=0 scripts/compose-smoke.sh  the checks against the images already built
#   COMPOSE_FILES="compose.scale.yaml" …    with a registry: the official postgres/redis/nginx
#
# Needs a running Docker engine (root), docker-compose (Debian's 1.29.2 or `docker compose` v2
# installed as docker-compose), the project's .venv and node_modules (scripts/setup.sh). Without
# a registry (the default, COMPOSE_FILES="compose.scale.yaml compose.offline.yaml"), postgres,
# redis and nginx are built from Debian's packages (deploy/debian/Dockerfile) and atazan by
# scripts/docker-build.sh. Publishes only nginx, on 127.0.0.1:<free port>.
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a files <<<"${COMPOSE_FILES:-compose.scale.yaml compose.offline.yaml}"
command -v docker >/dev/null && docker info >/dev/null 2>&1 || {
  echo "compose-smoke: no Docker engine answers (start dockerd as root)" >&2
  exit 1
}
command -v docker-compose >/dev/null || {
  echo "compose-smoke: docker-compose not found (apt-get install docker-compose)" >&2
  exit 1
}
[ -x .venv/bin/python ] || { echo "compose-smoke: run scripts/setup.sh first" >&2; exit 1; }

if [ "${SMOKE_BUILD:-1}" = 1 ]; then
  ./scripts/docker-build.sh atazan:latest | sed 's/^/compose-smoke: /'
  services=()
  for file in "${files[@]}"; do
    [ "$file" = compose.offline.yaml ] && services=(postgres redis nginx)
  done
  if [ ${#services[@]} -gt 0 ]; then
    # Interpolation needs the required settings; the build uses none of them.
    env=$(mktemp /tmp/atazan-compose-build.XXXXXX)
    trap 'rm -f "$env"' EXIT
    printf '%s\n' BOT__TOKEN=x BOT__WEBHOOK_URL=http://x BOT__WEBHOOK_SECRET=x \
      DB__HASH_KEY=x POSTGRES_PASSWORD=x RETRIEVAL__ADMIN_TOKEN=x >"$env"
    started=$(date +%s)
    compose_files=()
    for file in "${files[@]}"; do compose_files+=(-f "$file"); done
    ATAZAN_ENV_FILE=$env docker-compose --env-file "$env" "${compose_files[@]}" \
      build "${services[@]}" >"$env.log" 2>&1 || { tail -40 "$env.log" >&2; rm -f "$env.log"; exit 1; }
    rm -f "$env.log"
    echo "compose-smoke: built ${services[*]} from Debian's packages in $(($(date +%s) - started)) s"
  fi
fi
HF_HUB_OFFLINE=1 .venv/bin/python -m tests.e2e.compose_smoke "${files[@]}"
