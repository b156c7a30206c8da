"""The locks: current with pyproject.toml, hashed, CPU torch only; a stale lock stops setup."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHECK = REPO / "scripts" / "check_lock.py"
LOCKS = ("requirements.lock", "requirements-runtime.lock")


def _check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHECK), str(root)], capture_output=True, text=True, check=False
    )


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    for name in ("pyproject.toml", "requirements.in", *LOCKS):
        shutil.copy(REPO / name, tmp_path / name)
    return tmp_path


def test_committed_locks_match_pyproject() -> None:
    result = _check(REPO)
    assert result.returncode == 0, result.stderr


def test_every_pin_is_exact_and_hashed() -> None:
    for name in LOCKS:
        lines = (REPO / name).read_text().splitlines()
        pins = [i for i, line in enumerate(lines) if line[:1].isalnum()]
        assert len(pins) > 50, name
        for i in pins:
            assert "==" in lines[i] and lines[i].endswith(" \\"), lines[i]
            assert lines[i + 1].startswith("    --hash=sha256:"), lines[i]


def test_torch_is_the_cpu_build_in_both_locks() -> None:
    for name in LOCKS:
        lines = (REPO / name).read_text().splitlines()
        torch = [i for i, line in enumerate(lines) if line.startswith("torch==")]
        assert len(torch) == 1 and lines[torch[0]].startswith("torch==2.13.0+cpu "), name
        assert lines[torch[0] + 1].strip().startswith("--hash=sha256:"), name
        assert not any(line.startswith("nvidia-") for line in lines), name


def test_runtime_lock_is_the_full_locks_subset_without_dev_tools() -> None:
    def pins(name: str) -> set[str]:
        text = (REPO / name).read_text()
        return {line.split(" ")[0] for line in text.splitlines() if "==" in line[:80]}

    full, runtime = pins("requirements.lock"), pins("requirements-runtime.lock")
    assert runtime < full
    assert not {p for p in runtime if p.split("==")[0] in {"pytest", "mypy", "ruff", "uv"}}


def test_a_new_requirement_missing_from_the_lock_is_named(checkout: Path) -> None:
    pyproject = checkout / "pyproject.toml"
    text = pyproject.read_text()
    pyproject.write_text(
        text.replace("dependencies = [\n", 'dependencies = [\n    "tqdm-x>=1",\n', 1)
    )
    result = _check(checkout)
    assert result.returncode == 1
    assert "stale lock: requirements.lock lacks tqdm-x: run scripts/lock.sh" in result.stderr


def test_a_changed_bound_makes_the_lock_stale(checkout: Path) -> None:
    pyproject = checkout / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace('"aiogram>=3.20,<4"', '"aiogram>=3.21,<4"'))
    result = _check(checkout)
    assert result.returncode == 1
    assert "compiled from other requirements" in result.stderr


def test_setup_stops_before_installing_anything_when_the_lock_is_stale(checkout: Path) -> None:
    (checkout / "scripts").mkdir()
    shutil.copy(REPO / "scripts" / "setup.sh", checkout / "scripts" / "setup.sh")
    shutil.copy(CHECK, checkout / "scripts" / "check_lock.py")
    (checkout / "requirements.lock").unlink()
    result = subprocess.run(
        ["bash", str(checkout / "scripts" / "setup.sh")],
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHON": sys.executable},
    )
    assert result.returncode != 0
    assert "stale lock: requirements.lock is missing" in result.stderr
    assert not (checkout / ".venv").exists()
