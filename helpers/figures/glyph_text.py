"""Labels and boxed labels drawn as cached glyph paths, for figures that widgets redraw often.

:func:`helpers.figures.style.path_text` draws text several times faster than a Text artist; this module
adds the box that a Text's ``bbox`` would draw (as a patch sized from the glyphs, in points) and
labels every collection with its words, so tests can still read what a figure says.
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import TICKDOWN, TICKLEFT
from matplotlib.patches import FancyBboxPatch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Affine2D, Bbox, ScaledTranslation

from helpers.figures import style as plots


def label(ax, text: str, xy, **kwargs) -> PathCollection:
    """:func:`plots.path_text` (which labels its collection with the text and font size)."""
    return plots.path_text(ax, text, xy, **kwargs)


def extent(text: str, size: float, weight: str = "normal") -> tuple[float, float]:
    """Width and height (points) of ``text`` as :func:`plots.path_text` lays it out."""
    lines = text.split("\n")
    width = max(plots._glyphs(line, size, weight)[1].width for line in lines)
    return width, size * 1.25 * (len(lines) - 1) + size


def boxed(ax, text: str, xy, transform=None, size: float = 11, weight: str = "normal",
          ha: str = "center", va: str = "center", offset=(0.0, 0.0), color: str = "black",
          pad: float = 2.0, boxstyle: str = "square", facecolor: str = "white",
          edgecolor: str = "none", linewidth: float = 1.0, linestyle: str = "-",
          alpha: float | None = None, zorder: float = 6) -> PathCollection:
    """Text in a box, like ``ax.text(..., bbox=...)``: the box a patch sized from the glyphs.

    ``pad`` (points) is the space between the text and the box; ``offset`` is in points.
    """
    width, height = extent(text, size, weight)
    x0 = offset[0] + {"left": 0.0, "center": -width / 2, "right": -width}[ha]
    y0 = offset[1] + {"bottom": 0.0, "center": -height / 2, "top": -height}[va]
    anchor = transform if transform is not None else ax.transData
    points = Affine2D().scale(ax.figure.dpi / 72)
    box = FancyBboxPatch((x0, y0), width, height, boxstyle=f"{boxstyle},pad={pad}",
                         facecolor=facecolor, edgecolor=edgecolor, linewidth=linewidth,
                         linestyle=linestyle, alpha=alpha, zorder=zorder - 0.01, clip_on=False,
                         transform=points + ScaledTranslation(*xy, anchor))
    ax.add_artist(box)  # add_artist: no autoscaling walk (the limits are fixed)
    return label(ax, text, xy, transform=transform, size=size, weight=weight, ha=ha, va=va,
                 offset=offset, color=color, zorder=zorder)


def words(fig: Figure) -> list[str]:
    """Every text of a figure: its Text artists and its :func:`label` collections."""
    found = [t.get_text() for t in fig.findobj(Text) if t.get_visible() and t.get_text()]
    found += [c.get_label() for ax in fig.axes for c in ax.collections
              if isinstance(c, PathCollection) and not c.get_label().startswith("_")]
    return found


def smallest_size(fig: Figure) -> float:
    """The smallest font size (pt) among Text artists and :func:`label` collections."""
    sizes = [plots.smallest_font(fig)]
    sizes += [c.glyph_size for ax in fig.axes for c in ax.collections if hasattr(c, "glyph_size")]
    return min(sizes)


def at_house_dpi(fig: Figure) -> Figure:
    """A reused figure keeps its glyph scale: undo a dpi an earlier caller set (``to_png(dpi=)``)."""
    if fig.dpi != plots.DPI:
        fig.set_dpi(plots.DPI)
    return fig


def _tick_text(value: float) -> str:
    """A tick number as matplotlib writes it (a true minus sign)."""
    return f"{value:g}".replace("-", "\u2212")


def axis_text(ax, xlabel: str, ylabel: str, size: float = 12, tick_size: float = 11) -> None:
    """Tick numbers and axis labels as glyph paths, for axes whose ticks never change.

    Axis text is most of the cost of drawing a small chart; call this once on a reused figure.
    Matplotlib's axis is hidden and its tick marks drawn as markers. Positions follow the
    house style's tick length and padding (3.5 + 3.5 points) and label padding (4 points).
    """
    # The axis machinery (locators, tick objects) costs more to draw than the marks themselves:
    # hide it and draw the tick marks as two marker lines, as matplotlib would (3.5 pt, 0.8 pt).
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)
    ticks = {"color": "black", "linestyle": "none", "markersize": 3.5, "markeredgewidth": 0.8,
             "clip_on": False}
    ax.add_line(Line2D(ax.get_xticks(), [0.0] * len(ax.get_xticks()), marker=TICKDOWN,
                       transform=ax.get_xaxis_transform(), **ticks))
    ax.add_line(Line2D([0.0] * len(ax.get_yticks()), ax.get_yticks(), marker=TICKLEFT,
                       transform=ax.get_yaxis_transform(), **ticks))
    gap = 7.0
    for x in ax.get_xticks():
        label(ax, _tick_text(x), (x, 0.0), transform=ax.get_xaxis_transform(), size=tick_size,
              va="top", offset=(0, -gap))
    widest = 0.0
    for y in ax.get_yticks():
        text = _tick_text(y)
        widest = max(widest, extent(text, tick_size)[0])
        label(ax, text, (0.0, y), transform=ax.get_yaxis_transform(), size=tick_size, ha="right",
              va="center", offset=(-gap, 0))
    label(ax, xlabel, (0.5, 0.0), transform=ax.transAxes, size=size, va="top",
          offset=(0, -(gap + tick_size + 4)))
    side = label(ax, ylabel, (0.0, 0.5), transform=ax.transAxes, size=size, va="bottom",
                 offset=(0, gap + widest + 4))
    side.set_transform(Affine2D().rotate_deg(90).scale(ax.figure.dpi / 72))


def path_ticks(ax, which: str, ticks, labels, size: float = 11) -> None:
    """Tick marks as usual, their labels as glyph paths: for reused figures whose ticks never change.

    Tick labels are text artists laid out on every draw; drawn once as cached glyph paths (the
    same font, size and place: tick length plus pad below or left of the axis) they cost a
    fraction of that on each redraw. Call it when the figure is built, not per redraw.
    """
    pad = 7  # points: tick length 3.5 + pad 3.5 (the house style's defaults)
    if which == "x":
        ax.set_xticks(ticks)
        ax.tick_params(axis="x", labelbottom=False)
        for tick, label in zip(ticks, labels, strict=True):
            plots.path_text(ax, label, (tick, 0), ax.get_xaxis_transform(), size=size, va="top",
                            offset=(0, -pad))
    elif which == "y":
        ax.set_yticks(ticks)
        ax.tick_params(axis="y", labelleft=False)
        for tick, label in zip(ticks, labels, strict=True):
            plots.path_text(ax, label, (0, tick), ax.get_yaxis_transform(), size=size, ha="right",
                            va="center", offset=(-pad, 0))
    else:
        raise ValueError(f"unknown axis {which!r}; valid axes are x, y")


LABELPAD = 4 + 13.5  # points: the default pad plus the height of the path-drawn tick labels


def path_label(ax, which: str, text: str, pad: float, size: float = 12):
    """An axis label as glyph paths, ``pad`` points outside the axes (y labels read upwards).

    A text artist's layout is redone on every PNG (each encoding has a new renderer), so a
    label drawn as cached glyph paths costs a fraction; the text stays on the artist's label.
    """
    if which == "x":
        label = plots.path_text(ax, text, (0.5, 0), ax.transAxes, size=size, va="top",
                                offset=(0, -pad))
    elif which == "y":
        label = plots.path_text(ax, text, (0, 0.5), ax.transAxes, size=size, va="bottom",
                                offset=(0, pad))
        label.set_transform(Affine2D().rotate_deg(90).scale(ax.figure.dpi / 72))
    else:
        raise ValueError(f"unknown axis {which!r}; valid axes are x, y")
    label.set_label(text)
    return label


def boxed_text(ax, text: str, xy, transform=None, size: float = 11, pad: float = 4, **kwargs):
    """Glyph-path text on a white box (like a text artist's ``backgroundcolor="white"``)."""
    label = plots.path_text(ax, text, xy, transform, size=size, **kwargs)
    # The control points bound the glyphs: far cheaper than exact Bezier extents, close enough.
    points = np.concatenate([path.vertices for path in label.get_paths()])
    box = Bbox([points.min(axis=0), points.max(axis=0)]).padded(pad)
    background = PathCollection([Path.unit_rectangle().transformed(
        Affine2D().scale(box.width, box.height).translate(box.x0, box.y0))],
        offsets=[xy], offset_transform=label.get_offset_transform(),
        transform=label.get_transform(), facecolors="white", edgecolors="none",
        zorder=label.get_zorder() - 0.01)
    background.set_clip_on(False)
    ax.add_collection(background, autolim=False)
    label.set_label(text)
    return label
