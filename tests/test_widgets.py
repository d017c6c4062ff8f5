"""The one widget pattern: controls as data, a pure render, errors shown and the picture kept."""

from __future__ import annotations

import ipywidgets as W
import pytest

from helpers.explorers import widgets
from helpers.figures import style as plots


def _render(kind, size=1, show=True):
    if size < 0:
        raise ValueError("size must be at least 0")
    fig = plots.new_figure(3, 2)
    fig.add_subplot().plot([0, size], [0, 1], linestyle="-" if kind == "solid" else "--")
    return widgets.View(fig, f"A {kind} line of size {size}.", text=f"<b>{kind}</b>" if show else "")


CONTROLS = [
    widgets.toggle("kind", "Kind", ["solid", "dashed"]),
    widgets.slider("size", "Size", -1, 3, 1, 1),
    widgets.checkbox("show", "Show text", True),
]


def test_controls_build_labelled_widgets():
    built = [widgets.build(c) for c in CONTROLS]
    assert isinstance(built[0], W.RadioButtons) and built[0].description == "Kind"
    assert built[0].orientation == "horizontal"
    assert isinstance(built[1], W.Dropdown) and built[1].value == 1
    assert [v for _, v in built[1].options] == [-1, 0, 1, 2, 3]
    assert isinstance(built[2], W.Checkbox)
    p = widgets.build(widgets.slider("p", "p", 0.0, 1.0, 0.05, 0.5))
    assert isinstance(p, W.Dropdown) and p.value == 0.5 and p.label == "0.50"
    assert len(p.options) == 21 and p.options[-1] == ("1.00", 1.0)
    long = widgets.build(widgets.slider("n", "Votes", 0, 1000, 1, 500))
    assert isinstance(long, W.BoundedIntText) and long.description == "Votes"
    assert isinstance(widgets.build(widgets.dropdown("d", "D", {"A": 1, "B": 2})), W.Dropdown)
    assert isinstance(widgets.build(widgets.text("t", "Find")), W.Text)


def test_values_to_drive():
    assert CONTROLS[0].values == ["solid", "dashed"]
    assert CONTROLS[1].values == [-1, 1, 3]
    assert CONTROLS[2].values == [False, True]
    assert widgets.slider("p", "p", 0.0, 1.0, 0.1, 0.5).values == [0.0, 0.5, 1.0]
    assert len(widgets.combinations(CONTROLS)) == 2 * 3 * 2


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: widgets.Control("knob", "k", "K"), "unknown control kind 'knob'; valid kinds are toggle"),
        (lambda: widgets.toggle("k", "K", []), "needs at least one option"),
        (lambda: widgets.toggle("k", "K", ["a"], default="b"), "is not an option"),
        (lambda: widgets.slider("k", "K", 1, 0, 1, 0), "min < max"),
        (lambda: widgets.slider("k", "K", 0, 1, 0.5, 2), "outside"),
        (lambda: widgets.toggle("not a name", "K", ["a"]), "identifier"),
    ],
)
def test_bad_control_specs_say_what_is_valid(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_explorer_renders_on_change_and_caches():
    ex = widgets.Explorer(CONTROLS, _render)
    first = ex.png
    assert first[:4] == b"\x89PNG" and "solid line of size 1" in ex.picture.value
    ex.widgets["kind"].value = "dashed"
    assert ex.png != first and "<b>dashed</b>" in ex.side.value
    ex.widgets["kind"].value = "solid"
    assert ex.png == first  # served from the cache, identical bytes
    assert ex.errors == [] and len(ex.timings) == 3


def test_render_error_is_shown_and_last_picture_kept():
    ex = widgets.Explorer(CONTROLS, _render)
    good = ex.png
    ex.set(size=-1)
    assert "Could not draw this choice" in ex.message.value
    assert "size must be at least 0" in ex.message.value
    assert "Traceback" not in ex.message.value
    assert ex.png == good
    assert ex.errors and "ValueError" in ex.errors[0]
    ex.set(size=2)
    assert ex.message.value == "" and ex.png != good


def test_render_returning_wrong_type_is_an_error_not_silence():
    ex = widgets.Explorer([widgets.checkbox("x", "x")], lambda x: "not a view")
    assert ex.errors and "must return View" in ex.errors[0]


def test_explorer_rejects_unknown_control_in_set_and_duplicate_names():
    ex = widgets.Explorer(CONTROLS, _render)
    with pytest.raises(ValueError, match="controls are kind, size, show"):
        ex.set(colour="red")
    with pytest.raises(ValueError, match="unique"):
        widgets.Explorer([CONTROLS[0], CONTROLS[0]], _render)


def test_explorer_widget_is_built_once_and_displayable():
    ex = widgets.Explorer(CONTROLS, _render, title="Try it")
    assert ex.widget is ex.widget
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle


def test_render_functions_are_called_for_every_combination():
    for values in widgets.combinations(CONTROLS[:1] + CONTROLS[2:]):
        view = widgets.View.coerce(_render(**values))
        assert view.description


def test_errors_and_timings_are_bounded():
    ex = widgets.Explorer([widgets.toggle("n", "n", [1, 2])], lambda n: widgets.View(None, f"n is {n}."))
    ex.RECORDS = 3
    for _ in range(4):
        ex.set(n=2)
        ex.set(n=1)
    assert len(ex.timings) == 3
    bad = widgets.Explorer([widgets.toggle("n", "n", [1, 2])], lambda n: 1 / 0)
    bad.RECORDS = 2
    for _ in range(3):
        bad.set(n=2)
        bad.set(n=1)
    assert len(bad.errors) == 2 and bad.error_count == 7  # the first draw failed too
