"""The warm-up picture of ``00_start_here``: the line around NATO, the EU or both, on the fixed diagram.

The actors and their names never change: they are the static layer. The lines, the title and
the key change with the choice. The key is a legend of declared entries only, one per line drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.lines import Line2D

from helpers.figures import actors
from helpers.figures import text as T
from helpers.figures.engine import Picture
from helpers.figures.style import PALETTE
from helpers.models import layout
from helpers.models.membership import Membership
from helpers.sources import facts

CLUB_NAMES = {"NATO": "NATO", "EU": "the EU"}  # as a sentence names them
LINES = {
    "NATO": {"color": PALETTE["blue"], "linestyle": "-", "label": "NATO (solid line)"},
    "EU": {"color": PALETTE["orange"], "linestyle": "--", "label": "EU (dashed line)"},
}


@dataclass(frozen=True)
class MembershipPicture(Picture):
    """The diagram of the placed actors with a line around the members of each club shown."""

    model: Membership
    size = (9.0, 5.6)

    def title(self) -> str:
        clubs = " and ".join(club for club, _ in self.model.lines)
        return f"Who is inside the line: {clubs} membership {self.model.when}"

    def legend_entries(self) -> tuple[str, ...]:
        return tuple(style["label"] for style in LINES.values())

    def draw_static(self, fig):
        ax = actors.diagram_axes(fig, (0.01, 0.01, 0.98, 0.9))
        actors.dots(ax)
        actors.names(ax)
        return ax

    def draw_changing(self, fig, ax):
        fill = 0.12 if len(self.model.lines) == 1 else 0.0
        for club, members in self.model.lines:
            style = LINES[club]
            actors.boundary(ax, members, style["color"], style["linestyle"], fill_alpha=fill)
        T.label(fig, (0.5, 0.985), self.title(), coords="figure", size="title", weight="bold", va="top")
        key = [Line2D([], [], lw=2.4, **LINES[club]) for club, _ in self.model.lines]
        ax.legend(handles=key, loc="lower right", frameon=False, fontsize=T.SIZES["small"])


def describe(model: Membership) -> str:
    """The figure's description: the layout, then who is inside and outside each line."""
    table = facts.actors()
    parts = [
        f"Inside the {club} line: {', '.join(table[i].name for i in inside)}. "
        f"Outside it: {', '.join(table[i].name for i in model.outside(club))}."
        for club, inside in model.lines
    ]
    clubs = " and of ".join(CLUB_NAMES[club] for club, _ in model.lines)
    lines = "a line" if len(model.lines) == 1 else "lines"
    return (
        f"A diagram of {len(layout.POSITIONS)} states placed roughly west to east, with {lines} "
        f"drawn around the members of {clubs} {model.when}. " + " ".join(parts)
    )
