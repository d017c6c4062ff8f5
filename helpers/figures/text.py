"""The one text API of the figures: ordinary matplotlib ``Text`` in the house sizes, never below 10 pt.

Every word a figure draws goes through :func:`label` (or :func:`boxed`, a label in a box), so it
is a real ``Text``: it scales with the dpi, it counts for ``bbox_inches="tight"`` and layout
engines, it is a ``<text>`` element in SVG and a text object in PDF, and the picture checks can
read it, measure it and check its size. Sizes are named (:data:`SIZES`) so figures agree; a number
is accepted too, but anything under :data:`MIN_PT` raises ``ValueError``.

:func:`ink` gives a darker variant of a colour for small text on white (WCAG 2.1 asks 4.5:1
for text under 18 pt, which yellow, orange and sky blue do not reach).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_hex, to_rgb, to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import offset_copy

from helpers.figures.style import MIN_FONT_PT

#: House sizes in points, by role.
SIZES: dict[str, float] = {"title": 14, "heading": 13, "label": 12, "small": 11, "note": 10}
MIN_PT = MIN_FONT_PT


def size_pt(size: str | float) -> float:
    """A named house size or a number of points, checked against the 10 pt minimum."""
    if isinstance(size, str):
        if size not in SIZES:
            raise ValueError(f"unknown text size {size!r}; valid sizes are {', '.join(SIZES)} or a number")
        return SIZES[size]
    if not size >= MIN_PT:
        raise ValueError(f"text size {size} pt is below the house minimum of {MIN_PT} pt")
    return float(size)


def label(
    where: Axes | Figure,
    xy: tuple[float, float],
    s: str,
    *,
    size: str | float = "label",
    weight: str = "normal",
    color: str = "black",
    ha: str = "center",
    va: str = "center",
    coords: str = "data",
    offset: tuple[float, float] = (0, 0),
    **kwargs: Any,
) -> Text:
    """Put the text ``s`` at ``xy`` on an axes or a figure and return the ``Text``.

    ``coords`` is ``"data"`` (axes only), ``"axes"`` (0-1 across the axes) or ``"figure"``
    (0-1 across the figure); ``offset`` moves the text by that many points (it stays put in
    points at any dpi); ``kwargs`` go to ``Text`` (``rotation``, ``zorder``, ``bbox``...).
    Text on an axes is not clipped to it: a label may sit in the margin.
    """
    transforms = {"data": "transData", "axes": "transAxes", "figure": "transFigure"}
    if coords not in transforms:
        raise ValueError(f"unknown coords {coords!r}; valid coords are {', '.join(transforms)}")
    if coords == "data" and isinstance(where, Figure):
        raise ValueError("a figure has no data coordinates; use coords='figure'")
    if coords == "axes" and isinstance(where, Figure):
        raise ValueError("a figure has no axes coordinates; use coords='figure' or pass the axes")
    owner = where.figure if coords == "figure" and isinstance(where, Axes) else where
    transform = getattr(owner, transforms[coords])
    if offset != (0, 0):
        transform = offset_copy(
            transform,
            fig=owner if isinstance(owner, Figure) else owner.figure,
            x=offset[0],
            y=offset[1],
            units="points",
        )
    kwargs.setdefault("clip_on", False)
    return owner.text(
        *xy,
        s,
        fontsize=size_pt(size),
        fontweight=weight,
        color=color,
        ha=ha,
        va=va,
        transform=transform,
        **kwargs,
    )


def boxed(
    where: Axes | Figure,
    xy: tuple[float, float],
    s: str,
    *,
    facecolor: str = "white",
    edgecolor: str = "black",
    pad: float = 0.4,
    linewidth: float = 1.0,
    **kwargs: Any,
) -> Text:
    """A :func:`label` inside a rounded box (the box grows with the text, at any dpi)."""
    box = {
        "boxstyle": f"round,pad={pad}",
        "facecolor": facecolor,
        "edgecolor": edgecolor,
        "linewidth": linewidth,
    }
    return label(where, xy, s, bbox=box, **kwargs)


def title(ax: Axes, s: str, *, loc: str = "left", **kwargs: Any) -> Text:
    """The axes title in the house title size (bold)."""
    return ax.set_title(s, loc=loc, fontsize=SIZES["title"], fontweight="bold", **kwargs)


def ink(color: str, background: str = "white", ratio: float = 4.5) -> str:
    """``color`` itself if it reaches ``ratio`` against ``background``, else the lightest darker
    shade of it (mixed towards black in 5% steps) that does: for small text in a palette colour."""
    rgb = to_rgb(color)
    for step in range(21):
        shade = to_hex(tuple(c * (1 - step / 20) for c in rgb))
        if contrast_ratio(shade, background) >= ratio:
            return shade
    return "#000000"


def relative_luminance(colour) -> float:
    """WCAG 2.1 relative luminance of a colour (any matplotlib colour spec; alpha ignored)."""
    rgb = np.array(to_rgba(colour)[:3])
    linear = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2])


def contrast_ratio(foreground, background) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    a, b = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)
