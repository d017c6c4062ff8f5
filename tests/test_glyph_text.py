"""Glyph-path labels: words readable by tests, boxes that hold their text, reused figures kept clean."""

from __future__ import annotations

import numpy as np
import pytest

from helpers.figures import glyph_text
from helpers.figures import style as plots


def _axes():
    fig = plots.new_figure(4, 3, layout=None)
    ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    return fig, ax


def _glyph_box(collection) -> tuple[float, float, float, float]:
    """Display-space extents of every glyph path of a path_text collection."""
    points = []
    for path, offset in zip(collection.get_paths(), collection.get_offsets(), strict=True):
        base = collection.get_offset_transform().transform(offset)
        points.append(collection.get_transform().transform(path.vertices) + base)
    every = np.vstack(points)
    return every[:, 0].min(), every[:, 1].min(), every[:, 0].max(), every[:, 1].max()


@pytest.mark.parametrize("ha", ["left", "center", "right"])
@pytest.mark.parametrize("va", ["bottom", "center", "top"])
def test_box_holds_its_text(ha, va):
    fig, ax = _axes()
    text = glyph_text.boxed(ax, "Track 5: research,\ntraining and education", (5, 5), ha=ha, va=va,
                            offset=(6, -4), pad=2, edgecolor="black")
    box = [p for p in ax.patches if p.get_zorder() < text.get_zorder()][-1]
    x0, y0, x1, y1 = _glyph_box(text)
    outer = box.get_window_extent()
    assert outer.x0 <= x0 and x1 <= outer.x1 and outer.y0 <= y0 and y1 <= outer.y1
    # ... and fits it closely: the box is no more than a line and the padding larger.
    assert outer.width - (x1 - x0) < 30 and outer.height - (y1 - y0) < 30


def test_words_and_sizes_are_readable():
    fig, ax = _axes()
    glyph_text.label(ax, "PROTECTED", (5, 5), size=14)
    glyph_text.boxed(ax, "start", (2, 2), size=10)
    ax.text(1, 1, "a text artist", fontsize=12)
    assert {"PROTECTED", "start", "a text artist"} <= set(glyph_text.words(fig))
    assert glyph_text.smallest_size(fig) == 10
    glyph_text.label(ax, "too small", (5, 8), size=8)
    assert glyph_text.smallest_size(fig) == 8


def test_axis_text_writes_ticks_and_labels_once():
    fig, ax = _axes()
    ax.set_xticks((0, 5, 10))
    ax.set_yticks((-4, 0, 4))
    glyph_text.axis_text(ax, "time", "arms")
    found = glyph_text.words(fig)
    for word in ("0", "5", "10", "\u22124", "4", "time", "arms"):
        assert word in found
    assert not ax.xaxis.get_visible() and not ax.yaxis.get_visible()
    assert [len(line.get_xdata()) for line in ax.lines] == [3, 3]  # the tick marks
    assert plots.to_png(fig).startswith(b"\x89PNG")


def test_reused_figure_is_restored_to_the_house_dpi():
    fig, _ = _axes()
    plots.to_png(fig, dpi=40)
    assert glyph_text.at_house_dpi(fig).dpi == plots.DPI


@pytest.mark.parametrize("render, values", [
])
def test_redraws_do_not_pile_up(render, values):
    """A reused figure holds the same artists after any number of redraws of one setting."""
    import importlib

    module, name = render.rsplit(".", 1)
    func = getattr(importlib.import_module(f"helpers.{module}"), name)
    counts = []
    for _ in range(3):
        view = func(**values)
        counts.append(sum(len(ax.get_children()) for ax in view.fig.axes))
        plots.to_png(view.fig)
    assert counts[0] == counts[1] == counts[2]
