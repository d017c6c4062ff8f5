"""The one plotting style of the collection.

Every figure function returns ``(fig, description)``: a ``matplotlib.figure.Figure`` built without
pyplot (so no global state and no inline-backend double draw) and a one-paragraph plain-text
account of what the figure shows, printed beneath it for screen readers and washed-out projectors.
Colour is never the only cue: pair it with a marker, a line style or a text label.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any

import matplotlib
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
# Darker text variants of the palette (issue 16, WCAG 1.4.3): the same hues, dark enough that a
# small label reaches 4.5:1 on white and on the light boxes (#E8E8E8) labels sit in (checked by
# tests/test_contrast.py). PALETTE is for lines, markers and fills; TEXT is for words.
TEXT: dict[str, str] = {
    "orange": "#885E00",
    "sky blue": "#156D9E",
    "bluish green": "#007555",
    "yellow": "#6F6809",
    "blue": "#006BA8",
    "vermillion": "#AA4B00",
    "reddish purple": "#A9407A",
    "black": "#000000",
    "grey": "#595959",
}
TEXT_GREY = TEXT["grey"]


def text_colour(colour: str) -> str:
    """The text variant of a palette colour (or of GREY); any other colour is returned as given.

    Use it for any label below large size (18 pt, or 14 pt bold) drawn in a palette colour.
    """
    by_hex = {v.upper(): TEXT[k] for k, v in PALETTE.items()}
    by_hex[GREY.upper()] = TEXT_GREY
    if colour in TEXT:
        return TEXT[colour]
    return by_hex.get(str(colour).upper(), colour)
# An order for categorical series: high contrast first, yellow last (weak on white).
CYCLE: tuple[str, ...] = tuple(
    PALETTE[k]
    for k in ("blue", "orange", "bluish green", "vermillion", "reddish purple", "sky blue", "black",
              "yellow")
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
MIN_FONT_PT = 10


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
        return Figure(figsize=(width, height), **kwargs)


FigureResult = tuple[Figure, str]


def house_style(func: Callable[..., FigureResult]) -> Callable[..., FigureResult]:
    """Decorate a figure function: draw it under the house style and check it returns (fig, text)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> FigureResult:
        with matplotlib.rc_context(STYLE):
            result = func(*args, **kwargs)
        if not (
            isinstance(result, tuple)
            and len(result) == 2
            and isinstance(result[0], Figure)
            and isinstance(result[1], str)
            and result[1].strip()
        ):
            raise TypeError(
                f"{func.__name__} must return (Figure, description) with a non-empty description"
            )
        return result

    return wrapper


def encode(canvas) -> bytes:
    """PNG bytes of what an Agg canvas holds: alpha dropped (figures are opaque), low zlib effort.

    A palette image would be a third of the size, but fast quantisation shifts white and pale
    greys, so the colours are kept exact.
    """
    from PIL import Image

    width, height = canvas.get_width_height(physical=True)
    rgba = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    rgba.convert("RGB").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


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
    """The smallest font size (pt) among the figure's visible texts, glyph-path text included."""
    sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text()]
    sizes += [c.glyph_size for c in fig.findobj(lambda a: hasattr(a, "glyph_size")) if c.get_visible()]
    return min(sizes) if sizes else float("inf")


def show(fig: Figure, description: str, alt: str = "") -> None:
    """Display a static figure as an accessible ``<figure>``: the image with a short alt (``alt``,
    else the figure's title, else the description's first sentence; plus "described below") and
    ``description`` as its caption.

    ``IPython.display.Image`` cannot carry alt text (JupyterLab's image renderer sets only src,
    width and height), so screens get the HTML figure; the same output also carries the PNG and
    a plain-text alternative, for exports (LaTeX/PDF) and consoles that do not show HTML.
    """
    import base64

    from IPython.display import display

    from helpers.figures import alt as alt_text

    short = alt_text.short_alt(alt or alt_text.title_of(fig) or alt_text.first_sentence(description))
    png = to_png(fig)
    display({"text/html": alt_text.figure_html(png, short, description),
             "image/png": base64.b64encode(png).decode("ascii"),
             "text/plain": f"{short}\nFigure description: {description}"}, raw=True)


def wrap_label(text: str, width: int = 16) -> str:
    """Break a label onto lines of about ``width`` characters for node boxes."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "\n".join(lines)


@functools.lru_cache(maxsize=1024)
def _glyphs(text: str, size: float, weight: str) -> tuple:
    """One line of text as glyph outlines (points), with its extents; cached by content.

    The extents are the control points' bounds: within a fraction of a point of the exact curve
    extents, which cost ~4 ms per new string (a widget's first visit draws many).
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.path import Path
    from matplotlib.textpath import TextPath
    from matplotlib.transforms import Bbox

    if not text.strip():  # matplotlib cannot make a TextPath of blanks: draw nothing
        return Path([[0.0, 0.0]]), Bbox([[0.0, 0.0], [0.0, 0.0]])
    with matplotlib.rc_context(STYLE):
        path = TextPath((0, 0), text, prop=FontProperties(size=size, weight=weight))
    return path, Bbox([path.vertices.min(axis=0), path.vertices.max(axis=0)])


def path_text(ax, text: str, xy: tuple[float, float], transform=None, size: float = 11,
              weight: str = "normal", ha: str = "center", va: str = "bottom",
              offset: tuple[float, float] = (0, 0), color: str = "black", zorder: float = 6):
    """Draw (possibly multi-line) text as glyph paths: looks like text, redraws several times faster.

    Widgets redraw figures often, and matplotlib's text layout is most of a redraw's cost; glyph
    outlines are cached per string and drawn as one path collection. ``offset`` is in points.
    """
    from matplotlib.collections import PathCollection
    from matplotlib.transforms import Affine2D

    lines = text.split("\n")
    step = size * 1.25
    paths = []
    boxes = [_glyphs(line, size, weight)[1] for line in lines]
    height = step * (len(lines) - 1) + size
    top = {"bottom": height, "top": 0.0, "center": height / 2}[va]
    for i, line in enumerate(lines):
        path, box = _glyphs(line, size, weight)
        dx = {"center": -(box.x0 + box.x1) / 2, "left": -box.x0, "right": -box.x1}[ha]
        dy = top - size * 0.8 - i * step
        paths.append(Affine2D().translate(dx + offset[0], dy + offset[1]).transform_path(path))
    del boxes
    collection = PathCollection(paths, offsets=[xy] * len(paths),
                                offset_transform=transform if transform is not None else ax.transData,
                                transform=Affine2D().scale(ax.figure.dpi / 72), facecolors=color,
                                edgecolors="none", zorder=zorder)
    collection.set_clip_on(False)
    collection.set_label(text)  # so tests can read what a figure says
    collection.glyph_size = size  # and check the house minimum font size
    ax.add_collection(collection, autolim=False)
    return collection


_REUSABLE: dict = {}


def reusable_figure(key, make: Callable[[], Figure]) -> Figure:
    """A figure made once per ``key`` and emptied of what the last call drew, for fast redraws.

    Creating axes is a good part of a widget redraw's cost, and a widget's figure always has the
    same size and axes. The returned figure is the same object on every call with this key:
    encode or show it before calling again (an Explorer does, at once).
    """
    entry = _REUSABLE.get(key)
    if entry is None:
        fig = make()
        entry = _REUSABLE[key] = (fig, {ax: set(ax.get_children()) for ax in fig.axes})
    fig, base = entry
    for ax, children in base.items():
        for artist in ax.get_children():
            if artist not in children:
                artist.remove()
    return fig
