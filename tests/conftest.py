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
        tr.write_line(f"{name}: ran {info['cells']} cells in {info['seconds']:.1f} s; drove "
                      f"{info['controls']} controls through {info['settings']} settings")
    tr.write_line(f"TOTAL: {len(SUMMARY)} notebooks executed, {total_controls} controls driven "
                  f"through {total_settings} settings")
