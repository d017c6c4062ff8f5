"""Notebook 08's pictures: a Richardson arms race (phase plane and time), and Tracks I / II / III.

Each picture is a frozen dataclass holding the model it draws (computed once per change by the
explorer); ``draw_static`` draws axes, scales and keys once, ``draw_changing`` what the controls
change. All text is ordinary matplotlib Text, dark enough for 4.5:1 on white. ``describe_*``
say in words what each picture shows, from the same model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse, FancyArrowPatch, Rectangle

from helpers.figures.engine import Picture
from helpers.figures.style import GREY, PALETTE
from helpers.figures.text import boxed, ink, label
from helpers.models import richardson as R
from helpers.models import tracks

SHADE = "#E8E8E8"
VIEW = (-5.0, 9.0)  # both axes of the phase plane, in the model's abstract units
TICKS = (-4, 0, 4, 8)
T_END = 12.0
TIMES = np.linspace(0.0, T_END, 240)
OUTCOME_COLOR = {
    "settles": PALETTE["bluish green"],
    "runaway": PALETTE["vermillion"],
    "disarmament": PALETTE["blue"],
    "knife-edge": GREY,
    "stalls": GREY,
}
#: What the time panel says where a path leaves it, by outcome.
EXIT_TEXT = {
    "runaway": "runs off the top: runaway",
    "disarmament": "falls through zero and off\nthe bottom: read as disarmament",
}
#: Styles the picture and its key share, so the two always agree.
X_STOPS = {"color": "black", "linewidth": 1.2}
Y_STOPS = {**X_STOPS, "linestyle": "--"}
DIVIDING = {"color": PALETTE["reddish purple"], "linewidth": 2.2, "linestyle": "-."}
SIDE_X = {"color": PALETTE["blue"], "linewidth": 2.4}
SIDE_Y = {**SIDE_X, "color": PALETTE["orange"], "linestyle": "--"}
#: The balance point, by whether the race settles there: a black star, else a white cross (a saddle).
BALANCE = {
    True: {"marker": "*", "color": "black"},
    False: {"marker": "X", "color": "black", "markerfacecolor": "white"},
}
#: The key, below the two panels (never over the plot): (text, line style or marker style).
KEY = (
    ("dx/dt = 0 (side X stops changing)", X_STOPS),
    ("dy/dt = 0 (side Y stops changing)", Y_STOPS),
    ("dividing line: runaway above, disarmament below", DIVIDING),
    ("stable equilibrium", {**BALANCE[True], "markersize": 13}),
    ("unstable balance point (a saddle)", {**BALANCE[False], "markersize": 12}),
    ("side X's arms (time panel: solid blue)", SIDE_X),
    ("side Y's arms (time panel: dashed orange)", SIDE_Y),
)
#: The arrows of both pictures (to where a path leaves the view; between tracks).
ARROW = {"arrowstyle": "-|>", "mutation_scale": 12, "linewidth": 1.6, "shrinkB": 2}


def _clip(values: np.ndarray, bound: float = 60.0) -> np.ndarray:
    """Hide points far outside the view (a runaway grows exponentially) without warnings."""
    return np.where(np.abs(values) > bound, np.nan, values)


def exit_point(x: np.ndarray, y: np.ndarray) -> tuple[float, float] | None:
    """The first time either level leaves the view, and the edge it leaves by; None if never."""
    lo, hi = VIEW
    outside = (np.maximum(x, y) > hi) | (np.minimum(x, y) < lo)
    if not outside.any():
        return None
    i = int(np.argmax(outside))
    return float(TIMES[i]), (hi if max(x[i], y[i]) > hi else lo)


def stability_text(race: R.Race) -> str:
    """Which side of Richardson's condition the race is on, in the figure's words."""
    if R.is_stable(race):
        return "a·b > k·l: stable"
    if math.isclose(race.restraint, race.reaction, rel_tol=1e-9):
        return "a·b = k·l: knife-edge, no single balance point"
    return "a·b < k·l: unstable, a saddle"


@dataclass(frozen=True)
class RaceModel:
    """One race from one start, solved once: the path, its outcome and where it leaves the view."""

    race: R.Race
    start: tuple[float, float]
    outcome: R.Outcome
    x: np.ndarray
    y: np.ndarray
    split: tuple[tuple[float, float], tuple[float, float]] | None
    exit: tuple[float, float] | None


def solve(race: R.Race, start: tuple[float, float]) -> RaceModel:
    """The race's path from ``start`` over the time panel, its outcome and dividing line."""
    x, y = R.trajectory(race, *start, TIMES)
    return RaceModel(race, start, R.outcome(race, *start), x, y, R.dividing_line(race), exit_point(x, y))


def _point(ax, x: float, y: float, **style) -> None:
    """Add one marker at (x, y), no line: ``style`` names the marker, its size and colours."""
    ax.add_artist(Line2D([x], [y], linestyle="none", **style))


def _nullclines(ax, race: R.Race) -> None:
    """Lines where dx/dt = 0 (solid) and dy/dt = 0 (dashed), drawn across the view."""
    xs = np.array(VIEW)
    if race.k > 0:
        ax.add_artist(Line2D(xs, (race.a * xs - race.g) / race.k, **X_STOPS, zorder=3))
    elif race.a > 0:
        ax.add_artist(Line2D([race.g / race.a] * 2, VIEW, **X_STOPS, zorder=3))
    if race.b > 0:
        ax.add_artist(Line2D(xs, (race.l * xs + race.h) / race.b, **Y_STOPS, zorder=3))
    elif race.l > 0:
        ax.add_artist(Line2D([-race.h / race.l] * 2, VIEW, **Y_STOPS, zorder=3))


@dataclass(frozen=True)
class Race(Picture):
    """Phase plane (left) and the two arms levels over time (right) for one race and start."""

    model: RaceModel
    heading: str = "A Richardson arms race (a stylised model)"
    size: ClassVar[tuple[float, float]] = (11.0, 6.6)

    def static_key(self) -> tuple:
        return (self.heading,)

    def title(self) -> str:
        return self.heading

    def draw_static(self, fig) -> Any:
        label(fig, (0.5, 0.975), self.heading, coords="figure", size="title", weight="bold", va="top")
        ax = fig.add_axes((0.07, 0.30, 0.40, 0.55), xlim=VIEW, xticks=TICKS, xlabel="side X's arms (index)")
        at = fig.add_axes((0.58, 0.30, 0.40, 0.55), xlim=(0, T_END), xticks=(0, 4, 8, 12))
        ax.set_ylabel("side Y's arms (index)")
        at.set(xlabel="time (model units)", ylabel="arms (index)")
        lo, hi = VIEW
        for axis in (ax, at):
            axis.axhspan(lo, 0, color=SHADE, zorder=0)
            axis.set(ylim=VIEW, yticks=TICKS)
        ax.axvspan(lo, 0, color=SHADE, zorder=0)
        label(
            ax,
            (hi - 0.15, lo + 0.2),
            "below zero: read as disarmament",
            size="note",
            ha="right",
            va="bottom",
            color="#333333",
        )
        at.axhline(0, color=GREY, linewidth=1)
        key = fig.add_axes((0.07, 0.01, 0.91, 0.17), xlim=(0, 1), ylim=(0, 1))
        key.set_axis_off()
        for i, (text, style) in enumerate(KEY):
            col, row = divmod(i, 4)
            x, y = 0.56 * col, 0.88 - 0.25 * row
            if "marker" in style:
                _point(key, x + 0.025, y, **style)
            else:
                key.add_artist(Line2D([x, x + 0.05], [y, y], **style))
            label(key, (x + 0.065, y), text, size="note", ha="left")
        return ax, at

    def draw_changing(self, fig, handles) -> None:
        ax, at = handles
        m, race = self.model, self.model.race
        lo, hi = VIEW
        color = OUTCOME_COLOR[m.outcome.kind]
        grid = np.linspace(lo + 0.5, hi - 0.5, 8)
        gx, gy = np.meshgrid(grid, grid)
        u, v = R.derivative(race, gx, gy)
        norm = np.hypot(u, v)
        norm[norm == 0] = 1.0
        ax.quiver(gx, gy, u / norm, v / norm, color=GREY, angles="xy", scale=22, width=0.004, zorder=2)
        _nullclines(ax, race)
        if m.split is not None:
            (px, py), (dx, dy) = m.split
            reach = 2.0 * (hi - lo)  # far past the view both ways
            ends = ([px - reach * dx, px + reach * dx], [py - reach * dy, py + reach * dy])
            ax.add_artist(Line2D(*ends, **DIVIDING, zorder=3))
        ax.add_artist(Line2D(_clip(m.x), _clip(m.y), color=color, linewidth=2.6, zorder=4))
        x0, y0 = m.start
        _point(ax, x0, y0, marker="o", color="black", markersize=8, zorder=5)
        boxed(ax, (x0 - 0.3, y0 + 0.3), "start", size="note", ha="right", va="bottom", pad=0.2, zorder=6)
        if not math.isclose(race.restraint, race.reaction, rel_tol=1e-9):
            _point(ax, *R.equilibrium(race), **BALANCE[m.outcome.kind == "settles"], markersize=15, zorder=5)
        at.add_artist(Line2D(TIMES, _clip(m.x), **SIDE_X, zorder=3))
        at.add_artist(Line2D(TIMES, _clip(m.y), **SIDE_Y, zorder=3))
        if m.exit is not None:
            t, edge = m.exit
            up = edge == hi
            _point(
                at,
                t,
                edge,
                marker="^" if up else "v",
                markersize=11,
                color=color,
                markeredgecolor="black",
                clip_on=False,
                zorder=5,
            )
            text = EXIT_TEXT.get(m.outcome.kind, f"leaves the view: {m.outcome.kind}")
            tx, ty = min(t + 1.0, 6.0), hi - 3.0 if up else lo + 3.2
            at.add_artist(FancyArrowPatch((tx, ty), (t, edge), color=color, shrinkA=0, zorder=4, **ARROW))
            boxed(
                at,
                (tx, ty),
                f"{text}\n(leaves the view at t ≈ {t:.1f})",
                size="note",
                ha="left",
                edgecolor=color,
                pad=0.3,
                zorder=6,
            )
        label(
            fig,
            (0.5, 0.925),
            f"a·b = {race.restraint:.2f}, k·l = {race.reaction:.2f} ({stability_text(race)});  "
            f"g = {race.g:.1f}, h = {race.h:.1f}.  Outcome: {m.outcome.kind}",
            coords="figure",
            va="top",
        )


def describe_race(m: RaceModel) -> str:
    """The race picture in words, from the same solved model."""
    race, (x0, y0) = m.race, m.start
    text = (
        f"Left: the phase plane of a Richardson race with k = {race.k:.2f}, l = {race.l:.2f}, "
        f"a = {race.a:.2f}, b = {race.b:.2f}, g = {race.g:.2f}, h = {race.h:.2f}. Grey arrows show "
        f"the direction of change everywhere; the solid and dashed black lines are where each "
        f"side's level stops changing (dx/dt = 0 and dy/dt = 0). The thick line starts at "
        f"({x0:g}, {y0:g}) and {m.outcome.summary}. Right: the same path as two levels over time "
        f"(solid blue: side X, dashed orange: side Y). a·b = {race.restraint:.2f} and "
        f"k·l = {race.reaction:.2f}, so the race is "
        f"{'stable' if R.is_stable(race) else 'not stable'}. The shaded band below zero is where "
        f"the linear model stops describing arms and is read as disarmament. The key is below "
        f"the two panels."
    )
    if m.split is not None:
        (px, py), _ = m.split
        text += (
            f" The balance point ({px:.2f}, {py:.2f}) is a saddle: a dash-dotted purple line "
            f"through it divides the plane. Starts above the line run away, starts below it fall "
            f"through zero, and only starts exactly on it slide into the balance point."
        )
    if m.exit is not None:
        t, edge = m.exit
        what = EXIT_TEXT.get(m.outcome.kind, m.outcome.kind).replace("\n", " ")
        text += (
            f" On the right the levels leave the view at t ≈ {t:.1f}; a triangle on the "
            f"{'top' if edge > 0 else 'bottom'} edge marks where, labelled '{what}'."
        )
    return text


# --- Tracks I / II / III ------------------------------------------------------------------------

TRACK_STYLE = {
    "Track I": (PALETTE["blue"], "-"),
    "Track II": (PALETTE["orange"], "--"),
    "Track III": (PALETTE["bluish green"], ":"),
}
ESSAY_NOTE_COLOR = PALETTE["vermillion"]
#: The box of a track's name in the circle of nine; its edge takes the nearest common track's style.
TRACK_BOX = {"boxstyle": "round,pad=0.35", "facecolor": "white", "linewidth": 2}


@dataclass(frozen=True)
class Tracks(Picture):
    """Who talks to whom: the essay's three tracks, or Diamond and McDonald's nine."""

    scheme: str
    show_essay: bool
    size: ClassVar[tuple[float, float]] = (10.0, 6.0)

    def static_key(self) -> tuple:
        return (self.scheme,)

    def title(self) -> str:
        if self.scheme == "essay":
            return "Tracks I, II and III in the common (and the essay's) sense"
        return "Diamond and McDonald's nine tracks (multi-track diplomacy)"

    def draw_static(self, fig) -> Any:
        tracks.check_scheme(self.scheme)
        essay = self.scheme == "essay"
        ax = fig.add_axes((0.01, 0.02, 0.98, 0.88), xlim=(0, 10), ylim=(0, 7.2 if essay else 6.0))
        ax.set_axis_off()
        label(ax, (0.5, 1.01), self.title(), coords="axes", size="title", weight="bold", va="bottom")
        (self._essay if essay else self._nine)(ax)
        return ax

    @staticmethod
    def _essay(ax) -> None:
        rows = {"Track I": 6.1, "Track II": 3.6, "Track III": 1.1}
        for name, y in rows.items():
            color, style = TRACK_STYLE[name]
            ax.add_artist(
                Rectangle(
                    (0.3, y - 0.6),
                    6.1,
                    1.2,
                    facecolor="white",
                    edgecolor=color,
                    linestyle=style,
                    linewidth=2.5,
                )
            )
            label(ax, (0.5, y), f"{name}\n{tracks.COMMON_TRACKS[name]}", size="small", ha="left")
        for (low, high), (_, _, what) in zip(((4.2, 5.5), (1.7, 3.0)), tracks.CHANNELS[1:], strict=True):
            ax.add_artist(FancyArrowPatch((2.6, low), (2.6, high), color="black", shrinkA=2, **ARROW))
            label(ax, (2.75, low + 0.3), what, size="note", ha="left")

    @staticmethod
    def _nine(ax) -> None:
        nine = tracks.multi_tracks()
        centre, radius = (5.0, 2.9), 2.3
        owner = {n: t for t in tracks.COMMON_TRACKS for n in tracks.translate(t)}
        ax.add_artist(
            Ellipse(centre, 2 * radius, 2 * radius * 0.95, facecolor="none", edgecolor=GREY, linewidth=1)
        )
        for i, track in enumerate(nine):
            angle = math.pi / 2 - 2 * math.pi * i / len(nine)
            x = centre[0] + radius * 1.55 * math.cos(angle)
            y = centre[1] + radius * 0.95 * math.sin(angle)
            color, style = TRACK_STYLE[owner[track.name]]
            text = (f"Track {track.number}: " if track.number else "") + track.name
            if len(text) > 22:
                text = text.replace(", ", ",\n")
            label(ax, (x, y), text, size="small", bbox={**TRACK_BOX, "edgecolor": color, "linestyle": style})
        label(ax, centre, "a circle,\nnot a ladder", size="small", color=ink(GREY))
        for j, (name, (color, style)) in enumerate(TRACK_STYLE.items()):
            ax.add_artist(Line2D([0.2, 0.7], [5.75 - 0.3 * j] * 2, color=color, linestyle=style, linewidth=2))
            label(
                ax, (0.8, 5.75 - 0.3 * j), f"border: nearest to the common '{name}'", size="note", ha="left"
            )

    def draw_changing(self, fig, ax) -> None:
        if not self.show_essay:
            return
        color = ink(ESSAY_NOTE_COLOR)
        if self.scheme == "essay":
            ax.add_artist(Line2D([0.1, 6.6], [5.05, 5.05], color=ESSAY_NOTE_COLOR, linewidth=3.5, zorder=3))
            for y, text in (
                (
                    5.05,
                    "P11: 'the line between\ndiplomatic processes and\nscientific (or expert)\ndiscussion': "
                    "a framework for\nissues that would otherwise\nneed military and political\ndecisions",
                ),
                (2.35, "P1: dialogue on Tracks II\nand III is 'a great\nachievement'"),
            ):
                label(ax, (6.7, y), text, size="note", ha="left", color=color)
        else:
            label(
                ax,
                (9.9, 5.9),
                "The essay's 'Track III' is the common, looser\nsense: in this "
                "scheme Track 3 is business,\nTrack 4 private citizens.",
                size="note",
                ha="right",
                va="top",
                color=color,
            )


def describe_tracks(picture: Tracks) -> str:
    """The tracks picture in words."""
    if picture.scheme == "essay":
        text = (
            "Three stacked boxes: Track I (governments) at the top, Track II (experts and former "
            "officials, unofficial) in the middle, Track III (civil society) at the bottom. "
            "Arrows point upward: ideas and proposals from Track II to Track I (the Twelve "
            "Steps were written by such a group), contacts and public mood from Track III to "
            "Track II."
        )
        if picture.show_essay:
            text += (
                " A thick line between Track I and Track II marks where the essay places the "
                "value of expert discussion (P11): a framework for talking about issues that "
                "would otherwise need military and political decisions; P1 calls Track II and "
                "III dialogue a great achievement."
            )
        return text
    nine = tracks.multi_tracks()
    numbered = ", ".join(f"Track {t.number} {t.name}" for t in nine)
    text = (
        f"{len(nine)} tracks arranged in a circle (Diamond and McDonald, numbered as McDonald "
        f"lists them): {numbered}. Border styles show which of the common three tracks each is "
        f"nearest to. In this scheme Track 3 is business and Track 4 private citizens, unlike "
        f"the essay's looser 'Track III'."
    )
    if picture.show_essay:
        text += " A note in the top right says so in red."
    return text
