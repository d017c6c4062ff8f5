"""Browser-test fixtures: one JupyterLab server and one Chromium per test module.

Module scope, not session: Playwright's sync API cannot start while another instance is
running in the same thread, and tests/test_present.py starts its own after this module.

Both are stopped in a ``finally`` whatever happens. Where Chromium or Playwright is missing the
tests skip and say why. Screenshots go to ``test-artifacts/screenshots/`` (printed at the end).
"""

from __future__ import annotations

import pytest

from tests.browser import lab

REPORTS: dict[str, lab.NotebookReport] = {}


@pytest.fixture(scope="module")
def lab_server():
    reason = lab.unavailable_reason()
    if reason:
        pytest.skip(reason)
    lab.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with lab.lab_server() as server:
        yield server


@pytest.fixture(scope="module")
def browser_context(lab_server):
    with lab.chromium() as context:
        yield context


def pytest_terminal_summary(terminalreporter):
    from tests.browser import axe

    for surface, reports in axe.REPORTS.items():  # one line per surface (issue 16)
        if reports:
            terminalreporter.write_line(axe.summary_line(surface, list(reports.values())))
    if not REPORTS:
        return
    tr = terminalreporter
    tr.section("JupyterLab in Chromium")
    for name in sorted(REPORTS):
        tr.write_line(REPORTS[name].summary())
    timings = sorted(t["ms"] for r in REPORTS.values() for t in r.timings)
    if timings:
        p50 = timings[len(timings) // 2]
        p95 = timings[min(len(timings) - 1, int(0.95 * len(timings)))]
        tr.write_line(
            f"input-to-change over {len(timings)} inputs: p50 {p50:.0f} ms, p95 {p95:.0f} ms, "
            f"max {timings[-1]:.0f} ms (target p95 < 150 ms; recorded, not asserted)"
        )
    tr.write_line(f"screenshots: {lab.SCREENSHOTS}")
