"""setup.sh's disk check: a full disk stops set-up up front with the figures, not mid-export."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CHECK = REPO / "scripts" / "check_disk.py"


def _check(project: Path, free_mb: int) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ATAZAN_FREE_MB": str(free_mb)}
    return subprocess.run(
        [sys.executable, str(CHECK), str(project), str(project / "data")],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def test_a_fresh_checkout_needs_room_for_the_venv_and_the_model(tmp_path: Path) -> None:
    short = _check(tmp_path, 3300)  # what CI had left when the export failed
    assert short.returncode == 1
    assert "4800 MB of free disk needed" in short.stderr
    assert "3300 MB free" in short.stderr
    assert _check(tmp_path, 5000).returncode == 0


def test_an_installed_checkout_needs_only_the_slack(tmp_path: Path) -> None:
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").touch()
    (tmp_path / "data" / "models").mkdir(parents=True)
    assert _check(tmp_path, 700).returncode == 0
    low = _check(tmp_path, 500)
    assert low.returncode == 1
    assert "600 MB of free disk needed" in low.stderr


def test_the_real_disk_is_read_when_nothing_overrides_it(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "ATAZAN_FREE_MB"}
    result = subprocess.run(
        [sys.executable, str(CHECK), str(tmp_path / "not" / "yet"), str(tmp_path / "d")],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    free = shutil.disk_usage(tmp_path).free // (1024 * 1024)
    assert result.returncode == (0 if free >= 4800 else 1), result.stderr
