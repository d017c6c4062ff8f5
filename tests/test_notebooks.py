"""Every notebook runs top to bottom on a fresh kernel, then every control is driven through its values."""

from __future__ import annotations

import inspect
import json
import time

import nbformat
import pytest
from nbclient import NotebookClient

from tests import netguard
from tests.conftest import NOTEBOOKS, ROOT, SUMMARY

pytestmark = pytest.mark.notebook

PRELUDE = inspect.getsource(netguard) + "\ninstall()\n"
DRIVER = (
    "import json as _json\nfrom helpers.tools.drive import drive_all as _drive_all\n"
    "_report = _drive_all()\nprint('DRIVE-REPORT ' + _json.dumps(_report))\n"
)


def _run(path):
    nb = nbformat.read(path, as_version=4)
    n_cells = len(nb.cells)
    nb.cells.insert(0, nbformat.v4.new_code_cell(PRELUDE))
    nb.cells.append(nbformat.v4.new_code_cell(DRIVER))
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
    )
    start = time.perf_counter()
    client.execute()
    return nb, n_cells, time.perf_counter() - start


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_every_control_drives(path):
    nb, n_cells, seconds = _run(path)
    problems = []
    for index, cell in enumerate(nb.cells[1:-1], start=1):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                problems.append(f"cell {index}: {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                problems.append(f"cell {index} wrote to stderr: {out.text[:300]}")
    assert not problems, "\n".join(problems)

    stdout = "".join(o.get("text", "") for o in nb.cells[-1].outputs if o.output_type == "stream")
    line = next(ln for ln in stdout.splitlines() if ln.startswith("DRIVE-REPORT "))
    report = json.loads(line.removeprefix("DRIVE-REPORT "))
    assert not report["errors"], "\n".join(report["errors"])
    has_widgets = any("widgets" in c.source or "quiz." in c.source for c in nb.cells[1:-1])
    if has_widgets:
        assert report["controls"] > 0, "the notebook builds widgets but none were driven"
    SUMMARY[path.stem] = {
        "cells": n_cells,
        "seconds": seconds,
        "controls": report["controls"],
        "settings": report["settings"],
    }
