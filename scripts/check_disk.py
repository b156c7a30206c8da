"""Is there room to set up? setup.sh stops up front, with the figures, rather than mid-export.

A fresh setup writes the virtualenv (~2.2 GB) and the model files (~0.8 GB kept, more while the
ONNX export runs); CI once ran out of disk halfway through the export. Standard library only:
it runs before any virtualenv exists. Usage: check_disk.py PROJECT_DIR DATA_DIR.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

MB = 1024 * 1024
VENV_MB = 2600  # the locked packages, CPU torch included, plus pip's unpacking
MODELS_MB = 1600  # fp32 reference, ONNX and OpenVINO files, and the export's temporary copy
SLACK_MB = 600  # corpus versions, logs, test scratch


def needed_mb(project: Path, data: Path) -> int:
    """What is still to be written: nothing for what an earlier run already installed."""
    need = SLACK_MB
    if not (project / ".venv" / "bin" / "python").exists():
        need += VENV_MB
    if not (data / "models").is_dir():
        need += MODELS_MB
    return need


def free_mb(path: Path) -> int:
    override = os.environ.get("ATAZAN_FREE_MB")  # tests: a full disk without filling one
    if override is not None:
        return int(override)
    while not path.exists():
        path = path.parent
    return shutil.disk_usage(path).free // MB


def main(argv: list[str]) -> int:
    project = Path(argv[1]) if len(argv) > 1 else Path.cwd()
    data = Path(argv[2]) if len(argv) > 2 else project / "data"
    need, free = needed_mb(project, data), free_mb(project)
    if free < need:
        print(
            f"setup: about {need} MB of free disk needed in {project.resolve()}, "
            f"{free} MB free: free some space (old clones, /tmp) and run it again",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
