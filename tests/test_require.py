"""helpers.require: a notebook whose helpers are older than it expects says so in one clear line."""

from __future__ import annotations

import re
import tomllib

import nbformat
import pytest
from IPython.core.interactiveshell import InteractiveShell

import helpers
from tests.conftest import NOTEBOOKS, ROOT

REQUIRE_LINE = re.compile(r'^helpers\.require\("(\d+\.\d+\.\d+)"\)', re.M)


def test_current_and_older_versions_pass():
    helpers.require(helpers.__version__)
    helpers.require("0.1")
    helpers.require("0")


def test_a_newer_version_stops_with_one_line_naming_both_versions_and_what_to_do(monkeypatch):
    monkeypatch.setattr(helpers, "__version__", "0.2.0")
    with pytest.raises(helpers.HelpersTooOld) as caught:
        helpers.require("0.10.0")  # numeric, not string, order: 0.10 is newer than 0.2
    message = str(caught.value)
    assert "\n" not in message
    assert "needs helpers 0.10.0" in message and "has helpers 0.2.0" in message
    assert "pull" in message and "restart the kernel" in message
    assert f"(from {ROOT / 'helpers'})" in message  # which copy of the helpers the kernel has
    assert caught.value._render_traceback_() == [message]


def test_ipython_shows_the_line_not_a_traceback(monkeypatch, capsys):
    monkeypatch.setattr(helpers, "__version__", "0.2.0")
    shell = InteractiveShell.instance()
    try:
        shell.user_ns["helpers"] = helpers
        result = shell.run_cell('helpers.require("9.0.0")')
    finally:
        InteractiveShell.clear_instance()
    assert isinstance(result.error_in_exec, helpers.HelpersTooOld)
    shown = capsys.readouterr()
    text = shown.out + shown.err
    assert "needs helpers 9.0.0" in text
    assert "Traceback" not in text and "File " not in text and "raise " not in text


@pytest.mark.parametrize("bad", ["", "v1.0", "1.0.0.0", "1.x", "1..0", None, 1.0])
def test_a_malformed_version_is_a_value_error_that_shows_the_form(bad):
    with pytest.raises(ValueError, match="written like '0.2.0'"):
        helpers.require(bad)


def test_the_package_version_comes_from_helpers():
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" in meta["project"]["dynamic"]
    assert meta["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "helpers.__version__"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_each_notebook_checks_its_helpers_before_its_first_import_of_them(path):
    nb = nbformat.read(path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    assert code, f"{path.name} has no code"
    first = code[0]
    assert first.splitlines()[0] == "import helpers", f"{path.name}: first code cell {first[:60]!r}"
    match = REQUIRE_LINE.search(first)
    assert match, f'{path.name}: the first code cell does not call helpers.require("X.Y.Z")'
    assert "from helpers" not in first, f"{path.name}: the version check cell imports other helpers"
    helpers.require(match.group(1))  # the notebook never asks for more than the helpers it ships with
