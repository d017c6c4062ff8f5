"""How fast notebook 02's and 03's pictures redraw when a control changes (in the kernel).

Prints p50/p95/max of the time from setting a control to the new PNG being in the picture,
first for renders nobody has seen yet (cold: the cache cannot help) and then for revisits
(warm: served from the explorer's cache). Target (DESIGN.md section 8): p95 under 50 ms;
the issue's floor: well under 100 ms.
"""

from __future__ import annotations

import platform
import statistics
import time

from helpers.explorers import framings as explore_framings
from helpers.explorers import referents as explore_referents
from helpers.explorers import widgets


def _explorer_02() -> widgets.Explorer:
    return widgets.Explorer(
        controls=explore_framings.CONTROLS, render=explore_framings.render, cache_size=512
    )


def _explorer_03() -> widgets.Explorer:
    return widgets.Explorer(
        controls=explore_referents.CONTROLS, render=explore_referents.render, cache_size=512
    )


def _walk(explorer: widgets.Explorer, order: list[tuple[str, object]]) -> list[float]:
    times = []
    for name, value in order:
        start = time.perf_counter()
        explorer.widgets[name].value = value
        times.append(time.perf_counter() - start)
    assert not explorer.errors, explorer.errors
    return times


def _order(explorer: widgets.Explorer) -> list[tuple[str, object]]:
    """A reader's walk: each control through its values, nested, so every setting is a change."""
    steps: list[tuple[str, object]] = []
    names = list(explorer.widgets)
    for combo in widgets.combinations(explorer.controls):
        for name in names:
            steps.append((name, combo[name]))
    return steps


def _report(label: str, times: list[float]) -> None:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    print(
        f"{label:<42} n={len(ms):4d}  p50={statistics.median(ms):6.1f} ms  p95={p95:6.1f} ms  "
        f"max={ms[-1]:6.1f} ms"
    )


def main() -> None:
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, {platform.system()}"
    )
    for name, make in (
        ("02 framing/perspective/lens", _explorer_02),
        ("03 referent/framing/box", _explorer_03),
    ):
        explorer = make()
        order = _order(explorer)
        cold = _walk(explorer, order)
        changed = [t for t in cold if t > 0.002]  # settings that produced a new picture
        _report(f"{name}: first visit (cold)", changed)
        _report(f"{name}: revisit (cached)", _walk(explorer, order))


if __name__ == "__main__":
    main()
