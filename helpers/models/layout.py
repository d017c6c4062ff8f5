"""One fixed layout of the actors and the group boundaries on it (drawn by :mod:`helpers.figures.actors`).

Every picture of the actors in the collection uses these positions, so that switching a framing
moves boundaries, arrows and labels but never the actors themselves. The layout is a diagram,
roughly west to east, not a map. A boundary is the level set of a smooth field that rises near
members (and along short bridges between them) and falls near non-members, so a line can wind
around an outsider sitting among insiders (Austria and Ireland among NATO members, say).
"""

from __future__ import annotations

from functools import cache

import numpy as np

POSITIONS: dict[str, tuple[float, float]] = {
    "USA": (0.7, 4.3),
    "GBR": (1.8, 5.3),
    "IRL": (0.8, 2.5),
    "NOR": (2.8, 6.4),
    "SWE": (4.05, 6.3),
    "FIN": (5.0, 6.6),
    "EST": (5.4, 5.4),
    "FRA": (2.0, 3.4),
    "DEU": (3.3, 4.1),
    "AUT": (2.4, 1.6),
    "POL": (4.5, 4.4),
    "TUR": (4.1, 1.3),
    "UKR": (6.0, 3.0),
    "RUS": (7.6, 4.7),
    "CHN": (9.0, 2.4),
}
XLIM = (-0.6, 10.0)
YLIM = (-0.3, 7.9)
_GRID_X = np.linspace(*XLIM, 160)
_GRID_Y = np.linspace(*YLIM, 124)
_GX, _GY = np.meshgrid(_GRID_X, _GRID_Y)
_SIGMA = 0.55
LEVEL = 0.25


def position(actor_id: str) -> tuple[float, float]:
    if actor_id not in POSITIONS:
        raise ValueError(f"no position for {actor_id!r}; placed actors are {', '.join(POSITIONS)}")
    return POSITIONS[actor_id]


def _bump(x: float, y: float) -> np.ndarray:
    return np.exp(-((_GX - x) ** 2 + (_GY - y) ** 2) / (2 * _SIGMA**2))


def spanning_tree(members: list[str]) -> list[tuple[str, str]]:
    """Edges of a minimum spanning tree over the members' positions (Prim's algorithm)."""
    if len(members) < 2:
        return []
    pts = np.array([POSITIONS[m] for m in members])
    dist = np.hypot(*(pts[:, None, :] - pts[None, :, :]).transpose(2, 0, 1))
    in_tree, edges = {0}, []
    while len(in_tree) < len(members):
        best = min(
            ((i, j) for i in in_tree for j in range(len(members)) if j not in in_tree),
            key=lambda e: dist[e],
        )
        edges.append((members[best[0]], members[best[1]]))
        in_tree.add(best[1])
    return edges


@cache
def boundary_field(members: tuple[str, ...]) -> np.ndarray:
    """The smooth field whose level ``LEVEL`` outlines ``members`` and excludes everyone else."""
    unknown = [m for m in members if m not in POSITIONS]
    if unknown:
        raise ValueError(f"unknown actors {unknown}; placed actors are {', '.join(POSITIONS)}")
    field = np.zeros_like(_GX)
    for actor_id, (x, y) in POSITIONS.items():
        if actor_id not in members:
            field -= 1.6 * _bump(x, y)
    for actor_id in members:
        field += _bump(*POSITIONS[actor_id])
    # Bridges keep a group in one piece where the layout allows it.
    for a, b in spanning_tree(sorted(members)):
        (xa, ya), (xb, yb) = POSITIONS[a], POSITIONS[b]
        for t in np.linspace(0.2, 0.8, 4):
            field += 0.45 * _bump(xa + t * (xb - xa), ya + t * (yb - ya))
    return field


Contour = tuple[tuple[np.ndarray, np.ndarray], ...]  # (vertices, path codes) per piece


@cache
def boundary_contours(members: tuple[str, ...]) -> tuple[Contour, Contour]:
    """The line around ``members`` as (outline, filled region) pieces, traced once and reused.

    Each piece is (vertices, codes) in matplotlib's path-code convention, so the figure layer
    makes paths of them without this model importing matplotlib.
    """
    import contourpy

    field = boundary_field(members)
    gen = contourpy.contour_generator(_GX, _GY, field, line_type="SeparateCode", fill_type="OuterCode")
    lines, line_codes = gen.lines(LEVEL)
    polys, poly_codes = gen.filled(LEVEL, float(field.max()) + 1)
    return (tuple(zip(lines, line_codes, strict=True)), tuple(zip(polys, poly_codes, strict=True)))


def contains(members: tuple[str, ...], actor_id: str) -> bool:
    """Whether the drawn boundary of ``members`` encloses ``actor_id`` (checked on the grid)."""
    x, y = position(actor_id)
    field = boundary_field(tuple(sorted(members)))
    i = int(np.abs(_GRID_Y - y).argmin())
    j = int(np.abs(_GRID_X - x).argmin())
    return bool(field[i, j] >= LEVEL)


def nearest_inside(members: tuple[str, ...], x: float, y: float) -> tuple[float, float]:
    """The point inside the line around ``members`` closest to (x, y): where an arrow meets it."""
    field = boundary_field(tuple(sorted(members)))
    inside = field >= LEVEL
    if not inside.any():
        raise ValueError(f"no region is enclosed for {members}")
    dist = np.where(inside, (_GX - x) ** 2 + (_GY - y) ** 2, np.inf)
    i, j = np.unravel_index(int(dist.argmin()), dist.shape)
    return float(_GX[i, j]), float(_GY[i, j])


def arc(start: tuple[float, float], end: tuple[float, float], rad: float, t: np.ndarray) -> np.ndarray:
    """The points at parameters ``t`` (0 at start, 1 at end) of matplotlib's arc3 curve, shape (len(t), 2)."""
    (x0, y0), (x1, y1) = start, end
    cx = (x0 + x1) / 2 + rad * (y1 - y0)
    cy = (y0 + y1) / 2 - rad * (x1 - x0)
    t = np.asarray(t, dtype=float)[:, None]
    return (
        (1 - t) ** 2 * np.array([x0, y0]) + 2 * (1 - t) * t * np.array([cx, cy]) + t**2 * np.array([x1, y1])
    )


def clearance(
    start: tuple[float, float], end: tuple[float, float], rad: float, others: list[tuple[float, float]]
) -> float:
    """The least distance from ``others`` to matplotlib's arc3 curve from start to end."""
    curve = arc(start, end, rad, np.linspace(0.08, 0.92, 24))
    if not others:
        return float("inf")
    pts = np.array(others)
    return float(np.sqrt(((curve[:, None, :] - pts[None, :, :]) ** 2).sum(-1)).min())
