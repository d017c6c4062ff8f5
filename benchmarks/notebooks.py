"""Time every notebook headless, every widget update in the kernel, and each kernel's peak memory.

Run: `python benchmarks/notebooks.py [notebook ...]` (part of `make bench`). For an empty notebook
and each notebook in notebooks/, on a fresh kernel (nbclient): the Run All time (kernel start
included) and its ratio to the empty notebook's; then every control is driven through all its
values with ``helpers.tools.drive.drive_all`` with the render caches switched off, so each setting is a
real redraw; the in-kernel update time per setting; and the kernel's peak resident memory after
all that. Targets are DESIGN.md section 8's; misses are printed, never fatal.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from machine import describe, percentile, reference_figure_ms
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
RSS_TARGET_MB = 250
UPDATE_TARGET_MS = 50

DRIVER = """
import json as _json, resource as _resource
from helpers.tools.drive import drive_all as _drive_all
from helpers.explorers.widgets import Explorer as _Explorer
for _ex in list(_Explorer.instances):  # every setting a real redraw, not a cache hit
    _ex.cache_size = 0
    _ex._cache.clear()
    _ex.timings.clear()
_report = _drive_all()
_report["explorers"] = [{"controls": list(_ex.widgets), "timings": list(_ex.timings)}
                        for _ex in list(_Explorer.instances)]
_report["peak_rss_mb"] = _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss / 1024
print("BENCH-REPORT " + _json.dumps(_report))
"""


def run(nb: nbformat.NotebookNode) -> tuple[float, dict]:
    """Run All on a fresh kernel (timed), then drive every control in the same kernel."""
    client = NotebookClient(
        nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK_DIR)}}
    )
    start = time.perf_counter()
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        seconds = time.perf_counter() - start
        driver = nbformat.v4.new_code_cell(DRIVER)
        nb.cells.append(driver)
        client.execute_cell(driver, len(nb.cells) - 1)
    errors = [
        f"{o.ename}: {o.evalue}" for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"
    ]
    if errors:
        raise RuntimeError("; ".join(errors))
    text = "".join(o.get("text", "") for o in driver.outputs if o.output_type == "stream")
    line = next(ln for ln in text.splitlines() if ln.startswith("BENCH-REPORT "))
    return seconds, json.loads(line.removeprefix("BENCH-REPORT "))


def ms_stats(times_s: list[float]) -> str:
    if not times_s:
        return "no updates"
    ms = [t * 1e3 for t in times_s]
    return f"p50 {percentile(ms, 50):6.1f}  p95 {percentile(ms, 95):6.1f}  max {max(ms):7.1f} ms"


def main(names: list[str]) -> None:
    print(f"machine: {describe()}")
    print(f"reference figure right now: {reference_figure_ms(3):.0f} ms (see benchmarks/machine.py)")
    paths = [NOTEBOOK_DIR / n for n in names] if names else sorted(NOTEBOOK_DIR.glob("*.ipynb"))
    empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("pass")])
    empty.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    base, base_report = run(empty)
    print(
        f"empty notebook, Run All headless (kernel start included): {base:.2f} s; "
        f"kernel peak RSS {base_report['peak_rss_mb']:.0f} MB"
    )
    print()
    print(
        f"{'notebook':36} {'run s':>6} {'ratio':>6} {'target':>7} {'controls':>8} {'settings':>8} "
        f"{'redraws':>7}  figure redraw in the kernel (uncached)      {'RSS MB':>6}"
    )
    all_settings: list[float] = []
    redraws: list[float] = []
    slow: list[str] = []
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        try:
            seconds, report = run(nb)
        except Exception as exc:  # noqa: BLE001 - one broken notebook must not hide the others
            print(f"{path.stem:36} FAILED: {type(exc).__name__}: {str(exc)[:300]}")
            continue
        verdict = "met" if seconds < 2 * base + 3 else "MISSED"
        rss = report["peak_rss_mb"]
        rss_note = "" if rss < RSS_TARGET_MB else f"  MISSED (< {RSS_TARGET_MB})"
        mine = [t for ex in report["explorers"] for t in ex["timings"]]
        print(
            f"{path.stem:36} {seconds:6.2f} {seconds / base:5.2f}x {verdict:>7} {report['controls']:8d} "
            f"{report['settings']:8d} {len(mine):7d}  {ms_stats(mine)}  {rss:6.0f}{rss_note}"
        )
        if report["errors"]:
            print(f"   errors while driving: {report['errors'][:3]}")
        all_settings += report["timings"]
        redraws += mine
        for ex in report["explorers"]:
            if ex["timings"] and max(ex["timings"]) * 1e3 > UPDATE_TARGET_MS:
                slow.append(
                    f"{path.stem}: Explorer({', '.join(ex['controls'])}): "
                    f"{ms_stats(ex['timings'])} over {len(ex['timings'])} redraws"
                )
    print()
    print(f"run-all target: under 2 x empty + 3 s = {2 * base + 3:.1f} s on this machine")
    met = bool(redraws) and percentile([t * 1e3 for t in redraws], 95) < UPDATE_TARGET_MS
    print(
        f"in-kernel figure redraw, every control of every notebook ({len(redraws)} redraws, caches off): "
        f"{ms_stats(redraws)}; target p95 < {UPDATE_TARGET_MS} ms: {'met' if met else 'MISSED'}"
    )
    print(
        f"every setting helpers.tools.drive made ({len(all_settings)}, incl. quiz choices and settings "
        f"that leave the value unchanged): {ms_stats(all_settings)}"
    )
    if slow:
        print("explorers with a redraw over the target (render + PNG):")
        for line in slow:
            print(f"   {line}")
    print(
        f"kernel peak RSS target: under {RSS_TARGET_MB} MB per notebook kernel (the empty notebook's "
        "kernel has imported helpers.tools.drive, ipywidgets and matplotlib for the driver)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
