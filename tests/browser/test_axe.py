"""WCAG 2.1 A/AA in the browser (issue 16): axe-core on every notebook in JupyterLab and in Voila,
a keyboard-only pass over 02's main explorer in both, and proof that the checks can fail.

Per surface one line is printed at the end of the run, e.g.
``axe: surface=lab notebooks=10 project_violations=0 chrome_violations=72``. Violations inside
the project's own outputs, widgets and rendered Markdown fail the test; JupyterLab's chrome is
upstream's and only counted (docs/accessibility.md lists it).
"""

from __future__ import annotations

import base64
import time
from pathlib import Path

import pytest

from tests.browser import axe, lab

ARTIFACTS = lab.ROOT / "test-artifacts" / "a11y"
NAMES = [p.name for p in lab.NOTEBOOKS]
IDS = [p.stem for p in lab.NOTEBOOKS]
EXPLORER_02 = "02_collective_or_international.ipynb"


def _when_axe_runs(start):
    """Skip (saying why) where axe-core or a browser is missing; else yield what ``start()`` opens."""
    reason = axe.unavailable_reason()
    if reason:
        pytest.skip(reason)
    with start() as opened:
        yield opened


@pytest.fixture(scope="module")
def axe_lab_server():
    yield from _when_axe_runs(lambda: lab.lab_server(settings=axe.LAB_SETTINGS))


@pytest.fixture(scope="module")
def voila():
    yield from _when_axe_runs(axe.voila_server)


@pytest.fixture(scope="module")
def context():
    yield from _when_axe_runs(lab.chromium)


def _judge(report: axe.AxeReport) -> None:
    axe.REPORTS[report.surface][report.name] = report
    print(report.describe())
    assert not report.problems, "\n".join(report.problems)
    assert not report.project, (
        f"axe found {len(report.project)} WCAG 2.1 A/AA violations in the "
        f"project's own output:\n{report.describe()}"
    )


@pytest.mark.parametrize("name", NAMES, ids=IDS)
def test_axe_in_jupyterlab(name, axe_lab_server, context):
    _judge(axe.axe_lab(context, axe_lab_server, name))


@pytest.mark.parametrize("name", NAMES, ids=IDS)
def test_axe_in_voila(name, voila, context):
    _judge(axe.axe_voila(context, voila, name))


# --- the checks can fail ------------------------------------------------------------------------


def _planted_png() -> str:
    from helpers.figures import style as plots

    fig = plots.new_figure(3, 2)
    fig.add_subplot().plot([0, 1], [0, 1])
    return base64.b64encode(plots.to_png(fig)).decode()


# A regression in widgets, where the project's pictures and controls live. (An <img> without alt
# in an HTML *output* is not a useful plant: JupyterLab's HTML renderer fills in alt="Image".)
PLANTED = [
    "import base64\nimport ipywidgets as W\nfrom IPython.display import HTML, display\n"
    "PNG = base64.b64decode('{png}')",
    "W.Dropdown(options=['one', 'two'])  # no description: a drop-down without a name",
    "W.HTML('<figure><img src=\"data:image/png;base64,{png}\"></figure>')  # a figure without alt",
    "W.Image(value=PNG, format='png')  # the old explorer picture: no alt possible",
    "display(HTML('<p style=\"color:#AAAAAA\">grey text at 2.3:1</p>'))",
]


def _plant(root: Path) -> str:
    import nbformat

    png = _planted_png()
    cells = [nbformat.v4.new_code_cell(src.replace("{png}", png)) for src in PLANTED]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, root / "zz_planted.ipynb")
    return "zz_planted.ipynb"


PLANTED_RULES = {"select-name", "image-alt", "color-contrast"}
PLANTED_IMAGES = 2  # the HTML figure and the Image widget


def test_a_planted_regression_fails_the_check_in_jupyterlab(axe_lab_server, context, tmp_path):
    name = _plant(axe_lab_server.root)
    report = axe.axe_lab(context, axe_lab_server, name, shots=tmp_path)
    found = report.by_rule(True)
    assert PLANTED_RULES <= set(found) and found["image-alt"] == PLANTED_IMAGES, report.describe()
    with pytest.raises(AssertionError, match="violations in the project's own output"):
        _judge_quietly(report)


def test_a_planted_regression_fails_the_check_in_voila(voila, context, tmp_path):
    name = _plant(voila.root)
    report = axe.axe_voila(context, voila, name, shots=tmp_path)
    found = report.by_rule(True)
    assert PLANTED_RULES <= set(found) and found["image-alt"] == PLANTED_IMAGES, report.describe()


def _judge_quietly(report: axe.AxeReport) -> None:
    assert not report.project, (
        f"axe found {len(report.project)} WCAG 2.1 A/AA violations in the project's own output"
    )


# --- keyboard only ------------------------------------------------------------------------------

FOCUSED_JS = """() => { const a = document.activeElement;
  if (!a) return null;
  const label = a.closest('label');
  return {tag: a.tagName, type: a.type || '', text: label ? label.textContent.trim() : '',
          checked: Boolean(a.checked), inExplorer: Boolean(a.closest('.sf-a11y'))}; }"""

FIGURE_SRC_JS = """(root) => { const img = root.querySelector('.sf-figure img');
  return img ? img.getAttribute('src').slice(-200) + '|' + img.getAttribute('alt') : null; }"""


def _explorer(page):
    """The explorer box (the .sf-a11y root) that holds the "international security" radio."""
    return page.locator(".sf-a11y", has=page.get_by_role("radio", name="international security")).first


def _tab_to(page, text: str, limit: int = 40) -> int:
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused and focused["tag"] == "INPUT" and focused["text"] == text:
            return presses
    raise AssertionError(f"Tab never reached the option {text!r} within {limit} presses")


def _wait_for_new_figure(explorer, before: str, timeout_s: float = 30) -> None:
    deadline = time.monotonic() + timeout_s
    while explorer.evaluate(FIGURE_SRC_JS) == before:
        if time.monotonic() > deadline:
            raise AssertionError(f"the figure did not change within {timeout_s:.0f} s")
        time.sleep(0.1)


def _flip_by_keyboard(page, surface: str) -> dict:
    explorer = _explorer(page)
    explorer.scroll_into_view_if_needed()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    before_tree = explorer.aria_snapshot()
    before = explorer.evaluate(FIGURE_SRC_JS)
    presses = _tab_to(page, "international security")
    page.keyboard.press("Space")
    _wait_for_new_figure(explorer, before)
    after = explorer.evaluate(FIGURE_SRC_JS)
    after_tree = explorer.aria_snapshot()
    (ARTIFACTS / f"02-{surface}-aria-before.txt").write_text(before_tree, encoding="utf-8")
    (ARTIFACTS / f"02-{surface}-aria-after.txt").write_text(after_tree, encoding="utf-8")
    page.screenshot(path=str(ARTIFACTS / f"02-{surface}-after-keyboard-flip.png"))
    return {
        "presses": presses,
        "before": before,
        "after": after,
        "before_tree": before_tree,
        "after_tree": after_tree,
    }


def _assert_flipped(result: dict, surface: str) -> None:
    print(
        f"{surface}: {result['presses']} Tab presses to 'international security'; "
        f"alt before {result['before'].split('|')[1]!r}, after {result['after'].split('|')[1]!r}"
    )
    print(
        f"--- {surface} accessibility tree before:\n{result['before_tree']}\n"
        f"--- after:\n{result['after_tree']}"
    )
    assert result["before"] != result["after"], "Space on the radio did not change the figure"
    assert "Collective security" in result["before"] and "International security" in result["after"]
    assert 'radio "international security" [checked]' in result["after_tree"]
    assert 'radio "collective security" [checked]' in result["before_tree"]
    assert 'img "International security' in result["after_tree"]


def test_keyboard_only_flip_in_jupyterlab(axe_lab_server, context):
    page = context.new_page()
    try:
        lab.open_notebook(page, axe_lab_server, EXPLORER_02)
        lab.run_all(page)
        _explorer(page).wait_for(timeout=60_000)
        # Start where a reader who has just read "See it" stands: that cell selected, command mode.
        page.evaluate("""() => { const cells = [...document.querySelectorAll('.jp-Notebook .jp-Cell')];
            const see = cells.find(c => c.querySelector('h2') && c.textContent.includes('See it'));
            (see || cells[0]).focus(); }""")
        cells_before = page.locator(".jp-Notebook .jp-Cell").count()
        result = _flip_by_keyboard(page, "lab")
        _assert_flipped(result, "lab")
        assert page.locator(".jp-Notebook .jp-Cell").count() == cells_before, "a key changed the notebook"
    finally:
        page.close()
        axe_lab_server.shutdown_kernels()


def test_keyboard_only_flip_in_voila(voila, context):
    page = context.new_page()
    try:
        axe.open_voila(page, voila, EXPLORER_02)
        page.evaluate("() => { if (document.activeElement) document.activeElement.blur(); }")
        result = _flip_by_keyboard(page, "voila")
        _assert_flipped(result, "voila")
        # In Voila the arrow keys work on a focused drop-down (in JupyterLab they move between cells).
        select = _explorer(page).get_by_role("combobox", name="Seen from:")
        select.focus()
        before = _explorer(page).evaluate(FIGURE_SRC_JS)
        page.keyboard.press("ArrowDown")
        _wait_for_new_figure(_explorer(page), before)
    finally:
        page.close()


# --- reflow and zoom ----------------------------------------------------------------------------


def test_reflow_at_320_px_and_pictures_at_200_percent_zoom(voila, context):
    """At 320 CSS px nothing in the explorer is clipped; at 200 % zoom (a 1280 px window seen as
    640 CSS px) every picture keeps at least 60 % of its size (its box scrolls instead)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = context.new_page()
    try:
        page.set_viewport_size({"width": 320, "height": 800})
        axe.open_voila(page, voila, EXPLORER_02)
        clipped = page.evaluate("""() => [...document.querySelectorAll(
                '.sf-a11y select, .sf-a11y input, .sf-a11y label, .sf-a11y button,'
                + ' .sf-figure figcaption, .sf-figure-scroll, .sf-a11y p')]
            .filter(el => el.offsetParent !== null)
            .filter(el => { const r = el.getBoundingClientRect();
                            return r.right > window.innerWidth + 1 || r.left < -1; })
            .map(el => el.outerHTML.slice(0, 120))""")
        _explorer(page).scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "02-voila-320px.png"))
        assert not clipped, f"clipped at 320 px: {clipped}"
        page.set_viewport_size({"width": 640, "height": 450})
        page.wait_for_timeout(500)
        scales = page.evaluate("""() => [...document.querySelectorAll('.sf-figure img')]
            .map(i => i.getBoundingClientRect().width / i.naturalWidth)""")
        page.locator(".sf-figure").first.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "02-voila-640px-200pct.png"))
        assert scales and min(scales) >= 0.59, scales
    finally:
        page.close()
