"""CPU time of one redraw (render plus PNG) for the explorers whose unit tests used to assert it.

These figures were asserts in tests/test_models_bargaining.py, tests/test_poll.py and
tests/test_reader.py (median under 100 ms). A unit test should not fail because the machine is
slow or busy, so they live here: each line prints the median CPU time of this process (not wall
time, so other processes' load counts less) against the 100 ms target, and MISSED when over it.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers.explorers import bargaining as bargaining_explorer  # noqa: E402
from helpers.explorers import poll as poll_explorer  # noqa: E402
from helpers.explorers import reading as reading_explorer  # noqa: E402
from helpers.explorers import widgets  # noqa: E402
from tests.test_reader import SEARCHES  # noqa: E402  (the searches the reader's tests render)

TARGET_S = 0.1


def cpu_render(render, **values) -> float:
    """CPU seconds to render and encode as the widget does."""
    start = time.process_time()
    view = widgets.View.coerce(render(**values))
    view.png()
    return time.process_time() - start


def report(name: str, times: list[float]) -> None:
    median = statistics.median(times)
    verdict = "met" if median < TARGET_S else "MISSED"
    print(
        f"{name}: median {median * 1000:.1f} ms CPU over {len(times)} renders "
        f"(max {max(times) * 1000:.1f} ms); target < {TARGET_S * 1000:.0f} ms {verdict}"
    )


def main() -> None:
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")

    values = {c.name: c.default for c in bargaining_explorer.CONTROLS}
    bargaining_explorer.render_bargaining(**values)  # warm fonts
    report(
        "04 bargaining, default controls",
        [cpu_render(bargaining_explorer.render_bargaining, **values) for _ in range(5)],
    )

    for name, (controls, render) in poll_explorer.EXPLORERS.items():
        combos = widgets.combinations(controls)
        times = [cpu_render(render, **v) for v in combos]
        report(f"09 {name}, every combination after the first", times[1:])

    report("01 search box", [cpu_render(reading_explorer.render_search, query=q) for q in SEARCHES])

    controls, render = reading_explorer.EXPLORERS["argument_map"]
    names = [c.name for c in controls]
    render(**{n: False for n in names})  # draw the static layer once
    report(
        "01 argument map, one rejection at a time",
        [cpu_render(render, **{n: n == name for n in names}) for name in names],
    )


if __name__ == "__main__":
    main()
