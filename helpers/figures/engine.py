"""The figure contract: one kind of picture, two ways to draw it (a fresh Figure, or fast PNG bytes).

A figure of the collection is a :class:`Picture`: a frozen dataclass holding the *model* of what to
draw (never a Figure), with a fixed size and a fixed layout. It draws itself in two layers:

- ``draw_static(fig)`` draws what never changes for a given :meth:`Picture.static_key` (axes,
  limits, names, keys, ticks) on a fresh Figure and returns handles (axes, say) for the second
  layer;
- ``draw_changing(fig, handles)`` only *adds* the artists the controls change (lines, bars, the
  few labels that move). It must not modify, move or remove what ``draw_static`` drew.

Two entry points draw a Picture:

- :func:`figure` returns a fresh, independent ``Figure`` with both layers, every call: for
  notebooks, tests and exports (real text in SVG and PDF, correct at any dpi, ``bbox_inches="tight"``
  keeps every label, a caller may set a layout engine).
- :func:`png` is the widget's fast path. The static layer is drawn once per (picture type,
  static key, size, dpi) on ONE Agg canvas, kept in a small LRU cache with a copy of its pixels;
  each call restores those pixels, draws the changing artists on top (blitting), encodes PNG
  bytes and removes the changing artists again. Because the changing layer is drawn on top of the
  static one, z-order across the layers can differ from :func:`figure` by a few pixels; the tests
  hold the two within a pixel tolerance.

Axis limits are frozen after ``draw_static`` (autoscaling off), so both paths draw the changing
layer in the same coordinates. All text goes through :mod:`helpers.figures.text` (ordinary
matplotlib ``Text``, house sizes, never below 10 pt), so every word drawn is readable by tests.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import matplotlib
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers.figures.style import DPI, HEIGHT, STYLE, WIDTH, HouseFigure, encode

#: How many static layers :func:`png` keeps (one per picture type, static key, size and dpi).
CACHE_SIZE = 24


class Picture:
    """One kind of figure: subclass it as a frozen dataclass whose fields are the model to draw.

    Subclasses set ``size`` (inches; a class attribute or a field) and implement
    :meth:`draw_static`, :meth:`draw_changing` and :meth:`title`; they override
    :meth:`static_key` when the static layer depends on the model (e.g. on the perspective), and
    :meth:`legend_entries` / :meth:`allowed_overlaps` to declare what the picture checks accept.
    """

    size: tuple[float, float] = (WIDTH, HEIGHT)
    dpi: float = DPI  # the resolution a widget shows it at (engine.png's default)

    def static_key(self) -> Hashable:
        """What the unchanging layer depends on besides the type, size and dpi; () if nothing."""
        return ()

    def draw_static(self, fig: Figure) -> Any:
        """Draw the unchanging layer on a fresh ``fig`` and return handles for :meth:`draw_changing`."""
        raise NotImplementedError(f"{type(self).__name__} must implement draw_static")

    def draw_changing(self, fig: Figure, handles: Any) -> None:
        """Add the artists that depend on more than :meth:`static_key` (may add nothing)."""

    def title(self) -> str:
        """The picture's title in words (the alt text starts with it)."""
        raise NotImplementedError(f"{type(self).__name__} must implement title")

    def alt(self) -> str:
        """A short text alternative for the image: the title, pointing to the description."""
        return f"{self.title()} (described below)"

    def legend_entries(self) -> tuple[str, ...]:
        """Every text a legend of this picture may hold; the picture checks refuse any other."""
        return ()

    def allowed_overlaps(self) -> Iterable[tuple[str, str]]:
        """Pairs of texts that may overlap by design (e.g. a label on its own box's title)."""
        return ()


def _draw_static(picture: Picture, fig: Figure) -> Any:
    handles = picture.draw_static(fig)
    for ax in fig.axes:  # freeze the limits, so the changing layer lands the same in both paths
        ax.set_xlim(ax.get_xlim())
        ax.set_ylim(ax.get_ylim())
    return handles


def figure(picture: Picture, dpi: float | None = None) -> Figure:
    """A fresh, independent Figure of ``picture`` (static and changing layers), every call.

    ``dpi`` defaults to the picture's own; any other works (text and lines scale with it).
    """
    if not isinstance(picture, Picture):
        raise TypeError(f"engine.figure draws a Picture, not {type(picture).__name__}")
    dpi = picture.dpi if dpi is None else dpi
    with matplotlib.rc_context(STYLE):
        fig = HouseFigure(figsize=picture.size, dpi=dpi)
        handles = _draw_static(picture, fig)
        picture.draw_changing(fig, handles)
    return fig


@dataclass
class _Layer:
    """A static layer: its figure, the Agg canvas it lives on, its pixels and its handles."""

    fig: Figure
    canvas: FigureCanvasAgg
    background: Any
    handles: Any


_LAYERS: OrderedDict[tuple, _Layer] = OrderedDict()


def _layer(picture: Picture, dpi: float) -> _Layer:
    key = (type(picture), picture.static_key(), tuple(picture.size), float(dpi))
    layer = _LAYERS.get(key)
    if layer is not None:
        _LAYERS.move_to_end(key)
        return layer
    with matplotlib.rc_context(STYLE):
        fig = HouseFigure(figsize=picture.size, dpi=dpi)
        canvas = FigureCanvasAgg(fig)
        handles = _draw_static(picture, fig)
        canvas.draw()
    layer = _LAYERS[key] = _Layer(fig, canvas, canvas.copy_from_bbox(fig.bbox), handles)
    if len(_LAYERS) > CACHE_SIZE:
        _LAYERS.popitem(last=False)
    return layer


def _children(fig: Figure, axes: Iterable[Any]) -> list[Artist]:
    """The artists a draw would visit directly: the figure's own and those of ``axes``."""
    return [*fig.get_children(), *(a for ax in axes for a in ax.get_children())]


def png(picture: Picture, dpi: float | None = None) -> bytes:
    """PNG bytes of ``picture`` by the fast path: cached static layer, changing artists blitted on top.

    ``dpi`` defaults to the picture's own (``Picture.dpi``).
    """
    if not isinstance(picture, Picture):
        raise TypeError(f"engine.png draws a Picture, not {type(picture).__name__}")
    dpi = picture.dpi if dpi is None else dpi
    layer = _layer(picture, dpi)
    fig, canvas = layer.fig, layer.canvas
    axes = list(fig.axes)
    before = set(_children(fig, axes))
    try:
        with matplotlib.rc_context(STYLE):
            picture.draw_changing(fig, layer.handles)
            if fig.axes != axes:
                raise ValueError(
                    f"{type(picture).__name__}.draw_changing must not add axes; "
                    "create every axes in draw_static"
                )
            added = [a for a in _children(fig, axes) if a not in before]
            canvas.restore_region(layer.background)
            renderer = canvas.get_renderer()
            for artist in sorted(added, key=lambda a: a.get_zorder()):  # stable: insertion order
                artist.draw(renderer)
            return encode(canvas)
    finally:
        for artist in _children(fig, axes):  # an added axes is a child of the figure
            if artist not in before:
                artist.remove()


def clear_cache() -> None:
    """Forget every cached static layer (benchmarks with caches off; tests)."""
    _LAYERS.clear()
