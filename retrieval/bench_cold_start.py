"""Cold start: a fresh `atazan ask` process timed to its first answer, with the process's own
peak RSS (not the bench's, which exec would carry over)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from retrieval.config import RetrievalConfig

COLD_START_QUESTION = "Что сенаторы говорили о земле?"
# Children run with the thread count serving uses (`atazan run` and `serve-retrieval` default to
# one intra-op thread). The bench once ran them with two OpenMP threads (and OpenBLAS's two): on two
# shared cores a parallel region waits for whichever thread is descheduled, and both spin meanwhile
# — torch's encode read 36 ms instead of 12-13, at several times the CPU per encode.
SERVING_THREADS = {"OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}
# Runs a module (argv[1]) and reports the process's own high-water RSS on stderr at exit. A child's
# rusage peak is no good: exec keeps the larger of the parent's and the child's maxima, so once the
# bench itself had loaded models every `ask` "peaked" at the bench's size (1.3-1.6 GB for ~0.65 GB).
PEAK_MARK = "atazan-bench-vmhwm-kb"
_PROBE = f"""import atexit, runpy, sys
def _report():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                sys.stderr.write("{PEAK_MARK} " + line.split()[1] + "\\n")
atexit.register(_report)
module = sys.argv.pop(1)
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def cold_start(config: RetrievalConfig, runs: int = 3) -> dict[str, Any]:
    """Process start → first answer printed, and the process's peak RSS, for `atazan ask` on a
    copy of the data dir whose index this backend built (the seed corpus)."""
    from retrieval.build import build_index

    with tempfile.TemporaryDirectory(prefix="atazan-bench-") as tmp:
        data = Path(tmp)
        (data / "models").symlink_to((config.data_dir / "models").resolve())
        local = config.model_copy(update={"data_dir": data, "builtin_data_dir": None})
        if build_index(local, log=lambda _: None) != 0:
            return {"error": "index build failed"}
        env = {
            **os.environ,
            "DATA_DIR": str(data),
            "CORPUS_DIR": str(config.corpus_dir),
            "RETRIEVAL__BACKEND": config.backend,
            "HF_HUB_OFFLINE": "1",
            **SERVING_THREADS,
        }
        times: list[float] = []
        rss: list[float] = []
        for _ in range(runs):
            run = probed_run(["bot.cli", "ask", COLD_START_QUESTION], env)
            if run.error:
                return {"error": run.error}
            times.append(run.first_line_s)
            rss.append(run.peak_rss_mb)
        return {
            "first_answer_s": round(statistics.median(times), 2),
            "first_answer_runs_s": [round(t, 2) for t in times],
            "peak_rss_mb": round(max(rss), 1),
        }


@dataclass(frozen=True)
class ProbedRun:
    first_line_s: float  # process start → first line on stdout
    peak_rss_mb: float  # the process's own VmHWM
    error: str = ""


def probed_run(module_args: Sequence[str], env: dict[str, str]) -> ProbedRun:
    """`python -m <module_args>` timed to its first line of output, with its own peak RSS."""
    with tempfile.TemporaryFile(mode="w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-c", _PROBE, *module_args],
            stdout=subprocess.PIPE, stderr=err, env=env, text=True,
        )  # fmt: skip
        assert proc.stdout is not None
        first = proc.stdout.readline()
        elapsed = time.perf_counter() - t0
        proc.stdout.read()
        code = proc.wait()
        err.seek(0)
        marks = [line.split()[1] for line in err if line.startswith(PEAK_MARK)]
    if code != 0 or not first:
        return ProbedRun(elapsed, 0.0, f"{module_args[0]} exited {code}")
    peak = round(int(marks[-1]) / 1024, 1) if marks else 0.0
    return ProbedRun(elapsed, peak, "" if marks else "no peak RSS reported")
