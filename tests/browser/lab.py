"""A real JupyterLab server and Debian's Chromium, driven the way a person uses a notebook.

Used by the browser tests (``tests/browser/test_lab.py``) and by ``benchmarks/browser.py``:
``lab_server()`` starts ``jupyter lab`` from this Python's environment on 127.0.0.1 with a random
port and token in a temporary copy of ``notebooks/``; ``chromium()`` launches the browser with a
fresh profile; ``open_and_run()`` opens a notebook and runs all cells from the Run menu;
``exercise_controls()`` clicks, chooses, types and presses keys on every widget control and times
each input until the picture or text it drives changes on the page.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHROMIUM = Path(os.environ.get("SF_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}
# Settings a fresh JupyterLab would otherwise ask about or fetch from the internet.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}
# Kernels started by the server refuse non-loopback connections, as in tests/test_notebooks.py.
KERNEL_STARTUP = "from tests_netguard import install as _install\n_install()\ndel _install\n"


def unavailable_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists():
        return (
            f"Chromium is not installed at {CHROMIUM} (install it with `apt-get install -y "
            "chromium`; .ci/run does this when it can), so the browser tests cannot run"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError as exc:
        return f"Playwright for Python is not importable ({exc}); install requirements-dev.txt"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LabServer:
    """A running JupyterLab: where it listens, its token and the folder it serves."""

    port: int
    token: str
    root: Path
    process: subprocess.Popen
    log: Path

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, notebook: str) -> str:
        """The notebook in a workspace of its own, so no tab from an earlier notebook reopens."""
        workspace = "sf-" + "".join(ch if ch.isalnum() else "-" for ch in Path(notebook).stem)
        return f"{self.base}/lab/workspaces/{workspace}/tree/{notebook}?reset&token={self.token}"

    def api(self, path: str, method: str = "GET") -> object:
        request = urllib.request.Request(
            f"{self.base}/api/{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self) -> None:
        """Stop every running kernel (between notebooks, so only one kernel lives at a time)."""
        for session in self.api("sessions"):
            self.api(f"sessions/{session['id']}", method="DELETE")

    def kernel_pids(self) -> list[int]:
        import psutil

        try:
            children = psutil.Process(self.process.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        return [c.pid for c in children]

    def log_tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return "(no log)"


def _write_settings(home: Path, extra: dict | None = None) -> dict[str, str]:
    """A private home for the server: settings, workspaces, runtime and IPython startup."""
    settings = home / "lab-settings"
    for name, values in {**LAB_SETTINGS, **(extra or {})}.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    startup = home / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "netguard.py", startup.parent / "tests_netguard.py")
    (startup / "00-netguard.py").write_text(
        "import sys as _sys\n"
        f"_sys.path.insert(0, {str(startup.parent)!r})\n" + KERNEL_STARTUP + "_sys.path.pop(0)\n",
        encoding="utf-8",
    )
    return {
        "HOME": str(home),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
        "JUPYTER_CONFIG_DIR": str(home / "jupyter-config"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "IPYTHONDIR": str(home / "ipython"),
        "MPLCONFIGDIR": str(home / "mpl"),
        "MPLBACKEND": "Agg",
    }


@contextlib.contextmanager
def lab_server(timeout: float = 90, settings: dict | None = None) -> Iterator[LabServer]:
    """Start ``jupyter lab`` on a copy of notebooks/; stop it (and its kernels) whatever happens.

    ``settings``: extra JupyterLab settings files ({"<plugin>.jupyterlab-settings": {...}}).
    """
    tmp = Path(tempfile.mkdtemp(prefix="sf-lab-"))
    root = tmp / "notebooks"
    shutil.copytree(
        ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    env = {**os.environ, **_write_settings(tmp / "home", settings)}
    port, token = free_port(), secrets.token_hex(24)
    jupyter = Path(sys.executable).parent / "jupyter-lab"
    command = [
        str(jupyter),
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        "--ServerApp.open_browser=False",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    log = tmp / "lab.log"
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            command, cwd=root, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = LabServer(port, token, root, process, log)
    kernels: set[int] = set()
    previous = _raise_on_sigterm()
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {process.returncode}:\n{server.log_tail()}")
            try:
                server.api("status")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"jupyter lab did not answer within {timeout:.0f} s:\n{server.log_tail()}"
                    ) from None
                time.sleep(0.25)
        yield server
    finally:
        kernels.update(server.kernel_pids())
        with contextlib.suppress(Exception):
            server.shutdown_kernels()
        _stop(process)
        _kill_leftovers(kernels)
        shutil.rmtree(tmp, ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _raise_on_sigterm():
    """Turn SIGTERM into KeyboardInterrupt so the ``finally`` blocks stop the server and browser."""
    import threading

    if threading.current_thread() is not threading.main_thread():
        return None

    def handler(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    return signal.signal(signal.SIGTERM, handler)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _kill_leftovers(pids: set[int]) -> None:
    import psutil

    alive = []
    for pid in pids:
        with contextlib.suppress(psutil.Error):
            proc = psutil.Process(pid)
            proc.terminate()
            alive.append(proc)
    _, still = psutil.wait_procs(alive, timeout=5)
    for proc in still:
        with contextlib.suppress(psutil.Error):
            proc.kill()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Debian's Chromium via Playwright, headless, with a fresh profile; yields a browser context."""
    from playwright.sync_api import sync_playwright

    profile = Path(tempfile.mkdtemp(prefix="sf-chromium-"))
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                str(profile),
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport=VIEWPORT,
                device_scale_factor=1,
            )
            try:
                yield context
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


# --- driving a notebook -------------------------------------------------------------------------

PROBE = (Path(__file__).with_name("probe.js")).read_text(encoding="utf-8")
RUN_TIMEOUT_MS = 300_000  # Run All on a slow CI machine
CHANGE_TIMEOUT_MS = 15_000  # an input must show its effect within this (the time is recorded)
MAX_CONTROLS = int(os.environ.get("SF_BROWSER_MAX_CONTROLS", "14"))  # per notebook
ACTIONS_PER_CONTROL = 2
TEXT_PROBES = ("security", "Milan", "collective")


@dataclass
class NotebookReport:
    """What the browser saw in one notebook."""

    name: str
    run_seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    controls_found: int = 0
    controls_used: int = 0
    images: int = 0
    widget_outputs: int = 0
    timings: list[dict] = field(default_factory=list)
    screenshot: Path | None = None

    def summary(self) -> str:
        ms = sorted(t["ms"] for t in self.timings)
        median = f"{ms[len(ms) // 2]:.0f} ms" if ms else "-"
        return (
            f"{self.name}: Run All {self.run_seconds:.1f} s; {self.widget_outputs} widget outputs, "
            f"{self.images} images; used {self.controls_used} of {self.controls_found} controls "
            f"({len(self.timings)} timed inputs, median input-to-change {median}); "
            f"screenshot {self.screenshot}"
        )


def _settle(page, quiet_ms: int = 300, timeout_ms: int = 60_000) -> None:
    """Wait until the kernel is idle, no cell is queued and the page has stopped changing."""
    page.wait_for_function(
        "(quiet) => window.__sf.idle() && window.__sf.quietFor() > quiet",
        arg=quiet_ms,
        timeout=timeout_ms,
        polling=100,
    )


def open_notebook(page, server: LabServer, name: str, timeout_ms: int = 120_000) -> None:
    """Open a notebook in Lab, wait for its kernel, and hide the file browser (as on a projector)."""
    page.goto(server.url(name), timeout=timeout_ms)
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell", timeout=timeout_ms)
    page.add_script_tag(content=PROBE)
    deadline = time.monotonic() + timeout_ms / 1000
    while True:  # the kernel must be running before Run All, or Lab asks which kernel to start
        sessions = [s for s in server.api("sessions") if s["path"].endswith(name)]
        if sessions and sessions[0]["kernel"]["execution_state"] == "idle":
            break
        if time.monotonic() > deadline:
            raise TimeoutError(f"{name}: the kernel did not start within {timeout_ms / 1000:.0f} s")
        time.sleep(0.2)
    page.wait_for_function("() => window.__sf.idle()", timeout=timeout_ms)
    _accept_kernel_dialog(page)
    left = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
    if left.count():
        left.first.click()  # collapse the file browser


def _accept_kernel_dialog(page) -> None:
    dialog = page.locator(".jp-Dialog")
    if dialog.count() and "Select Kernel" in dialog.first.text_content():
        dialog.locator("button:has-text('Select')").click()


def run_all(page, timeout_ms: int = RUN_TIMEOUT_MS) -> float:
    """Run → Run All Cells from the menu bar; return the seconds until the kernel is idle again."""
    page.click(".lm-MenuBar-itemLabel:text-is('Run')")
    start = time.perf_counter()
    page.click(".lm-Menu-itemLabel:text-is('Run All Cells')")
    page.wait_for_function("() => window.__sf.prompts().some(([p]) => p !== '[ ]:')", timeout=30_000)
    _accept_kernel_dialog(page)
    _settle(page, quiet_ms=1000, timeout_ms=timeout_ms)
    return time.perf_counter() - start


def check_after_run(page, report: NotebookReport) -> None:
    """No error output, every cell ran, every widget view rendered, every image loaded."""
    not_run = [
        i
        for i, (prompt, size) in enumerate(page.evaluate("__sf.prompts()"), start=1)
        if size and not (prompt.startswith("[") and prompt[1:-2].isdigit())
    ]
    if not_run:
        report.problems.append(f"code cells {not_run} did not run (stopped by an error?)")
    report.problems += [f"error output: {text}" for text in page.evaluate("__sf.errors()")]
    # Widget views render asynchronously after the kernel is idle: give them a moment.
    try:
        page.wait_for_function(
            "() => __sf.problems().length === 0 && __sf.brokenImages().length === 0",
            timeout=15_000,
            polling=200,
        )
    except Exception:  # noqa: BLE001 - reported below with what is still wrong
        pass
    report.problems += page.evaluate("__sf.problems()")
    report.problems += [f"image not shown: {src}" for src in page.evaluate("__sf.brokenImages()")]
    report.images = page.evaluate("__sf.images()")
    report.widget_outputs = page.evaluate("__sf.widgetOutputs()")


def screenshot(page, path: Path, max_height: int = 30_000) -> Path:
    """The whole notebook as one PNG: grow the viewport to the notebook's height, then shoot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    height = page.evaluate(
        "() => { const s = __sf.scroller(); return s ? s.scrollHeight - s.clientHeight : 0; }"
    )
    original = page.viewport_size
    try:
        page.set_viewport_size(
            {"width": original["width"], "height": min(original["height"] + height + 40, max_height)}
        )
        page.wait_for_timeout(300)
        _settle(page, quiet_ms=300, timeout_ms=30_000)
        page.evaluate("() => { const s = __sf.scroller(); if (s) s.scrollTop = 0; }")
        page.wait_for_timeout(200)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(original)
        page.wait_for_timeout(200)
    return path


def _timed(
    page, report: NotebookReport, control: dict, action: str, trigger: str, act, expect_change: bool | None
) -> bool:
    """Do one input and time it until the output shows a change; return whether it changed.

    ``expect_change``: True - no change is a problem; None - a change is timed if it comes but
    its absence is judged by the caller; False - the input is not expected to show anything.
    """
    page.evaluate("([o, t]) => __sf.arm(o, t)", [control["out"], trigger])
    act()
    what = f"{control['kind']} '{control['label']}' ({action})"
    changed = False
    if expect_change is not False:
        try:
            page.wait_for_function(
                "() => __sf.result() !== null",
                timeout=CHANGE_TIMEOUT_MS if expect_change else 3_000,
                polling=20,
            )
            ms = page.evaluate("__sf.result()")
            report.timings.append(
                {"control": control["label"], "kind": control["kind"], "action": action, "ms": ms}
            )
            changed = True
        except Exception:  # noqa: BLE001 - judged below or by the caller
            if expect_change:
                report.problems.append(
                    f"{what}: nothing on the page changed within {CHANGE_TIMEOUT_MS / 1000:.0f} s"
                )
    page.evaluate("__sf.cancel()")
    _settle(page, quiet_ms=150)
    report.problems += [f"{what}: {p}" for p in page.evaluate(f"__sf.problems({control['out']})")]
    return changed


def _use(page, report: NotebookReport, control: dict, has_button: bool) -> bool:
    """Use one control as a person would, a couple of times, timing each input.

    Returns whether a button press changed the page (buttons are judged per output: a second
    "Show the answers" after "Check" may rightly show the same thing).
    """
    loc = page.locator(f"[data-sf-ctl='{control['id']}']")
    loc.scroll_into_view_if_needed()
    kind = control["kind"]
    if kind == "toggle":
        buttons = loc.locator("button.widget-toggle-button")
        others = [
            i
            for i in range(buttons.count())
            if "mod-active" not in (buttons.nth(i).get_attribute("class") or "")
        ]
        for i in others[:ACTIONS_PER_CONTROL]:
            option = buttons.nth(i).text_content().strip()
            _timed(page, report, control, f"click '{option}'", "click", buttons.nth(i).click, True)
    elif kind == "dropdown":
        options, selected = loc.evaluate("el => [[...el.options].map(o => o.text), el.selectedIndex]")
        others = [i for i in range(len(options)) if i != selected]
        for i in others[:ACTIONS_PER_CONTROL]:
            _timed(
                page,
                report,
                control,
                f"choose '{options[i]}'",
                "change",
                lambda i=i: loc.select_option(index=i),
                not has_button,
            )
    elif kind == "slider":
        handle = loc.locator(".noUi-handle").first
        for _ in range(ACTIONS_PER_CONTROL):
            now, top = (float(handle.get_attribute(a) or 0) for a in ("aria-valuenow", "aria-valuemax"))
            key = "ArrowLeft" if now >= top else "ArrowRight"
            handle.focus()
            _timed(page, report, control, f"press {key}", "keydown", lambda k=key: handle.press(k), True)
    elif kind == "checkbox" or kind == "togglebutton":
        for n in range(ACTIONS_PER_CONTROL):
            _timed(page, report, control, f"click #{n + 1}", "click", loc.click, True)
    elif kind == "text":
        current = loc.input_value()
        for probe in [p for p in TEXT_PROBES if p != current][:ACTIONS_PER_CONTROL]:
            loc.fill(probe)
            _timed(
                page, report, control, f"type '{probe}' + Enter", "keydown", lambda: loc.press("Enter"), True
            )
    elif kind == "radio":
        inputs = loc.locator("input[type=radio]")
        unchecked = [i for i in range(inputs.count()) if not inputs.nth(i).is_checked()]
        for i in unchecked[:1]:
            _timed(
                page, report, control, f"choose option {i + 1}", "click", inputs.nth(i).click, not has_button
            )
    elif kind == "button":
        report.controls_used += 1
        return _timed(page, report, control, "click", "click", loc.click, None)
    report.controls_used += 1
    return False


def exercise_controls(page, report: NotebookReport, max_controls: int = MAX_CONTROLS) -> None:
    """Use up to ``max_controls`` controls, the picture-driving ones before quizzes."""
    controls = page.evaluate("__sf.scan()")
    report.controls_found = len(controls)
    with_button = {c["out"] for c in controls if c["kind"] == "button"}
    ordered = [c for c in controls if c["out"] not in with_button] + [
        c for c in controls if c["out"] in with_button
    ]
    pressed: dict[int, bool] = {}
    for control in ordered[:max_controls]:
        try:
            changed = _use(page, report, control, control["out"] in with_button)
        except Exception as exc:  # noqa: BLE001 - one broken control must not hide the others
            report.problems.append(
                f"{control['kind']} '{control['label']}': {type(exc).__name__}: "
                f"{str(exc).splitlines()[0][:300]}"
            )
            continue
        if control["kind"] == "button":
            pressed[control["out"]] = pressed.get(control["out"], False) or changed
    for out, changed in pressed.items():
        if not changed:
            labels = [c["label"] for c in controls if c["out"] == out and c["kind"] == "button"]
            report.problems.append(f"buttons {labels} in output {out}: none changed anything on the page")


def check_notebook(
    context, server: LabServer, name: str, shots: Path = SCREENSHOTS, max_controls: int = MAX_CONTROLS
) -> NotebookReport:
    """Open, Run All, check, screenshot, use the controls; the kernel is shut down afterwards."""
    report = NotebookReport(name)
    stem = Path(name).stem
    for old in shots.glob(f"{stem}*.png"):  # this notebook's pictures from an earlier run
        old.unlink(missing_ok=True)
    page = context.new_page()
    try:
        open_notebook(page, server, name)
        report.run_seconds = run_all(page)
        check_after_run(page, report)
        report.screenshot = screenshot(page, shots / f"{stem}.png")
        exercise_controls(page, report, max_controls)
        if report.problems:
            screenshot(page, shots / f"{stem}-after-controls.png")
    except Exception as exc:
        report.problems.append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:500]}")
        failed = shots / f"{stem}-failed.png"
        try:
            report.screenshot = screenshot(page, failed)
        except Exception:  # noqa: BLE001 - at least the visible part
            with contextlib.suppress(Exception):
                page.screenshot(path=str(failed))
                report.screenshot = failed
    finally:
        with contextlib.suppress(Exception):
            page.close()
        with contextlib.suppress(Exception):
            server.shutdown_kernels()
    return report


def main(argv: list[str] | None = None) -> int:
    """`python -m tests.browser.lab [--json FILE] [notebook ...]`: check notebooks, print reports."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("notebooks", nargs="*", help="notebook file names (default: all)")
    parser.add_argument("--json", type=Path, help="write the reports here as JSON")
    args = parser.parse_args(argv)
    reason = unavailable_reason()
    if reason:
        print(f"SKIPPED: {reason}")
        return 0
    names = args.notebooks or [p.name for p in NOTEBOOKS]
    reports = []
    with lab_server() as server, chromium() as context:
        for name in names:
            report = check_notebook(context, server, name)
            print(report.summary())
            for problem in report.problems:
                print(f"   PROBLEM: {problem}")
            reports.append(report)
    if args.json:
        args.json.write_text(
            json.dumps([{**r.__dict__, "screenshot": str(r.screenshot)} for r in reports], indent=1)
        )
    return 1 if any(r.problems for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
