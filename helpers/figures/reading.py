"""Notebook 01's pictures: the argument map (what falls when premises are rejected) and where
the essay says "Europe" and its neighbours in meaning.

Each picture is a frozen dataclass holding the model it draws. The map's text (claim labels and
column headings) and the boxes' fills never change for a map, so they are the static layer; the
edges, the veils over fallen claims, the crosses and the headline change with the rejections.
All text is ordinary matplotlib Text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, ClassVar

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch

from helpers.figures import style as plots
from helpers.figures.engine import Picture
from helpers.figures.text import label
from helpers.models import argument_map as am

_KIND_STYLE = {
    "premise": {"fc": "#DCEEFB", "label": "premises"},
    "intermediate": {"fc": "#F2F2F2", "label": "intermediate claims"},
    "conclusion": {"fc": "#FBE3C4", "label": "conclusions"},
}
_FALLEN = "#9E9E9E"
_VEIL = 0.4  # white over a fallen claim: its words stay readable (over 5:1), visibly paler
_OUTLINE = {  # a claim's box outline, by whether the claim still stands
    True: {"ec": "black", "ls": "-", "lw": 1.2},
    False: {"ec": _FALLEN, "ls": "--", "lw": 1.8},
}


# Label sizes are measured once per map; the map's model lays the boxes out around them, in inches.
_PAD_PT = 5.0  # space between a label and its box
_WRAP = 22


def _label(claim: am.Claim) -> str:
    return f"{plots.wrap_label(claim.label, _WRAP)}\n({', '.join(claim.paragraphs)})"


@functools.lru_cache(maxsize=8)
def geometry(amap: am.ArgumentMap) -> am.MapGeometry:
    """The map's layout in inches, measured once per map (the layout never changes per state)."""
    with matplotlib.rc_context(plots.STYLE):
        scratch = plots.new_figure(4, 4, layout=None)
        renderer = FigureCanvasAgg(scratch).get_renderer()
        size = {}
        for cid, claim in amap.claims.items():
            text = scratch.text(0, 0, _label(claim), ha="center", va="center", fontsize=10)
            ext = text.get_window_extent(renderer)
            pad = 2 * _PAD_PT / 72
            size[cid] = (ext.width / scratch.dpi + pad, ext.height / scratch.dpi + pad)
    return am.MapGeometry(amap, size)


def _box(ax, box: tuple[float, float, float, float], **props) -> None:
    """A rounded rectangle over a claim's box (x0, y0, width, height in inches)."""
    x0, y0, w, h = box
    ax.add_artist(FancyBboxPatch((x0, y0), w, h, boxstyle="round,pad=0,rounding_size=0.08", **props))


def _marks(ax, points: list[tuple[float, float]], **props) -> None:
    """Markers without a line at ``points`` (arrowheads, crosses); nothing when there are none."""
    if points:
        xs, ys = zip(*points, strict=True)
        ax.add_artist(Line2D(xs, ys, ls="none", **props))


def headline(state: am.MapState) -> str:
    conclusions = state.amap.of_kind("conclusion")
    n = len(state.rejected)
    note = f"; {n} premise{'s' if n > 1 else ''} rejected (orange X)" if n else ""
    return f"{len(conclusions) - len(state.lost)} of {len(conclusions)} conclusions still supported{note}"


@dataclass(frozen=True)
class ArgumentMapPicture(Picture):
    """The argument map: claims by depth, support edges, and what falls with rejected premises."""

    state: am.MapState

    @property
    def size(self) -> tuple[float, float]:  # type: ignore[override]
        return geometry(self.state.amap).figsize

    def static_key(self) -> Any:
        return self.state.amap

    def title(self) -> str:
        return "The essay's argument (our map)"

    def draw_static(self, fig) -> Any:
        amap = self.state.amap
        geo = geometry(amap)
        ax = fig.add_axes((0, 0, 1, 1))  # the whole figure, with inches as data units
        ax.set_axis_off()
        ax.set_xlim(0, geo.figsize[0])
        ax.set_ylim(0, geo.figsize[1])
        for cid, box in geo.boxes.items():
            _box(ax, box, fc=_KIND_STYLE[amap[cid].kind]["fc"], ec="none", zorder=1)
        for cid, (x, y) in geo.centre.items():
            label(ax, (x, y), _label(amap[cid]), size="note", zorder=3)
        heading_y = geo.map_top + 0.12
        for d, kind in ((0, "premise"), (geo.depth_max, "conclusion")):
            label(
                ax,
                ((geo.left[d] + geo.right[d]) / 2, heading_y),
                _KIND_STYLE[kind]["label"].upper(),
                size="small",
                weight="bold",
                va="bottom",
            )
        return ax, geo

    def draw_changing(self, fig, handles) -> None:
        ax, geo = handles
        amap, status, rejected = self.state.amap, self.state.status, self.state.rejected
        solid, broken = [], []
        for edge in amap.edges():
            (solid if status[edge[0]] else broken).append(geo.path(edge))
        blue = plots.PALETTE["blue"]
        ax.add_collection(LineCollection(solid, colors=blue, linewidths=1.6, zorder=4), autolim=False)
        ax.add_collection(
            LineCollection(broken, colors=_FALLEN, linewidths=1.6, linestyles=":", zorder=4), autolim=False
        )
        for segments, colour in ((solid, blue), (broken, _FALLEN)):
            heads = [(s[-1][0] - 0.03, s[-1][1]) for s in segments]
            _marks(ax, heads, marker=">", ms=6.5, color=colour, mew=0, zorder=4)
        crosses = []
        for cid, box in geo.boxes.items():
            if not status[cid]:
                _box(ax, box, fc="white", alpha=_VEIL, ec="none", zorder=5)
                x0, y0, w, h = box
                crosses.append((x0 + w, y0 + h, cid in rejected))
            _box(ax, box, fc="none", zorder=5, **_OUTLINE[status[cid]])
        for picked, colour in ((True, plots.PALETTE["vermillion"]), (False, "#6E6E6E")):
            xs = [(x, y) for x, y, r in crosses if r is picked]
            _marks(ax, xs, marker="X", ms=9.5, color=colour, mec="white", zorder=6)
        label(
            ax,
            (geo.figsize[0] / 2, geo.figsize[1] - 0.12),
            headline(self.state),
            size=13,
            weight="bold",
            va="top",
            zorder=7,
        )


def describe_map(state: am.MapState) -> str:
    """The map in words, from the same state it draws."""
    amap, rejected = state.amap, state.rejected
    conclusions = amap.of_kind("conclusion")
    standing = len(conclusions) - len(state.lost)
    fallen = [amap[c].label for c, ok in state.standing if not ok and c not in rejected]
    return (
        "Our map of the essay's argument (a reconstruction, one reading among several): premises "
        "on the left, intermediate claims in the middle, conclusions on the right, each box "
        "naming the paragraphs it comes from, arrows for 'supports'. "
        + (
            f"Rejected (orange X): {', '.join(amap[r].label for r in rejected)}. "
            f"Claims that lose their support (paler, dashed grey box, grey X, dotted arrows): "
            f"{', '.join(fallen) or 'none'}. "
            f"Conclusions still standing: {standing} of {len(conclusions)}."
            if rejected
            else f"Nothing is rejected, so all {len(conclusions)} conclusions stand."
        )
    )


# --- "Which Europe?" ----------------------------------------------------------------------------


@dataclass(frozen=True)
class EuropeMentions(Picture):
    """Where the essay names "Europe" and its neighbours in meaning, paragraph by paragraph."""

    names: tuple[str, ...]
    pids: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]  # one row per name, one count per paragraph
    size: ClassVar[tuple[float, float]] = (10.0, 4.2)

    @property
    def total(self) -> int:
        return sum(map(sum, self.counts))

    def title(self) -> str:
        return f"Which Europe? {self.total} mentions across the essay"

    def draw_static(self, fig) -> Any:
        ax = fig.add_axes((0.15, 0.14, 0.83, 0.74))
        n = len(self.names)
        for row, counts in enumerate(self.counts):
            y = n - 1 - row
            xs = [i for i, c in enumerate(counts) if c]
            ax.scatter(
                xs,
                [y] * len(xs),
                s=[120 * counts[i] for i in xs],
                marker=plots.MARKERS[row],
                color=plots.CYCLE[row],
                edgecolors="black",
                linewidths=0.6,
            )
            for i in xs:
                if counts[i] > 1:
                    label(ax, (i + 0.22, y + 0.18), str(counts[i]), size="note", ha="left", va="baseline")
        ax.set_xticks(range(len(self.pids)), self.pids)
        ax.set_yticks(range(n)[::-1], [f'"{name}"' for name in self.names])
        ax.set_xlim(-0.6, len(self.pids) - 0.4)
        ax.set_ylim(-0.7, n - 0.3)
        ax.set_xlabel("paragraph (page order)")
        label(fig, (0.565, 0.97), self.title(), coords="figure", size="title", weight="bold", va="top")
        return ax


def describe_europe_mentions(picture: EuropeMentions) -> str:
    """The dot chart in words, from the same counts."""
    parts = []
    for name, counts in zip(picture.names, picture.counts, strict=True):
        where = ", ".join(p for p, c in zip(picture.pids, counts, strict=True) if c)
        parts.append(f'"{name}" {sum(counts)} times in {where}')
    return (
        "Where the essay names Europe and its neighbours in meaning, paragraph by paragraph "
        "(marker size grows with the count): "
        + "; ".join(parts)
        + ". 'European Union' counts as the EU only; 'collective security', the concept, is not "
        "counted as 'collective'."
    )
