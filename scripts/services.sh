#!/usr/bin/env bash
# Test servers on 127.0.0.1 only: PostgreSQL (role atazan, password atazan, database
# atazan_test, port 5432) and Redis (port 6379), from Debian's packages; nginx is installed for
# the load-balancer config check, docker-compose for the compose files' check. Idempotent. Installs missing packages when run as root with apt.
# Under CI=true a server that cannot be started fails the run; elsewhere tests skip with a reason.
set -uo pipefail
fail() {
  echo "services: $*" >&2
  if [ -n "${CI:-}" ]; then exit 1; fi
  exit 0
}
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

missing=()
[ -n "$(pg_bin)" ] || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# docker-compose only reads the compose files in a test (no Docker engine needed)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "services: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 ||
      { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "${missing[@]}" >/dev/null; } ||
      fail "could not install ${missing[*]}"
  else
    fail "missing ${missing[*]} (install them as root: apt-get install ${missing[*]})"
  fi
fi

# PostgreSQL: the Debian cluster, listening on localhost (its default).
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  [ "$(id -u)" = 0 ] || fail "PostgreSQL is not running on 127.0.0.1:5432 (start it as root)"
  version=$(basename "$(dirname "$(pg_bin)")")
  pg_lsclusters -h 2>/dev/null | awk '{print $2}' | grep -qx main ||
    pg_createcluster "$version" main >/dev/null || fail "pg_createcluster failed"
  pg_ctlcluster "$version" main start || fail "PostgreSQL did not start"
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -q -h 127.0.0.1 -p 5432 || fail "PostgreSQL did not become ready"
fi
if [ "$(id -u)" = 0 ]; then
  psql_su() { runuser -u postgres -- psql -qtAX -h 127.0.0.1 -d postgres "$@" 2>/dev/null ||
    runuser -u postgres -- psql -qtAX -d postgres "$@"; }
  [ "$(psql_su -c "SELECT 1 FROM pg_roles WHERE rolname='atazan'")" = 1 ] ||
    psql_su -c "CREATE ROLE atazan LOGIN PASSWORD 'atazan' CREATEDB" || fail "cannot create role"
  [ "$(psql_su -c "SELECT 1 FROM pg_database WHERE datname='atazan_test'")" = 1 ] ||
    psql_su -c "CREATE DATABASE atazan_test OWNER atazan" || fail "cannot create database"
fi

# Redis: no persistence, loopback only.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save '' --appendonly no \
    --dir /tmp --logfile /tmp/atazan-test-redis.log >/dev/null || fail "Redis did not start"
  for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || fail "Redis did not become ready"
fi
echo "services: PostgreSQL 127.0.0.1:5432, Redis 127.0.0.1:6379 ready" >&2
