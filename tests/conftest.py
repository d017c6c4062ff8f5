"""Shared test set-up: no network but loopback, and a summary of notebooks run and controls driven."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests import netguard

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SUMMARY: dict[str, dict] = {}

# Headless matplotlib everywhere, and no user config leaking into tests.
os.environ.setdefault("MPLBACKEND", "Agg")


# Test tiers (registered in pyproject.toml): whole folders carry their tier's mark, so a new file in
# tests/browser/ or tests/classroom/ is never run by `make check` by mistake.
FOLDER_MARKS = {"browser": "browser", "classroom": "classroom"}


def pytest_collection_modifyitems(items):
    for item in items:
        parts = Path(str(item.path)).relative_to(ROOT / "tests").parts
        if len(parts) > 1 and parts[0] in FOLDER_MARKS:
            item.add_marker(FOLDER_MARKS[parts[0]])


@pytest.fixture(autouse=True)
def _no_network():
    netguard.install()
    yield
    netguard.uninstall()


def pytest_terminal_summary(terminalreporter):
    if not SUMMARY:
        return
    tr = terminalreporter
    tr.section("notebooks and controls")
    total_controls = total_settings = 0
    for name, info in sorted(SUMMARY.items()):
        total_controls += info["controls"]
        total_settings += info["settings"]
        tr.write_line(
            f"{name}: ran {info['cells']} cells in {info['seconds']:.1f} s; drove "
            f"{info['controls']} controls through {info['settings']} settings"
        )
    tr.write_line(
        f"TOTAL: {len(SUMMARY)} notebooks executed, {total_controls} controls driven "
        f"through {total_settings} settings"
    )
