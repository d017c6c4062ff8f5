"""The figure contrast audit of the tests: every text inside a figure against what is drawn behind it.

WCAG 2.1 AA (1.4.3) asks for a contrast ratio of at least 4.5:1 between text and its background,
3:1 for large text (at least 18 pt, or 14 pt bold). The ratio itself is the WCAG formula in
:func:`helpers.figures.text.contrast_ratio` (the figures use it to pick text colours); this
module's ``figure_texts`` finds every visible text of a matplotlib figure (all of it ordinary ``Text``: the
collection draws no words as paths), works out what is drawn behind it and reports the ratio,
so a test can fail on any text a student with low vision could not read.

How the background is found: the figure is drawn once with every text hidden; behind each text
the most common colour in its box is the background (a line crossing a label does not count).
A text drawn in a box (``bbox=...``) is judged against the box's face colour.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.text import Text

from helpers.figures.text import contrast_ratio

NORMAL, LARGE = 4.5, 3.0


def blend(colour, background) -> tuple[float, float, float]:
    """A colour with alpha as it looks over an opaque background."""
    r, g, b, a = to_rgba(colour)
    br, bg, bb, _ = to_rgba(background)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def is_large(size_pt: float, bold: bool) -> bool:
    """WCAG "large text": at least 18 pt, or at least 14 pt and bold."""
    return size_pt >= 18 or (bold and size_pt >= 14)


def required(size_pt: float, bold: bool) -> float:
    return LARGE if is_large(size_pt, bold) else NORMAL


@dataclass(frozen=True)
class TextContrast:
    """One text of a figure: what it says, its colour, what is behind it and the ratio."""

    text: str
    colour: str
    background: str
    ratio: float
    size: float
    bold: bool

    @property
    def needed(self) -> float:
        return required(self.size, self.bold)

    @property
    def ok(self) -> bool:
        return self.ratio + 1e-9 >= self.needed

    def __str__(self) -> str:
        from matplotlib.colors import to_hex

        return (
            f"{self.text!r} {to_hex(self.colour)} on {to_hex(self.background)}: "
            f"{self.ratio:.2f}:1 at {self.size:g} pt{' bold' if self.bold else ''} "
            f"(needs {self.needed:g}:1)"
        )


def _texts(fig: Figure) -> list:
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


def _describe(artist: Text) -> tuple[str, tuple, float, bool]:
    weight = artist.get_fontweight()
    bold = weight in ("bold", "heavy", "extra bold", "black", "semibold", "demibold") or (
        isinstance(weight, (int, float)) and weight >= 600
    )
    colour = to_rgba(artist.get_color())
    alpha = artist.get_alpha()
    if alpha is not None:
        colour = (*colour[:3], colour[3] * alpha)
    return artist.get_text(), colour, float(artist.get_fontsize()), bool(bold)


def figure_texts(fig: Figure) -> list[TextContrast]:
    """Every visible text of ``fig`` with its colour, background and contrast ratio."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    texts = _texts(fig)
    boxes = []
    for artist in texts:
        try:
            boxes.append(artist.get_window_extent(renderer))
        except Exception:  # noqa: BLE001 - an artist without an extent cannot be judged by box
            boxes.append(None)
    was = [a.get_visible() for a in texts]
    for artist in texts:
        artist.set_visible(False)
    try:
        canvas.draw()
        pixels = np.asarray(canvas.buffer_rgba())[:, :, :3].copy()
    finally:
        for artist, visible in zip(texts, was, strict=True):
            artist.set_visible(visible)
        canvas.draw()
    height, width = pixels.shape[:2]
    face = fig.get_facecolor()
    results = []
    for artist, box in zip(texts, boxes, strict=True):
        text, colour, size, bold = _describe(artist)
        patch = artist.get_bbox_patch() if isinstance(artist, Text) else None
        if patch is not None and patch.get_visible() and to_rgba(patch.get_facecolor())[3] > 0:
            background = blend(patch.get_facecolor(), face)
        elif box is None or box.width <= 0 or box.height <= 0:
            background = to_rgba(face)[:3]
        else:
            x0, x1 = int(max(0, np.floor(box.x0))), int(min(width, np.ceil(box.x1)))
            y0, y1 = int(max(0, np.floor(height - box.y1))), int(min(height, np.ceil(height - box.y0)))
            region = pixels[y0:y1, x0:x1].reshape(-1, 3)
            if not len(region):
                background = to_rgba(face)[:3]
            else:
                common = Counter(map(tuple, region)).most_common(1)[0][0]
                background = tuple(c / 255 for c in common)
        shown = blend(colour, background)
        results.append(
            TextContrast(
                " ".join(text.split())[:60], shown, background, contrast_ratio(shown, background), size, bold
            )
        )
    return results


def low_contrast(fig: Figure) -> list[TextContrast]:
    """The texts of ``fig`` below WCAG 2.1 AA contrast (4.5:1, or 3:1 when large)."""
    return [t for t in figure_texts(fig) if not t.ok]
