"""Tests that look at the pictures: baselines, text checks, fast/fresh agreement, order, fixtures.

Every explorer and static figure declared in ``helpers/explorers/*`` (see ``tests/pictures.py``)
gets, in its default state: a baseline comparison, the text checks, the fast path compared with
the fresh Figure, "two calls never return the same Figure", and order independence. The sweep over
every control combination (the checks on each) is marked ``slow``. Broken figures at the end prove
that each check can fail.

Baselines live in ``tests/baseline/pictures/<name>.png`` (drawn by ``engine.png`` at
:data:`BASELINE_DPI`). After a deliberate change of a picture, look at the new image, then write
the baselines again with::

    PICTURES_WRITE_BASELINES=1 PYTHONPATH=$PWD .venv/bin/python -m pytest -q \
        tests/test_pictures.py -k baseline

A failed comparison writes ``<name>-expected.png``, ``<name>.png`` (actual) and
``<name>-failed-diff.png`` into ``test-artifacts/pictures/``.
"""

from __future__ import annotations

import io
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images
from PIL import Image

from helpers.explorers.widgets import View, combinations
from helpers.figures import engine
from helpers.figures import text as T
from tests import contrast, pictures

ROOT = Path(__file__).resolve().parent.parent
BASELINES = ROOT / "tests" / "baseline" / "pictures"
ARTIFACTS = ROOT / "test-artifacts" / "pictures"
BASELINE_DPI = 60
TOLERANCE = 3.0  # RMS of grey levels, matplotlib.testing.compare's measure
REGISTRY = pictures.registry()
EXPLORERS = [e for e in REGISTRY if e.controls is not None]
# Problems present when a port landed, kept visible (strict: once fixed, the entry must go).
KNOWN: dict[tuple[str, str], str] = {}


def known(check: str) -> list:
    """REGISTRY as pytest params, with the entries known to fail ``check`` marked xfail(strict)."""
    return [
        pytest.param(
            e,
            id=e.name,
            marks=[pytest.mark.xfail(strict=True, reason=KNOWN[(e.name, check)])]
            if (e.name, check) in KNOWN
            else [],
        )
        for e in REGISTRY
    ]


def draw(entry: pictures.Entry, values: dict | None = None):
    """What the entry draws for ``values`` (its defaults if None): a Picture, a Figure or a View."""
    if entry.controls is None:
        return entry.make()
    return View.coerce(entry.make(**(pictures.defaults(entry.controls) if values is None else values)))


def picture_of(result):
    result = getattr(result, "fig", result)
    return result[0] if isinstance(result, tuple) else result


def png(result, dpi: float | None = None) -> bytes:
    pic = picture_of(result)
    if isinstance(pic, engine.Picture):
        return engine.png(pic, dpi=dpi)
    from helpers.figures.style import to_png

    return to_png(pic, dpi=dpi)


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"), dtype=np.int16)


def test_registry_is_not_empty_and_names_are_unique():
    names = [e.name for e in REGISTRY]
    assert names and len(names) == len(set(names))


@pytest.mark.parametrize("entry", REGISTRY, ids=lambda e: e.name)
def test_baseline(entry):
    actual_bytes = png(draw(entry), dpi=BASELINE_DPI)
    expected = BASELINES / f"{entry.name}.png"
    if os.environ.get("PICTURES_WRITE_BASELINES"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        Image.open(io.BytesIO(actual_bytes)).save(expected, optimize=True)
    assert expected.exists(), (
        f"no baseline for {entry.name}: look at the picture, then write it (see this module's docstring)"
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    actual = ARTIFACTS / f"{entry.name}.png"
    actual.write_bytes(actual_bytes)
    shutil.copy(expected, ARTIFACTS / f"{entry.name}-expected.png")
    result = compare_images(str(ARTIFACTS / f"{entry.name}-expected.png"), str(actual), TOLERANCE)
    assert result is None, f"{entry.name} differs from its baseline: {result}"
    for leftover in (actual, ARTIFACTS / f"{entry.name}-expected.png"):  # keep only failures
        leftover.unlink()


@pytest.mark.parametrize("entry", REGISTRY, ids=lambda e: e.name)
def test_default_state_passes_the_checks(entry):
    fig, picture = pictures.as_figure(draw(entry))
    assert pictures.problems(fig, picture) == []


@pytest.mark.parametrize("entry", known("contrast"))
def test_default_state_text_has_contrast(entry):
    fig, _ = pictures.as_figure(draw(entry))
    bad = contrast.low_contrast(fig)
    assert not bad, "text below WCAG AA contrast:\n" + "\n".join(map(str, bad))


@pytest.mark.parametrize("entry", REGISTRY, ids=lambda e: e.name)
def test_two_calls_never_return_the_same_figure(entry):
    first, _ = pictures.as_figure(draw(entry))
    second, _ = pictures.as_figure(draw(entry))
    assert first is not second


@pytest.mark.parametrize("entry", REGISTRY, ids=lambda e: e.name)
def test_fast_path_agrees_with_the_fresh_figure(entry):
    picture = picture_of(draw(entry))
    if not isinstance(picture, engine.Picture):
        pytest.skip("a plain Figure has one path only")
    fast = pixels(engine.png(picture))
    buffer = io.BytesIO()
    engine.figure(picture).savefig(buffer, format="png")
    fresh = pixels(buffer.getvalue())
    assert fast.shape == fresh.shape
    assert float((np.abs(fast - fresh).max(axis=2) > 40).mean()) < 0.005


@pytest.mark.parametrize("entry", EXPLORERS, ids=lambda e: e.name)
def test_order_independence(entry):
    combos = combinations(entry.controls)
    first = png(draw(entry, combos[0]))
    for values in combos[1:4] + combos[-3:]:
        png(draw(entry, values))
    assert png(draw(entry, combos[0])) == first


@pytest.mark.slow
@pytest.mark.parametrize("entry", EXPLORERS, ids=lambda e: e.name)
def test_every_combination_passes_the_checks(entry):
    found = {}
    for values in combinations(entry.controls):
        fig, picture = pictures.as_figure(draw(entry, values))
        if problems := pictures.problems(fig, picture):
            found[str(values)] = problems
    assert found == {}


# --- The checks can fail: broken pictures, one per rule. ---------------------------------------


@dataclass(frozen=True)
class Broken(engine.Picture):
    """A small diagram broken in one way, chosen by ``fault``."""

    fault: str
    size = (5.0, 3.0)

    def title(self) -> str:
        return "Broken"

    def legend_entries(self):
        return ("members",) if self.fault == "declared legend" else ()

    def draw_static(self, fig):
        ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ax.set_axis_off()
        for i, name in enumerate(("Austria", "Belgium", "Cyprus")):
            T.label(ax, (2 + 3 * i, 5), name)
        return ax

    def draw_changing(self, fig, ax):
        if self.fault == "stray legend":  # the old warm-up: labelled artists swept into a legend
            for i, name in enumerate(("Austria", "Belgium", "Cyprus")):
                ax.plot([2 + 3 * i], [3], "o", label=name)
            ax.legend(loc="upper left")
        elif self.fault == "declared legend":
            ax.plot([2], [3], "o", label="members")
            ax.legend(loc="lower right")
        elif self.fault == "overlap":
            T.label(ax, (2.2, 5.1), "Austria again")
        elif self.fault == "outside":
            T.label(ax, (11.5, 5), "past the edge", ha="left")
        elif self.fault == "small":
            ax.text(5, 8, "tiny", fontsize=8)
        elif self.fault == "glyph words":
            from matplotlib.collections import PathCollection
            from matplotlib.textpath import TextPath

            words = PathCollection(
                [TextPath((0, 0), "hidden", size=12)], offsets=[(5, 2)], offset_transform=ax.transData
            )
            words.set_label("hidden")
            ax.add_collection(words, autolim=False)


@pytest.mark.parametrize(
    "fault, message",
    [
        ("stray legend", "undeclared entries"),
        ("overlap", "overlap"),
        ("outside", "outside the figure"),
        ("small", "under 10 pt"),
        ("glyph words", "outside any Text"),
    ],
)
def test_each_check_fails_on_a_broken_picture(fault, message):
    found = pictures.problems(*pictures.as_figure(Broken(fault)))
    assert any(message in p for p in found), found


def test_checks_pass_a_sound_picture_with_a_declared_legend():
    assert pictures.problems(*pictures.as_figure(Broken("declared legend"))) == []
    assert pictures.problems(*pictures.as_figure(Broken("none"))) == []


def test_tick_labels_out_of_view_are_not_counted():
    fig = Figure(figsize=(4, 3))
    ax = fig.add_subplot()
    ax.yaxis.set_visible(False)  # a hidden axis shows no tick labels either
    ax.set_xlim(0, 1)
    assert "1.0" in pictures.words(fig)
    ax.set_xlim(0, 0.5)  # the tick at 1.0 still exists, out of view, and must not count
    assert "1.0" not in pictures.words(fig)
