"""Keyboard help (issue 16): one table, in notebook 00 and the instructor guide, for every kind
of control the explorers and quizzes build."""

from __future__ import annotations

import copy
import json

import pytest

from helpers.sources import facts
from helpers.text import keyboard
from tests.conftest import ROOT


def test_every_kind_of_control_has_keys_for_both_surfaces():
    controls, general = keyboard.load()
    kinds = " ".join(c["kind"].lower() for c in controls)
    for word in ("options in a row", "drop-down", "check box", "button", "text box", "quiz", "figure"):
        assert word in kinds, f"no keyboard help for {word}"
    assert {g["where"] for g in general} == {"JupyterLab", "Presentation mode (Voila)"}
    table = keyboard.help_markdown()
    assert table.count("\n|") == len(controls) + 1 and "Alt + Down arrow" in table


def test_a_record_without_its_voila_keys_is_refused(monkeypatch):
    data = copy.deepcopy(facts.load_toml("keyboard.toml"))
    data["control"][0] = {k: v for k, v in data["control"][0].items() if k != "voila"}
    monkeypatch.setattr(facts, "load_toml", lambda name: data)
    with pytest.raises(ValueError, match="lacks voila; each control needs kind, looks_like, lab, voila"):
        keyboard.load()


def test_notebook_00_and_the_guide_show_the_table():
    nb = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
    sources = ["".join(c["source"]) for c in nb["cells"]]
    assert any("keyboard.help_markdown(" in s for s in sources)
    guide = (ROOT / "docs" / "instructor_guide.md").read_text(encoding="utf-8")
    assert "## Using the controls from the keyboard" in guide
    assert all(line in guide for line in keyboard.help_markdown().splitlines())
