"""Draw the unchanging part of a widget's figure once, and paste it on every redraw.

Text (tick labels, axis labels, node labels) is most of what a redraw costs, and in a widget it
rarely changes. A :class:`Backdrop` is an artist that pastes a cached RGBA image, rendered once
per layout and resolution, pixel for pixel onto the canvas; the figure then draws only what the
controls change. The cached image must be drawn with the same figure size, margins and axis
limits as the figure it is pasted into.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.figures import style as plots

_CACHE: dict[tuple[Hashable, float], np.ndarray] = {}
_MAX_ENTRIES = 64


def render_rgba(build: Callable[[float], Figure], dpi: float) -> np.ndarray:
    """Draw the figure that `build(dpi)` returns and give its pixels (RGBA, top row first)."""
    with matplotlib.rc_context(plots.STYLE):
        fig = build(dpi)
        fig.set_dpi(dpi)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        return np.asarray(canvas.buffer_rgba()).copy()


def cached(key: Hashable, build: Callable[[float], Figure], dpi: float) -> np.ndarray:
    """The backdrop image for `key` at `dpi`, drawn on first use."""
    entry = (key, float(dpi))
    if entry not in _CACHE:
        if len(_CACHE) >= _MAX_ENTRIES:
            _CACHE.pop(next(iter(_CACHE)))
        _CACHE[entry] = render_rgba(build, dpi)
    return _CACHE[entry]


class Backdrop(Artist):
    """Pastes the cached image for `key` (built by `build`) at the renderer's resolution."""

    def __init__(self, key: Hashable, build: Callable[[float], Figure], zorder: float = -10):
        super().__init__()
        self._key = key
        self._build = build
        self.set_zorder(zorder)

    def draw(self, renderer) -> None:
        if not self.get_visible():
            return
        image = cached(self._key, self._build, renderer.dpi)
        if image.shape[0] != int(renderer.height) or image.shape[1] != int(renderer.width):
            raise ValueError("the backdrop was drawn for another figure size")
        gc = renderer.new_gc()
        renderer.draw_image(gc, 0, 0, image[::-1])
        gc.restore()


def bare_axes(fig: Figure, **adjust: float):
    """One axes with margins `adjust`, drawing nothing of its own (the backdrop has the chrome)."""
    fig.subplots_adjust(**adjust)
    ax = fig.subplots()
    ax.set_axis_off()
    return ax
