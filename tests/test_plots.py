"""The house style: figures without pyplot, fonts that read on a projector, a description each."""

from __future__ import annotations

from matplotlib.figure import Figure

from helpers.figures import engine
from helpers.figures import style as plots
from helpers.figures.membership import MembershipPicture
from helpers.models import membership


def test_palette_is_okabe_ito():
    assert set(plots.PALETTE.values()) == {
        "#E69F00",
        "#56B4E9",
        "#009E73",
        "#F0E442",
        "#0072B2",
        "#D55E00",
        "#CC79A7",
        "#000000",
    }
    assert plots.CYCLE[-1] == plots.PALETTE["yellow"], "yellow reads badly on white: use it last"


def test_new_figure_is_constrained_and_detached_from_pyplot():
    fig = plots.new_figure(6, 4)
    assert isinstance(fig, Figure)
    assert fig.get_layout_engine() is not None
    assert tuple(fig.get_size_inches()) == (6, 4)


def test_to_png_gives_a_png():
    fig = engine.figure(MembershipPicture(membership.membership("NATO")))
    data = plots.to_png(fig)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) > 10_000


def test_wrap_label():
    assert plots.wrap_label("collective security in Claude's sense", 14) == (
        "collective\nsecurity in\nClaude's sense"
    )


def test_encode_gives_the_canvas_pixels_exactly():
    """The hand-written PNG (row filter "up", zlib) decodes, by Pillow, to the very pixels drawn."""
    import io

    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    fig = engine.figure(MembershipPicture(membership.membership("EU")))
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    decoded = Image.open(io.BytesIO(plots.encode(canvas)))
    assert decoded.mode == "RGB" and decoded.size == canvas.get_width_height(physical=True)
    assert np.array_equal(np.asarray(decoded), np.asarray(canvas.buffer_rgba())[..., :3])
    assert len(np.unique(np.asarray(decoded).reshape(-1, 3), axis=0)) > 50  # a real picture, not blank
