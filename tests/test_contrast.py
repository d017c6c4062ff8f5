"""Contrast of figure text (WCAG 2.1 1.4.3): the formula, the text colours ink() gives, a planted
failure, and every explorer's default picture."""

from __future__ import annotations

import pytest

from helpers.figures import style as plots
from helpers.figures.text import contrast_ratio, ink
from tests import contrast


def test_wcag_formula_known_values():
    assert contrast_ratio("black", "white") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "white") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#0072B2", "#FFFFFF") == pytest.approx(5.17, abs=0.05)
    assert contrast.is_large(18, False) and contrast.is_large(14, True) and not contrast.is_large(14, False)


@pytest.mark.parametrize("name", sorted(plots.PALETTE))
def test_ink_reads_on_the_background_it_is_given(name):
    # text.ink() is the one way to a text colour: on white by default, on a light box if told.
    colour = plots.PALETTE[name]
    assert contrast_ratio(ink(colour), "#FFFFFF") >= 4.5, name
    for behind in (plots.LIGHT, "#E8E8E8"):
        assert contrast_ratio(ink(colour, behind), behind) >= 4.5, (name, behind)


def test_a_planted_low_contrast_label_is_found():
    fig = plots.new_figure(5, 4, layout=None)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.text(0.5, 0.7, "grey on white", color=plots.GREY, fontsize=11)
    ax.text(0.5, 0.5, "dark on white", color=ink(plots.GREY), fontsize=11)
    ax.text(
        0.5,
        0.3,
        "text on a grey box",
        color=ink(plots.GREY),
        fontsize=11,
        bbox={"facecolor": "#8C8C8C", "edgecolor": "none"},
    )
    ax.axhspan(0.0, 0.2, color="#0072B2")
    ax.text(0.5, 0.1, "black on blue", color="black", fontsize=11)
    bad = {t.text for t in contrast.low_contrast(fig)}
    assert bad == {"grey on white", "text on a grey box", "black on blue"}, bad


def test_large_text_needs_only_three_to_one():
    fig = plots.new_figure(4, 3, layout=None)
    fig.text(0.1, 0.5, "BIG", color="#8C8C8C", fontsize=20)  # 3.4:1, large
    fig.text(0.1, 0.2, "small", color="#8C8C8C", fontsize=12)
    assert [t.text for t in contrast.low_contrast(fig)] == ["small"]


# Every explorer's and static figure's default picture is checked for contrast in
# tests/test_pictures.py (test_default_state_text_has_contrast), over the one registry of
# pictures (tests/pictures.py), with known problems listed there as strict xfails.
