"""Pictures of voting power for notebook 05: who can swing a decision under each rule.

Each class is a :class:`helpers.figures.engine.Picture` holding the exact results it draws
(``helpers.models.voting``); every word is ordinary Text, including all 32 NATO member names.
Controls, descriptions, side text and quizzes live in ``helpers.explorers.voting``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction

from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.ticker import MaxNLocator

from helpers.figures import style
from helpers.figures import text as tx
from helpers.figures.engine import Picture
from helpers.models import voting
from helpers.text.voting import INDEX_NAMES

FILLS = {  # a member's bar by its key label: colour and hatch
    "permanent seat (veto)": {"facecolor": style.PALETTE["blue"]},
    "elected seat": {"facecolor": style.PALETTE["orange"], "hatch": "//"},
    "member state": {"facecolor": style.PALETTE["bluish green"]},
    "Turkey": {"facecolor": style.PALETTE["vermillion"], "hatch": "xx"},
}
# The two indices in the council's colours: Shapley-Shubik as a permanent seat, Banzhaf as an elected one.
INDEX_FILLS = {"shapley_shubik": FILLS["permanent seat (veto)"], "banzhaf": FILLS["elected seat"]}
POPULATION = "population share"
DIAMOND = {"linestyle": "none", "marker": "D", "markersize": 6, "color": "black"}  # a population share
REFERENCE_KEY = "1945 text (11 seats, 5 vetoes, 7 votes)"


def rule_label(rule_id: str) -> str:
    """The short name of a rule, for axes and controls."""
    return voting.rule(rule_id)["short"]


def bar_key(rule_id: str, member: str, game: voting.Game) -> str:
    """The key label of one member's bar under a rule (its fill is ``FILLS[label]``)."""
    if voting.rule(rule_id)["kind"] == "council":
        return "permanent seat (veto)" if member in game.vetoes else "elected seat"
    return "Turkey" if member == "Turkey" else "member state"


def _value_ticks(ax, top: float, bins: int) -> None:
    """Round y ticks from 0 to ``top`` (none beyond it), in the house tick size."""
    ticks = [t for t in MaxNLocator(bins).tick_values(0, top) if -1e-12 <= t <= top + 1e-12]
    ax.set_yticks(ticks)
    ax.tick_params(axis="y", labelsize=tx.SIZES["small"])


def _title(ax, text: str) -> None:
    """The bold title just above the axes, from its left edge."""
    tx.label(ax, (0, 1.02), text, coords="axes", size="title", weight="bold", ha="left", va="bottom")


def _bar(ax, x: float, height: float, width: float = 0.8, **props) -> None:
    """A bar from 0 to ``height`` centred on ``x``, black-edged; ``props`` go to the Rectangle."""
    ax.add_artist(
        Rectangle((x - width / 2, 0), width, height, **{"edgecolor": "black", "linewidth": 0.6, **props})
    )


@dataclass(frozen=True)
class RulesPicture(Picture):
    """Power of every member under one rule, largest first, with a line at equal shares.

    The names, the value axis (one scale for both indices: ``top``), the equal-shares line and the
    key are the static layer of a rule; the bars, the population diamonds and the title (which
    names the index) change with the index.
    """

    rule_id: str
    index: str
    names: tuple[str, ...]  # largest power first (the same order under both indices)
    heights: tuple[float, ...]
    top: float  # the value axis' top, the same for both indices
    population: tuple[float, ...] | None = None  # EU qualified majority only
    size: tuple[float, float] = (9.5, 5.2)

    def static_key(self):
        return (self.rule_id, self.names, self.top)

    def title(self) -> str:
        return f"{rule_label(self.rule_id)}: {INDEX_NAMES[self.index]} power of each member"

    def _keys(self) -> list[str]:
        game = voting.rule_game(self.rule_id)
        return [bar_key(self.rule_id, m, game) for m in self.names]

    def legend_entries(self) -> tuple[str, ...]:
        entries = tuple(dict.fromkeys(self._keys()))
        return (*entries, POPULATION) if self.population else entries

    def draw_static(self, fig):
        n = len(self.names)
        ax = fig.add_axes((0.09, 0.3, 0.89, 0.62))
        ax.set_xlim(-0.7, n - 0.3)
        ax.set_ylim(0, self.top)
        _value_ticks(ax, self.top, 5)
        ax.set_ylabel("voting power (share of the total)", fontsize=tx.SIZES["label"])
        ax.set_xticks(range(n), self.names, rotation=90, fontsize=tx.SIZES["note"])
        ax.axhline(1 / n, color=style.GREY, linestyle="--", linewidth=1.2)
        tx.label(
            ax,
            (n - 0.5, 1 / n + 0.01 * self.top),
            f"equal shares (1/{n})",
            size="note",
            color="#555555",
            ha="right",
            va="bottom",
            zorder=3,
        )
        handles = [Patch(**FILLS[key], edgecolor="black", label=key) for key in dict.fromkeys(self._keys())]
        if self.population:
            handles.append(Line2D([], [], label=POPULATION, **DIAMOND))
        ax.legend(handles=handles, loc="upper right", frameon=False, fontsize=tx.SIZES["small"])
        return ax

    def draw_changing(self, fig, ax) -> None:
        for i, (height, key) in enumerate(zip(self.heights, self._keys(), strict=True)):
            _bar(ax, i, height, **FILLS[key])
        if self.population:
            ax.plot(range(len(self.names)), self.population, **DIAMOND)
        _title(ax, self.title())


@dataclass(frozen=True)
class MonopolyPicture(Picture):
    """Share of all power held by the k most powerful members, one bar per rule."""

    index: str
    k: int
    rows: tuple[tuple[str, Fraction, Fraction], ...]  # (rule id, top-k share, k/n)
    size: tuple[float, float] = (8.5, 4.0)

    def top_words(self) -> str:
        """'the most powerful member' or 'the k most powerful members'."""
        return "the most powerful member" if self.k == 1 else f"the {self.k} most powerful members"

    def title(self) -> str:
        top = "top member" if self.k == 1 else f"top {self.k}"
        return f"A 'monopoly of power' measured: the {top}"

    def draw_static(self, fig):
        ax = fig.add_axes((0.25, 0.27, 0.7, 0.63))
        ys = list(range(len(self.rows)))[::-1]
        ax.set_ylim(-0.6, len(ys) - 0.4)
        ax.set_yticks(ys, [rule_label(r) for r, _, _ in self.rows], fontsize=tx.SIZES["small"])
        ax.set_xlim(0, 1.12)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1], ["0", "25%", "50%", "75%", "100%"], fontsize=tx.SIZES["small"])
        return ax

    def draw_changing(self, fig, ax) -> None:
        ys = list(range(len(self.rows)))[::-1]
        for y, (_rid, share, even) in zip(ys, self.rows, strict=True):
            ax.add_artist(
                Rectangle((0, y - 0.3), float(share), 0.6, facecolor=style.PALETTE["blue"], edgecolor="black")
            )
            ax.plot([float(even)] * 2, [y - 0.38, y + 0.38], color="black", linewidth=2.5)
            tx.label(ax, (float(share) + 0.015, y), f"{float(share):.1%}", size="small", ha="left")
        whose = "its" if self.k == 1 else "their"
        tx.label(
            ax,
            (0.5, -0.1),
            f"share of all {INDEX_NAMES[self.index]} power held by "
            f"{self.top_words()}\n(black line: {whose} share if every member had equal "
            "power)",
            coords="axes",
            size="label",
            va="top",
        )
        _title(ax, self.title())


_PERMANENT_SCALES = (0.3, 0.8)  # few scales: few static layers to draw
_ELECTED_SCALES = (0.025, 0.15)


def _scale(values: list[float], scales: tuple[float, ...]) -> float:
    """The smallest fixed axis top that leaves room (45%) above the highest bar and its label."""
    need = max(values, default=0.0) * 1.45
    return next((s for s in scales if s >= need), scales[-1])


@dataclass(frozen=True)
class CouncilPicture(Picture):
    """One permanent seat and one elected seat: their power under both indices, with dashed
    outlines at the 1945 Charter text's values."""

    design: voting.CouncilDesign
    reference: voting.CouncilDesign
    size: tuple[float, float] = (9.0, 4.4)

    def _scales(self) -> tuple[float, float]:
        out = []
        for kind, scales in (("permanent", _PERMANENT_SCALES), ("elected", _ELECTED_SCALES)):
            values = [
                float(v)
                for d in (self.design, self.reference)
                for v in (getattr(d, f"{kind}_power") or {}).values()
            ]
            out.append(_scale(values, scales))
        return tuple(out)

    def static_key(self):
        return self._scales()

    def title(self) -> str:
        d = self.design
        return (
            f"One permanent and one elected seat: {d.seats} seats, {d.permanent} with a veto, "
            f"{d.quota} votes needed"
        )

    def legend_entries(self) -> tuple[str, ...]:
        return (REFERENCE_KEY,)

    def draw_static(self, fig):
        axes = [fig.add_axes((0.1, 0.12, 0.37, 0.72)), fig.add_axes((0.6, 0.12, 0.37, 0.72))]
        for ax, name, top in zip(
            axes, ("One permanent seat", "One elected seat"), self._scales(), strict=True
        ):
            tx.title(ax, name)
            ax.set_xlim(-0.6, 1.6)
            ax.set_ylim(0, top)
            ax.set_xticks([0, 1], list(INDEX_NAMES.values()), fontsize=tx.SIZES["note"])
            _value_ticks(ax, top, 4)
        axes[0].set_ylabel("power (share of the total)", fontsize=tx.SIZES["label"])
        ghost = Patch(fill=False, edgecolor="black", linestyle="--", label=REFERENCE_KEY)
        fig.legend(
            handles=[ghost],
            loc="upper right",
            bbox_to_anchor=(0.98, 0.995),
            frameon=False,
            fontsize=tx.SIZES["note"],
        )
        return axes

    def draw_changing(self, fig, axes) -> None:
        d, ref = self.design, self.reference
        for ax, kind in zip(axes, ("permanent", "elected"), strict=True):
            powers, old = getattr(d, f"{kind}_power"), getattr(ref, f"{kind}_power")
            if powers is None:
                tx.label(ax, (0.5, 0.5), "no such seat\nin this design", coords="axes")
                continue
            for x, ix in enumerate(INDEX_NAMES):
                value, before = float(powers[ix]), float(old[ix])
                _bar(ax, x, value, 0.6, **INDEX_FILLS[ix])
                _bar(ax, x, before, 0.6, fill=False, linestyle="--", linewidth=1.5)  # the 1945 value
                label = _short(powers[ix])
                if not d.is_reference:
                    label += f"\n(1945: {before:.4f})"
                tx.label(ax, (x, max(value, before)), label, size="note", va="bottom")


def _short(value: Fraction) -> str:
    """A power value on two lines: the exact fraction when it is short, then the decimal."""
    if value.denominator <= 10_000:
        return f"{value.numerator}/{value.denominator}\n= {float(value):.4f}"
    return f"{float(value):.4f}"


_WAIT_FILLS = (
    {"facecolor": style.GREY},
    {"facecolor": style.PALETTE["vermillion"], "hatch": "xx"},
    {"facecolor": style.PALETTE["reddish purple"], "hatch": "//"},
)


@dataclass(frozen=True)
class AccessionPicture(Picture):
    """Timeline of Sweden's accession: how long each approval took, with the joining dates."""

    waits: tuple[tuple[str, dt.date, dt.date], ...]
    finland: dt.date
    sweden: dt.date
    size: tuple[float, float] = (10.0, 3.8)

    def title(self) -> str:
        start = self.waits[0][1]
        return f"Sweden's application ({start.day} {start:%B %Y}): days until each approval"

    def draw_static(self, fig):
        ax = fig.add_axes((0.3, 0.13, 0.67, 0.72))
        for y, ((_who, start, end), fill) in enumerate(zip(self.waits, _WAIT_FILLS, strict=True)):
            days = (end - start).days
            ax.add_artist(Rectangle((start.toordinal(), y - 0.275), days, 0.55, **fill, edgecolor="black"))
            bound = "at most " if y == 0 else ""
            inside = days >= 200  # a short bar is narrower than its words: they go just past its end
            tx.label(
                ax,
                (end.toordinal() + (-6 if inside else 6), y),
                f"{bound}{days} days",
                size="note",
                ha="right" if inside else "left",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5},
            )
        for day in (self.finland, self.sweden):
            ax.axvline(day.toordinal(), color="black", linestyle=":", linewidth=1.4)
        n = len(self.waits)
        tx.label(ax, (self.finland.toordinal(), -0.45), " Finland joins", size="note", ha="left", va="bottom")
        tx.label(ax, (self.sweden.toordinal(), -0.45), "Sweden joins ", size="note", ha="right", va="bottom")
        ax.set_yticks(range(n), [w[0] for w in self.waits], fontsize=tx.SIZES["note"])
        ticks = [dt.date(y, m, 1) for y, m in ((2022, 5), (2022, 11), (2023, 5), (2023, 11), (2024, 3))]
        ax.set_xticks(
            [t.toordinal() for t in ticks], [t.strftime("%b %Y") for t in ticks], fontsize=tx.SIZES["small"]
        )
        ax.set_xlim(self.waits[0][1].toordinal() - 20, self.sweden.toordinal() + 60)
        ax.set_ylim(n - 0.4, -0.6)
        tx.title(ax, self.title())
        return ax


def accession_picture() -> AccessionPicture:
    """The accession timeline from the sourced dates in ``nato_sweden_accession.csv``."""
    events = voting.sweden_accession_events()
    finland = dt.date.fromisoformat(next(e["date"] for e in events if e["actor"] == "Finland"))
    return AccessionPicture(
        tuple(voting.accession_waits()), finland, dt.date.fromisoformat(events[-1]["date"])
    )
