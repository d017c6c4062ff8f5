"""Drawing a framing (from :mod:`helpers.models.framings`) on the fixed layout, and its text description.

Roles are told apart by marker shape as well as colour, and edges by line style, so the picture
reads in grey scale and for colour-blind readers; every figure comes with a description.
"""

from __future__ import annotations

import functools
import html

import matplotlib
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D

from helpers.explorers.widgets import View
from helpers.figures import style as plots
from helpers.models import framings, layout
from helpers.sources import facts
from helpers.sources.essay import quote

P = plots.PALETTE
ROLE_STYLE = {
    "self": {"marker": "*", "color": P["black"], "size": 20, "legend": "the perspective's own state"},
    "member": {"marker": "o", "color": P["blue"], "size": 11, "legend": "inside the group"},
    "threat": {"marker": "^", "color": P["vermillion"], "size": 12,
               "legend": "outside: a source of risks and threats"},
    "issue": {"marker": "D", "color": P["reddish purple"], "size": 10,
              "legend": "outside: an issue (P1), not a party"},
    "outsider": {"marker": "s", "color": plots.GREY, "size": 9,
                 "legend": "outside the group, not named as a threat"},
    "state": {"marker": "o", "color": "#555555", "size": 10, "legend": "a state"},
    "great power": {"marker": "p", "color": P["orange"], "size": 14,
                    "legend": "permanent member of the Security Council"},
}
EDGE_STYLE = {
    "threat": {"color": P["vermillion"], "ls": "-", "lw": 2.4, "legend": "threat, as the framing sees it"},
    "war": {"color": P["black"], "ls": "-", "lw": 3.2, "legend": "war (arrow from the attacker)"},
    "cooperation": {"color": P["bluish green"], "ls": "-", "lw": 2.6,
                    "legend": "cooperation on a specific issue"},
    "clash": {"color": P["vermillion"], "ls": "--", "lw": 2.6, "legend": "clash on a specific issue"},
    "peace": {"color": P["bluish green"], "ls": ":", "lw": 2.0, "legend": "war unthinkable"},
    "breach": {"color": P["vermillion"], "ls": ":", "lw": 1.3,
               "legend": "a potential breach of the peace"},
    "consult": {"color": P["orange"], "ls": "-", "lw": 2.0, "legend": "great powers consult"},
}
GROUP_STYLE = {
    "referent": {"color": P["blue"], "ls": "-", "fill": 0.13},
    "universal": {"color": "#777777", "ls": "--", "fill": 0.0},
}


def draw(ax: Axes, framing: framings.Framing, title: str | None = None, legend: bool = True) -> None:
    """Draw one framing: group lines, edges, nodes with labels, and (optionally) a legend.

    Widgets pass ``legend=False`` and show :func:`html_key` beside the picture instead: the same
    key as HTML text, which costs the kernel nothing to draw and reads larger on a projector.
    """
    layout.setup_axes(ax)
    for group in framing.groups:
        style = GROUP_STYLE.get(group.style, GROUP_STYLE["referent"])
        if group.style == "universal":
            ax.add_artist(_frame_patch())  # add_artist: the limits are fixed, skip autoscaling
        else:
            layout.draw_boundary(ax, group.members, style["color"], style["ls"], fill_alpha=style["fill"])
    numbers = _edge_numbers(framing)
    taken: dict[frozenset, list[float]] = {}
    badges: list[tuple[float, float, int, str]] = []
    for edge in framing.edges:
        start, end = _end(framing, edge.a, edge.b), _end(framing, edge.b, edge.a)
        pair = frozenset((edge.a, edge.b))
        bend = _bend(framing, edge, start, end, taken.setdefault(pair, []))
        taken[pair].append(bend)
        badge = _draw_edge(ax, edge, start, end, numbers, bend)
        if badge:
            badges.append(badge)
    _badges(ax, badges)
    for role in framings.ROLES:  # one artist per role, not per node
        nodes = [n for n in framing.nodes if n.role == role]
        if nodes:
            style = ROLE_STYLE[role]
            ax.plot([n.x for n in nodes], [n.y for n in nodes], style["marker"], ls="none",
                    ms=style["size"], color=style["color"], markeredgecolor="white",
                    markeredgewidth=1.2, zorder=5)
    _names(ax, framing.nodes)
    plots.path_text(ax, plots.wrap_label(title or framing.title, 60), (0.5, 1.0), ax.transAxes,
                    size=13, weight="bold", va="bottom", offset=(0, 4))
    if not legend:
        return
    handles = [Line2D([], [], ls="none", marker=ROLE_STYLE[r]["marker"], color=ROLE_STYLE[r]["color"],
                      ms=min(ROLE_STYLE[r]["size"], 12), label=ROLE_STYLE[r]["legend"])
               for r in framings.ROLES if any(n.role == r for n in framing.nodes)]
    handles += [Line2D([], [], color=EDGE_STYLE[k]["color"], ls=EDGE_STYLE[k]["ls"], lw=2,
                       label=EDGE_STYLE[k]["legend"])
                for k in framings.EDGE_KINDS if any(e.kind == k for e in framing.edges)]
    for group in framing.groups:
        style = GROUP_STYLE.get(group.style, GROUP_STYLE["referent"])
        handles.append(Line2D([], [], color=style["color"], ls=style["ls"], lw=2,
                              label=plots.wrap_label(group.name, 40)))
    handles += [Line2D([], [], ls="none", label=f"{n}: {label}") for label, n in numbers.items()]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.0), ncol=2, frameon=False,
              fontsize=10, handlelength=2.2)


@functools.cache
def _name_path(name: str, bold: bool) -> Path:
    """A name as glyph outlines (11 pt), centred above its point: cheaper to redraw than text."""
    with matplotlib.rc_context(plots.STYLE):
        path = TextPath((0, 0), name, prop=FontProperties(size=11, weight="bold" if bold else "normal"))
    box = path.get_extents()
    return Affine2D().translate(-(box.x0 + box.x1) / 2, 10).transform_path(path)


def _names(ax: Axes, nodes: tuple[framings.Node, ...]) -> None:
    """All actors' names as one collection of glyph paths, offset from the nodes in points."""
    labels = PathCollection(
        [_name_path(n.name, n.role == "self") for n in nodes],
        offsets=[(n.x, n.y) for n in nodes], offset_transform=ax.transData,
        transform=Affine2D().scale(ax.figure.dpi / 72), facecolors="black", edgecolors="none",
        zorder=6,
    )
    labels.set_clip_on(False)
    labels.set_label("; ".join(n.name for n in nodes))
    labels.glyph_size = 11  # for the house minimum font size check
    ax.add_collection(labels, autolim=False)


_SYMBOL = {"*": "★", "o": "●", "^": "▲", "D": "◆", "s": "■", "p": "⬟"}
_BORDER = {"-": "solid", "--": "dashed", ":": "dotted", "-.": "dashed"}


def html_key(framing: framings.Framing) -> str:
    """The figure's legend as HTML: marker symbols, line samples and the numbered issues."""
    items = []
    for role in framings.ROLES:
        if any(n.role == role for n in framing.nodes):
            style = ROLE_STYLE[role]
            items.append(f'<span style="color:{style["color"]};font-size:1.25em">{_SYMBOL[style["marker"]]}'
                         f'</span> {html.escape(style["legend"])}')
    lines = [(EDGE_STYLE[k]["color"], EDGE_STYLE[k]["ls"], EDGE_STYLE[k]["legend"])
             for k in framings.EDGE_KINDS if any(e.kind == k for e in framing.edges)]
    lines += [(GROUP_STYLE.get(g.style, GROUP_STYLE["referent"])["color"],
               GROUP_STYLE.get(g.style, GROUP_STYLE["referent"])["ls"], g.name) for g in framing.groups]
    for color, ls, text in lines:
        items.append(f'<span style="display:inline-block;width:2.2em;vertical-align:middle;'
                     f'border-top:3px {_BORDER[ls]} {color}"></span> {html.escape(text)}')
    numbers = _edge_numbers(framing)
    issues = "".join(f"<li value='{n}'>{html.escape(label)}</li>" for label, n in numbers.items())
    out = f'<div style="font-size:0.95em">{"<br>".join(items)}</div>'
    if issues:
        out += f'<p style="margin-bottom:0"><b>Numbered issues</b></p><ol style="margin-top:0">{issues}</ol>'
    return out


def _frame_patch():
    from matplotlib.patches import FancyBboxPatch

    (x0, x1), (y0, y1) = layout.XLIM, layout.YLIM
    return FancyBboxPatch((x0 + 0.35, y0 + 0.35), x1 - x0 - 0.7, y1 - y0 - 0.8,
                          boxstyle="round,pad=0.1,rounding_size=0.6", fill=False, ls="--",
                          lw=1.8, edgecolor="#777777")


def _edge_numbers(framing: framings.Framing) -> dict[str, int]:
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


_BENDS = (0.12, -0.12, 0.22, -0.22, 0.32, -0.32, 0.0)


def _bend(framing: framings.Framing, edge: framings.Edge, start, end, used: list[float]) -> float:
    """The first curvature whose arc keeps clear of the other nodes (and of parallel edges)."""
    # Keep clear of the other nodes and of every name (drawn just above its node).
    others = tuple((n.x, n.y) for n in framing.nodes if n.id not in (edge.a, edge.b))
    labels = tuple((n.x + dx, n.y + 0.32) for n in framing.nodes for dx in (-0.3, 0.0, 0.3))
    return _best_bend(tuple(start), tuple(end), tuple(used), others + labels)


@functools.lru_cache(maxsize=4096)
def _best_bend(start, end, used: tuple[float, ...], others: tuple) -> float:
    best, best_gap = _BENDS[0], -1.0
    for rad in _BENDS:
        if rad in used:
            continue
        gap = layout.clearance(start, end, rad, list(others))
        if gap > 0.45:
            return rad
        if gap > best_gap:
            best, best_gap = rad, gap
    return best


def _draw_edge(ax: Axes, edge: framings.Edge, start, end, numbers: dict[str, int],
               bend: float) -> tuple[float, float, int, str] | None:
    """Draw one edge as an arc; return where its numbered badge goes, if it has one."""
    style = EDGE_STYLE[edge.kind]
    ax.add_artist(FancyArrowPatch(
        start, end, arrowstyle="-|>" if edge.directed else "-", color=style["color"],
        lw=style["lw"], ls=style["ls"], shrinkA=9, shrinkB=2 if edge.b == framings.LINE else 11,
        mutation_scale=16, connectionstyle=f"arc3,rad={bend}", zorder=3,
        alpha=0.65 if edge.kind == "breach" else 1.0))
    if edge.label not in numbers:
        return None
    # The midpoint of an arc3 curve: the chord's midpoint pushed sideways by rad * length / 2.
    (ax_, ay_), (bx_, by_) = start, end
    dx, dy = bx_ - ax_, by_ - ay_
    return ((ax_ + bx_) / 2 + bend * dy / 2, (ay_ + by_) / 2 - bend * dx / 2, numbers[edge.label],
            style["color"])


def _badges(ax: Axes, badges: list[tuple[float, float, int, str]]) -> None:
    """Numbered circles on the issue edges: one marker collection and glyph-path numbers."""
    if not badges:
        return
    ax.scatter([b[0] for b in badges], [b[1] for b in badges], s=260, facecolors="white",
               edgecolors=[b[3] for b in badges], linewidths=1.4, zorder=4)
    for x, y, number, _ in badges:
        plots.path_text(ax, str(number), (x, y), size=10, weight="bold", va="center",
                        color="#222222", zorder=4.5)


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
            parts.append(f"{ROLE_STYLE[role]['legend'][0].upper()}{ROLE_STYLE[role]['legend'][1:]}: "
                         f"{', '.join(names)}.")
    kinds = {}
    for e in framing.edges:
        kinds.setdefault(e.kind, []).append(e)
    for kind, edges in kinds.items():
        pairs = [f"{_name(framing, e.a)}{' to ' if e.directed else ' and '}{_name(framing, e.b)}"
                 + (f" ({e.label})" if e.label and kind in ("cooperation", "clash", "war") else "")
                 for e in edges]
        shown = pairs if len(pairs) <= 8 else pairs[:3] + [f"and {len(pairs) - 3} more"]
        parts.append(f"{EDGE_STYLE[kind]['legend'][0].upper()}{EDGE_STYLE[kind]['legend'][1:]}: "
                     f"{'; '.join(shown)}.")
    return " ".join(parts)


def _canvas(panels: int, legend: bool):
    """The empty figure for one or two panels (with room for a legend below, or not)."""
    bottom, height = (0.22, 7.0) if legend else (0.01, 5.6)
    if panels == 1:
        fig = plots.new_figure(9.5, height, layout=None)
        fig.subplots_adjust(left=0.01, right=0.99, top=0.89, bottom=bottom)
        fig.add_subplot()
        return fig
    # Two panels are shown shrunk to the notebook's width anyway: 86 dpi (1376 px) loses little
    # on screen and draws and encodes in about two thirds of the time of 100 dpi.
    fig = plots.new_figure(16, height, layout=None, dpi=86)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.88, bottom=bottom, wspace=0.04)
    fig.subplots(1, 2)
    return fig


@plots.house_style
def framing_figure(framing: str, perspective: str = "brussels", lens: str = "essay",
                   legend: bool = True):
    """The essay's framing from a perspective, beside a scholarly lens if one is chosen."""
    main = framings.frame(framing, perspective)
    if lens == "essay":
        fig = plots.reusable_figure(("framing", 1, legend), lambda: _canvas(1, legend))
        draw(fig.axes[0], main, legend=legend)
        return fig, describe(main)
    other = framings.lens(lens, perspective)
    fig = plots.reusable_figure(("framing", 2, legend), lambda: _canvas(2, legend))
    left, right = fig.axes
    draw(left, main, f"The essay's word: {main.title}", legend=legend)
    draw(right, other, f"What scholars call: {other.title}", legend=legend)
    return fig, f"Left panel: {describe(main)} Right panel: {describe(other)}"


def side_text(framing: str, perspective: str = "brussels", lens: str = "essay") -> str:
    """The short HTML beside the figure: who is secured, against whom, cooperation, the quote."""
    main = framings.frame(framing, perspective)
    rows = [
        ("Who is secured", main.secured),
        ("Against whom", main.against),
        ("What cooperation means", main.cooperation),
        ("Seen from here", main.perspective.view),
    ]
    out = "".join(f"<p><b>{k}:</b> {html.escape(v)}</p>" for k, v in rows)
    if facts.actor(main.perspective.actor).kind == "state":
        out += f'<p style="font-size:0.9em">{html.escape(framings.status(main.perspective.actor))}</p>'
    if main.quote:
        pid, text = main.quote
        out += (f'<blockquote style="border-left:4px solid #0072B2;padding-left:0.6em;margin-left:0">'
                f"{html.escape(quote(pid, text))} <i>({pid})</i></blockquote>")
    if lens != "essay":
        term = framings.scholarly_terms()[lens]
        closest = {"collective": "the essay's collective framing",
                   "international": "the essay's international framing"}[term["closest"]]
        out += (f"<hr><p><b>{html.escape(term['name'].capitalize())}</b> ({html.escape(term['who'])}): "
                f"{html.escape(term['idea'])}</p><p><b>Closest to:</b> {closest}. "
                f"<b>Where it differs:</b> {html.escape(term['differs'])}</p>")
    return f'<div style="font-size:1.0em;line-height:1.4">{out}</div>'


def render(framing: str, perspective: str, lens: str) -> View:
    """The render function of notebook 02's explorer (the key is HTML beside the picture)."""
    fig, description = framing_figure(framing, perspective, lens, legend=False)
    key = html_key(framings.frame(framing, perspective))
    if lens != "essay":
        key = (f"<b>Left panel</b><br>{key}<b>Right panel</b><br>"
               f"{html_key(framings.lens(lens, perspective))}")
    return View(fig, description, f"<details open><summary><b>Key</b></summary>{key}</details>"
                + side_text(framing, perspective, lens))
