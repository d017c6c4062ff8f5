"""Figures for notebook 01 (reading the essay). Each returns (fig, description)."""

from __future__ import annotations

import weakref
from collections.abc import Iterable

import matplotlib
import numpy as np
from matplotlib.artist import Artist
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.patches import FancyBboxPatch

from helpers.figures import style as plots
from helpers.models import argument_map as am
from helpers.sources import essay
from helpers.text import reading as reader

_KIND_STYLE = {
    "premise": {"fc": "#DCEEFB", "label": "premises"},
    "intermediate": {"fc": "#F2F2F2", "label": "intermediate claims"},
    "conclusion": {"fc": "#FBE3C4", "label": "conclusions"},
}
_FALLEN = "#BDBDBD"


def _figure(width: float, height: float, **adjust: float):
    """A figure with a fixed layout (constrained layout costs more than the draw)."""
    fig = plots.new_figure(width, height, layout=None)
    fig.subplots_adjust(**adjust)
    return fig


# The map is laid out in inches: label sizes are measured once, columns are as wide as their
# widest label, and the figure grows to fit, so boxes never overlap whatever the labels say.
_PAD_PT = 5.0  # space between a label and its box
_COL_GAP_IN = 0.8  # horizontal room for the arrows between two columns
_ROW_GAP_IN = 0.12
_SLOT_IN = 0.12  # the free slot an arrow uses in a column it passes through
_MARGIN_IN = 0.1
_HEAD_IN = 0.75  # title and column headings above the map
_WRAP = 22
_PORT_IN = 0.1  # spacing of the arrows that leave or enter one box
_PORT_EDGE_IN = 0.08  # ports keep this far from a box's top and bottom
_static_layers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _label(claim: am.Claim) -> str:
    return f"{plots.wrap_label(claim.label, _WRAP)}\n({', '.join(claim.paragraphs)})"


class _Geometry:
    """Where everything goes, in inches from the figure's lower left corner."""

    def __init__(self, amap: am.ArgumentMap):
        with matplotlib.rc_context(plots.STYLE):
            scratch = plots.new_figure(4, 4, layout=None)
            renderer = FigureCanvasAgg(scratch).get_renderer()
            size = {}
            for cid, claim in amap.claims.items():
                text = scratch.text(0, 0, _label(claim), ha="center", va="center", fontsize=10)
                ext = text.get_window_extent(renderer)
                pad = 2 * _PAD_PT / 72
                size[cid] = (ext.width / scratch.dpi + pad, ext.height / scratch.dpi + pad)
        heights = {cid: round(h, 3) for cid, (_, h) in size.items()}
        pos = amap.layout(heights, gap=_ROW_GAP_IN, dummy=_SLOT_IN)
        routes = amap.routes(heights, gap=_ROW_GAP_IN, dummy=_SLOT_IN)
        depth_max = int(max(x for x, _ in pos.values()))
        widths = [max(size[c][0] for c in pos if pos[c][0] == d) for d in range(depth_max + 1)]
        self.left, self.right, centre = [], [], []
        x = _MARGIN_IN
        for w in widths:
            self.left.append(x)
            centre.append(x + w / 2)
            self.right.append(x + w)
            x += w + _COL_GAP_IN
        ys = [y for _, y in pos.values()] + [y for r in routes.values() for _, y in r]
        half = max(size[c][1] for c in pos) / 2
        low = min(ys) - half - _MARGIN_IN
        map_height = max(ys) + half - low
        self.figsize = (x - _COL_GAP_IN + _MARGIN_IN, map_height + _HEAD_IN + _MARGIN_IN)
        shift = -low  # y = 0 at the figure's bottom edge
        self.centre = {cid: (centre[int(d)], y + shift) for cid, (d, y) in pos.items()}
        self.boxes = {cid: (cx - size[cid][0] / 2, cy - size[cid][1] / 2, *size[cid])
                      for cid, (cx, cy) in self.centre.items()}
        self.routes = {edge: [(int(d), y + shift) for d, y in way]
                       for edge, way in routes.items()}
        self.map_top = map_height
        self.depth_max = depth_max
        self.ports = self._ports()

    def _ports(self) -> dict[tuple[str, str], tuple[float, float]]:
        """Where each edge leaves its supporter and enters the claim it supports (y offsets).

        Several arrows meeting a box in one point read as one; instead they are spread down the
        box's side in the order of their other ends, so the fan itself adds no crossing.
        """
        out: dict[str, list] = {}
        into: dict[str, list] = {}
        for edge, way in self.routes.items():
            out.setdefault(edge[0], []).append((-way[1][1], edge))
            into.setdefault(edge[1], []).append((-way[-2][1], edge))
        offsets = {edge: [0.0, 0.0] for edge in self.routes}
        for end, groups in ((0, out), (1, into)):
            for cid, items in groups.items():
                items.sort()
                height = self.boxes[cid][3]
                step = min(_PORT_IN, (height - 2 * _PORT_EDGE_IN) / max(len(items) - 1, 1))
                for i, (_, edge) in enumerate(items):
                    offsets[edge][end] = ((len(items) - 1) / 2 - i) * step
        return {edge: (a, b) for edge, (a, b) in offsets.items()}

    def path(self, edge: tuple[str, str]) -> list[tuple[float, float]]:
        """The edge's polyline: out of the supporter's box, level through each column it
        crosses, into the supported box; slanted only in the gaps between columns."""
        way = self.routes[edge]
        x0, _, w0, _ = self.boxes[edge[0]]
        x1 = self.boxes[edge[1]][0]
        y0, y1 = way[0][1] + self.ports[edge][0], way[-1][1] + self.ports[edge][1]
        points = [(x0 + w0, y0), (self.right[way[0][0]], y0)]
        for d, y in way[1:-1]:
            points += [(self.left[d], y), (self.right[d], y)]
        points += [(self.left[way[-1][0]], y1), (x1, y1)]
        return points


def _axes(fig, geo: _Geometry):
    """Axes covering the whole figure whose data units are inches."""
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_xlim(0, geo.figsize[0])
    ax.set_ylim(0, geo.figsize[1])
    return ax


def _static_layer(amap: am.ArgumentMap, dpi: float = plots.DPI
                  ) -> tuple[np.ndarray, _Geometry]:
    """The map's text drawn once into a transparent RGBA image, and the map's geometry.

    Text is what costs time to draw; it does not change when premises are toggled, so it is
    rendered once per map (and resolution) and pasted over the boxes and arrows of every state.
    """
    cached = _static_layers.setdefault(amap, {})
    if dpi in cached:
        return cached[dpi]
    geo = cached.get("geometry") or _Geometry(amap)
    cached["geometry"] = geo
    with matplotlib.rc_context(plots.STYLE):
        fig = plots.new_figure(*geo.figsize, layout=None)
        fig.set_dpi(dpi)
        fig.patch.set_alpha(0.0)
        ax = _axes(fig, geo)
        ax.patch.set_alpha(0.0)
        for cid, (x, y) in geo.centre.items():
            ax.text(x, y, _label(amap[cid]), ha="center", va="center", fontsize=10)
        heading_y = geo.map_top + 0.12
        for d, kind in ((0, "premise"), (geo.depth_max, "conclusion")):
            ax.text((geo.left[d] + geo.right[d]) / 2, heading_y, _KIND_STYLE[kind]["label"].upper(),
                    ha="center", va="bottom", fontsize=11, fontweight="bold")
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        image = np.asarray(canvas.buffer_rgba()).copy()
    cached[dpi] = (image, geo)
    return image, geo


class _TextLayer(Artist):
    """Pastes the pre-rendered text of a map onto the canvas, pixel for pixel (no resampling)."""

    def __init__(self, amap: am.ArgumentMap):
        super().__init__()
        self._amap = amap
        self.set_zorder(5)

    def draw(self, renderer) -> None:
        if not self.get_visible():
            return
        image, _ = _static_layer(self._amap, renderer.dpi)
        gc = renderer.new_gc()
        renderer.draw_image(gc, 0, 0, image[::-1])
        gc.restore()


@plots.house_style
def argument_map_figure(amap: am.ArgumentMap, rejected: Iterable[str] = ()) -> plots.FigureResult:
    """The argument map: claims by depth, support edges, and what falls with rejected premises."""
    rejected = sorted(set(rejected))
    status = amap.standing(rejected)
    _, geo = _static_layer(amap)
    fig = plots.new_figure(*geo.figsize, layout=None)
    ax = _axes(fig, geo)

    solid, broken = [], []
    for edge in amap.edges():
        (solid if status[edge[0]] else broken).append(geo.path(edge))
    ax.add_collection(LineCollection(solid, colors=plots.PALETTE["blue"], linewidths=1.6))
    ax.add_collection(LineCollection(broken, colors=_FALLEN, linewidths=1.6, linestyles=":"))
    # Markers on a Line2D (not scatter): the same heads, cheaper to build and draw.
    for segments, colour in ((solid, plots.PALETTE["blue"]), (broken, _FALLEN)):
        if segments:
            ax.plot([s[-1][0] - 0.03 for s in segments], [s[-1][1] for s in segments],
                    ls="none", marker=">", ms=6.5, color=colour, mew=0, zorder=3)

    crosses = []
    for cid, (x0, y0, w, h) in geo.boxes.items():
        ok = status[cid]
        ax.add_patch(FancyBboxPatch(
            (x0, y0), w, h, boxstyle="round,pad=0,rounding_size=0.08",
            fc=_KIND_STYLE[amap[cid].kind]["fc"] if ok else "white",
            ec="black" if ok else _FALLEN, ls="-" if ok else "--", lw=1.2 if ok else 1.8,
            zorder=2.5))
        if not ok:
            crosses.append((x0 + w, y0 + h, cid in rejected))
    for picked, colour in ((True, plots.PALETTE["vermillion"]), (False, "#6E6E6E")):
        xs = [(x, y) for x, y, r in crosses if r is picked]
        if xs:
            ax.plot([x for x, _ in xs], [y for _, y in xs], ls="none", marker="X", ms=9.5,
                    color=colour, mec="white", zorder=4)
    fig.add_artist(_TextLayer(amap))

    lost = amap.lost_conclusions(rejected)
    conclusions = amap.of_kind("conclusion")
    rejected_note = (f"; {len(rejected)} premise{'s' if len(rejected) > 1 else ''} rejected "
                     "(orange X)" if rejected else "")
    ax.text(geo.figsize[0] / 2, geo.figsize[1] - 0.12,
            f"{len(conclusions) - len(lost)} of {len(conclusions)} conclusions still "
            f"supported{rejected_note}", ha="center", va="top", fontsize=13, fontweight="bold")

    fallen = [amap[c].label for c in amap.fallen(rejected) if c not in rejected]
    description = (
        "Our map of the essay's argument (a reconstruction, one reading among several): premises "
        "on the left, intermediate claims in the middle, conclusions on the right, each box "
        "naming the paragraphs it comes from, arrows for 'supports'. "
        + (f"Rejected (orange X): {', '.join(amap[r].label for r in rejected)}. "
           f"Claims that lose their support (dashed grey box, grey X, dotted arrows): "
           f"{', '.join(fallen) or 'none'}. "
           f"Conclusions still standing: {len(conclusions) - len(lost)} of {len(conclusions)}."
           if rejected else f"Nothing is rejected, so all {len(conclusions)} conclusions stand.")
    )
    return fig, description


@plots.house_style
def referent_figure() -> plots.FigureResult:
    """Where the essay says "Europe", "the EU", "NATO", "Euro-Atlantic" or "collective"."""
    occurrences = reader.referent_occurrences()
    pids = essay.paragraph_ids()
    names = list(reader.REFERENT_PATTERNS)
    counts = {(n, p): 0 for n in names for p in pids}
    for occ in occurrences:
        counts[(occ.label, occ.pid)] += 1
    fig = _figure(10, 4.2, left=0.15, right=0.98, bottom=0.14, top=0.88)
    ax = fig.subplots()
    for row, name in enumerate(names):
        y = len(names) - 1 - row
        xs = [i for i, p in enumerate(pids) if counts[(name, p)]]
        sizes = [120 * counts[(name, pids[i])] for i in xs]
        ax.scatter(xs, [y] * len(xs), s=sizes, marker=plots.MARKERS[row], color=plots.CYCLE[row],
                   edgecolors="black", linewidths=0.6)
        for i in xs:
            if counts[(name, pids[i])] > 1:
                ax.text(i + 0.22, y + 0.18, str(counts[(name, pids[i])]), fontsize=10)
    ax.set_xticks(range(len(pids)), pids)
    ax.set_yticks(range(len(names))[::-1], [f'"{n}"' for n in names])
    ax.set_xlim(-0.6, len(pids) - 0.4)
    ax.set_ylim(-0.7, len(names) - 0.3)
    ax.set_xlabel("paragraph (page order)")
    ax.set_title(f"Which Europe? {len(occurrences)} mentions across the essay")
    per_name = {n: sum(counts[(n, p)] for p in pids) for n in names}
    description = (
        "Where the essay names Europe and its neighbours in meaning, paragraph by paragraph "
        "(marker size grows with the count): "
        + "; ".join(
            f'"{n}" {per_name[n]} times in '
            + ", ".join(p for p in pids if counts[(n, p)])
            for n in names)
        + ". 'European Union' counts as the EU only; 'collective security', the concept, is not "
        "counted as 'collective'."
    )
    return fig, description


# --- render functions for the notebook's widgets (pure: values in, view out) ----------------


def render_paragraph(pid: str) -> tuple[None, str, str]:
    """The paragraph reader: no figure, the paragraph as HTML with terms marked."""
    return None, reader.paragraph_description(pid), reader.paragraph_html(pid)


def render_search(query: str) -> tuple[None, str, str]:
    """The search box: every matching sentence, or a clear note when nothing matches."""
    return None, reader.search_description(query), reader.search_html(query)


def map_renderer(amap: am.ArgumentMap):
    """A render function for the map whose keyword arguments are the rejectable premises' ids."""
    valid = {c.id for c in amap.rejectable()}

    def render(**rejections: bool) -> plots.FigureResult:
        unknown = set(rejections) - valid
        if unknown:
            raise ValueError(f"unknown premise(s) {sorted(unknown)}; valid: {sorted(valid)}")
        return argument_map_figure(amap, [cid for cid, on in rejections.items() if on])

    return render


def reader_controls() -> list:
    """The paragraph reader's control: one dropdown of paragraph ids."""
    from helpers.explorers import widgets

    return [widgets.dropdown("pid", "Paragraph:", essay.paragraph_ids(), "P1")]


def search_controls() -> list:
    """The search box."""
    from helpers.explorers import widgets

    return [widgets.text("query", "Search the essay for:", "collective")]


def map_controls(amap: am.ArgumentMap) -> list:
    """One accept / reject switch per premise a reader may reject (in the data file's order)."""
    from helpers.explorers import widgets

    return [widgets.toggle(c.id, f"{c.label} ({', '.join(c.paragraphs)}):",
                           {"accept": False, "reject": True}, False)
            for c in amap.claims.values() if c.rejectable]
