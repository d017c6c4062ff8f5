"""The fixed diagram of the actors (from :mod:`helpers.models.layout`): axes, dots, names, group lines.

Every picture of the actors draws on these pieces, so switching a framing moves lines, arrows
and words but never the actors. Names are ordinary Text (:mod:`helpers.figures.text`), drawn in
the static layer of a Picture: they never move.
"""

from __future__ import annotations

from collections.abc import Iterable

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import PathPatch
from matplotlib.path import Path

from helpers.figures import text as T
from helpers.models import layout
from helpers.sources import facts

NAME_OFFSET_PT = 10  # a name sits this far above its dot
# Names placed otherwise than centred above their dot. The United States' name is as wide as the
# line around NATO there and touched it on the left: it moves right, in points.
# Turkey's name goes below its dot: in the international framing three issue lines reach Turkey from
# above and ran through its name.
NAME_NUDGE_PT: dict[str, float] = {"USA": 6}
NAME_BELOW: frozenset[str] = frozenset({"TUR"})
POINTS_PER_UNIT = 43  # about how many points one layout unit is, as the diagrams are drawn
_NAME_HEIGHT_PT = 14  # an 11 pt name's box
_NAME_CHAR_PT = 5.6  # average width of a character


def name_box(actor_id: str, name: str) -> tuple[float, float, float, float]:
    """Where an actor's name is drawn, about: (left, right, bottom, top) in layout units from its dot."""
    x = NAME_NUDGE_PT.get(actor_id, 0)
    half = len(name) * _NAME_CHAR_PT / 2
    if actor_id in NAME_BELOW:
        y0, y1 = -NAME_OFFSET_PT - _NAME_HEIGHT_PT, -NAME_OFFSET_PT
    else:
        y0, y1 = NAME_OFFSET_PT, NAME_OFFSET_PT + _NAME_HEIGHT_PT
    return tuple(v / POINTS_PER_UNIT for v in (x - half, x + half, y0, y1))


def diagram_axes(fig: Figure, rect: tuple[float, float, float, float]) -> Axes:
    """An axes at ``rect`` (figure fractions) holding the diagram: equal aspect, no frame, fixed limits."""
    ax = fig.add_axes(rect)
    ax.set_xlim(*layout.XLIM)
    ax.set_ylim(*layout.YLIM)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax


def names(ax: Axes, ids: Iterable[str] | None = None) -> None:
    """Each placed actor's name just above its dot (below it for :data:`NAME_BELOW`)."""
    table = facts.actors()
    for actor_id in layout.POSITIONS if ids is None else ids:
        T.label(
            ax,
            layout.position(actor_id),
            table[actor_id].name,
            size="small",
            va="top" if actor_id in NAME_BELOW else "bottom",
            offset=(
                NAME_NUDGE_PT.get(actor_id, 0),
                -NAME_OFFSET_PT if actor_id in NAME_BELOW else NAME_OFFSET_PT,
            ),
            zorder=6,
        )


def dots(ax: Axes, ids: Iterable[str] | None = None) -> None:
    """The actors as dark dots (one artist for all of them)."""
    ids = list(layout.POSITIONS if ids is None else ids)
    ax.plot(
        [layout.POSITIONS[i][0] for i in ids],
        [layout.POSITIONS[i][1] for i in ids],
        "o",
        ls="none",
        ms=9,
        color="#444444",
        markeredgecolor="white",
        markeredgewidth=1.5,
        zorder=5,
    )


def boundary(
    ax: Axes,
    members: Iterable[str],
    color: str,
    linestyle: str = "-",
    fill_alpha: float = 0.0,
    linewidth: float = 2.4,
) -> None:
    """Outline (and optionally shade) the region holding ``members`` and no one else.

    Patches go in with ``add_artist``: the limits are fixed, and ``add_patch`` would walk every
    curve segment to update them.
    """
    members = tuple(sorted(members))
    if not members:
        return
    outline, region = layout.boundary_contours(members)
    if fill_alpha:
        ax.add_artist(PathPatch(_path(region), facecolor=color, edgecolor="none", alpha=fill_alpha, zorder=1))
    ax.add_artist(
        PathPatch(
            _path(outline),
            facecolor="none",
            edgecolor=color,
            linewidth=linewidth,
            linestyle=linestyle,
            zorder=2,
        )
    )


def _path(pieces: layout.Contour) -> Path:
    return Path.make_compound_path(*(Path(v, c) for v, c in pieces))
