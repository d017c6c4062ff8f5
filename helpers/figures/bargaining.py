"""Picture for notebook 04: the bargaining range appearing, shrinking or vanishing.

:class:`BargainingPicture` draws one :class:`helpers.models.bargaining.Bargain` on the line of A's
share of an abstract stake, in five rows. The rows, ticks and axis label never change (static
layer); the spans, the p line and the verdict do. The controls, the description and the quizzes
live in ``helpers.explorers.bargaining``.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.patches import Rectangle

from helpers.figures import style
from helpers.figures import text as tx
from helpers.figures.engine import Picture
from helpers.models import bargaining as bg

ROWS = ("A: better than war", "B: better than war", "Bargaining range", "On the table", "Deals possible")
SHORT = {
    "divisible": "divisible",
    "indivisible": "indivisible",
    "side payments": "indivisible + side payment",
}
"""How the title names each kind of stake."""
_Y = {name: len(ROWS) - 1 - i for i, name in enumerate(ROWS)}


def _span(ax, y: float, lo: float, hi: float, color: str, hatch: str = "") -> None:
    """A horizontal bar from lo to hi on row y; a diamond when it has no length."""
    if hi - lo < 1e-6:
        ax.plot([lo], [y], "D", markersize=11, color=color, markeredgecolor="black", clip_on=False)
    else:
        ax.add_artist(
            Rectangle(
                (lo, y - 0.275), hi - lo, 0.55, facecolor=color, edgecolor="black", hatch=hatch, linewidth=1.0
            )
        )


@dataclass(frozen=True)
class BargainingPicture(Picture):
    """What A accepts, what B accepts, their overlap, the offers on the table and the deals."""

    result: bg.Bargain
    size: tuple[float, float] = (9.5, 4.6)

    def title(self) -> str:
        verdict = "A peaceful deal exists" if self.result.deals else "No peaceful deal in the model"
        return f"{verdict} ({SHORT[self.result.stake]} stake)"

    def draw_static(self, fig):
        ax = fig.add_axes((0.2, 0.14, 0.77, 0.76))
        ax.set_ylim(-0.6, len(ROWS) - 0.1)
        ax.set_xlim(-0.02, 1.02)
        ax.set_yticks([_Y[r] for r in ROWS], ROWS, fontsize=tx.SIZES["small"])
        ax.set_xticks(
            [0, 0.25, 0.5, 0.75, 1.0], ["0", "0.25", "0.5", "0.75", "1"], fontsize=tx.SIZES["small"]
        )
        ax.set_xlabel("A's share of the abstract stake (B gets the rest)", fontsize=tx.SIZES["label"])
        return ax

    def draw_changing(self, fig, ax) -> None:
        pal, r = style.PALETTE, self.result
        lo, hi = r.range
        _span(ax, _Y["A: better than war"], max(0.0, r.p - r.cost_a), 1.0, pal["blue"], "//")
        _span(ax, _Y["B: better than war"], 0.0, min(1.0, r.p + r.cost_b), pal["orange"], "\\\\")
        _span(ax, _Y["Bargaining range"], lo, hi, pal["bluish green"])
        for t0, t1 in r.on_table:
            _span(ax, _Y["On the table"], t0, t1, style.GREY, "..")
        if not r.on_table:
            tx.boxed(
                ax, (0.5, _Y["On the table"]), "nothing: each side refuses the other's claim", size="small"
            )
        for d0, d1 in r.deals:
            _span(ax, _Y["Deals possible"], d0, d1, pal["black"])
        if not r.deals:
            tx.boxed(
                ax,
                (0.5, _Y["Deals possible"]),
                "NONE: no split both prefer to war is on the table",
                size="label",
                weight="bold",
                color=tx.ink(pal["vermillion"]),
            )
        ax.axvline(r.p, color=pal["reddish purple"], linestyle="--", linewidth=1.8)
        tx.boxed(
            ax,
            (min(max(r.p, 0.06), 0.94), len(ROWS) - 0.45),
            f"p = {r.p:.2f}",
            size="small",
            color=tx.ink(pal["reddish purple"]),
            zorder=4,
        )
        tx.label(ax, (0.5, 1.0), self.title(), coords="axes", size="title", weight="bold", va="bottom")
