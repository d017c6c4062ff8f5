"""Figures for notebook 08: a Richardson arms race, what a "step" moves, and Tracks I / II / III.

Each figure function returns ``(fig, description)``; each ``render_*`` function is the pure
render function of one widget (keyword arguments in, :class:`helpers.explorers.widgets.View` out).
"""

from __future__ import annotations

import html
import math

import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Ellipse, FancyArrowPatch, Rectangle

from helpers.explorers import widgets
from helpers.figures import glyph_text
from helpers.figures import style as plots
from helpers.figures.style import GREY, PALETTE, house_style, new_figure
from helpers.models import richardson as R
from helpers.models import tracks

# A light grey that survives the 256-colour PNG of helpers.figures.style.to_png (#F2F2F2 does not).
SHADE = "#E8E8E8"
VIEW = (-5.0, 9.0)  # both axes of the phase plane, in the model's abstract units
TICKS = (-4, 0, 4, 8)
T_END = 12.0
TIMES = np.linspace(0.0, T_END, 240)
STARTS = {"low": (1.0, 0.3), "high": (4.0, 2.5)}
OUTCOME_COLOR = {
    "settles": PALETTE["bluish green"],
    "runaway": PALETTE["vermillion"],
    "disarmament": PALETTE["blue"],
    "knife-edge": GREY,
    "stalls": GREY,
}


def _clip(values: np.ndarray, bound: float = 60.0) -> np.ndarray:
    """Hide points far outside the view (a runaway grows exponentially) without warnings."""
    out = values.copy()
    out[np.abs(out) > bound] = np.nan
    return out


def _line(ax, xs, ys, **style) -> Line2D:
    """A line added straight to the axes: ``ax.plot``'s argument parsing costs more than it draws."""
    return ax.add_line(Line2D(xs, ys, **style))


def _nullclines(ax, race: R.Race) -> None:
    """Lines where dx/dt = 0 (solid) and dy/dt = 0 (dashed), drawn across the view."""
    xs = np.array(VIEW)
    lo, hi = VIEW
    if race.k > 0:
        _line(ax, xs, (race.a * xs - race.g) / race.k, color="black", linewidth=1.2,
                label="dx/dt = 0")
    elif race.a > 0:
        _line(ax, [race.g / race.a] * 2, [lo, hi], color="black", linewidth=1.2,
                label="dx/dt = 0")
    if race.b > 0:
        _line(ax, xs, (race.l * xs + race.h) / race.b, color="black", linewidth=1.2,
                linestyle="--", label="dy/dt = 0")
    elif race.l > 0:
        _line(ax, [-race.h / race.l] * 2, [lo, hi], color="black", linewidth=1.2, linestyle="--",
                label="dy/dt = 0")


def _race_canvas():
    """The parts of the race figure that never change: both panels' axes, bands, scales, keys."""
    fig = new_figure(11.0, 5.2, layout=None)
    ax = fig.add_axes((0.07, 0.13, 0.40, 0.70))
    at = fig.add_axes((0.58, 0.13, 0.40, 0.70))
    lo, hi = VIEW
    for axis in (ax, at):
        axis.axhspan(lo, 0, color=SHADE, zorder=0)
    ax.axvspan(lo, 0, color=SHADE, zorder=0)
    ax.set_xlim(lo, hi)
    ax.set_ylim(lo, hi)
    ax.set_xticks(TICKS)
    ax.set_yticks(TICKS)
    glyph_text.axis_text(ax, "side X's arms (index)", "side Y's arms (index)")
    glyph_text.boxed(ax, "below zero: read as disarmament", (hi - 0.15, lo + 0.2), size=10,
                     color="#4D4D4D", ha="right", va="bottom", pad=1, facecolor=SHADE, zorder=3)
    at.axhline(0, color=GREY, linewidth=1)
    at.set_xlim(0, T_END)
    at.set_ylim(lo, hi)
    at.set_xticks((0, 4, 8, 12))
    at.set_yticks(TICKS)
    glyph_text.axis_text(at, "time (model units)", "arms (index)")
    # A hand-drawn key (top right, where paths that leave the view no longer are): two short
    # lines and two labels draw faster than a Legend.
    for row, (name, line_color, style) in enumerate((("side X", PALETTE["blue"], "-"),
                                                     ("side Y", PALETTE["orange"], "--"))):
        key_y = 0.94 - 0.075 * row
        _line(at, (0.78, 0.86), (key_y, key_y), color=line_color, linestyle=style, linewidth=2.4,
                transform=at.transAxes)
        glyph_text.label(at, name, (0.88, key_y), transform=at.transAxes, size=10, ha="left",
                         va="center")
    return fig


@house_style
def race_figure(race: R.Race, start: tuple[float, float], title: str = "") -> tuple:
    """Phase plane (left) and the two arms levels over time (right) for one race and start."""
    x0, y0 = start
    result = R.outcome(race, x0, y0)
    color = OUTCOME_COLOR[result.kind]
    fig = glyph_text.at_house_dpi(plots.reusable_figure("race", _race_canvas))
    ax, at = fig.axes
    lo, hi = VIEW

    grid = np.linspace(lo + 0.5, hi - 0.5, 8)
    gx, gy = np.meshgrid(grid, grid)
    u, v = R.derivative(race, gx, gy)
    norm = np.hypot(u, v)
    norm[norm == 0] = 1.0
    ax.quiver(gx, gy, u / norm, v / norm, color=GREY, angles="xy", scale=22, width=0.004)
    _nullclines(ax, race)

    split = R.dividing_line(race)
    if split is not None:
        (px, py), (dx, dy) = split
        reach = 2.0 * (hi - lo)
        _line(ax, [px - reach * dx, px + reach * dx], [py - reach * dy, py + reach * dy],
                color=PALETTE["reddish purple"], linewidth=2.2, linestyle="-.",
                label="dividing line: above it, runaway;\nbelow it, disarmament")
    x, y = R.trajectory(race, x0, y0, TIMES)
    _line(ax, _clip(x), _clip(y), color=color, linewidth=2.6)
    _line(ax, [x0], [y0], marker="o", color="black", markersize=8, linestyle="none")
    # Above and left of the dot: below it sits the "below zero" band label.
    glyph_text.boxed(ax, "start", (x0, y0), size=10, ha="right", va="bottom", offset=(-6, 6),
                     pad=1, alpha=0.85, zorder=4)
    if not math.isclose(race.restraint, race.reaction, rel_tol=1e-9):
        xs, ys = R.equilibrium(race)
        marker = "*" if result.kind == "settles" else "X"
        label = ("equilibrium (stable)" if result.kind == "settles"
                 else "balance point (a saddle)")
        _line(ax, [xs], [ys], marker=marker, markersize=15, color="black", linestyle="none",
                markerfacecolor="white" if marker == "X" else "black", label=label)
    _key(ax)

    _line(at, TIMES, _clip(x), color=PALETTE["blue"], linewidth=2.4)
    _line(at, TIMES, _clip(y), color=PALETTE["orange"], linewidth=2.4, linestyle="--")
    _mark_exit(at, x, y, result.kind, color)
    if R.is_stable(race):
        stable = "a·b > k·l: stable"
    elif math.isclose(race.restraint, race.reaction, rel_tol=1e-9):
        stable = "a·b = k·l: knife-edge, no single balance point"
    else:
        stable = "a·b < k·l: unstable, a saddle"
    glyph_text.label(ax, title or "A Richardson arms race (a stylised model)", (0.5, 0.97),
                     transform=fig.transFigure, size=14, weight="bold", va="top")
    glyph_text.label(ax, f"a·b = {race.restraint:.2f}, k·l = {race.reaction:.2f} ({stable});  "
                     f"g = {race.g:.1f}, h = {race.h:.1f}.  Outcome: {result.kind}",
                     (0.5, 0.905), transform=fig.transFigure, size=12, va="top")
    description = _race_description(race, start, result)
    exit_ = exit_point(x, y)
    if exit_ is not None:
        description += (f" On the right the levels leave the view at t ≈ {exit_[0]:.1f}; a "
                        f"triangle on the {'top' if exit_[1] > 0 else 'bottom'} edge marks where, "
                        f"labelled '{EXIT_TEXT.get(result.kind, result.kind)}'."
                        ).replace("\n", " ")
    return fig, description


def _key(ax) -> None:
    """A legend drawn by hand from the labelled lines (top left): cheaper to draw than Legend."""
    handles = [line for line in ax.lines if not line.get_label().startswith("_")]
    labels = [line.get_label() for line in handles]
    rows = [label.count("\n") + 1 for label in labels]
    line_h, pad = 0.058, 0.02
    top = 0.985
    height = line_h * sum(rows) + 2 * pad
    ax.add_artist(Rectangle((0.015, top - height), 0.64, height, transform=ax.transAxes,
                            facecolor="white", edgecolor="#CCCCCC", alpha=0.9, zorder=6))
    y = top - pad
    for handle, label, n in zip(handles, labels, rows, strict=True):
        mid = y - line_h * n / 2
        if handle.get_linestyle() not in ("None", "none", ""):
            _line(ax, (0.035, 0.115), (mid, mid), transform=ax.transAxes, zorder=7,
                    color=handle.get_color(), linestyle=handle.get_linestyle(),
                    linewidth=handle.get_linewidth())
        else:
            _line(ax, (0.075,), (mid,), transform=ax.transAxes, zorder=7, linestyle="none",
                    marker=handle.get_marker(), markersize=12, color=handle.get_color(),
                    markerfacecolor=handle.get_markerfacecolor())
        glyph_text.label(ax, label, (0.135, mid), transform=ax.transAxes, size=10, ha="left",
                         va="center", zorder=7)
        y -= line_h * n


#: What the time panel says where a path leaves it, by outcome.
EXIT_TEXT = {
    "runaway": "runs off the top: runaway",
    "disarmament": "falls through zero and off\nthe bottom: read as disarmament",
}


def exit_point(x: np.ndarray, y: np.ndarray) -> tuple[float, float] | None:
    """The first time either level leaves the view, and the edge it leaves by; None if never."""
    lo, hi = VIEW
    outside = (np.maximum(x, y) > hi) | (np.minimum(x, y) < lo)
    if not outside.any():
        return None
    i = int(np.argmax(outside))
    return float(TIMES[i]), (hi if max(x[i], y[i]) > hi else lo)


def _mark_exit(at, x: np.ndarray, y: np.ndarray, kind: str, color: str) -> None:
    """Where the levels leave the time panel: a triangle on the edge and the path's fate."""
    exit_ = exit_point(x, y)
    if exit_ is None:
        return
    t, edge = exit_
    lo, hi = VIEW
    up = edge == hi
    _line(at, [t], [edge], marker="^" if up else "v", markersize=11, color=color,
            markeredgecolor="black", linestyle="none", clip_on=False, zorder=5)
    text = EXIT_TEXT.get(kind, f"leaves the view: {kind}")
    tx, ty = min(t + 1.0, 6.0), hi - 3.0 if up else lo + 3.2
    at.add_artist(FancyArrowPatch((tx, ty), (t, edge), arrowstyle="-|>", mutation_scale=12,
                                  color=color, linewidth=1.6, shrinkA=0, shrinkB=2))
    glyph_text.boxed(at, f"{text}\n(leaves the view at t ≈ {t:.1f})", (tx, ty), size=10,
                     ha="left", va="center", edgecolor=color, pad=2)


def _race_description(race: R.Race, start, result: R.Outcome) -> str:
    text = (
        f"Left: the phase plane of a Richardson race with k = {race.k:.2f}, l = {race.l:.2f}, "
        f"a = {race.a:.2f}, b = {race.b:.2f}, g = {race.g:.2f}, h = {race.h:.2f}. Grey arrows show "
        f"the direction of change everywhere; the solid and dashed black lines are where each "
        f"side's level stops changing (dx/dt = 0 and dy/dt = 0). The thick line starts at "
        f"({start[0]:g}, {start[1]:g}) and "
        f"{result.summary}. Right: the same path as two levels over time (solid blue: side X, "
        f"dashed orange: side Y). a·b = {race.restraint:.2f} and k·l = {race.reaction:.2f}, so the race is "
        f"{'stable' if R.is_stable(race) else 'not stable'}. The shaded band below zero is where "
        f"the linear model stops describing arms and is read as disarmament."
    )
    split = R.dividing_line(race)
    if split is not None:
        (px, py), _ = split
        text += (
            f" The balance point ({px:.2f}, {py:.2f}) is a saddle: a dash-dotted purple line "
            f"through it divides the plane. Starts above the line run away, starts below it fall "
            f"through zero, and only starts exactly on it slide into the balance point."
        )
    return text


# --- widget 1: the model itself ----------------------------------------------------------------

RACE_CONTROLS = [
    widgets.toggle("regime", "Coefficients", {"stable (a·b > k·l)": "stable",
                                              "unstable (a·b < k·l)": "unstable"},
                   default="unstable"),
    widgets.slider("g", "Grievance g (side X)", -2.0, 2.0, 0.5, 1.0),
    widgets.slider("h", "Grievance h (side Y)", -2.0, 2.0, 0.5, 1.0),
    widgets.toggle("start", "Start", {"low (1, 0.3)": "low", "high (4, 2.5)": "high"},
                   default="low"),
]


def render_race(regime: str, g: float, h: float, start: str) -> widgets.View:
    """Render function for the plain model: baseline coefficients, your grievances and start."""
    if start not in STARTS:
        raise ValueError(f"unknown start {start!r}; valid starts are {', '.join(STARTS)}")
    base = R.baseline(regime)
    race = R.Race(k=base.k, l=base.l, a=base.a, b=base.b, g=float(g), h=float(h))
    fig, description = race_figure(race, STARTS[start])
    return widgets.View(fig, description)


# --- widget 2: what a tactical step and a conceptual change move -------------------------------

STEP_START = (2.0, 1.0)
#: Short option labels: the drop-down's box is narrow in JupyterLab and cut off
#: "reaction coefficients k and l"; titles and side text keep the long labels.
SHORT_MOVE = {"grievances": "grievance g, h", "reactions": "reactions k, l",
              "restraint": "restraint a, b", "nothing": "nothing"}
MOVE_OPTIONS = {SHORT_MOVE.get(key, R.MOVES[key]["label"]): key for key in R.MOVES}

STEP_CONTROLS = [
    widgets.toggle("regime", "Coefficients before any step",
                   {"stable (a·b > k·l)": "stable", "unstable (a·b < k·l)": "unstable"},
                   default="unstable"),
    widgets.dropdown("tactical_moves", "A tactical step (hotlines, transparency) moves",
                     MOVE_OPTIONS, default=R.DEFAULT_READING["tactical"]),
    widgets.dropdown("conceptual_moves", "Conceptual divergence moves", MOVE_OPTIONS,
                     default=R.DEFAULT_READING["conceptual"]),
    widgets.slider("tactical", "Tactical steps taken", 0.0, 1.0, 0.1, 0.0),
    widgets.slider("divergence", "Conceptual divergence", 0.0, 1.0, 0.1, 0.0),
]


def render_steps(regime: str, tactical_moves: str, conceptual_moves: str, tactical: float,
                 divergence: float) -> widgets.View:
    """Render function: apply the reader's mapping of steps to parameters, then draw the race."""
    base = R.baseline(regime)
    race = R.apply_steps(base, float(tactical), float(divergence), tactical_moves,
                         conceptual_moves)
    default = (tactical_moves, conceptual_moves) == (R.DEFAULT_READING["tactical"],
                                                     R.DEFAULT_READING["conceptual"])
    title = ("Your mapping: tactical → " + R.MOVES[tactical_moves]["label"]
             + "; divergence → " + R.MOVES[conceptual_moves]["label"])
    fig, description = race_figure(race, STEP_START, title=title)
    before = R.outcome(base, *STEP_START)
    side = (
        f"<p><b>Mapping:</b> tactical steps move {html.escape(R.MOVES[tactical_moves]['label'])}; "
        f"conceptual divergence moves {html.escape(R.MOVES[conceptual_moves]['label'])}"
        f"{' (the default reading - one reading among others)' if default else ' (your reading)'}.</p>"
        f"<p><b>Before any step:</b> {html.escape(before.summary)}.</p>"
        f"<p><b>Now:</b> k = {race.k:.2f}, l = {race.l:.2f}, a = {race.a:.2f}, b = {race.b:.2f}, "
        f"g = {race.g:.2f}, h = {race.h:.2f}.</p>"
    )
    return widgets.View(fig, description + f" Mapping: {R.MOVES[tactical_moves]['label']} for "
                        f"tactical steps, {R.MOVES[conceptual_moves]['label']} for divergence.",
                        side)


# --- Tracks I / II / III -------------------------------------------------------------------------

TRACK_STYLE = {
    "Track I": (PALETTE["blue"], "-"),
    "Track II": (PALETTE["orange"], "--"),
    "Track III": (PALETTE["bluish green"], ":"),
}


def _tracks_axes(ylim: float):
    fig = new_figure(10.0, 6.0, layout=None)
    ax = fig.add_axes((0.01, 0.02, 0.98, 0.88))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, ylim)
    ax.set_axis_off()
    return fig, ax


def _essay_tracks_canvas():
    """The essay's three tracks: boxes and upward arrows (they never change)."""
    fig, ax = _tracks_axes(7.2)
    glyph_text.label(ax, "Tracks I, II and III in the common (and the essay's) sense", (0.5, 1.01),
                     transform=ax.transAxes, size=14, weight="bold", offset=(0, 3))
    rows = {"Track I": 6.1, "Track II": 3.6, "Track III": 1.1}
    for name, y in rows.items():
        color, style = TRACK_STYLE[name]
        ax.add_artist(Rectangle((0.3, y - 0.6), 6.1, 1.2, facecolor="white", edgecolor=color,
                                linestyle=style, linewidth=2.5))
        glyph_text.label(ax, f"{name}\n{tracks.COMMON_TRACKS[name]}", (0.5, y), size=11,
                         ha="left", va="center")
    for (low, high), (_, _, what) in zip(((4.2, 5.5), (1.7, 3.0)), tracks.CHANNELS[1:], strict=True):
        ax.add_artist(FancyArrowPatch((2.6, low), (2.6, high), arrowstyle="-|>", mutation_scale=12,
                                      color="black", linewidth=1.6, shrinkA=2, shrinkB=2))
        glyph_text.label(ax, what, (2.75, low + 0.3), size=10, ha="left", va="center")
    return fig


def _nine_tracks_canvas():
    """Diamond and McDonald's nine tracks on a circle, with the border key (they never change)."""
    fig, ax = _tracks_axes(6.0)
    glyph_text.label(ax, "Diamond and McDonald's nine tracks (multi-track diplomacy)", (0.5, 1.01),
                     transform=ax.transAxes, size=14, weight="bold", offset=(0, 3))
    nine = tracks.multi_tracks()
    centre, radius = (5.0, 2.9), 2.3
    owner = {n: t for t in tracks.COMMON_TRACKS for n in tracks.translate(t)}
    ax.add_artist(Ellipse(centre, 2 * radius, 2 * radius * 0.95, facecolor="none",
                          edgecolor=GREY, linewidth=1))
    for i, track in enumerate(nine):
        angle = math.pi / 2 - 2 * math.pi * i / len(nine)
        x = centre[0] + radius * 1.55 * math.cos(angle)
        y = centre[1] + radius * 0.95 * math.sin(angle)
        color, style = TRACK_STYLE[owner[track.name]]
        label = (f"Track {track.number}: " if track.number else "") + track.name
        glyph_text.boxed(ax, label.replace(", ", ",\n") if len(label) > 22 else label, (x, y),
                         size=11, boxstyle="round", pad=3.3, edgecolor=color, linestyle=style,
                         linewidth=2)
    glyph_text.label(ax, "a circle,\nnot a ladder", centre, size=11, va="center", color=GREY)
    for j, (name, (color, style)) in enumerate(TRACK_STYLE.items()):
        ax.add_line(Line2D([0.2, 0.7], [5.75 - 0.3 * j] * 2, color=color, linestyle=style,
                           linewidth=2))
        glyph_text.label(ax, f"border: nearest to the common '{name}'", (0.8, 5.75 - 0.3 * j),
                         size=10, ha="left", va="center")
    return fig


@house_style
def tracks_figure(scheme: str, show_essay: bool) -> tuple:
    """Who talks to whom: the essay's three tracks, or Diamond and McDonald's nine."""
    tracks.check_scheme(scheme)
    if scheme == "essay":
        fig = glyph_text.at_house_dpi(plots.reusable_figure("tracks essay", _essay_tracks_canvas))
        ax = fig.axes[0]
        if show_essay:
            ax.add_line(Line2D([0.1, 6.6], [5.05, 5.05], color=PALETTE["vermillion"],
                               linewidth=3.5))
            glyph_text.label(ax, "P11: 'the line between\ndiplomatic processes and\n"
                             "scientific (or expert)\ndiscussion': a framework for\nissues that "
                             "would otherwise\nneed military and political\ndecisions",
                             (6.7, 5.05), size=10, ha="left", va="center",
                             color=PALETTE["vermillion"])
            glyph_text.label(ax, "P1: dialogue on Tracks II\nand III is 'a great\nachievement'",
                             (6.7, 2.35), size=10, ha="left", va="center",
                             color=PALETTE["vermillion"])
        description = (
            "Three stacked boxes: Track I (governments) at the top, Track II (experts and former "
            "officials, unofficial) in the middle, Track III (civil society) at the bottom. "
            "Arrows point upward: ideas and proposals from Track II to Track I (the Twelve "
            "Steps were written by such a group), contacts and public mood from Track III to "
            "Track II."
        )
        if show_essay:
            description += (
                " A thick line between Track I and Track II marks where the essay places the "
                "value of expert discussion (P11): a framework for talking about issues that "
                "would otherwise need military and political decisions; P1 calls Track II and "
                "III dialogue a great achievement."
            )
        return fig, description

    fig = glyph_text.at_house_dpi(plots.reusable_figure("tracks nine", _nine_tracks_canvas))
    ax = fig.axes[0]
    nine = tracks.multi_tracks()
    if show_essay:
        glyph_text.label(ax, "The essay's 'Track III' is the common, looser\nsense: in this "
                         "scheme Track 3 is business,\nTrack 4 private citizens.", (9.9, 5.9),
                         size=10, ha="right", va="top", color=PALETTE["vermillion"])
    numbered = ", ".join(f"Track {t.number} {t.name}" for t in nine)
    description = (
        f"Nine tracks arranged in a circle (Diamond and McDonald, numbered as McDonald lists "
        f"them): {numbered}. Border styles show which of the common three tracks each is nearest "
        f"to. In this scheme Track 3 is business and Track 4 private citizens, unlike the essay's "
        f"looser 'Track III'."
    )
    if show_essay:
        description += " A note in the top right says so in red."
    return fig, description


def tracks_quiz():
    """Sort kinds of meeting into the essay's loose Track I / II / III."""
    from helpers.explorers import quiz

    return quiz.classify("Sort each kind of meeting into the essay's (loose, common) tracks.",
                         tracks.quiz_items(), list(tracks.COMMON_TRACKS), tracks.quiz_explanations())


def race_quiz():
    """Multiple choice on the predict-then-flip of the race widget; the answer is computed."""
    from helpers.explorers import quiz

    base = R.baseline("unstable")
    kind = R.outcome(R.Race(base.k, base.l, base.a, base.b, -2.0, -2.0), *STARTS["low"]).kind
    answers = {"runaway": "Still a runaway", "disarmament": "It falls through zero (disarmament)",
               "settles": "It settles at an equilibrium"}
    return quiz.multiple_choice(
        "Unstable coefficients, g = h = -2, low start. What happens?",
        list(answers.values()), answer=answers[kind],
        explanation="With a·b < k·l the balance point is a saddle. Grievances of -2 move it to "
        "(5, 5), above the low start, so the race falls through zero. With g = h = -1 the balance "
        "point is (2.5, 2.5) and the high start (4, 2.5) lies above it: that race still runs away. "
        "The start and the sign of g and h decide, not the coefficients alone.",
    )


TRACK_CONTROLS = [
    widgets.toggle("scheme", "Scheme", {"the essay's three tracks": "essay",
                                        "Diamond and McDonald's nine": "multi_track"},
                   default="essay"),
    widgets.checkbox("show_essay", "Show where the essay puts the value", default=False),
]


def render_tracks(scheme: str, show_essay: bool) -> widgets.View:
    """Render function for the tracks diagram."""
    fig, description = tracks_figure(scheme, show_essay)
    return widgets.View(fig, description)
