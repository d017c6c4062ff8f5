"""Each notebook in real JupyterLab in real Chromium: Run All, nothing broken, every control works.

Per notebook: open it, Run → Run All Cells, wait for the kernel to go idle; no error output, every
code cell ran, every widget view rendered (no "Loading widget...", "model not found", "Error
displaying widget", no render-error alert), every image loaded; a full-page screenshot; then each
control used as a person would (click, choose, arrow keys, type + Enter) must change the picture or
text it drives, and the time from input to change is recorded. The kernel-side harness
(tests/test_notebooks.py) drives every value; here at most ``lab.MAX_CONTROLS`` controls per
notebook are used, to keep the suite to a few minutes.
"""

from __future__ import annotations

import pytest

from tests.browser import lab
from tests.browser.conftest import REPORTS


@pytest.mark.parametrize("name", [p.name for p in lab.NOTEBOOKS], ids=[p.stem for p in lab.NOTEBOOKS])
def test_notebook_in_jupyterlab(name, lab_server, browser_context):
    report = lab.check_notebook(browser_context, lab_server, name)
    REPORTS[name] = report
    print(report.summary())
    assert report.screenshot is not None and report.screenshot.exists(), "no screenshot was saved"
    assert not report.problems, f"{name} in JupyterLab:\n" + "\n".join(report.problems)
    assert report.images > 0 or report.widget_outputs == 0 or report.controls_found == 0, (
        f"{name} shows widgets but no picture at all"
    )
    if report.controls_found:
        assert report.timings, f"{name}: controls were used but none changed the page"


BROKEN = [
    "import ipywidgets as W\nfrom helpers.figures import style as plots\n"
    "from helpers.explorers import widgets",
    "def render(choice):\n    if choice == 'b':\n        raise ValueError('no picture for b')\n"
    "    fig = plots.new_figure(4, 3)\n    fig.add_subplot().plot([0, 1], [0, 1])\n"
    "    return fig, 'a line'",
    "widgets.Explorer([widgets.toggle('choice', 'Choice:', ['a', 'b'])], render)",
    "W.Dropdown(options=['one', 'two', 'three'], description='Does nothing:')",
    "raise RuntimeError('a cell that fails')",
]


def test_the_checks_catch_a_broken_notebook(lab_server, browser_context, monkeypatch):
    """The checks can fail: an error output, a render error and a dead control are all reported."""
    import nbformat

    monkeypatch.setattr(lab, "CHANGE_TIMEOUT_MS", 3_000)  # the dead control need not be waited on long

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(src) for src in BROKEN])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, lab_server.root / "zz_broken.ipynb")
    shots = lab_server.root / "shots"
    report = lab.check_notebook(browser_context, lab_server, "zz_broken.ipynb", shots=shots)
    problems = "\n".join(report.problems)
    assert "a cell that fails" in problems, problems
    assert "Could not draw this choice" in problems and "no picture for b" in problems, problems
    assert "dropdown 'Does nothing:'" in problems and "nothing on the page changed" in problems, problems
    assert (shots / "zz_broken.png").exists()
