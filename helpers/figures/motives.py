"""Figures and widgets for notebook 06: motive weights, the nuclear leveller, Jervis's four worlds.

Each ``render_*`` function is the pure render function of one widget (controls in the matching
``*_CONTROLS``); each ``*_figure`` returns ``(fig, description)`` in the house style.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import NullLocator

from helpers.explorers import widgets as wd
from helpers.figures import style as plots
from helpers.figures.glyph_text import LABELPAD, boxed_text, path_label, path_ticks
from helpers.models import leveller as lv
from helpers.models import motives as mv
from helpers.sources import facts

# ---------------------------------------------------------------- motives (Hobbes's triad)

#: Short labels ("Watching side: gain") leave the slider tracks room; the tooltip says it in full.
MOTIVE_CONTROLS = tuple(
    wd.slider(f"{role}_{motive}", f"{short}: {motive}", 0, 2, 1, 1,
              tooltip=f"{who}: weight on {motive} (0 = does not matter, 2 = matters most)")
    for role, short, who in (("mover", "Moving side", "Side making the move"),
                             ("other", "Watching side", "Side watching"))
    for motive in mv.MOTIVES
)


@cache
def _moves() -> tuple[mv.Move, ...]:
    return mv.load_moves()


def _motives_canvas(names: tuple[str, ...]):
    """The empty motives chart: axes, ticks, move names and key drawn once (fixed margins)."""
    pal = plots.PALETTE
    fig = plots.new_figure(9.0, 4.6, layout=None)  # fixed margins: one draw per PNG
    fig.subplots_adjust(left=0.22, right=0.97, bottom=0.2, top=0.9)
    ax = fig.add_subplot()
    n = len(names)
    span = n - 0.22  # from the lowest bar's bottom (-0.39) to the highest's top (n - 0.61)
    ax.set_ylim(-0.39 - 0.05 * span, n - 0.61 + 0.05 * span)  # what autoscaling chose
    ax.set_xlim(-2.1, 2.1)
    ax.axvline(0, color="black", linewidth=1)
    path_ticks(ax, "y", list(range(n))[::-1], [plots.wrap_label(m, 18) for m in names])
    path_ticks(ax, "x", [-2, -1, 0, 1, 2], ["-2", "-1", "0", "+1", "+2"])
    path_label(ax, "x", "value of the move to each side (hypothetical scores)", LABELPAD + 3.5)
    plots.path_text(ax, "The same move, read by each side", (0.5, 1.0), ax.transAxes, size=14,
                    weight="bold", offset=(0, 3.2))
    # A hand-drawn key where the legend was (a Legend is re-laid out on every draw).
    for x, colour, hatch, label in ((0.1, pal["blue"], "", "side making the move"),
                                    (0.48, pal["orange"], "//", "side watching")):
        ax.add_artist(Rectangle((x, -0.195), 0.045, 0.04, transform=ax.transAxes,
                                facecolor=colour, edgecolor="black", hatch=hatch, clip_on=False))
        plots.path_text(ax, label, (x + 0.06, -0.175), ax.transAxes, size=11, ha="left",
                        va="center")
    return fig


@plots.house_style
def motives_figure(readings: tuple[mv.Reading, ...], mover_weights: dict[str, float],
                   other_weights: dict[str, float]) -> plots.FigureResult:
    """Each move's value to the side making it (solid) and to the side watching (hatched)."""
    pal = plots.PALETTE
    names = tuple(r.move.name for r in readings)
    fig = plots.reusable_figure(("motives", names), lambda: _motives_canvas(names))
    ax = fig.axes[0]
    mw, ow = mv.normalise(mover_weights), mv.normalise(other_weights)
    for i, r in enumerate(readings):  # add_artist: the limits are fixed, no autoscaling
        y = len(readings) - 1 - i
        for value, dy, colour, hatch in ((r.mover_value, 0.2, pal["blue"], ""),
                                         (r.other_value, -0.2, pal["orange"], "//")):
            ax.add_artist(Rectangle((0, y + dy - 0.19), value, 0.38, facecolor=colour,
                                    edgecolor="black", hatch=hatch))
    return fig, describe_motives(readings, mw, ow)


def _weights_text(weights: dict[str, float]) -> str:
    return ", ".join(f"{m} {w:.0%}" for m, w in weights.items())


def describe_motives(readings, mover_w, other_w) -> str:
    """Plain-text account of the motives figure."""
    parts = [
        f"The side making the move weighs {_weights_text(mover_w)}; the side watching weighs "
        f"{_weights_text(other_w)}."
    ]
    for r in readings:
        parts.append(f"{r.move.name}: {r.mover_value:+.2f} for the side making it, "
                     f"{r.other_value:+.2f} for the side watching.")
    split = [r.move.name for r in readings if r.mover_value > 0 > r.other_value]
    if split:
        parts.append("Read as a gain by one side and a loss by the other: " + ", ".join(split) + ".")
    parts.append("Scores are hypothetical teaching examples.")
    return " ".join(parts)


def render_motives(mover_gain: float, mover_prestige: float, mover_security: float,
                   other_gain: float, other_prestige: float, other_security: float) -> wd.View:
    """Pure render function of the motives widget (ValueError if a side has no weight at all)."""
    mover = {"gain": mover_gain, "prestige": mover_prestige, "security": mover_security}
    other = {"gain": other_gain, "prestige": other_prestige, "security": other_security}
    for who, weights in (("side making the move", mover), ("side watching", other)):
        if sum(weights.values()) <= 0:
            raise ValueError(f"the {who} has every weight at 0; set at least one of "
                             f"{', '.join(mv.MOTIVES)} above 0")
    readings = mv.read_moves(_moves(), mover, other)
    fig, description = motives_figure(readings, mover, other)
    rows = "".join(
        f"<tr><td>{r.move.name}</td><td>{r.mover_value:+.2f}</td><td>{r.other_value:+.2f}</td></tr>"
        for r in readings
    )
    widest = max(readings, key=lambda r: abs(r.gap))
    text = ("<table><tr><th>move</th><th>making it</th><th>watching</th></tr>" + rows + "</table>"
            f"<p>Widest gap: <b>{widest.move.name}</b>.</p>"
            "<p><i>The scores are hypothetical teaching examples, not data.</i></p>")
    return wd.View(fig, description, text)


# ---------------------------------------------------------------- the nuclear leveller

THRESHOLDS = (10, 50, 100, 200, 500, 1000)

LEVELLER_CONTROLS = (
    wd.dropdown("europe", '"Europe" counts', list(lv.EUROPE_CHOICES), "France + UK"),
    wd.slider("kept", "Share of today's arsenals kept (%)", 10, 100, 10, 100,
              tooltip="100 = SIPRI's January 2025 estimates; 10 = both cut by 90%"),
    wd.dropdown("threshold", "Warheads for unacceptable damage (an assumption)",
                [(f"{t:,}", t) for t in THRESHOLDS], 100),
    wd.checkbox("limited", "Both expect any war to stay limited (no nuclear use)", False),
)

CONVENTIONAL, NUCLEAR = 0.1, 1.0


@cache
def _warheads() -> dict[str, int]:
    return lv.load_warheads()


def _leveller_canvas():
    """The two empty panels with their scales, ticks, labels and the p line, drawn once."""
    pal = plots.PALETTE
    fig = plots.new_figure(9.6, 4.0, layout=None)  # fixed margins: one draw per PNG
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.16, top=0.88, wspace=0.3)
    ax_d, ax_r = fig.subplots(1, 2)
    ax_d.set_xscale("log")
    ax_d.set_xlim(1, 10_000)
    # Plain tick labels and no minor ticks: log-axis mathtext labels cost more than the plot.
    path_ticks(ax_d, "x", [1, 10, 100, 1000, 10_000], ["1", "10", "100", "1,000", "10,000"])
    ax_d.xaxis.set_minor_locator(NullLocator())
    path_ticks(ax_d, "y", [0, 0.5, 1.0], ["0.0", "0.5", "1.0"])
    ax_d.set_ylim(-0.05, 1.25)
    path_label(ax_d, "x", "warheads (estimate x share kept), log scale", LABELPAD + 3.5)
    path_label(ax_d, "y", "damage (1 = unacceptable)", 7 + 16 + 4)  # tick, widest label, pad

    ax_r.plot([0, 1], [0, 1], color=pal["reddish purple"], linestyle="--", linewidth=1.8, zorder=3)
    boxed_text(ax_r, "p", (0.8, 0.72), size=13, weight="bold", ha="left", va="bottom",
               offset=(0, -2.6), color=pal["reddish purple"])  # -2.6: baseline on the point
    ax_r.set_xlim(0, 1)
    ax_r.set_ylim(0, 1)
    for which in ("x", "y"):
        path_ticks(ax_r, which, [0, 0.5, 1], ["0", "0.5", "1"])
    path_label(ax_r, "x", "p: Russia's expected share from war", LABELPAD + 3.5)
    path_label(ax_r, "y", "Russia's share in a deal", 7 + 16 + 4)
    return fig


@plots.house_style
def leveller_figure(s: lv.Standoff) -> plots.FigureResult:
    """Left: damage against warheads (saturating). Right: the bargaining range for every p."""
    pal = plots.PALETTE
    fig = plots.reusable_figure("leveller", _leveller_canvas)
    ax_d, ax_r = fig.axes
    w = np.append(np.geomspace(1.0, s.threshold, 16), 10_000.0)  # flat past the threshold
    d = np.minimum(w / s.threshold, 1.0)
    ax_d.plot(w, d, color="black", linewidth=2)
    ax_d.axvline(s.threshold, color=plots.GREY, linestyle=":", linewidth=1.5)
    for value, label, color, marker in (
        (s.russia_warheads, "Russia", pal["vermillion"], "s"),
        (s.europe_warheads, '"Europe"', pal["blue"], "o"),
    ):
        dmg = min(value / s.threshold, 1.0)
        ax_d.plot([max(value, 1)], [dmg], marker=marker, markersize=11, color=color,
                  markeredgecolor="black", linestyle="none")
        above = label == "Russia" or dmg < 0.3
        left = label == "Russia" or value > 1000
        boxed_text(ax_d, f"{label} {value:,.0f}", (max(value, 1), dmg), size=11, weight="bold",
                   ha="right" if left else "left", va="bottom" if above else "top",
                   offset=(-8 if left else 8, 10 if above else -12), color=color)
    plots.path_text(ax_d, "Not used: war assumed limited" if s.limited
                    else f"Damage saturates at {s.threshold:,.0f}", (0.5, 1.0), ax_d.transAxes,
                    size=12, weight="bold", offset=(0, 3.6))

    p = np.linspace(0, 1, 41)
    lo = np.maximum(0, p - s.cost_russia)
    hi = np.minimum(1, p + s.cost_europe)
    ax_r.fill_between(p, lo, hi, color=pal["bluish green"], edgecolor="black")
    kind = "limited war" if s.limited else "major war"
    plots.path_text(ax_r, f"Bargaining range ({kind})", (0.5, 1.0), ax_r.transAxes, size=14,
                    weight="bold", offset=(0, 3.2))
    return fig, describe_leveller(s)


def describe_leveller(s: lv.Standoff) -> str:
    """Plain-text account of the leveller figure."""
    text = (
        f"With {s.kept:.0%} of SIPRI's January 2025 estimates kept, Russia holds about "
        f"{s.russia_warheads:,.0f} warheads and \"Europe\" ({s.europe}) about "
        f"{s.europe_warheads:,.0f}. Damage is assumed to grow in proportion to warheads and to "
        f"saturate at {s.threshold:,.0f} warheads; the left panel's warhead axis is on a log "
        "scale, so the proportional part looks curved there. "
    )
    if s.limited:
        text += "Both are assumed to expect any war to stay limited, so only the conventional cost counts. "
    text += (
        f"The cost of war is {s.cost_russia:.2f} of the stake for Russia and {s.cost_europe:.2f} "
        f"for \"Europe\". "
    )
    at_half = s.range_at(0.5)
    text += f"At p = 0.5 the bargaining range runs from {at_half[0]:.2f} to {at_half[1]:.2f}"
    if s.mutual_unacceptable_damage:
        text += "; both can inflict unacceptable damage, so every split beats war for every p."
    else:
        text += "."
    return text


def render_leveller(europe: str, kept: float, threshold: int, limited: bool) -> wd.View:
    """Pure render function of the leveller widget."""
    s = lv.standoff(europe, _warheads(), kept / 100, threshold, CONVENTIONAL, NUCLEAR, limited)
    fig, description = leveller_figure(s)
    if s.mutual_unacceptable_damage:
        verdict = "Both sides can inflict unacceptable damage: war is worse than any split."
    elif s.limited:
        verdict = ("If both expect a war to stay limited, the nuclear cost drops out and the "
                   "range is narrow again: the stability-instability paradox.")
    else:
        verdict = "At least one side is below the threshold: its threat adds less than its maximum."
    costs = (f"<p>Cost of war (share of the stake): Russia {s.cost_russia:.2f}, "
             f"\"Europe\" {s.cost_europe:.2f}. The shaded band is the bargaining range; the "
             "dashed line is p.</p>")
    return wd.View(fig, description, f"<p>{verdict}</p>{costs}<p><i>Warhead counts are "
                                     "estimates; the threshold and costs are assumptions.</i></p>")


# ---------------------------------------------------------------- Jervis's four worlds

JERVIS_CONTROLS = (
    wd.toggle("offence", "Which has the advantage?",
              {"Offence": True, "Defence": False}, True),
    wd.toggle("distinguishable", "Can offensive and defensive postures be told apart?",
              {"No": False, "Yes": True}, False),
)


def jervis_worlds() -> list[dict]:
    """The four worlds (our paraphrase of Jervis 1978) from ``helpers/data``."""
    return facts.load_toml("jervis_worlds.toml")["world"]


def _jervis_canvas():
    """The empty 2 x 2 table with its column and row headings, drawn once."""
    fig = plots.new_figure(9.0, 4.2, layout=None)
    ax = fig.add_axes((0.17, 0.02, 0.81, 0.84))
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 2)
    ax.axis("off")
    for x, label in ((0.25, "Offence has the advantage"), (0.75, "Defence has the advantage")):
        plots.path_text(ax, label, (0.17 + 0.81 * x, 0.9), fig.transFigure, size=12,
                        weight="bold", va="bottom", offset=(0, -2.4))  # baseline at 0.9
    for y, label in ((0.75, "Postures\ncannot be\ntold apart"), (0.25, "Postures\ncan be\ntold apart")):
        plots.path_text(ax, label, (0.015, 0.02 + 0.84 * y), fig.transFigure, size=12,
                        weight="bold", ha="left", va="center")
    return fig


@plots.house_style
def jervis_figure(offence: bool, distinguishable: bool) -> plots.FigureResult:
    """A 2 x 2 table of Jervis's worlds with the chosen one marked (paraphrase in the text)."""
    pal = plots.PALETTE
    fig = plots.reusable_figure("jervis", _jervis_canvas)
    ax = fig.axes[0]
    chosen = _chosen_world(offence, distinguishable)
    for world in jervis_worlds():
        col = 0 if world["offence_advantage"] else 1
        row = 1 if not world["distinguishable"] else 0
        here = world is chosen
        ax.add_artist(_jervis_cell(col, row, here, pal))  # the limits are fixed: no autoscaling
        name = plots.wrap_label(world["name"], 20)
        plots.path_text(ax, ("\u2605 " if here else "") + name, (col + 0.5, row + 0.5),
                        size=14 if here else 12, weight="bold" if here else "normal", va="center")
    description = (
        f"A two-by-two table of Jervis's (1978) worlds, by whether offence or defence has the "
        f"advantage (columns) and whether offensive and defensive postures can be told apart "
        f"(rows). Marked with a star: {chosen['name']}. {chosen['paraphrase']} (our paraphrase)"
    )
    return fig, description


def _chosen_world(offence: bool, distinguishable: bool) -> dict:
    for world in jervis_worlds():
        if (world["offence_advantage"], world["distinguishable"]) == (offence, distinguishable):
            return world
    raise ValueError(f"no world for offence={offence!r}, distinguishable={distinguishable!r}; "
                     "both must be True or False")


def _jervis_cell(col: int, row: int, here: bool, pal: dict[str, str]):
    """One cell of the Jervis table: thick and coloured when chosen, thin and grey otherwise."""
    from matplotlib.patches import Rectangle

    return Rectangle((col + 0.03, row + 0.03), 0.94, 0.94,
                     facecolor=pal["sky blue"] if here else plots.LIGHT,
                     edgecolor="black", linewidth=3.5 if here else 1.0,
                     linestyle="-" if here else "--")


def render_jervis(offence: bool, distinguishable: bool) -> wd.View:
    """Pure render function of the Jervis widget; the chosen world's paraphrase goes beside it."""
    fig, description = jervis_figure(offence, distinguishable)
    world = _chosen_world(offence, distinguishable)
    text = (f"<p><b>{world['name']}</b></p><p>{world['paraphrase']}</p>"
            "<p><i>Our paraphrase of Jervis (1978), not his words.</i></p>")
    return wd.View(fig, description, text)


# ---------------------------------------------------------------- sourced text boxes

def hobbes_markdown() -> str:
    """The Leviathan ch. 13 sentences, as block quotes with their source."""
    data = facts.load_toml("hobbes.toml")["passage"]
    lines = [f"> {p['text']}" for p in data]
    return "\n>\n".join(lines) + f"\n>\n> — Hobbes, *Leviathan* (1651), ch. {data[0]['chapter']}"


def since_then_markdown() -> str:
    """The sourced "Since then" box: events after the essay (c. 2020), one line each."""
    events = facts.load_toml("since_then.toml")["event"]
    lines = ["**Since then** (the essay was written c. 2020; these events are not in it):", ""]
    lines += [f"- **{e['date']}**: {e['text']} *Source:* {e['source']} (accessed {e['accessed']})"
              for e in events]
    return "\n".join(lines)


def might_markdown() -> str:
    """Warheads of Russia and of each choice of "Europe", for P1's "comparable military might"."""
    w = _warheads()
    russia = w[lv.RUSSIA]
    rows = ["| side | made up of | warheads, January 2025 (SIPRI estimates) | Russia's count "
            "divided by it |", "| --- | --- | --- | --- |", f"| Russia | | {russia:,} | 1.0 |"]
    for label, members in lv.EUROPE_CHOICES.items():
        total = sum(w[m] for m in members)
        parts = " + ".join(f"{m} {w[m]:,}" for m in members)
        rows.append(f"| \"Europe\": {label} | {parts} | {total:,} | {russia / total:.1f} |")
    return "\n".join(rows)
