"""Is requirements.lock still the lock of pyproject.toml? setup.sh and the tests stop when not.

Standard library only: it runs before any virtualenv exists. `--stamp FILE` writes the digest of
the lock's inputs into a freshly compiled lock (scripts/lock.sh does this).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCKS = ("requirements.lock", "requirements-runtime.lock")
STAMP = "# inputs-sha256: "
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")


def normalise(name: str) -> str:
    """PEP 503: `PyYAML`, `pyyaml` and `py_yaml` are one project."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _inputs(root: Path) -> tuple[dict[str, list[str]], list[str]]:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    groups = {"runtime": list(project.get("dependencies", []))}
    groups.update(project.get("optional-dependencies", {}))
    extra = root / "requirements.in"
    lines = extra.read_text(encoding="utf-8").splitlines() if extra.exists() else []
    groups["requirements.in"] = [ln.strip() for ln in lines if ln.strip() and ln[0] != "#"]
    return groups, [project.get("requires-python", "")]


def inputs_digest(root: Path) -> str:
    """Digest of everything the lock was compiled from; any edit of a requirement changes it."""
    groups, python = _inputs(root)
    payload = json.dumps({"groups": groups, "python": python}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def pins(lock_text: str) -> dict[str, str]:
    """name → exact version of every pinned line of a lock."""
    found = (_PIN.match(line) for line in lock_text.splitlines())
    return {normalise(m[1]): m[2] for m in found if m}


def problems(root: Path) -> list[str]:
    """Why the locks do not match pyproject.toml (empty: they do)."""
    groups, _ = _inputs(root)
    wanted = {
        "requirements.lock": [r for rs in groups.values() for r in rs],
        "requirements-runtime.lock": groups["runtime"] + groups["requirements.in"],
    }
    digest = inputs_digest(root)
    found: list[str] = []
    for name in LOCKS:
        path = root / name
        if not path.exists():
            found.append(f"{name} is missing")
            continue
        text = path.read_text(encoding="utf-8")
        locked = pins(text)
        missing = sorted(
            {m[1] for r in wanted[name] if (m := _NAME.match(r)) and normalise(m[1]) not in locked}
        )
        if missing:
            found.append(f"{name} lacks {', '.join(missing)}")
        elif STAMP + digest not in text:
            found.append(f"{name} was compiled from other requirements than pyproject.toml's")
        if any(line.startswith("-e ") for line in text.splitlines()):
            found.append(f"{name} has an editable requirement")
    return found


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--stamp":
        path = Path(argv[1])
        path.write_text(f"{STAMP}{inputs_digest(ROOT)}\n" + path.read_text(encoding="utf-8"))
        return 0
    root = Path(argv[0]) if argv else ROOT
    found = problems(root)
    for line in found:
        print(f"stale lock: {line}: run scripts/lock.sh and commit the lock", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
