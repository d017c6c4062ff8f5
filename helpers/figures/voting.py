"""Pictures of voting power for notebook 05: who can swing a decision under each rule.

Each ``*_view`` function is a pure render function for ``helpers.explorers.widgets.Explorer`` and returns
``View(fig, description, text)``; the data behind each picture comes from small functions here
that the tests check on their own. All power values are exact (``helpers.models.voting``), cached per
rule and parameters, so a redraw costs only the drawing.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from fractions import Fraction
from functools import lru_cache

import matplotlib
import matplotlib.markers
import matplotlib.transforms as mtransforms
from matplotlib.patches import Rectangle
from matplotlib.ticker import MaxNLocator

from helpers.explorers.widgets import View
from helpers.figures import style as plots
from helpers.figures.glyph_text import LABELPAD, path_label, path_ticks
from helpers.models import voting

INDICES = {"shapley_shubik": "Shapley-Shubik", "banzhaf": "Banzhaf (normalized)"}
QUOTA_KINDS = {
    "charter": "the Charter's number",
    "majority": "a simple majority",
    "two_thirds": "two-thirds",
    "all": "all seats (unanimity)",
}
PERMANENT = {"color": plots.PALETTE["blue"], "hatch": "", "label": "permanent seat (veto)"}
ELECTED = {"color": plots.PALETTE["orange"], "hatch": "//", "label": "elected seat"}
MEMBER = {"color": plots.PALETTE["bluish green"], "hatch": "", "label": "member state"}
TURKEY = {"color": plots.PALETTE["vermillion"], "hatch": "xx", "label": "Turkey"}
INDEX_STYLE = {
    "shapley_shubik": {"color": plots.PALETTE["blue"], "hatch": ""},
    "banzhaf": {"color": plots.PALETTE["orange"], "hatch": "//"},
}


def _check_index(index: str) -> None:
    if index not in INDICES:
        raise ValueError(f"unknown index {index!r}; valid indices: {', '.join(INDICES)}")


def rule_label(rule_id: str) -> str:
    """The short name of a rule, for axes and controls."""
    return voting.rule(rule_id)["short"]


def _bar_styles(rule_id: str, game: voting.Game) -> list[dict]:
    kind = voting.rule(rule_id)["kind"]
    if kind == "council":
        return [PERMANENT if m in game.vetoes else ELECTED for m in game.members]
    return [TURKEY if m == "Turkey" else MEMBER for m in game.members]


def _fixed_figure(width: float, height: float, **margins: float):
    """A house-style figure with fixed margins: no layout engine, so one draw per PNG."""
    fig = plots.new_figure(width, height, layout=None)
    fig.subplots_adjust(**margins)
    return fig


_CANVASES: dict[str, dict] = {}
"""Figures built once per layout and then updated in place: a redraw then skips building axes,
ticks and the Agg renderer, and reuses cached text layouts (DESIGN.md section 8). The output
depends only on the arguments: every update sets every artist that varies."""


def _canvas(key: str, build) -> dict:
    if key not in _CANVASES:
        _CANVASES[key] = build()
    return _CANVASES[key]


def _value_axis(ax, old: list, ylabel: str | None = None, size: float = 11) -> list:
    """The y tick labels for the current limits (and the y label) as glyph paths; removes ``old``.

    The same strings and places as matplotlib's tick labels, without a text layout per redraw;
    the y label keeps its usual gap from the widest tick label.
    """
    for artist in old:
        artist.remove()
    lo, hi = ax.get_ylim()
    locs = [v for v in ax.yaxis.get_major_locator()() if lo - 1e-12 <= v <= hi + 1e-12]
    labels = ax.yaxis.get_major_formatter().format_ticks(locs)
    drawn = []
    for v, label in zip(locs, labels, strict=True):
        drawn.append(plots.path_text(ax, label, (0, v), ax.get_yaxis_transform(), size=size,
                                     ha="right", va="center", offset=(-7, 0)))
        drawn[-1].set_label(label)
    if ylabel:
        left = min(p.vertices[:, 0].min() for c in drawn for p in c.get_paths())  # points
        drawn.append(path_label(ax, "y", ylabel, -left + 4))
    return drawn


@lru_cache(maxsize=256)
def _label_path(name: str, size: float = 10):
    """A member's name as a glyph outline, rotated to read upwards, its top at (0, 0) in points.

    Drawing 27-32 names as one path collection costs a third of drawing them as tick labels,
    which keeps a redraw of the member chart well under 100 ms.
    """
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextPath

    with matplotlib.rc_context(plots.STYLE):
        path = TextPath((0, 0), name, prop=FontProperties(size=size))
    box = path.get_extents()
    shift = mtransforms.Affine2D().translate(-box.x1, -box.y0 - box.height / 2).rotate_deg(90)
    return shift.transform_path(path)


def _member_labels(ax, names: list[str]):
    """Member names under the bars as one collection of glyph paths (cheap to redraw)."""
    from matplotlib.collections import PathCollection

    fig = ax.figure
    labels = PathCollection(
        [_label_path(n) for n in names],
        offsets=[(i, 0) for i in range(len(names))],
        offset_transform=mtransforms.blended_transform_factory(ax.transData, ax.transAxes),
        transform=mtransforms.Affine2D().translate(0, -6).scale(fig.dpi / 72),
        facecolors="black",
        edgecolors="none",
    )
    labels.set_clip_on(False)
    ax.add_collection(labels, autolim=False)
    return labels


def _build_rules_canvas(rule_id: str) -> dict:
    game = voting.rule_game(rule_id)
    n = len(game.members)
    fig = _fixed_figure(9.5, 4.9, left=0.085, right=0.985, bottom=0.28, top=0.91)
    ax = fig.add_subplot()
    bars = ax.bar(range(n), [0.0] * n, edgecolor="black", linewidth=0.6)
    ax.set_xlim(-0.7, n - 0.3)
    # Tick marks under the bars as one line of markers; the names are glyph paths below.
    ax.set_xticks([])
    ax.plot(range(n), [0] * n, linestyle="none", marker=matplotlib.markers.TICKDOWN,
            markersize=3.5, markeredgewidth=0.8, color="black", clip_on=False,
            transform=mtransforms.blended_transform_factory(ax.transData, ax.transAxes))
    ax.tick_params(axis="y", labelleft=False)
    ax.yaxis.set_major_locator(MaxNLocator(5))
    plots.path_text(ax, f"{rule_label(rule_id)}: power of each member", (0, 1), ax.transAxes,
                    size=14, weight="bold", ha="left", offset=(0, 3.2))
    ax.axhline(1 / n, color=plots.GREY, linestyle="--", linewidth=1.2)
    plots.path_text(ax, f"equal shares (1/{n})", (n - 0.5, 1 / n), size=10, ha="right",
                    color="#555555", zorder=3)
    styles = dict(zip(game.members, _bar_styles(rule_id, game), strict=True))
    seen: dict[str, dict] = {}
    for member in game.members:
        seen.setdefault(styles[member]["label"], styles[member])
    rows = [(st["label"], st) for st in seen.values()]
    markers = None
    if rule_id == "eu_qmv":
        (markers,) = ax.plot(range(n), [0.0] * n, linestyle="none", marker="D", markersize=6,
                             color="black")
        rows.append(("population share", None))
    _key(ax, rows)
    labels = _member_labels(ax, list(game.members))
    return {
        "fig": fig,
        "ax": ax,
        "bars": bars,
        "styles": styles,
        "markers": markers,
        "labels": labels,
        "names": None,
        "value_axis": [],
    }


@plots.house_style
def rules_figure(rule_id: str, index: str = "shapley_shubik"):
    """Power of every member under one rule, largest first, with a line at equal shares."""
    _check_index(index)
    game = voting.rule_game(rule_id)
    result = voting.power(game)
    values = voting.index_values(result, index)
    order = sorted(range(len(game.members)), key=lambda i: (-values[game.members[i]], i))
    names = [game.members[i] for i in order]
    heights = [float(values[m]) for m in names]
    n = len(order)

    c = _canvas(f"rules:{rule_id}", lambda: _build_rules_canvas(rule_id))
    ax = c["ax"]
    for bar, name, height in zip(c["bars"], names, heights, strict=True):
        style = c["styles"][name]
        bar.set_height(height)
        bar.set_facecolor(style["color"])
        bar.set_hatch(style["hatch"])
    if c["names"] != names:
        c["labels"].set_paths([_label_path(m) for m in names])
        c["names"] = names
    top = max(0.05, max(heights) * 1.2)
    if c["markers"] is not None:
        shares = voting.eu_population_shares()
        total = sum(shares.values())
        pop = [shares[m] / total for m in names]
        c["markers"].set_ydata(pop)
        top = max(top, max(pop) * 1.15)
    ax.set_ylim(0, top)
    c["value_axis"] = _value_axis(ax, c["value_axis"], f"{INDICES[index]} power")

    kind = voting.rule(rule_id)["kind"]
    if kind == "council":
        p = next((values[m] for m in game.members if m in game.vetoes), None)
        e = next((values[m] for m in game.members if m not in game.vetoes), None)
        detail = (
            f"Each permanent member (blue, solid) holds {fmt(p)}; each elected member (orange, "
            f"hatched) holds {fmt(e)}."
        )
    elif kind == "unanimity":
        turkey = (
            " Turkey's bar (vermillion, cross-hatched) is the same as every other."
            if ("Turkey" in game.members)
            else ""
        )
        detail = f"All {n} bars are equal: every member holds {fmt(values[names[0]])}.{turkey}"
    else:
        top3 = ", ".join(f"{m} {float(values[m]):.3f}" for m in names[:3])
        detail = (
            f"Power rises with population but less than in proportion: largest {top3}; "
            f"smallest {names[-1]} {float(values[names[-1]]):.4f}. Black diamonds mark each "
            f"member's population share (Germany {float(pop[0]):.3f})."
        )
    description = (
        f"Bar chart of the {INDICES[index]} voting power of each of the {n} members under "
        f"{voting.rule(rule_id)['name']}, largest first, with a dashed line at equal shares "
        f"(1/{n}). {detail}"
    )
    return c["fig"], description


def _monopoly_canvas():
    """The empty monopoly chart: rule names and percentage ticks drawn once as glyph paths."""
    fig = _fixed_figure(8.5, 3.9, left=0.25, right=0.95, bottom=0.26, top=0.9)
    ax = fig.add_subplot()
    ys = list(range(len(voting.RULE_IDS)))[::-1]
    margin = 0.38 + 0.05 * (len(ys) - 1 + 0.76)  # what autoscaling chose for the bars and lines
    ax.set_ylim(-margin, len(ys) - 1 + margin)
    path_ticks(ax, "y", ys, [rule_label(r) for r in voting.RULE_IDS])
    ax.set_xlim(0, 1.12)
    path_ticks(ax, "x", [0, 0.25, 0.5, 0.75, 1], ["0", "25%", "50%", "75%", "100%"])
    return fig


@plots.house_style
def monopoly_figure(index: str = "shapley_shubik", k: int = 5):
    """Share of all power held by the k most powerful members, for each rule."""
    rows = monopoly_table(index, k)
    fig = plots.reusable_figure("voting:monopoly", _monopoly_canvas)
    ax = fig.axes[0]
    ys = list(range(len(rows)))[::-1]
    for y, (_rid, share, even) in zip(ys, rows, strict=True):
        # add_artist: the limits are fixed, so skip add_patch's autoscaling
        ax.add_artist(Rectangle((0, y - 0.3), float(share), 0.6, facecolor=plots.PALETTE["blue"],
                                edgecolor="black"))
        ax.plot([float(even)] * 2, [y - 0.38, y + 0.38], color="black", linewidth=2.5)
        plots.path_text(ax, f"{float(share):.1%}", (float(share) + 0.015, y), size=11, ha="left",
                        va="center")
    path_label(ax, "x", f"share of all {INDICES[index]} power held by the {k} most powerful "
               "members\n(black line: their share if every member had equal power)", LABELPAD + 3.5)
    plots.path_text(ax, f"A 'monopoly of power' measured: the top {k}", (0, 1), ax.transAxes,
                    size=14, weight="bold", ha="left", offset=(0, 3.2))
    parts = [f"{rule_label(r)} {float(s):.1%} (equal: {float(e):.1%})" for r, s, e in rows]
    description = (
        f"Horizontal bars, one per rule, of the share of all {INDICES[index]} power held by the "
        f"{k} most powerful members, with a black line where their share would be if every "
        f"member had equal power: " + "; ".join(parts) + "."
    )
    return fig, description


# --- The Council redesigned ---------------------------------------------------------------


def _build_council_canvas() -> dict:
    fig = _fixed_figure(8.5, 3.9, left=0.09, right=0.98, bottom=0.12, top=0.89, wspace=0.3)
    axes = fig.subplots(1, 2)
    panels = []
    for ax, title in zip(axes, ("One permanent seat", "One elected seat"), strict=True):
        # Titles, tick names and notes as glyph paths: text artists are laid out on every PNG.
        plots.path_text(ax, title, (0, 1), ax.transAxes, size=14, weight="bold", ha="left",
                        offset=(0, 3.2))
        ax.set_xlim(-0.6, 1.6)
        path_ticks(ax, "x", [0, 1], [INDICES[i] for i in INDICES], size=10)
        ax.yaxis.set_major_locator(MaxNLocator(4))
        bars = ax.bar(
            [0, 1],
            [0.0, 0.0],
            color=[INDEX_STYLE[i]["color"] for i in INDICES],
            hatch=[INDEX_STYLE[i]["hatch"] for i in INDICES],
            edgecolor="black",
            linewidth=0.6,
            width=0.6,
        )
        ghosts = ax.bar([0, 1], [0.0, 0.0], fill=False, edgecolor="black", linestyle="--",
                        linewidth=1.5, width=0.6)
        empty = plots.path_text(ax, "no such seat\nin this design", (0.5, 0.5), ax.transAxes,
                                size=12, va="center")
        ax.tick_params(axis="y", labelleft=False)  # drawn as glyph paths by _value_axis
        panels.append({"ax": ax, "bars": bars, "ghosts": ghosts, "labels": [None, None],
                       "empty": empty, "value_axis": [],
                       "ylabel": "power (share of the total)" if not panels else None})
    _key(axes[1], [("1945 text (11 seats,\n5 vetoes, 7 votes)",
                    {"color": "none", "fill": False, "linestyle": "--"})], size=10)
    return {"fig": fig, "panels": panels}


def _key(ax, rows: list[tuple[str, dict | None]], size: float = 11) -> None:
    """A key in the upper right, spaced like a frameless legend but drawn once as paths.

    ``rows`` are (label, style): a style dict draws a box (``color``, ``hatch``, optional
    ``fill`` and ``linestyle``), None a black diamond. A Legend is laid out on every draw.
    """
    from matplotlib.collections import PathCollection
    from matplotlib.markers import MarkerStyle
    from matplotlib.path import Path

    pad, handle, gap, step = 0.9 * size, 2.0 * size, 0.8 * size, 1.5 * size  # points
    points = mtransforms.Affine2D().scale(ax.figure.dpi / 72)
    texts = [plots.path_text(ax, label, (1, 1), ax.transAxes, size=size, ha="left", va="top",
                             offset=(0, -pad - i * step)) for i, (label, _) in enumerate(rows)]
    width = max(p.get_extents().x1 for t in texts for p in t.get_paths())
    shift = mtransforms.Affine2D().translate(-pad - width, 0)
    for text in texts:
        text.set_paths([shift.transform_path(p) for p in text.get_paths()])
    left = -pad - width - gap - handle
    for i, (_label, style) in enumerate(rows):
        mid = -pad - i * step - size * 0.5  # the middle of the row's first line
        if style is None:
            marker = MarkerStyle("D")
            path = marker.get_path().transformed(marker.get_transform().scale(6).translate(
                left + handle / 2, mid))
            face, edge, kwargs = "black", "black", {}
        else:
            path = Path.unit_rectangle().transformed(
                mtransforms.Affine2D().scale(handle, 0.7 * size).translate(left, mid - 0.35 * size))
            face = style["color"] if style.get("fill", True) else "none"
            edge, kwargs = "black", {"hatch": style.get("hatch") or None,
                                     "linestyles": style.get("linestyle", "-"), "linewidths": 1.0}
        key = PathCollection([path], offsets=[(1, 1)], offset_transform=ax.transAxes,
                             transform=points, facecolors=face, edgecolors=edge, **kwargs)
        key.set_clip_on(False)
        ax.add_collection(key, autolim=False)


@plots.house_style
def council_figure(seats: int, permanent: int, quota_kind: str):
    """One permanent seat and one elected seat: their power under both indices."""
    s = council_summary(seats, permanent, quota_kind)
    ref = council_summary(*REFERENCE_DESIGN)
    c = _canvas("council", _build_council_canvas)
    for panel, key, floor in zip(
        c["panels"], ("permanent_power", "elected_power"), (0.25, 0.02), strict=True
    ):
        powers, old = s[key], ref[key]
        present = powers is not None
        panel["empty"].set_visible(not present)
        for x, ix in enumerate(INDICES):
            value = float(powers[ix]) if present else 0.0
            before = float(old[ix])
            panel["bars"][x].set_height(value)
            panel["bars"][x].set_visible(present)
            panel["ghosts"][x].set_height(before)
            panel["ghosts"][x].set_visible(present)
            if panel["labels"][x] is not None:  # labels are glyph paths, redrawn each time
                panel["labels"][x].remove()
                panel["labels"][x] = None
            if present:
                label = fmt(powers[ix])
                if (seats, permanent, quota_kind) != REFERENCE_DESIGN:
                    label += f"\n(1945: {before:.4f})"
                panel["labels"][x] = plots.path_text(panel["ax"], label, (x, max(value, before)),
                                                     size=10)
                panel["labels"][x].set_label(label)
        top = max(max(float(v) for v in powers.values()), *(float(v) for v in old.values())) \
            if present else 0.0
        panel["ax"].set_ylim(0, max(floor, top * 1.45))
        panel["value_axis"] = _value_axis(panel["ax"], panel["value_axis"], panel["ylabel"])
    parts = []
    for label, key in (("permanent", "permanent_power"), ("elected", "elected_power")):
        if s[key] is None:
            parts.append(f"There is no {label} seat.")
        else:
            parts.append(
                f"One {label} seat: Shapley-Shubik {fmt(s[key]['shapley_shubik'])}, "
                f"Banzhaf {fmt(s[key]['banzhaf'])}."
            )
    description = (
        f"Two bar charts for a council of {seats} seats, {permanent} of them permanent with a "
        f"veto, needing {s['quota']} votes. Each shows the Shapley-Shubik power (blue, solid) and "
        f"the normalized Banzhaf power (orange, hatched) of one seat. "
        + " ".join(parts)
        + " Dashed outlines show the same seats under the 1945 Charter text (11 seats, 5 vetoes, "
        "7 votes); " + _changes_sentence(seats, permanent, quota_kind)
        + " The elected-seat axis stays at 0 to 0.02 unless a value needs more room, so changes "
        "between designs can be compared by eye."
    )
    return c["fig"], description


def _changes_sentence(seats: int, permanent: int, quota_kind: str) -> str:
    if (seats, permanent, quota_kind) == REFERENCE_DESIGN:
        return "this design is the 1945 text itself."
    changes = change_from_1945(seats, permanent, quota_kind)
    if not changes:
        return "no seat kind is shared with the 1945 text."
    parts = [
        f"one {kind.split('_')[0]} seat, {INDICES[ix]}: {_change_text(old, new)}"
        for (kind, ix), (old, new) in changes.items()
    ]
    return "change from the 1945 text: " + "; ".join(parts) + "."


# --- Sweden's accession: the veto used ----------------------------------------------------


@plots.house_style
def accession_figure():
    """Timeline of Sweden's accession: how long each approval took, with the joining dates."""
    waits = accession_waits()
    events = voting.sweden_accession_events()
    fig = _fixed_figure(10, 3.8, left=0.3, right=0.97, bottom=0.13, top=0.85)
    ax = fig.add_subplot()
    styles = [
        {"color": plots.GREY, "hatch": ""},
        {"color": plots.PALETTE["vermillion"], "hatch": "xx"},
        {"color": plots.PALETTE["reddish purple"], "hatch": "//"},
    ]
    for y, ((_who, start, end), style) in enumerate(zip(waits, styles, strict=True)):
        days = (end - start).days
        ax.barh(
            y,
            days,
            left=start.toordinal(),
            color=style["color"],
            hatch=style["hatch"],
            edgecolor="black",
            height=0.55,
        )
        bound = "at most " if y == 0 else ""
        ax.text(
            end.toordinal() - 6,
            y,
            f"{bound}{days} days",
            va="center",
            ha="right",
            fontsize=10,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
        )
    finland = dt.date.fromisoformat(next(e["date"] for e in events if e["actor"] == "Finland"))
    sweden = dt.date.fromisoformat(events[-1]["date"])
    for day in (finland, sweden):
        ax.axvline(day.toordinal(), color="black", linestyle=":", linewidth=1.4)
    ax.text(finland.toordinal(), len(waits) - 0.35, " Finland joins", fontsize=10, va="bottom")
    ax.text(sweden.toordinal(), len(waits) - 0.35, "Sweden joins ", fontsize=10, va="bottom", ha="right")
    ax.set_yticks(range(len(waits)), [w[0] for w in waits], fontsize=10)
    ax.invert_yaxis()
    ticks = [
        dt.date(2022, 5, 1),
        dt.date(2022, 11, 1),
        dt.date(2023, 5, 1),
        dt.date(2023, 11, 1),
        dt.date(2024, 3, 1),
    ]
    ax.set_xticks([t.toordinal() for t in ticks], [t.strftime("%b %Y") for t in ticks])
    ax.set_xlim(waits[0][1].toordinal() - 20, sweden.toordinal() + 60)
    ax.set_ylim(len(waits) - 0.2, -0.6)
    ax.set_title("Sweden's application (18 May 2022): days until each approval", loc="left", y=1.0)
    parts = [
        f"{who}: {'at most ' if k == 0 else ''}{(end - start).days} days"
        for k, (who, start, end) in enumerate(waits)
    ]
    description = (
        "Horizontal bars from Sweden's application on "
        + waits[0][1].isoformat()
        + " to each approval: "
        + "; ".join(parts)
        + ". Dotted vertical lines mark Finland "
        "joining NATO on "
        + finland.isoformat()
        + " and Sweden joining on "
        + sweden.isoformat()
        + ". Under consensus, each of the last two approvals could hold up "
        "the whole decision."
    )
    return fig, description
