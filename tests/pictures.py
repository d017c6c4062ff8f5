"""The picture checks and the registry of every picture the collection draws.

Registry. Every module in ``helpers/explorers/`` (other than the widget and quiz machinery) says
what it draws, in two module-level dicts that :func:`registry` collects:

- ``EXPLORERS = {"name": (CONTROLS, render)}``: each explorer's controls and render function;
  the checks draw its default state (baseline image) and every combination of
  :func:`helpers.explorers.widgets.combinations` (the sweep, marked ``slow``);
- ``FIGURES = {"name": make}``: each static figure, ``make()`` returning a ``Picture`` or a
  ``(Figure, description)`` pair.

Checks (:func:`problems`), on a fresh Figure drawn by the engine (or the plain Figure):
no two texts overlap by more than :data:`OVERLAP_PX` pixels in both directions unless the Picture
declares the pair (``allowed_overlaps``); no text runs outside the figure; legends hold only the
Picture's ``legend_entries``; every text is at least 10 pt; every word is a real ``Text`` (no
artist other than a Text carries words: a labelled line, patch or collection, glyph-path text
included, only passes as a declared legend entry).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations as pairs
from typing import Any

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.text import Text

import helpers.explorers
from helpers.figures import engine
from helpers.figures.style import MIN_FONT_PT

OVERLAP_PX = 2.0  # at 100 dpi: two texts may touch, not overlap
OUTSIDE_PX = 1.0
MACHINERY = {"widgets", "quiz"}


@dataclass(frozen=True)
class Entry:
    """One registered explorer or static figure."""

    name: str
    controls: Sequence[Any] | None  # None for a static figure
    make: Callable[..., Any]  # render(**values) for an explorer; make() for a static figure


def registry() -> list[Entry]:
    """Every explorer and static figure the explorer modules declare, by module then name."""
    entries = []
    for info in pkgutil.iter_modules(helpers.explorers.__path__):
        if info.name in MACHINERY:
            continue
        module = importlib.import_module(f"helpers.explorers.{info.name}")
        for name, (controls, render) in getattr(module, "EXPLORERS", {}).items():
            entries.append(Entry(f"{info.name}.{name}", tuple(controls), render))
        for name, make in getattr(module, "FIGURES", {}).items():
            entries.append(Entry(f"{info.name}.{name}", None, make))
    return entries


def defaults(controls: Iterable[Any]) -> dict[str, Any]:
    return {c.name: c.default for c in controls}


def as_figure(picture: Any) -> tuple[Figure, engine.Picture | None]:
    """A fresh Figure for a Picture, a plain Figure, a View or a (Figure, description) pair."""
    picture = getattr(picture, "fig", picture)  # a View
    if isinstance(picture, tuple):
        picture = picture[0]
    if isinstance(picture, engine.Picture):
        return engine.figure(picture), picture
    if isinstance(picture, Figure):
        return picture, None
    raise TypeError(f"not a picture: {type(picture).__name__}")


def texts(fig: Figure) -> list[Text]:
    """The texts a draw of ``fig`` shows (drawn first): visible, non-blank, tick labels in view."""
    FigureCanvasAgg(fig).draw()
    shown_ticks, all_ticks = set(), set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in [*axis.majorTicks, *axis.minorTicks]:
                all_ticks.update((tick.label1, tick.label2))
            if ax.axison and ax.get_visible() and axis.get_visible():
                lo, hi = sorted(axis.get_view_interval())
                slack = 1e-9 * max(abs(lo), abs(hi), 1.0)
                for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                    loc = tick.get_loc()
                    if loc is not None and lo - slack <= loc <= hi + slack:  # drawn only in view
                        shown_ticks.update((tick.label1, tick.label2))
    return [
        t
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip() and (t not in all_ticks or t in shown_ticks)
    ]


def problems(fig: Figure, picture: engine.Picture | None = None) -> list[str]:
    """Everything wrong with ``fig`` by the rules above, as sentences (empty when all is well)."""
    found: list[str] = []
    shown = texts(fig)
    renderer = fig.canvas.get_renderer()
    bounds = fig.bbox
    boxes = {t: t.get_window_extent(renderer) for t in shown}
    for t in shown:
        if t.get_fontsize() < MIN_FONT_PT:
            found.append(f"{t.get_text()!r} is {t.get_fontsize():g} pt, under {MIN_FONT_PT} pt")
        b = boxes[t]
        if (
            b.x0 < bounds.x0 - OUTSIDE_PX
            or b.y0 < bounds.y0 - OUTSIDE_PX
            or b.x1 > bounds.x1 + OUTSIDE_PX
            or b.y1 > bounds.y1 + OUTSIDE_PX
        ):
            found.append(f"{t.get_text()!r} runs outside the figure")
    allowed = {frozenset(p) for p in (picture.allowed_overlaps() if picture else ())}
    for a, b in pairs(shown, 2):
        box_a, box_b = boxes[a], boxes[b]
        width = min(box_a.x1, box_b.x1) - max(box_a.x0, box_b.x0)
        height = min(box_a.y1, box_b.y1) - max(box_a.y0, box_b.y0)
        if width > OVERLAP_PX and height > OVERLAP_PX:
            pair = frozenset((a.get_text(), b.get_text()))
            if pair not in allowed:
                found.append(f"{a.get_text()!r} and {b.get_text()!r} overlap")
    declared = set(picture.legend_entries()) if picture else None
    for legend in fig.findobj(Legend):
        entries = [t.get_text() for t in legend.texts]
        if declared is not None and not set(entries) <= declared:
            found.append(f"a legend holds undeclared entries {sorted(set(entries) - declared)}")
        if len(entries) != len(set(entries)):
            found.append(f"a legend repeats entries: {entries}")
    legend_ok = declared or set()
    for artist in fig.findobj(lambda a: not isinstance(a, Text | Legend)):
        label = artist.get_label() if hasattr(artist, "get_label") else ""
        if hasattr(artist, "glyph_size"):
            found.append(f"{label!r} is drawn as glyph paths, not as Text")
        elif (
            label and not str(label).startswith("_") and label not in legend_ok and not _is_container(artist)
        ):
            found.append(f"a {type(artist).__name__} carries the words {label!r} outside any Text")
    return found


def _is_container(artist: Any) -> bool:
    # Axes and figures have labels of their own (e.g. an axes named for its panel); they draw none.
    from matplotlib.axes import Axes
    from matplotlib.axis import Axis

    return isinstance(artist, Axes | Axis | Figure)


def words(fig: Figure) -> list[str]:
    """Every text the figure shows, in drawing order (for tests that read a picture)."""
    return [t.get_text() for t in texts(fig)]
