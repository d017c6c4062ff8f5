"""Drive every live widget control through its values, as the tests and benchmarks do.

Run inside a kernel after a notebook has executed: each dropdown, toggle and radio option is
chosen in turn, sliders go to both ends and the middle, check boxes both ways, text boxes get a
few strings (one absent from the essay), buttons are clicked. Each setting triggers the
widget's callbacks synchronously, so the time it takes is the in-kernel update time.
"""

from __future__ import annotations

import time
from typing import Any

import ipywidgets as W

TEXT_PROBES = ("security", "Milan", "collective security", "qwertyuiop-not-in-the-essay", "")


def _values(widget: W.Widget) -> list[Any]:
    if isinstance(widget, (W.Dropdown, W.ToggleButtons, W.RadioButtons, W.Select,
                           W.SelectionSlider)):
        return [value for _, value in widget._options_full] if hasattr(widget, "_options_full") \
            else list(widget.options)
    if isinstance(widget, (W.IntSlider, W.FloatSlider)):
        lo, hi, step = widget.min, widget.max, widget.step
        mid = lo + round((hi - lo) / 2 / step) * step
        if isinstance(widget, W.IntSlider):
            mid = int(mid)
        return list(dict.fromkeys([lo, mid, hi]))
    if isinstance(widget, (W.Checkbox, W.ToggleButton)):
        return [not widget.value, widget.value]
    if isinstance(widget, (W.Text, W.Textarea)):
        return [*TEXT_PROBES, widget.value]
    return []


def _explorer_errors() -> list[str]:
    from helpers.explorers.widgets import Explorer

    return [e for ex in list(Explorer.instances) for e in ex.errors]


def drive_all() -> dict[str, Any]:
    """Set every control to each of its values; return counts, errors and update times (s)."""
    controls = settings = 0
    errors: list[str] = []
    timings: list[float] = []
    before = len(_explorer_errors())
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
        values = _values(widget)
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
    errors += _explorer_errors()[before:]
    return {"controls": controls, "settings": settings, "errors": errors, "timings": timings}
