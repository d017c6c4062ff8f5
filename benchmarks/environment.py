"""Import time of the helpers against matplotlib.pyplot, and the run-time install's size and time.

Run: `python benchmarks/environment.py` (part of `make bench`). Import times are medians over fresh
interpreters. The install creates an empty venv in a temporary folder and runs
`pip install -r requirements.txt` in it (what Binder does), timing it and measuring the result;
set BENCH_SKIP_INSTALL=1 to skip that part (it needs the package index or a warm pip cache).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 5
IMPORT_TARGET = 1.2

SNIPPETS = {
    "import matplotlib.pyplot": "import matplotlib.pyplot",
    "import helpers": "import helpers",
    "what a notebook imports (essay, facts, style, quiz, widgets)": (
        "from helpers.sources import essay, facts; from helpers.figures import style; "
        "from helpers.explorers import quiz, widgets"
    ),
}


def import_seconds(statement: str) -> float:
    """Median wall time of one import statement in a fresh interpreter (start-up excluded)."""
    code = "import time; _t = time.perf_counter(); " + statement + "; print(time.perf_counter() - _t)"
    times = []
    for _ in range(REPEATS):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "MPLBACKEND": "Agg"},
        )
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def folder_mb(path: Path) -> float:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            fp = Path(dirpath) / name
            if not fp.is_symlink():
                total += fp.stat().st_size
    return total / 1e6


def install() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="sf-install-"))
    try:
        venv = tmp / "venv"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        made = time.perf_counter() - start
        py = venv / "bin" / "python"
        empty_mb = folder_mb(venv)
        start = time.perf_counter()
        result = subprocess.run(
            [
                str(py),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
                "requirements.txt",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - start
        if result.returncode != 0:
            print(f"install FAILED (no package index and no pip cache?): {result.stderr.strip()[-500:]}")
            return
        total = folder_mb(venv)
        site = next(venv.glob("lib/python*/site-packages"))
        sizes = sorted(
            (
                (folder_mb(p), p.name)
                for p in site.iterdir()
                if p.is_dir() and not p.name.endswith((".dist-info", "__pycache__"))
            ),
            reverse=True,
        )
        count = len(list(site.glob("*.dist-info")))
        print(
            f"install from requirements.txt into an empty venv: {seconds:.0f} s "
            f"(venv creation {made:.1f} s; pip's cache as it was, so downloads may be cached)"
        )
        print(
            f"installed run-time environment: {total:.0f} MB in all, {total - empty_mb:.0f} MB added "
            f"by requirements.txt ({count} distributions incl. pip)"
        )
        print(
            "largest packages: "
            + ", ".join(f"{name} {mb:.0f} MB" for mb, name in sizes[:6])
            + f"; site-packages {folder_mb(site):.0f} MB, share/ (JupyterLab's static files, kernel "
            f"specs) {folder_mb(venv / 'share'):.0f} MB"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    print(f"machine: {describe()}")
    times = {label: import_seconds(stmt) for label, stmt in SNIPPETS.items()}
    base = times["import matplotlib.pyplot"]
    for label, seconds in times.items():
        print(f"{label:70} {seconds * 1e3:7.0f} ms  {seconds / base:5.2f}x matplotlib.pyplot")
    ratio = times["import helpers"] / base
    print(
        f"`import helpers` target < {IMPORT_TARGET}x matplotlib.pyplot: "
        f"{'met' if ratio < IMPORT_TARGET else 'MISSED'} ({ratio:.2f}x); the package imports nothing "
        "on its own, so the notebook line above is the honest cost "
        f"({'met' if list(times.values())[2] / base < IMPORT_TARGET else 'over'} the same target)"
    )
    if os.environ.get("BENCH_SKIP_INSTALL"):
        print("install: skipped (BENCH_SKIP_INSTALL is set)")
    else:
        install()


if __name__ == "__main__":
    main()
