"""Presentation mode: every notebook renders in Voilà with its widgets, no code, no error, no answers.

One Voilà server (the command ``make present`` uses, on 127.0.0.1, serving the notebooks folder)
renders each notebook in turn; each page is checked, then the server and its kernels are stopped.
"""

from __future__ import annotations

import html
import os
import re
import signal
import subprocess
import time

import nbformat
import psutil
import pytest
import requests

from helpers.tools import present
from tests.classroom.hub import free_port
from tests.conftest import NOTEBOOKS, ROOT

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
ERROR_SIGNS = (
    "There was an error when executing cell",
    "Traceback (most recent call last)",
    "application/vnd.jupyter.stderr",
    "jp-OutputArea-error",
)


@pytest.fixture(scope="module")
def voila(tmp_path_factory):
    """A Voilà server for the notebooks folder; yields a function that fetches one page."""
    home = tmp_path_factory.mktemp("voila-home")
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(HOME=str(home), TMPDIR=str(home))  # Voilà writes its secrets and runtime files here
    port = free_port()
    command = present.voila_command(ROOT / "notebooks", port=port, open_browser=False)
    log = open(home / "voila.log", "wb")  # noqa: SIM115 - closed below
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    http = requests.Session()
    http.trust_env = False
    base = f"http://127.0.0.1:{port}"
    seen: set[int] = set()

    def render(name: str) -> str:
        response = http.get(f"{base}/voila/render/{name}", timeout=180)
        seen.update(p.pid for p in psutil.Process(process.pid).children(recursive=True))
        assert response.status_code == 200, f"{name}: HTTP {response.status_code}"
        return response.text

    def on_sigterm(signum, frame):
        raise KeyboardInterrupt("SIGTERM: stopping Voilà")

    previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (home / "voila.log").read_text(errors="replace")
            try:
                if http.get(f"{base}/", timeout=10).ok:
                    break
            except requests.ConnectionError:
                pass
            assert time.monotonic() < deadline, "Voilà did not answer within 60 s"
            time.sleep(0.3)
        render.base = base
        yield render
    finally:
        signal.signal(signal.SIGTERM, previous)
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        for pid in seen:  # kernels Voilà started, in case any outlived it
            if psutil.pid_exists(pid):
                psutil.Process(pid).kill()
        log.close()
        http.close()


def code_shown(page: str, nb) -> list[str]:
    """First lines of code cells that appear on the page (tags removed, as highlighted code
    is split into one span per token)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    firsts = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "code" and c.source]
    return [line for line in firsts if len(line) > 20 and line in text]


def _builds_widgets(path) -> bool:
    cells = nbformat.read(path, as_version=4).cells
    return any("widgets." in c.source or "quiz." in c.source for c in cells if c.cell_type == "code")


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_renders_in_voila_for_projecting(voila, path):
    page = voila(path.name)
    for sign in ERROR_SIGNS:
        assert sign not in page, f"{path.name}: the Voilà page shows an error ({sign!r})"
    assert "window.voila_finish()" in page, f"{path.name}: the page did not finish rendering"
    nb = nbformat.read(path, as_version=4)
    title = nb.cells[0].source.splitlines()[0].removeprefix("# ").strip()
    assert html.escape(title, quote=False) in page or title in page
    if _builds_widgets(path):
        assert page.count(WIDGET_VIEW) >= 1, f"{path.name}: no widget on the Voilà page"
    shown = code_shown(page, nb)
    assert not shown, f"{path.name} shows code: {shown[:3]}"
    # The discussion questions are there; the model answers are not.
    assert "For discussion" in page
    assert "Model answers" not in page, f"{path.name}: the model answers are visible when projected"


def test_present_refuses_unknown_notebooks(capsys):
    assert present.main(["42"]) == 2
    assert "unknown notebook '42'" in capsys.readouterr().err


def test_present_command_listens_on_localhost_only_and_hides_answers():
    command = present.voila_command(ROOT / "notebooks" / "00_start_here.ipynb", port=9999)
    assert "--Voila.ip=127.0.0.1" in command and "--port=9999" in command
    assert "--no-browser" not in command
    assert any(arg.startswith("--RegexRemovePreprocessor.patterns=") for arg in command)
    assert not any(
        "RegexRemove" in arg for arg in present.voila_command(ROOT / "notebooks", with_answers=True)
    )


@pytest.mark.notebook
def test_the_checks_catch_an_error_and_visible_code(tmp_path):
    """The checks above can fail: a cell that raises, shown with its code, is caught by each."""
    broken = tmp_path / "broken.ipynb"
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# Broken"),
            nbformat.v4.new_code_cell("ratio_of_nothing = 1 / 0"),
        ]
    )
    nbformat.write(nb, broken)
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(HOME=str(tmp_path), TMPDIR=str(tmp_path))
    port = free_port()
    command = [
        arg if arg != "--strip_sources=True" else "--strip_sources=False"
        for arg in present.voila_command(broken, port=port, open_browser=False)
    ]
    assert "--strip_sources=False" in command
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    http = requests.Session()
    http.trust_env = False
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                page = http.get(f"http://127.0.0.1:{port}/", timeout=120).text
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline and process.poll() is None, "Voilà did not start"
                time.sleep(0.3)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        http.close()
    assert any(sign in page for sign in ERROR_SIGNS)
    assert code_shown(page, nb) == ["ratio_of_nothing = 1 / 0"]
    assert WIDGET_VIEW not in page  # so the widget check counts outputs, not page furniture


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
def test_a_control_works_in_the_voila_page_in_a_browser(voila):
    """Projected in Chromium, flipping 00's warm-up toggle redraws the picture."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    voila("00_start_here.ipynb")  # the server answers; the browser opens its own page (and kernel)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(voila.base + "/voila/render/00_start_here.ipynb", timeout=180_000)
            image = page.locator(".sf-figure img").first
            image.wait_for(timeout=180_000)
            before = image.get_attribute("src")
            page.get_by_role("radio", name="the EU", exact=True).click()
            page.wait_for_function(
                "before => document.querySelector('.sf-figure img').getAttribute('src') !== before",
                arg=before,
                timeout=30_000,
            )
            assert image.get_attribute("src") != before
            assert not page.locator("text=Could not draw this choice").count()
        finally:
            browser.close()
