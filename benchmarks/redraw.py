"""Render + PNG time of every registered explorer over its control combinations, in one process.

Run: `python benchmarks/redraw.py` (part of `make bench`). For each explorer the picture checks
know (``tests/pictures.py``: every ``EXPLORERS`` entry of ``helpers/explorers``), up to 40
combinations spread over all of them are each drawn twice, as a walk: render (model, picture,
description, side text) and PNG bytes by the engine's fast path (``View.png``), timed in CPU
milliseconds of this process (less disturbed than wall time by other jobs on a shared machine). The first pass
includes each static layer's first draw; the second pass is what a reader sees after the first
visit of a layout. No explorer cache is involved. Prints the matplotlib version, so the same
script run in two environments compares releases side by side.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import matplotlib

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers.explorers.widgets import View, combinations  # noqa: E402
from tests import pictures  # noqa: E402

LIMIT = 40


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def walk(entry: pictures.Entry) -> tuple[list[float], list[float]]:
    combos = combinations(entry.controls)
    step = max(1, len(combos) // LIMIT)
    combos = combos[::step][:LIMIT]
    passes = []
    for _ in range(2):
        times = []
        for values in combos:
            start = time.process_time()
            View.coerce(entry.make(**values)).png()
            times.append(1000 * (time.process_time() - start))
        passes.append(times)
    return passes[0], passes[1]


def main() -> None:
    print(f"matplotlib {matplotlib.__version__}, Python {sys.version.split()[0]}")
    first_all, second_all = [], []
    for entry in pictures.registry():
        if entry.controls is None:
            continue
        first, second = walk(entry)
        first_all += first
        second_all += second
        print(
            f"{entry.name:<26} n={len(first):3d}  first p50 {statistics.median(first):6.1f} p95 "
            f"{p95(first):6.1f}  |  again p50 {statistics.median(second):6.1f} p95 {p95(second):6.1f} ms"
        )
    print(
        f"{'ALL':<26} n={len(first_all):3d}  first p50 {statistics.median(first_all):6.1f} p95 "
        f"{p95(first_all):6.1f}  |  again p50 {statistics.median(second_all):6.1f} p95 "
        f"{p95(second_all):6.1f} ms"
    )


if __name__ == "__main__":
    main()
