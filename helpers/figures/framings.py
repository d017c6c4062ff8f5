"""Drawing a framing (from :mod:`helpers.models.framings`) on the fixed layout, and its text description.

Roles are told apart by marker shape as well as colour, and edges by line style, so the picture
reads in grey scale and for colour-blind readers; every figure comes with a description.
:class:`FramingPicture` draws one panel (the essay's framing) or two (beside a scholarly lens):
the axes and the names are its static layer (they never move; the perspective's own state is
starred, not set in bold, so one static layer serves every perspective), lines, arrows, markers
and titles its changing layer.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from helpers.figures import actors
from helpers.figures import style as plots
from helpers.figures import text as T
from helpers.figures.engine import Picture
from helpers.models import framings, layout

P = plots.PALETTE
ROLE_STYLE = {
    "self": {"marker": "*", "color": P["black"], "size": 20, "legend": "the perspective's own state"},
    "member": {"marker": "o", "color": P["blue"], "size": 11, "legend": "inside the group"},
    "threat": {
        "marker": "^",
        "color": P["vermillion"],
        "size": 12,
        "legend": "outside: a source of risks and threats",
    },
    "issue": {
        "marker": "D",
        "color": P["reddish purple"],
        "size": 10,
        "legend": "outside: an issue (P1), not a party",
    },
    "outsider": {
        "marker": "s",
        "color": plots.GREY,
        "size": 9,
        "legend": "outside the group, not named as a threat",
    },
    "state": {"marker": "o", "color": "#555555", "size": 10, "legend": "a state"},
    "great power": {
        "marker": "p",
        "color": P["orange"],
        "size": 14,
        "legend": "permanent member of the Security Council",
    },
}
EDGE_STYLE = {
    "threat": {"color": P["vermillion"], "ls": "-", "lw": 2.4, "legend": "threat, as the framing sees it"},
    "war": {"color": P["black"], "ls": "-", "lw": 3.2, "legend": "war (arrow from the attacker)"},
    "cooperation": {
        "color": P["bluish green"],
        "ls": "-",
        "lw": 2.6,
        "legend": "cooperation on a specific issue",
    },
    "clash": {"color": P["vermillion"], "ls": "--", "lw": 2.6, "legend": "clash on a specific issue"},
    "peace": {"color": P["bluish green"], "ls": ":", "lw": 2.0, "legend": "war unthinkable"},
    "breach": {"color": P["vermillion"], "ls": ":", "lw": 1.3, "legend": "a potential breach of the peace"},
    "consult": {"color": P["orange"], "ls": "-", "lw": 2.0, "legend": "great powers consult"},
}
GROUP_STYLE = {
    "referent": {"color": P["blue"], "ls": "-", "fill": 0.13},
    "universal": {"color": "#777777", "ls": "--", "fill": 0.0},
}


def first_upper(text: str) -> str:
    """``text`` with its first letter in upper case and the rest untouched ("Claude's", not "claude's")."""
    return text[:1].upper() + text[1:]


def draw_changing(ax: Axes, framing: framings.Framing, title: str) -> None:
    """One framing's changing layer: group lines, edges, numbered badges, markers and the title."""
    for group in framing.groups:
        style = GROUP_STYLE.get(group.style, GROUP_STYLE["referent"])
        if group.style == "universal":
            ax.add_artist(_frame_patch())  # add_artist: the limits are fixed, skip autoscaling
        else:
            actors.boundary(ax, group.members, style["color"], style["ls"], fill_alpha=style["fill"])
    numbers = edge_numbers(framing)
    taken: dict[frozenset, list[float]] = {}
    badges: list[tuple[tuple, int, str]] = []
    for edge in framing.edges:
        start, end = _end(framing, edge.a, edge.b), _end(framing, edge.b, edge.a)
        pair = frozenset((edge.a, edge.b))
        bend = _bend(framing, edge, start, end, taken.setdefault(pair, []))
        taken[pair].append(bend)
        badge = _draw_edge(ax, edge, start, end, numbers, bend)
        if badge:
            badges.append(badge)
    _badges(ax, _place_badges(framing, badges))
    for role in framings.ROLES:  # one artist per role, not per node
        nodes = [n for n in framing.nodes if n.role == role]
        if nodes:
            style = ROLE_STYLE[role]
            ax.plot(
                [n.x for n in nodes],
                [n.y for n in nodes],
                style["marker"],
                ls="none",
                ms=style["size"],
                color=style["color"],
                markeredgecolor="white",
                markeredgewidth=1.2,
                zorder=5,
            )
    T.label(
        ax,
        (0.5, 1.0),
        plots.wrap_label(title, 60),
        coords="axes",
        size="heading",
        weight="bold",
        va="bottom",
        offset=(0, 4),
    )


def legend_handles(framing: framings.Framing) -> list[Line2D]:
    """The key of one framing as legend handles: roles, edge kinds, groups, numbered issues."""
    handles = [
        Line2D(
            [],
            [],
            ls="none",
            marker=ROLE_STYLE[r]["marker"],
            color=ROLE_STYLE[r]["color"],
            ms=min(ROLE_STYLE[r]["size"], 12),
            label=ROLE_STYLE[r]["legend"],
        )
        for r in framings.ROLES
        if any(n.role == r for n in framing.nodes)
    ]
    handles += [
        Line2D(
            [], [], color=EDGE_STYLE[k]["color"], ls=EDGE_STYLE[k]["ls"], lw=2, label=EDGE_STYLE[k]["legend"]
        )
        for k in framings.EDGE_KINDS
        if any(e.kind == k for e in framing.edges)
    ]
    for group in framing.groups:
        style = GROUP_STYLE.get(group.style, GROUP_STYLE["referent"])
        handles.append(
            Line2D([], [], color=style["color"], ls=style["ls"], lw=2, label=plots.wrap_label(group.name, 40))
        )
    numbers = edge_numbers(framing)
    handles += [Line2D([], [], ls="none", label=f"{n}: {label}") for label, n in numbers.items()]
    return handles


@dataclass(frozen=True)
class FramingPicture(Picture):
    """One framing, or two side by side, each panel a (title, framing) pair; a drawn key if ``legend``.

    Widgets show the key as HTML beside the picture (``legend=False``); a static figure draws it.
    """

    panels: tuple[tuple[str, framings.Framing], ...]
    legend: bool = False

    @property
    def size(self) -> tuple[float, float]:
        height = 7.6 if self.legend else 5.6
        return (9.5, height) if len(self.panels) == 1 else (16.0, height)

    @property
    def dpi(self) -> float:
        # Two panels are shown shrunk to the notebook's width anyway: 86 dpi (1376 px) loses little
        # on screen and draws and encodes in about two thirds of the time of 100 dpi.
        return plots.DPI if len(self.panels) == 1 else 86

    def title(self) -> str:
        return " | ".join(title for title, _ in self.panels)

    def static_key(self):
        return (len(self.panels), self.legend, tuple(tuple(n.id for n in f.nodes) for _, f in self.panels))

    def legend_entries(self) -> tuple[str, ...]:
        return tuple(h.get_label() for _, f in self.panels for h in legend_handles(f)) if self.legend else ()

    def draw_static(self, fig):
        bottom = 0.28 if self.legend else 0.01
        top = 0.89 if len(self.panels) == 1 else 0.86
        width = 0.98 / len(self.panels)
        axes = []
        for i, (_, framing) in enumerate(self.panels):
            ax = actors.diagram_axes(fig, (0.01 + i * width, bottom, width - 0.01, top - bottom))
            actors.names(ax, ids=[n.id for n in framing.nodes])
            axes.append(ax)
        return axes

    def draw_changing(self, fig, axes):
        for ax, (title, framing) in zip(axes, self.panels, strict=True):
            draw_changing(ax, framing, title)
            if self.legend:
                ax.legend(
                    handles=legend_handles(framing),
                    loc="upper center",
                    bbox_to_anchor=(0.5, 0.0),
                    ncol=2,
                    frameon=False,
                    fontsize=T.SIZES["note"],
                    handlelength=2.2,
                )


def framing_picture(
    main: framings.Framing, other: framings.Framing | None = None, legend: bool = False
) -> FramingPicture:
    """The picture of the essay's framing ``main``, beside the scholarly lens ``other`` if given."""
    if other is None:
        return FramingPicture(((main.title, main),), legend)
    return FramingPicture(
        ((f"The essay's word: {main.title}", main), (f"What scholars call: {other.title}", other)), legend
    )


def _frame_patch():
    (x0, x1), (y0, y1) = layout.XLIM, layout.YLIM
    return FancyBboxPatch(
        (x0 + 0.35, y0 + 0.35),
        x1 - x0 - 0.7,
        y1 - y0 - 0.8,
        boxstyle="round,pad=0.1,rounding_size=0.6",
        fill=False,
        ls="--",
        lw=1.8,
        edgecolor="#777777",
    )


def edge_numbers(framing: framings.Framing) -> dict[str, int]:
    """Number the labelled issue edges (cooperation, clash) for a compact key."""
    numbers: dict[str, int] = {}
    for edge in framing.edges:
        if edge.kind in ("cooperation", "clash", "war") and edge.label and edge.label not in numbers:
            numbers[edge.label] = len(numbers) + 1
    return numbers


def _end(framing: framings.Framing, end: str, other: str) -> tuple[float, float]:
    """Where an edge end sits: a node, or the point of the group's line nearest the other end."""
    if end != framings.LINE:
        node = framing.node(end)
        return node.x, node.y
    x, y = _end(framing, other, end)
    return layout.nearest_inside(framing.groups[0].members, x, y)


_BENDS = (0.12, -0.12, 0.22, -0.22, 0.32, -0.32, 0.0, 0.42, -0.42)
_SHRINK = 0.25  # an arc stops short of its ends by about this much (shrinkA, shrinkB)
_MARGIN = 0.04  # an arc keeps this far from a name


def _bend(framing: framings.Framing, edge: framings.Edge, start, end, used: list[float]) -> float:
    """The first curvature whose arc crosses no name and keeps clear of the other nodes (and of
    parallel edges); failing that, one that misses the nodes and crosses the fewest names."""
    others = tuple((n.x, n.y) for n in framing.nodes if n.id not in (edge.a, edge.b))
    boxes = tuple(
        (n.x + x0, n.x + x1, n.y + y0, n.y + y1)
        for n in framing.nodes
        for x0, x1, y0, y1 in [actors.name_box(n.id, n.name)]
    )
    return _best_bend(tuple(start), tuple(end), tuple(used), others, boxes)


@functools.lru_cache(maxsize=4096)
def _best_bend(start, end, used: tuple[float, ...], others: tuple, boxes: tuple) -> float:
    best, best_score = _BENDS[0], None
    for rad in _BENDS:
        if rad in used:
            continue
        crossed = _names_crossed(start, end, rad, boxes)
        gap = layout.clearance(start, end, rad, list(others))
        if not crossed and gap > 0.45:
            return rad
        score = (gap < 0.3, crossed, -min(gap, 0.45))  # running over a dot is worst
        if best_score is None or score < best_score:
            best, best_score = rad, score
    return best


def _names_crossed(start, end, rad: float, boxes: tuple) -> int:
    """How many name boxes the arc from ``start`` to ``end`` (bent by ``rad``) runs through."""
    pts = layout.arc(start, end, rad, np.linspace(0.0, 1.0, 60))
    ends = np.array([start, end])
    pts = pts[np.sqrt(((pts[:, None, :] - ends[None, :, :]) ** 2).sum(-1)).min(axis=1) > _SHRINK]
    x, y = pts[:, 0], pts[:, 1]
    return sum(
        bool(((x > x0 - _MARGIN) & (x < x1 + _MARGIN) & (y > y0 - _MARGIN) & (y < y1 + _MARGIN)).any())
        for x0, x1, y0, y1 in boxes
    )


def _draw_edge(
    ax: Axes, edge: framings.Edge, start, end, numbers: dict[str, int], bend: float
) -> tuple[tuple, int, str] | None:
    """Draw one edge as an arc; return the spots its numbered badge may take, if it has one."""
    style = EDGE_STYLE[edge.kind]
    ax.add_artist(
        FancyArrowPatch(
            start,
            end,
            arrowstyle="-|>" if edge.directed else "-",
            color=style["color"],
            lw=style["lw"],
            ls=style["ls"],
            shrinkA=9,
            shrinkB=2 if edge.b == framings.LINE else 11,
            mutation_scale=16,
            connectionstyle=f"arc3,rad={bend}",
            zorder=3,
            alpha=0.65 if edge.kind == "breach" else 1.0,
        )
    )
    if edge.label not in numbers:
        return None
    # Where the badge may go: the arc's midpoint first, then points either side of it.
    spots = tuple(layout.arc(start, end, bend, np.array(_BADGE_T)))
    return spots, numbers[edge.label], style["color"]


_BADGE_T = (0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75)
_BADGE_GAP = 0.45  # layout units between badge centres (a badge is about 0.37 across)


def _place_badges(
    framing: framings.Framing, wanted: list[tuple[tuple, int, str]]
) -> list[tuple[float, float, int, str]]:
    """Each badge at the first spot on its arc clear of the badges placed before it, of the
    nodes and of the names; failing that, at the spot farthest from all of them."""
    nodes = [(n.x, n.y) for n in framing.nodes]
    names = [
        (n.x + (x0 + x1) / 2, n.y + (y0 + y1) / 2)
        for n in framing.nodes
        for x0, x1, y0, y1 in [actors.name_box(n.id, n.name)]
    ]
    placed: list[tuple[float, float, int, str]] = []
    for spots, number, color in wanted:
        best, best_room = spots[0], -1.0
        for x, y in spots:
            room = min(
                [np.hypot(x - bx, y - by) / _BADGE_GAP for bx, by, *_ in placed]
                + [np.hypot(x - nx, y - ny) / 0.45 for nx, ny in nodes]
                + [np.hypot(x - nx, y - ny) / 0.3 for nx, ny in names],
                default=2.0,
            )
            if room >= 1.0:
                best = (x, y)
                break
            if room > best_room:
                best, best_room = (x, y), room
        placed.append((float(best[0]), float(best[1]), number, color))
    return placed


def _badges(ax: Axes, badges: list[tuple[float, float, int, str]]) -> None:
    """Numbered circles on the issue edges: one marker collection, a number on each."""
    if not badges:
        return
    ax.scatter(
        [b[0] for b in badges],
        [b[1] for b in badges],
        s=260,
        facecolors="white",
        edgecolors=[b[3] for b in badges],
        linewidths=1.4,
        zorder=4,
    )
    for x, y, number, _ in badges:
        T.label(ax, (x, y), str(number), size="note", weight="bold", color="#222222", zorder=4.5)


def _name(framing: framings.Framing, end: str) -> str:
    return f"the line around {framing.groups[0].name}" if end == framings.LINE else framing.node(end).name


def describe(framing: framings.Framing) -> str:
    """A plain-text account of one framing's picture."""
    by_role: dict[str, list[str]] = {}
    for node in framing.nodes:
        by_role.setdefault(node.role, []).append(node.name)
    parts = [f"{framing.title}."]
    for group in framing.groups:
        names = [framing.node(m).name for m in group.members]
        if group.style == "universal":
            parts.append(f"One frame encloses all {len(names)} states: {group.name}.")
        else:
            parts.append(f"A line encloses {group.name}: {', '.join(names)}.")
    for role, names in by_role.items():
        if role not in ("member", "state"):
            parts.append(
                f"{ROLE_STYLE[role]['legend'][0].upper()}{ROLE_STYLE[role]['legend'][1:]}: "
                f"{', '.join(names)}."
            )
    kinds = {}
    for e in framing.edges:
        kinds.setdefault(e.kind, []).append(e)
    for kind, edges in kinds.items():
        pairs = [
            f"{_name(framing, e.a)}{' to ' if e.directed else ' and '}{_name(framing, e.b)}"
            + (f" ({e.label})" if e.label and kind in ("cooperation", "clash", "war") else "")
            for e in edges
        ]
        shown = pairs if len(pairs) <= 8 else pairs[:3] + [f"and {len(pairs) - 3} more"]
        parts.append(
            f"{EDGE_STYLE[kind]['legend'][0].upper()}{EDGE_STYLE[kind]['legend'][1:]}: {'; '.join(shown)}."
        )
    return " ".join(parts)
