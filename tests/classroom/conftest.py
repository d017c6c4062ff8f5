"""The classroom tests' SIGTERM fixture, and their figures (time to ready, memory per server)
reported at the end of the run."""

from __future__ import annotations

import json
import signal

import pytest

from tests.conftest import ROOT

RESULTS: dict = {}


@pytest.fixture
def stop_on_sigterm():
    """Turn SIGTERM into an exception so the test's ``finally`` stops the hub."""

    def handler(signum, frame):
        raise KeyboardInterrupt("SIGTERM: stopping the classroom")

    previous = signal.signal(signal.SIGTERM, handler)
    yield
    signal.signal(signal.SIGTERM, previous)


def pytest_terminal_summary(terminalreporter):
    if not RESULTS:
        return
    tr = terminalreporter
    tr.section("JupyterHub classroom")
    if "class_pulse" in RESULTS:  # tests/classroom/test_pulse_classroom.py
        tr.write_line(RESULTS["class_pulse"])
        tr.write_line(
            f"live page during the round: {RESULTS.get('class_pulse_screenshot')}; "
            f"axe-core WCAG 2.1 AA violations: {RESULTS.get('class_pulse_page_axe')}"
        )
    if "students" not in RESULTS:
        return
    tr.write_line(
        f"{RESULTS.get('students')} students, notebook {RESULTS.get('notebook')}: hub up in "
        f"{RESULTS.get('hub_start_s')} s; all servers ready {RESULTS.get('all_ready_s')} s and "
        f"all notebooks run {RESULTS.get('all_ran_notebook_s')} s after the first spawn request"
    )
    for s in RESULTS.get("per_student", []):
        again = ""
        if s.get("reconnects"):
            loss = s["losses"][0]
            again = (
                f" (websocket lost after {loss['after_s']} s: {loss['error']}; reconnected "
                f"{s['reconnects']}x; hub log: {' | '.join(loss['log'][-3:]) or 'nothing'})"
            )
        tr.write_line(
            f"  {s['name']}: ready {s['ready_s']} s, pull {s['pull_s']} s, run {s['run_s']} s"
            f"{again}; server {s['server_mb']} MB + kernel {s['kernel_mb']} MB RSS"
        )
    tr.write_line(
        f"edit kept on second pull: {RESULTS.get('edit_survived_second_pull')}; processes "
        f"stopped: {RESULTS.get('processes_stopped')} (killed after the hub's own shutdown: "
        f"{RESULTS.get('had_to_kill')})"
    )
    update = RESULTS.get("helper_update")
    if update:
        tr.write_line(
            f"helper change arrived with the second pull: {update['new_output_shown']} of "
            f"{update['students']} students ran helpers {update['after']} (was {update['before']}) "
            f"from {update['imported_from']} and showed the changed helper's output "
            f"(re-run {update['second_run_s']} s); a kernel started before the pull said: "
            f"{update['stale_kernel_said']}"
        )
    out = ROOT / "test-artifacts" / "classroom.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(RESULTS, indent=1), encoding="utf-8")
