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


def diagram_axes(fig: Figure, rect: tuple[float, float, float, float]) -> Axes:
    """An axes at ``rect`` (figure fractions) holding the diagram: equal aspect, no frame, fixed limits."""
    ax = fig.add_axes(rect)
    ax.set_xlim(*layout.XLIM)
    ax.set_ylim(*layout.YLIM)
    ax.set_aspect("equal")
    ax.set_axis_off()
    return ax


def names(ax: Axes, bold: Iterable[str] = (), ids: Iterable[str] | None = None) -> None:
    """Each placed actor's name just above its dot; the ids in ``bold`` in bold."""
    table, bold = facts.actors(), set(bold)
    for actor_id in layout.POSITIONS if ids is None else ids:
        T.label(
            ax,
            layout.position(actor_id),
            table[actor_id].name,
            size="small",
            va="bottom",
            weight="bold" if actor_id in bold else "normal",
            offset=(0, NAME_OFFSET_PT),
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
