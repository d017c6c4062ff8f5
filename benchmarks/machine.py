"""The machine the benchmarks ran on, and a reference figure to scale the other timings by.

Run: `python benchmarks/machine.py` (part of `make bench`). The other benchmark scripts import
``describe``, ``percentile`` and ``reference_figure_ms`` from here. DESIGN.md section 8 quotes
~80 ms to create and save the reference figure (8x5 in, 20 labelled nodes, 30 lines) on a quiet
2-core CI machine; a much larger figure here means the machine is slower or busy, and every
other time printed in the same run is inflated by about the same factor.
"""

from __future__ import annotations

import os
import platform
import statistics
import time

DESIGN_REFERENCE_MS = 80.0


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            names = [line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")]
        if names:
            return f"{names[0]} x {len(names)}"
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gb() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return int(line.split()[1]) / 1024 / 1024
    except OSError:
        return None
    return None


def describe() -> str:
    """One line: CPU, cores, memory, OS, Python, and the load when the run started."""
    load = "/".join(f"{x:.1f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    memory = memory_gb()
    mem = f"{memory:.0f} GB RAM" if memory else "RAM unknown"
    return (
        f"{cpu_name()} ({os.cpu_count()} logical CPUs), {mem}, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}; load average {load} "
        "(1/5/15 min)"
    )


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def reference_figure_ms(repeats: int = 7) -> float:
    """Median ms to build and save DESIGN.md's reference figure with the house style."""
    import numpy as np

    from helpers.figures import style as plots

    rng = np.random.default_rng(0)
    xy = rng.uniform(0, 10, size=(20, 2))
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fig = plots.new_figure(8, 5)
        ax = fig.add_subplot()
        ax.scatter(xy[:, 0], xy[:, 1], s=60, color=plots.CYCLE[0], zorder=3)
        for i, (x, y) in enumerate(xy):
            ax.annotate(f"node {i + 1}", (x, y), xytext=(4, 4), textcoords="offset points")
        for i in range(30):
            a, b = xy[i % 20], xy[(7 * i + 3) % 20]
            ax.plot([a[0], b[0]], [a[1], b[1]], color=plots.GREY, linewidth=1)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        plots.to_png(fig)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main() -> None:
    print(f"machine: {describe()}")
    ms = reference_figure_ms()
    print(
        f"reference figure (8x5 in, 20 labelled nodes, 30 lines; build + PNG): {ms:.0f} ms, "
        f"{ms / DESIGN_REFERENCE_MS:.1f}x DESIGN.md's ~{DESIGN_REFERENCE_MS:.0f} ms on a quiet CI machine"
    )


if __name__ == "__main__":
    main()
