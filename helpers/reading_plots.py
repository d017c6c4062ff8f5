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

from helpers import argument_map as am
from helpers import essay, plots, reader

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


_MAP_SIZE = (10.5, 7.2)
_MAP_ADJUST = {"left": 0.01, "right": 0.99, "bottom": 0.01, "top": 0.93}
_static_layers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _map_limits(pos: dict[str, tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    depth_max = max(x for x, _ in pos.values())
    ys = [y for _, y in pos.values()]
    return (-0.6, depth_max + 0.6), (min(ys) - 0.6, max(ys) + 0.9)


def _static_layer(amap: am.ArgumentMap, dpi: float = plots.DPI
                  ) -> tuple[np.ndarray, dict[str, tuple[float, ...]]]:
    """The map's text drawn once into a transparent RGBA image, and each label's box.

    Text is what costs time to draw; it does not change when premises are toggled, so it is
    rendered once per map (and resolution) and pasted over the boxes and arrows of every state.
    """
    cached = _static_layers.setdefault(amap, {})
    if dpi in cached:
        return cached[dpi]
    pos = amap.layout()
    with matplotlib.rc_context(plots.STYLE):
        fig = _figure(*_MAP_SIZE, **_MAP_ADJUST)
        fig.set_dpi(dpi)
        fig.patch.set_alpha(0.0)
        ax = fig.subplots()
        ax.set_axis_off()
        ax.patch.set_alpha(0.0)
        xlim, ylim = _map_limits(pos)
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        texts = {}
        for cid, (x, y) in pos.items():
            claim = amap[cid]
            label = f"{plots.wrap_label(claim.label, 22)}\n({', '.join(claim.paragraphs)})"
            texts[cid] = ax.text(x, y, label, ha="center", va="center", fontsize=10)
        depth_max = xlim[1] - 0.6
        for d, kind in ((0.0, "premise"), (depth_max, "conclusion")):
            ax.text(d, ylim[1] - 0.15, _KIND_STYLE[kind]["label"].upper(), ha="center",
                    fontsize=11, fontweight="bold")
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        renderer = canvas.get_renderer()
        to_data = ax.transData.inverted()
        boxes = {}
        for cid, text in texts.items():
            extent = text.get_window_extent(renderer).padded(5 * dpi / 72)  # 5 pt around
            (x0, y0), (x1, y1) = to_data.transform(extent.get_points())
            boxes[cid] = (x0, y0, x1 - x0, y1 - y0)
        image = np.asarray(canvas.buffer_rgba()).copy()
    cached[dpi] = (image, boxes)
    return image, boxes


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
    pos = amap.layout()
    _, boxes = _static_layer(amap)
    fig = _figure(*_MAP_SIZE, **_MAP_ADJUST)
    ax = fig.subplots()
    ax.set_axis_off()
    xlim, ylim = _map_limits(pos)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)

    solid, broken = [], []
    for supporter, supported in amap.edges():
        x0, y0, w0, _ = boxes[supporter]
        x1, y1, _, _ = boxes[supported]
        segment = [(x0 + w0, pos[supporter][1]), (x1, pos[supported][1])]
        (solid if status[supporter] else broken).append(segment)
    ax.add_collection(LineCollection(solid, colors=plots.PALETTE["blue"], linewidths=1.6))
    ax.add_collection(LineCollection(broken, colors=_FALLEN, linewidths=1.6, linestyles=":"))
    for segments, colour in ((solid, plots.PALETTE["blue"]), (broken, _FALLEN)):
        if segments:
            ax.scatter([s[1][0] for s in segments], [s[1][1] for s in segments], marker=">",
                       s=30, color=colour, zorder=3)

    crosses = []
    for cid, (x0, y0, w, h) in boxes.items():
        ok = status[cid]
        ax.add_patch(FancyBboxPatch(
            (x0, y0), w, h, boxstyle="round,pad=0,rounding_size=0.06", mutation_aspect=0.5,
            fc=_KIND_STYLE[amap[cid].kind]["fc"] if ok else "white",
            ec="black" if ok else _FALLEN, ls="-" if ok else "--", lw=1.2 if ok else 1.8,
            zorder=2.5))
        if not ok:
            crosses.append((x0 + w, y0 + h, cid in rejected))
    if crosses:
        ax.scatter([c[0] for c in crosses], [c[1] for c in crosses], marker="X", s=90,
                   color=[plots.PALETTE["vermillion"] if r else "#6E6E6E" for *_, r in crosses],
                   edgecolors="white", zorder=4)
    fig.add_artist(_TextLayer(amap))

    lost = amap.lost_conclusions(rejected)
    conclusions = amap.of_kind("conclusion")
    rejected_note = (f"; {len(rejected)} premise{'s' if len(rejected) > 1 else ''} rejected "
                     "(red X)" if rejected else "")
    ax.set_title(f"{len(conclusions) - len(lost)} of {len(conclusions)} conclusions still "
                 f"supported{rejected_note}", pad=22)

    fallen = [amap[c].label for c in amap.fallen(rejected) if c not in rejected]
    description = (
        "Our map of the essay's argument (a reconstruction, one reading among several): premises "
        "on the left, intermediate claims in the middle, conclusions on the right, each box "
        "naming the paragraphs it comes from, arrows for 'supports'. "
        + (f"Rejected (red X): {', '.join(amap[r].label for r in rejected)}. "
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
    from helpers import widgets

    return [widgets.dropdown("pid", "Paragraph:", essay.paragraph_ids(), "P1")]


def search_controls() -> list:
    """The search box."""
    from helpers import widgets

    return [widgets.text("query", "Search the essay for:", "collective")]


def map_controls(amap: am.ArgumentMap) -> list:
    """One accept / reject switch per premise a reader may reject (in the data file's order)."""
    from helpers import widgets

    return [widgets.toggle(c.id, f"{c.label} ({', '.join(c.paragraphs)}):",
                           {"accept": False, "reject": True}, False)
            for c in amap.claims.values() if c.rejectable]
