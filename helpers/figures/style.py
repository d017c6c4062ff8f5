"""The one plotting style of the collection.

Every figure function returns ``(fig, description)``: a ``matplotlib.figure.Figure`` built without
pyplot (so no global state and no inline-backend double draw) and a one-paragraph plain-text
account of what the figure shows, printed beneath it for screen readers and washed-out projectors.
Colour is never the only cue: pair it with a marker, a line style or a text label.
"""

from __future__ import annotations

import struct
import textwrap
import zlib
from typing import Any

import matplotlib
import numpy as np
from matplotlib.figure import Figure

# Okabe & Ito (2008), "Color Universal Design": distinguishable with the common colour-vision
# deficiencies. Names are what a caption can say.
PALETTE: dict[str, str] = {
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
    "black": "#000000",
}
GREY = "#8C8C8C"
LIGHT = "#F2F2F2"
# PALETTE is for lines, markers and fills. Words in a palette colour take a darker shade of it that
# reaches 4.5:1 on their background (issue 16, WCAG 1.4.3): helpers.figures.text.ink().

# An order for categorical series: high contrast first, yellow last (weak on white).
CYCLE: tuple[str, ...] = tuple(
    PALETTE[k]
    for k in ("blue", "orange", "bluish green", "vermillion", "reddish purple", "sky blue", "black", "yellow")
)
MARKERS: tuple[str, ...] = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES: tuple[str, ...] = ("-", "--", ":", "-.")

# Sizes that read on a projector; no font below 10 pt.
WIDTH, HEIGHT = 9.0, 5.5
DPI = 100
STYLE: dict[str, Any] = {
    "font.size": 12,
    "axes.titlesize": 14,
    "axes.titleweight": "bold",
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "figure.titlesize": 15,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": False,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "lines.linewidth": 2.2,
    "lines.markersize": 8,
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
}
# Read when text is drawn, not when it is made, so :class:`HouseFigure` applies it to every draw.
# Unhinted glyphs: drawn faster (twice as fast on matplotlib 3.11) and indistinguishable at these sizes
# (matplotlib's own image tests use them too: they do not depend on the FreeType build).
DRAW_STYLE: dict[str, Any] = {"text.hinting": "none"}
STYLE.update(DRAW_STYLE)
MIN_FONT_PT = 10


class HouseFigure(Figure):
    """A Figure that applies :data:`DRAW_STYLE` whenever it is drawn (Agg, SVG, PDF, a test's canvas)."""

    def draw(self, renderer):
        with matplotlib.rc_context(DRAW_STYLE):
            super().draw(renderer)


def new_figure(width: float = WIDTH, height: float = HEIGHT, **kwargs: Any) -> Figure:
    """A blank figure in the house style, with constrained layout unless ``layout=None``.

    Constrained layout costs an extra layout pass per draw; figures that a widget redraws often
    should pass ``layout=None`` and set their margins with ``fig.subplots_adjust``.
    """
    kwargs.setdefault("layout", "constrained")
    if kwargs["layout"] is None:
        kwargs.pop("layout")
    kwargs.setdefault("dpi", DPI)
    with matplotlib.rc_context(STYLE):
        return HouseFigure(figsize=(width, height), **kwargs)


def encode(canvas) -> bytes:
    """PNG bytes of what an Agg canvas holds: RGB (figures are opaque), exact colours, fast.

    Pillow drops the alpha channel (much faster than slicing it off in numpy), but its PNG writer
    tries all five row filters on every row (there is no option to choose one) and took half as
    long again: so every row here uses the "up" filter (the difference from the row above, which
    suits flat-coloured figures), deflated at level 1.
    """
    from PIL import Image

    width, height = canvas.get_width_height(physical=True)
    rgba = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    rgb = np.asarray(rgba.convert("RGB")).reshape(height, width * 3)
    rows = np.empty((height, width * 3 + 1), np.uint8)
    rows[:, 0] = 2  # filter type "up"
    rows[0, 1:] = rgb[0]
    np.subtract(rgb[1:], rgb[:-1], out=rows[1:, 1:])
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8 bits, RGB, no interlace
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))
        for tag, data in ((b"IHDR", header), (b"IDAT", zlib.compress(rows, 1)), (b"IEND", b""))
    )


def to_png(fig: Figure, dpi: float | None = None) -> bytes:
    """Draw a figure once and encode it as a small PNG, fast enough for a widget redraw.

    One Agg draw (no ``savefig`` machinery, no tight bounding box), then :func:`encode`.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    original = fig.dpi
    if dpi is not None:
        fig.set_dpi(dpi)
    try:
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        return encode(canvas)
    finally:
        fig.set_dpi(original)  # a reused figure must keep its own resolution for the next call


def smallest_font(fig: Figure) -> float:
    """The smallest font size (pt) among the figure's visible texts."""
    sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text()]
    return min(sizes) if sizes else float("inf")


def wrap_label(text: str, width: int = 16) -> str:
    """Break a label onto lines of about ``width`` characters, at spaces only (never inside a word)."""
    return textwrap.fill(text, width, break_long_words=False, break_on_hyphens=False)
