"""Drive every live widget control through its values, as the tests and benchmarks do.

Run inside a kernel after a notebook has executed: each dropdown, toggle and radio option is
chosen in turn (an Explorer's controls through ``Control.values``: every option, a slider's ends and
middle), check boxes both ways, text boxes get a few strings (one absent from the essay), buttons
are clicked. Each setting triggers the
widget's callbacks synchronously, so the time it takes is the in-kernel update time.
"""

from __future__ import annotations

import time
from typing import Any

import ipywidgets as W

TEXT_PROBES = ("security", "Milan", "collective security", "qwertyuiop-not-in-the-essay", "")


def _option_values(widget: W.Widget) -> list[Any]:
    """The values of a selection widget's options, given as values or (label, value) pairs."""
    return [o[1] if isinstance(o, tuple) and len(o) == 2 else o for o in widget.options]


def _values(widget: W.Widget, controls: dict[int, Any]) -> list[Any]:
    """The values to drive ``widget`` through: its Control's values if an Explorer built it."""
    control = controls.get(id(widget))
    if control is not None:
        return list(control.values)
    if isinstance(widget, (W.Dropdown, W.ToggleButtons, W.RadioButtons, W.Select, W.SelectionSlider)):
        return _option_values(widget)
    if isinstance(widget, (W.IntSlider, W.FloatSlider)):
        return list(dict.fromkeys([widget.min, widget.value, widget.max]))
    if isinstance(widget, (W.Checkbox, W.ToggleButton)):
        return [not widget.value, widget.value]
    if isinstance(widget, (W.Text, W.Textarea)):
        return [*TEXT_PROBES, widget.value]
    return []


def _explorers() -> list[Any]:
    from helpers.explorers.widgets import Explorer

    return list(Explorer.instances)


def drive_all() -> dict[str, Any]:
    """Set every control to each of its values; return counts, errors and update times (s)."""
    controls = settings = 0
    errors: list[str] = []
    timings: list[float] = []
    explorers = _explorers()
    before = {ex: ex.error_count for ex in explorers}
    controls_of = {id(ex.widgets[c.name]): c for ex in explorers for c in ex.controls}
    widgets = [w for w in list(W.Widget.widgets.values()) if isinstance(w, W.DOMWidget)]
    for widget in widgets:
        label = f"{type(widget).__name__}({getattr(widget, 'description', '')!r})"
        if isinstance(widget, W.Button):
            controls += 1
            start = time.perf_counter()
            try:
                widget.click()
            except Exception as exc:  # recorded, never swallowed: the test fails on it
                errors.append(f"{label} click: {type(exc).__name__}: {exc}")
            timings.append(time.perf_counter() - start)
            settings += 1
            continue
        values = _values(widget, controls_of)
        if not values or getattr(widget, "disabled", False):
            continue
        controls += 1
        original = widget.value
        for value in [*values, original]:
            start = time.perf_counter()
            try:
                widget.value = value
            except Exception as exc:
                errors.append(f"{label} = {value!r}: {type(exc).__name__}: {exc}")
            timings.append(time.perf_counter() - start)
            settings += 1
    for ex in explorers:
        new = ex.error_count - before[ex]
        errors += ex.errors[-new:] if new else []
    return {"controls": controls, "settings": settings, "errors": errors, "timings": timings}
