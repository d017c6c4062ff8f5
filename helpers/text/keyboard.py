"""Keyboard help: how to operate each kind of control in JupyterLab and in presentation mode.

One table in ``helpers/data/keyboard.toml``, shown in notebook 00 ("How to use a notebook") and in
the instructor guide, so students and teachers read the same keys (WCAG 2.1.1: everything works
from the keyboard; this says how).
"""

from __future__ import annotations

from helpers.sources import facts

REQUIRED = ("kind", "looks_like", "lab", "voila")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def load() -> tuple[list[dict], list[dict]]:
    """(controls, general notes) from keyboard.toml; ValueError if a record lacks a field."""
    data = facts.load_toml("keyboard.toml")
    controls = data.get("control", [])
    if not controls:
        raise ValueError("keyboard.toml: no [[control]] records")
    for record in controls:
        missing = [k for k in REQUIRED if not str(record.get(k, "")).strip()]
        if missing:
            raise ValueError(
                f"keyboard.toml: {record.get('kind', '?')!r} lacks {', '.join(missing)}; "
                f"each control needs {', '.join(REQUIRED)}"
            )
    return controls, data.get("general", [])


def help_markdown(heading: str = "") -> str:
    """The keyboard table as Markdown (with an optional heading line)."""
    controls, general = load()
    lines = [heading, ""] if heading else []
    lines += [
        "| control | looks like | in JupyterLab | in presentation mode (Voila) |",
        "| --- | --- | --- | --- |",
    ]
    lines += [
        f"| {_cell(c['kind'])} | {_cell(c['looks_like'])} | {_cell(c['lab'])} | {_cell(c['voila'])} |"
        for c in controls
    ]
    lines.append("")
    lines += [f"- **{_cell(g['where'])}:** {_cell(g['text'])}" for g in general]
    return "\n".join(lines).strip() + "\n"
