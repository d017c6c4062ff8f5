"""Who is inside which line: NATO and EU membership drawn on the fixed layout of the actors.

The warm-up of ``00_start_here`` and a building block for the framing pictures. Memberships come
from ``helpers/data/actors.csv`` (sourced); the year decides who was a member then.
"""

from __future__ import annotations

from helpers.figures import style as plots
from helpers.models import layout
from helpers.sources import facts

CLUBS = ("NATO", "EU", "both")
STYLE = {
    "NATO": {"color": plots.PALETTE["blue"], "linestyle": "-", "label": "NATO (solid line)"},
    "EU": {"color": plots.PALETTE["orange"], "linestyle": "--", "label": "EU (dashed line)"},
}


def members(club: str, year: int | None = None) -> tuple[str, ...]:
    """Ids of the placed actors in ``club`` ("NATO" or "EU") in ``year`` (None: today)."""
    if club not in STYLE:
        raise ValueError(f"unknown club {club!r}; valid clubs are {', '.join(STYLE)}")
    test = "in_nato" if club == "NATO" else "in_eu"
    return tuple(a.id for a in facts.actors().values()
                 if a.id in layout.POSITIONS and getattr(a, test)(year))


def draw_actors(ax, highlight: tuple[str, ...] = (), labels: bool = True) -> None:
    """The actors as dots with their names; highlighted ones larger, with a black ring."""
    table = facts.actors()
    for big in (False, True):  # one artist per kind of dot
        ids = [i for i in layout.POSITIONS if (i in highlight) == big]
        if ids:
            ax.plot([layout.POSITIONS[i][0] for i in ids], [layout.POSITIONS[i][1] for i in ids], "o",
                    ls="none", ms=13 if big else 9, color=plots.PALETTE["black"] if big else "#444444",
                    markeredgecolor="white", markeredgewidth=1.5, zorder=5)
    if labels:  # names as glyph paths: a redraw costs a fraction of text labels
        for actor_id, (x, y) in layout.POSITIONS.items():
            plots.path_text(ax, table[actor_id].name, (x, y), size=11, offset=(0, 10),
                            weight="bold" if actor_id in highlight else "normal")


def _canvas():
    """The empty figure of the membership diagram (fixed margins: no layout pass per redraw)."""
    fig = plots.new_figure(9, 5.6, layout=None)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.93, bottom=0.01)
    layout.setup_axes(fig.add_subplot())
    return fig


@plots.house_style
def membership_figure(club: str, year: int | None = None):
    """Draw the line around NATO, the EU or both; return (fig, description)."""
    if club not in CLUBS:
        raise ValueError(f"unknown choice {club!r}; valid choices are {', '.join(CLUBS)}")
    shown = ("NATO", "EU") if club == "both" else (club,)
    fig = plots.reusable_figure("membership", _canvas)
    ax = fig.axes[0]
    for name in shown:
        style = STYLE[name]
        layout.draw_boundary(ax, members(name, year), style["color"], style["linestyle"],
                             fill_alpha=0.12 if len(shown) == 1 else 0.0)
        ax.plot([], [], color=style["color"], linestyle=style["linestyle"], lw=2.4,
                label=style["label"])
    draw_actors(ax)
    when = "today" if year is None else f"in {year}"
    plots.path_text(ax, f"Who is inside the line: {' and '.join(shown)} membership {when}",
                    (0.5, 1.0), ax.transAxes, size=14, weight="bold", offset=(0, 4))
    ax.legend(loc="lower right", frameon=False)
    table = facts.actors()
    parts = []
    for name in shown:
        inside = [table[i].name for i in members(name, year)]
        outside = [table[i].name for i in layout.POSITIONS if i not in members(name, year)]
        parts.append(f"Inside the {name} line: {', '.join(inside)}. Outside it: {', '.join(outside)}.")
    description = (
        f"A diagram of {len(layout.POSITIONS)} states placed roughly west to east, "
        f"with a line drawn around the members of {' and '.join(shown)} {when}. " + " ".join(parts)
    )
    return fig, description
