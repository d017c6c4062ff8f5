"""The figure contract: fresh figures, the fast PNG path, real text, any dpi, the text API."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from helpers.explorers.widgets import Explorer, View, toggle
from helpers.figures import engine
from helpers.figures import text as T
from helpers.figures.style import PALETTE


@dataclass(frozen=True)
class Bars(engine.Picture):
    """A toy picture: fixed axes and names (static), bars and a moving label (changing)."""

    heights: tuple[float, ...]
    caption: str = "Heights"
    size = (6.0, 4.0)

    def title(self) -> str:
        return self.caption

    def static_key(self):
        return (self.caption,)

    def draw_static(self, fig):
        ax = fig.add_axes((0.12, 0.15, 0.7, 0.7))
        ax.set_xlim(-0.5, 2.5)
        ax.set_ylim(0, 10)
        T.title(ax, self.caption)
        for i, name in enumerate(("alpha", "beta", "gamma")):
            T.label(ax, (i, -0.4), name, va="top")
        T.label(ax, (1.03, 0.5), "outside the axes", coords="axes", ha="left")
        return ax

    def draw_changing(self, fig, ax):
        ax.bar(range(len(self.heights)), self.heights, color=PALETTE["blue"], zorder=1)
        top = max(self.heights)
        T.label(ax, (self.heights.index(top), top + 0.3), f"max {top:g}", va="bottom", size="small")


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.int16)


def fresh_png(picture, dpi=100) -> bytes:
    fig = engine.figure(picture, dpi=dpi)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def differing(a: np.ndarray, b: np.ndarray, threshold: int = 40) -> float:
    """Share of pixels whose largest channel difference exceeds ``threshold``."""
    assert a.shape == b.shape
    return float((np.abs(a - b).max(axis=2) > threshold).mean())


def test_two_calls_never_return_the_same_figure():
    a, b = engine.figure(Bars((1, 2, 3))), engine.figure(Bars((1, 2, 3)))
    assert isinstance(a, Figure) and a is not b
    assert not set(a.axes) & set(b.axes)
    b.axes[0].set_title("changed")  # changing one leaves the other alone
    assert a.axes[0].get_title(loc="left") == "Heights"


@pytest.mark.parametrize("dpi", [50, 100, 200])
def test_fresh_figure_text_scales_with_dpi(dpi):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = engine.figure(Bars((1, 2, 3)), dpi=dpi)
    renderer = FigureCanvasAgg(fig).get_renderer()
    label = next(t for t in fig.findobj(Text) if t.get_text() == "alpha")
    height_px = label.get_window_extent(renderer).height
    # 12 pt text: its line is about 12/72 inch * dpi * 1.2 high, whatever the dpi.
    assert height_px == pytest.approx(12 / 72 * dpi * 1.17, rel=0.2)
    assert pixels(engine.png(Bars((1, 2, 3)), dpi=dpi)).shape[:2] == (4 * dpi, 6 * dpi)


def test_fast_path_agrees_with_fresh_figure_at_every_dpi():
    for dpi in (50, 100, 200):
        for heights in ((1, 2, 3), (9, 1, 4)):
            fast, fresh = pixels(engine.png(Bars(heights), dpi=dpi)), pixels(fresh_png(Bars(heights), dpi))
            assert differing(fast, fresh) < 0.002, (dpi, heights)


def test_fast_path_is_order_independent():
    alone = engine.png(Bars((1, 2, 3)))
    engine.png(Bars((9, 1, 4)))
    engine.png(Bars((2, 2, 2), caption="Other"))
    assert engine.png(Bars((1, 2, 3))) == alone
    engine.clear_cache()
    assert engine.png(Bars((1, 2, 3))) == alone


def test_fast_path_removes_what_it_added_and_shows_changes():
    a, b = pixels(engine.png(Bars((1, 2, 3)))), pixels(engine.png(Bars((9, 1, 4))))
    assert differing(a, b) > 0.01  # the bars moved


def test_svg_has_real_text():
    fig = engine.figure(Bars((1, 2, 3)))
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(buffer, format="svg")
    words = re.findall(r"<text[^>]*>([^<]*)</text>", buffer.getvalue())
    assert {"alpha", "beta", "gamma", "outside the axes", "Heights", "max 3"} <= set(words)


def test_tight_bounding_box_keeps_labels_outside_the_axes():
    fig = engine.figure(Bars((1, 2, 3)))  # 6 inches wide; one label runs past the right edge
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    width, _ = Image.open(io.BytesIO(buffer.getvalue())).size
    assert width > 600  # the tight box grew to hold the label instead of cropping it


def test_changing_layer_may_not_add_axes():
    @dataclass(frozen=True)
    class Bad(Bars):
        def draw_changing(self, fig, ax):
            fig.add_axes((0, 0, 0.1, 0.1))

    with pytest.raises(ValueError, match="must not add axes"):
        engine.png(Bad((1,)))
    # and the failed call left the cached layer clean
    assert len(engine.figure(Bars((1,))).axes) == 1


def test_engine_refuses_what_is_not_a_picture():
    with pytest.raises(TypeError, match="Picture"):
        engine.png(Figure())
    with pytest.raises(TypeError, match="Picture"):
        engine.figure("bars")


def test_static_cache_is_bounded():
    engine.clear_cache()
    for i in range(engine.CACHE_SIZE + 5):
        engine.png(Bars((1,), caption=f"c{i}"))
    assert len(engine._LAYERS) == engine.CACHE_SIZE


def test_text_api_refuses_small_text_and_unknown_names():
    fig = Figure()
    ax = fig.add_subplot()
    with pytest.raises(ValueError, match="below the house minimum"):
        T.label(ax, (0, 0), "tiny", size=9)
    with pytest.raises(ValueError, match="valid sizes are"):
        T.label(ax, (0, 0), "x", size="huge")
    with pytest.raises(ValueError, match="valid coords are"):
        T.label(ax, (0, 0), "x", coords="pixels")
    with pytest.raises(ValueError, match="no data coordinates"):
        T.label(fig, (0, 0), "x")
    t = T.boxed(ax, (0.5, 0.5), "in a box", coords="axes", size="note")
    assert isinstance(t, Text) and t.get_fontsize() == 10 and t.get_bbox_patch() is not None


def test_ink_reaches_the_contrast_it_promises():
    from helpers.figures.text import contrast_ratio

    for colour in PALETTE.values():
        assert contrast_ratio(T.ink(colour), "white") >= 4.5
    assert T.ink("#000000") == "#000000"
    assert T.ink(PALETTE["yellow"]) != PALETTE["yellow"].lower()


def test_view_takes_a_picture_and_its_alt():
    view = View(Bars((1, 2, 3)), "Three bars.")
    assert view.alt == "Heights (described below)"
    assert View(Bars((1, 2, 3)), "Three bars.", alt="Bars").alt == "Bars"
    assert view.png() == engine.png(Bars((1, 2, 3)))
    with pytest.raises(TypeError, match="Picture, a matplotlib Figure or None"):
        View.coerce(View("not a picture", "x"))


def test_explorer_draws_pictures_with_the_fast_path():
    explorer = Explorer(
        [toggle("n", "Tallest:", {"one": 1, "nine": 9})], lambda n: View(Bars((n, 2, 3)), f"Bars up to {n}.")
    )
    assert explorer.png == engine.png(Bars((1, 2, 3)))
    assert 'alt="Heights (described below)"' in explorer.picture.value
    explorer.set(n=9)
    assert explorer.png == engine.png(Bars((9, 2, 3)))
    assert not explorer.errors
