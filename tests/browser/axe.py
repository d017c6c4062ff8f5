"""axe-core (WCAG 2.1 A/AA) on the notebooks in JupyterLab and in Voila, project and chrome apart.

``run_axe(page, surface)`` injects the pinned axe-core (``tests/browser/package.json``, installed
by ``make test`` into ``.venv/node/browser``) and runs it with the tags ``wcag2a, wcag2aa,
wcag21a, wcag21aa``. Each element axe flags is counted as the project's when it lies inside what
the notebooks and ``helpers`` make (cell outputs, widgets, rendered Markdown of the notebook's
own cells), otherwise as the surface's chrome (JupyterLab's toolbar, editors, prompts...),
which is upstream's and only reported.

Two things make axe see the page as a reader does:
- JupyterLab's ``<body>`` has height 0 and ``overflow: hidden``, so axe thinks everything is off
  screen and silently skips its colour rules (``color-contrast``, ``link-in-text-block``). The
  body is given the window's height (nothing else changes), and the window is made as tall as
  the notebook, so every cell is on screen at once.
- Notebook windowing is turned off for the server (``windowingMode: none``), so every cell is in
  the page, not only those near the viewport.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser import lab

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NODE_DIR = Path(sys.executable).resolve().parent.parent / "node" / "browser"
AXE_CANDIDATES = [
    Path(os.environ["SF_AXE_JS"]) if os.environ.get("SF_AXE_JS") else None,
    Path(sys.executable).parent.parent / "node" / "browser" / "node_modules" / "axe-core" / "axe.min.js",
    lab.ROOT / ".venv" / "node" / "browser" / "node_modules" / "axe-core" / "axe.min.js",
]
# Server settings for axe runs: every cell attached to the page.
LAB_SETTINGS = {"@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"}}
# What counts as the project's own: outputs, widgets and the notebook's rendered Markdown cells.
PROJECT = {
    "lab": ".jp-OutputArea, .jupyter-widgets, .jp-MarkdownCell .jp-RenderedMarkdown",
    "voila": ".jp-OutputArea, .jupyter-widgets, .jp-RenderedMarkdown, .jp-RenderedHTMLCommon",
}


def axe_source() -> Path | None:
    for path in AXE_CANDIDATES:
        if path is not None and path.exists():
            return path
    return None


def unavailable_reason() -> str | None:
    reason = lab.unavailable_reason()
    if reason:
        return reason
    if axe_source() is None:
        return (
            "axe-core is not installed (`make test` installs tests/browser/package.json into "
            ".venv/node/browser with npm; or set SF_AXE_JS to an axe.min.js)"
        )
    return None


RUN_JS = """
async ([tags, projectSelector]) => {
  document.body.style.height = '100vh';  // Lab's body is 0 px tall: axe would skip colour rules
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: tags}, elementRef: true, resultTypes: ['violations'],
  });
  const out = [];
  for (const v of result.violations) {
    for (const node of v.nodes) {
      const el = node.element;
      const project = Boolean(el && el.closest && el.closest(projectSelector));
      out.push({rule: v.id, impact: node.impact || v.impact, project,
                target: JSON.stringify(node.target).slice(0, 160),
                html: (node.html || '').slice(0, 200),
                summary: (node.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 300)});
    }
  }
  return out;
}
"""


@dataclass
class AxeReport:
    """What axe found on one page: every flagged element, split into project and chrome."""

    surface: str
    name: str
    nodes: list[dict] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def project(self) -> list[dict]:
        return [n for n in self.nodes if n["project"]]

    @property
    def chrome(self) -> list[dict]:
        return [n for n in self.nodes if not n["project"]]

    def by_rule(self, project: bool) -> dict[str, int]:
        counts: dict[str, int] = {}
        for node in self.nodes:
            if node["project"] == project:
                counts[node["rule"]] = counts.get(node["rule"], 0) + 1
        return counts

    def describe(self) -> str:
        lines = [
            f"{self.surface} {self.name}: project {len(self.project)} {self.by_rule(True)}, "
            f"chrome {len(self.chrome)} {self.by_rule(False)}"
        ]
        lines += [
            f"   {n['rule']} ({n['impact']}) {n['target']}: {n['summary'][:200]} | {n['html'][:120]}"
            for n in self.project[:20]
        ]
        return "\n".join(lines)


def _grow_to_content(page, scroller_js: str) -> None:
    """Make the window as tall as the page's scrolling content, so everything is on screen."""
    height = page.evaluate(scroller_js)
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], min(height + 40, 30_000))})
    page.wait_for_timeout(400)


def run_axe(page, surface: str, name: str) -> AxeReport:
    """Inject axe-core into ``page`` and run it; ``surface`` is "lab" or "voila"."""
    page.add_script_tag(path=str(axe_source()))
    nodes = page.evaluate(RUN_JS, [TAGS, PROJECT[surface]])
    return AxeReport(surface, name, nodes)


def axe_lab(context, server: lab.LabServer, name: str, shots: Path = lab.SCREENSHOTS) -> AxeReport:
    """Open a notebook in JupyterLab, Run All, then run axe over the whole notebook."""
    page = context.new_page()
    report = AxeReport("lab", name)
    try:
        lab.open_notebook(page, server, name)
        lab.run_all(page)
        status = lab.NotebookReport(name)
        lab.check_after_run(page, status)
        report.problems += status.problems
        _grow_to_content(page, "() => { const s = __sf.scroller(); return s ? s.scrollHeight : 0; }")
        page.evaluate("() => { const s = __sf.scroller(); if (s) s.scrollTop = 0; }")
        lab._settle(page, quiet_ms=300, timeout_ms=30_000)
        found = run_axe(page, "lab", name)
        report.nodes = found.nodes
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"axe-lab-{Path(name).stem}.png"))
    finally:
        with contextlib.suppress(Exception):
            page.set_viewport_size(lab.VIEWPORT)
            page.close()
        with contextlib.suppress(Exception):
            server.shutdown_kernels()
    return report


# --- Voila ------------------------------------------------------------------------------------


@dataclass
class VoilaServer:
    port: int
    root: Path
    process: subprocess.Popen

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{name}"


@contextlib.contextmanager
def voila_server(timeout: float = 90) -> Iterator[VoilaServer]:
    """Voila as ``make present`` starts it (helpers.tools.present), on a copy of notebooks/."""
    from helpers.tools import present

    tmp = Path(tempfile.mkdtemp(prefix="sf-voila-"))
    root = tmp / "notebooks"
    shutil.copytree(
        lab.ROOT / "notebooks", root, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__")
    )
    home = tmp / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(HOME=str(home), TMPDIR=str(home), MPLBACKEND="Agg", MPLCONFIGDIR=str(home / "mpl"))
    port = lab.free_port()
    command = present.voila_command(root, port=port, open_browser=False)
    log = tmp / "voila.log"
    with open(log, "wb") as log_file:
        process = subprocess.Popen(
            command, cwd=lab.ROOT, env=env, stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
    server = VoilaServer(port, root, process)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"voila exited: {log.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("Voila did not answer") from None
                time.sleep(0.3)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


VOILA_READY_JS = """
() => {
  const text = document.body.innerText || '';
  if (text.includes('Loading widget') || text.includes('Executing')) return false;
  if (document.querySelector('.voila-spinner, #loading')) {
    const s = document.querySelector('#loading');
    if (s && s.offsetParent !== null) return false;
  }
  const imgs = [...document.querySelectorAll('img')];
  return imgs.every(i => i.complete && i.naturalWidth > 0);
}
"""


# Voila's lab template scrolls inside #rendered_cells, not the document.
VOILA_HEIGHT_JS = """() => { const r = document.querySelector('#rendered_cells');
  return Math.max(r ? r.scrollHeight : 0, document.documentElement.scrollHeight); }"""


def open_voila(page, server: VoilaServer, name: str, timeout_ms: int = 240_000) -> None:
    page.goto(server.url(name), timeout=timeout_ms, wait_until="load")
    page.wait_for_function(VOILA_READY_JS, timeout=timeout_ms, polling=250)
    page.wait_for_timeout(800)


def axe_voila(context, server: VoilaServer, name: str, shots: Path = lab.SCREENSHOTS) -> AxeReport:
    page = context.new_page()
    report = AxeReport("voila", name)
    try:
        open_voila(page, server, name)
        text = page.evaluate("() => document.body.innerText")
        for sign in ("Traceback", "Error displaying widget", "Could not draw this choice"):
            if sign in text:
                report.problems.append(f"page shows {sign!r}")
        _grow_to_content(page, VOILA_HEIGHT_JS)
        page.evaluate(
            "() => { const r = document.querySelector('#rendered_cells'); if (r) r.scrollTop = 0; }"
        )
        report.nodes = run_axe(page, "voila", name).nodes
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"axe-voila-{Path(name).stem}.png"))
    finally:
        with contextlib.suppress(Exception):
            page.close()
    return report


# Reports of the real notebooks by surface, for the summary lines (tests/browser/conftest.py).
REPORTS: dict[str, dict[str, AxeReport]] = {"lab": {}, "voila": {}}


def summary_line(surface: str, reports: list[AxeReport]) -> str:
    """The one line per surface the issue asks for."""
    project = sum(len(r.project) for r in reports)
    chrome = sum(len(r.chrome) for r in reports)
    return (
        f"axe: surface={surface} notebooks={len(reports)} project_violations={project} "
        f"chrome_violations={chrome}"
    )
