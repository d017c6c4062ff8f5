"""Pictures for notebook 06: motive weights, the nuclear leveller, Jervis's four worlds.

Each class is a :class:`helpers.figures.engine.Picture` holding the model result it draws; the
layout (axes rectangles, ticks, names, keys) is fixed and drawn once per static key, only the
bars, curves and labels that the controls change are drawn per change. Controls, descriptions,
side text and quizzes live in ``helpers.explorers.motives``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import NullLocator

from helpers.figures import style
from helpers.figures import text as tx
from helpers.figures.engine import Picture
from helpers.models import leveller as lv
from helpers.models import motives as mv

MOTIVES_KEY = ("side making the move", "side watching")
#: The bars of each side, in MOTIVES_KEY's order: solid blue for the mover, hatched orange for the watcher.
BARS = (
    {"facecolor": style.PALETTE["blue"], "edgecolor": "black"},
    {"facecolor": style.PALETTE["orange"], "edgecolor": "black", "hatch": "//"},
)


def _heading(ax, text: str, size: str) -> None:
    """A bold heading centred just above one panel."""
    tx.label(ax, (0.5, 1.02), text, coords="axes", size=size, weight="bold", va="bottom")


@dataclass(frozen=True)
class MotivesPicture(Picture):
    """Each move's value to the side making it (solid) and to the side watching (hatched)."""

    readings: tuple[mv.Reading, ...]
    size: tuple[float, float] = (9.0, 4.8)

    def names(self) -> tuple[str, ...]:
        return tuple(r.move.name for r in self.readings)

    def static_key(self):
        return self.names()

    def title(self) -> str:
        return "The same move, read by each side"

    def legend_entries(self) -> tuple[str, ...]:
        return MOTIVES_KEY

    def draw_static(self, fig):
        n = len(self.readings)
        ax = fig.add_axes((0.22, 0.22, 0.75, 0.68), ylim=(-0.6, n - 0.4), xlim=(-2.1, 2.1))
        ax.axvline(0, color="black", linewidth=1)
        ax.set_yticks(
            list(range(n))[::-1], [style.wrap_label(m, 18) for m in self.names()], fontsize=tx.SIZES["small"]
        )
        ax.set_xticks([-2, -1, 0, 1, 2], ["-2", "-1", "0", "+1", "+2"], fontsize=tx.SIZES["small"])
        ax.set_xlabel("value of the move to each side (hypothetical scores)", fontsize=tx.SIZES["label"])
        tx.title(ax, self.title(), loc="center")
        ax.legend(
            handles=[Patch(**bar, label=name) for bar, name in zip(BARS, MOTIVES_KEY, strict=True)],
            loc="upper center",
            bbox_to_anchor=(0.4, -0.13),
            ncol=2,
            frameon=False,
            fontsize=tx.SIZES["small"],
        )
        return ax

    def draw_changing(self, fig, ax) -> None:
        n = len(self.readings)
        for i, r in enumerate(self.readings):
            y = n - 1 - i
            for value, dy, bar in zip((r.mover_value, r.other_value), (0.2, -0.2), BARS, strict=True):
                ax.add_artist(Rectangle((0, y + dy - 0.19), value, 0.38, **bar))


@dataclass(frozen=True)
class LevellerPicture(Picture):
    """Left: damage against warheads (saturating). Right: the bargaining range for every p."""

    standoff: lv.Standoff
    size: tuple[float, float] = (9.6, 4.2)

    def title(self) -> str:
        kind = "limited war" if self.standoff.limited else "major war"
        return f"Damage from arsenals, and the bargaining range ({kind})"

    def draw_static(self, fig):
        small = tx.SIZES["small"]
        ax_d = fig.add_axes((0.09, 0.16, 0.38, 0.7), xscale="log", xlim=(1, 10_000), ylim=(-0.05, 1.25))
        ax_r = fig.add_axes((0.6, 0.16, 0.38, 0.7), xlim=(0, 1), ylim=(0, 1))
        ax_d.set_xticks([1, 10, 100, 1000, 10_000], ["1", "10", "100", "1,000", "10,000"], fontsize=small)
        ax_d.xaxis.set_minor_locator(NullLocator())
        ax_d.set_yticks([0, 0.5, 1.0], ["0.0", "0.5", "1.0"], fontsize=small)
        ax_d.set_xlabel("warheads (estimate x share kept), log scale", fontsize=tx.SIZES["label"])
        ax_d.set_ylabel("damage (1 = unacceptable)", fontsize=tx.SIZES["label"])
        for axis in (ax_r.xaxis, ax_r.yaxis):
            axis.set_ticks([0, 0.5, 1], ["0", "0.5", "1"], fontsize=small)
        ax_r.set_xlabel("p: Russia's expected share from war", fontsize=tx.SIZES["label"])
        ax_r.set_ylabel("Russia's share in a deal", fontsize=tx.SIZES["label"])
        return ax_d, ax_r

    def draw_changing(self, fig, handles) -> None:
        pal = style.PALETTE
        ax_d, ax_r = handles
        s = self.standoff
        w = np.append(np.geomspace(1.0, s.threshold, 16), 10_000.0)  # flat past the threshold
        ax_d.plot(w, np.minimum(w / s.threshold, 1.0), color="black", linewidth=2)
        ax_d.axvline(s.threshold, color=style.GREY, linestyle=":", linewidth=1.5)
        for value, name, color, marker, left in (
            (s.russia_warheads, "Russia", pal["vermillion"], "s", True),
            (s.europe_warheads, '"Europe"', pal["blue"], "o", s.europe_warheads > 1000),
        ):
            dmg = lv.damage(value, s.threshold)
            x = max(value, 1)
            ax_d.plot(
                [x],
                [dmg],
                marker=marker,
                markersize=11,
                color=color,
                markeredgecolor="black",
                linestyle="none",
            )
            above = name == "Russia" or dmg < 0.3
            tx.label(
                ax_d,
                (x * (0.8 if left else 1.25), dmg + (0.09 if above else -0.09)),
                f"{name} {value:,.0f}",
                size="small",
                weight="bold",
                color=tx.ink(color),
                ha="right" if left else "left",
                va="bottom" if above else "top",
                # On white, so the dotted threshold line does not run through the name.
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
                zorder=4,
            )
        _heading(
            ax_d,
            "Not used: war assumed limited" if s.limited else f"Damage saturates at {s.threshold:,.0f}",
            "label",
        )

        p = np.linspace(0, 1, 41)
        lo = np.maximum(0, p - s.cost_russia)
        hi = np.minimum(1, p + s.cost_europe)
        ax_r.fill_between(p, lo, hi, color=pal["bluish green"], edgecolor="black", zorder=1)
        # The p line is drawn with the band, so it lies on top of it in both drawing paths.
        ax_r.plot([0, 1], [0, 1], color=pal["reddish purple"], linestyle="--", linewidth=1.8, zorder=3)
        tx.boxed(
            ax_r,
            (0.83, 0.72),
            "p",
            size="heading",
            weight="bold",
            color=tx.ink(pal["reddish purple"]),
            zorder=4,
        )
        _heading(ax_r, f"Bargaining range ({'limited war' if s.limited else 'major war'})", "title")


@dataclass(frozen=True)
class JervisPicture(Picture):
    """Jervis's four worlds as a 2 x 2 table, each cell with the watching side's computed reading
    of one defensive move; the chosen world is framed and starred."""

    move: str
    worlds: tuple[tuple[str, mv.WorldReading], ...]  # (name, reading) in read_in_four_worlds order
    chosen: int
    size: tuple[float, float] = (9.0, 4.6)

    def title(self) -> str:
        return f"How the watching side reads \u201c{self.move}\u201d in each world"

    #: The drawn heading; the move is named by the control above the picture and in the alt text
    #: (one text fewer to draw per change).
    HEADING = "How the watching side reads the chosen move, world by world"

    def static_key(self):
        return (tuple(name for name, _ in self.worlds), self.chosen)

    def _cells(self):
        for i, (name, reading) in enumerate(self.worlds):
            col = 0 if reading.offence_advantage else 1
            row = 1 if not reading.distinguishable else 0
            yield col, row, name, reading, i == self.chosen

    def draw_static(self, fig):
        """Headings and the four cells with their names, the chosen one framed and starred."""
        ax = fig.add_axes((0.2, 0.03, 0.78, 0.8), xlim=(0, 2), ylim=(0, 2))
        ax.axis("off")
        tx.label(fig, (0.5, 0.985), self.HEADING, coords="figure", size="title", weight="bold", va="top")
        for x, name in ((0.5, "Offence has the advantage"), (1.5, "Defence has the advantage")):
            tx.label(ax, (x, 2.02), name, size="label", weight="bold", va="bottom")
        for y, name in ((1.5, "Postures\ncannot be\ntold apart"), (0.5, "Postures\ncan be\ntold apart")):
            tx.label(
                fig, (0.02, 0.03 + 0.8 * y / 2), name, coords="figure", size="label", weight="bold", ha="left"
            )
        for col, row, name, _reading, here in self._cells():
            ax.add_artist(
                Rectangle(
                    (col + 0.03, row + 0.03),
                    0.94,
                    0.94,
                    facecolor=style.PALETTE["sky blue"] if here else style.LIGHT,
                    edgecolor="black",
                    linewidth=3.5 if here else 1.0,
                    linestyle="-" if here else "--",
                )
            )
            tx.label(
                ax,
                (col + 0.5, row + 0.78),
                style.wrap_label(("\u2605 " if here else "") + name, 22),
                size="label",
                weight="bold" if here else "normal",
            )
        return ax

    def draw_changing(self, fig, ax) -> None:
        """Each world's computed reading of the move, as a bar and a number."""
        for col, row, _name, reading, _here in self._cells():
            # A bar from the cell's middle: the reading on a -2..+2 scale, 0.2 wide per point.
            ax.add_artist(Rectangle((col + 0.5, row + 0.36), 0.2 * reading.value, 0.16, **BARS[1]))
            ax.plot([col + 0.5] * 2, [row + 0.3, row + 0.58], color="black", linewidth=1)  # zero
            tx.label(ax, (col + 0.5, row + 0.2), f"watching side: {reading.value:+.2f}", size="label")
