"""Pictures for notebook 09 (reading the page's web poll): a simulated self-selected poll, the page's
shares with intervals, and three static summaries. The numbers come from :mod:`helpers.models.poll`;
each Picture holds them (its model) and a ``describe`` function says the same in words.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.ticker import FixedLocator, NullLocator

from helpers.figures import style as plots
from helpers.figures import text as T
from helpers.figures.engine import Picture
from helpers.models import poll

VIEWS = ("View A", "View B", "View C", "View D")  # the invented population's four views
TRUTH_COLOUR = plots.PALETTE["black"]
ESTIMATE_COLOUR = plots.PALETTE["blue"]
LIMIT_COLOUR = plots.PALETTE["vermillion"]
NO_BIAS_COLOUR = plots.PALETTE["bluish green"]


def pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _axes(fig, rect: tuple[float, float, float, float], xlim, ylim):
    ax = fig.add_axes(rect)
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    return ax


def _finish_votes_axes(ax, ticks: tuple[int, ...], xlabel: str, ylabel: str, title: str) -> None:
    """A curve against the number of votes: a log x axis with a few plain labelled ticks (no minor
    ticks), the axis labels, the legend top right, and the title."""
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:,.0f}")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="upper right", frameon=False, fontsize=T.SIZES["note"])
    _title(ax, title)


def _title(ax, text: str, size: str = "title") -> None:
    T.label(ax, (0.5, 1.0), text, coords="axes", size=size, weight="bold", va="bottom", offset=(0, 6))


@dataclass(frozen=True)
class SelfSelectionPicture(Picture):
    """A simulated self-selected poll against the truth: estimates, intervals, where it converges."""

    result: poll.SelfSelectionResult
    intervals: tuple[tuple[float, float], ...]
    eager: int
    times: float
    scale: int
    size = (8.5, 4.6)

    def title(self) -> str:
        return f"Simulated self-selected poll: {self.result.total:,} votes" + (
            " (as on the page)" if self.scale == 1 else f" (page x {self.scale})"
        )

    def static_key(self):
        return len(self.result.truth)

    def draw_static(self, fig):
        n = len(self.result.truth)
        ax = _axes(fig, (0.13, 0.14, 0.84, 0.76), (0, 0.8), (-0.6, n - 0.4))
        ax.set_yticks(list(range(n))[::-1], VIEWS[:n])
        ax.set_xlabel("share of the population / of the votes")
        ax.xaxis.set_major_formatter(lambda x, _pos: pct(x))
        return ax

    def draw_changing(self, fig, ax):
        r = self.result
        ys = list(range(len(r.truth)))[::-1]
        nan = float("nan")  # one line per kind of mark (intervals NaN-separated)
        ax.plot(
            [v for lo, hi in self.intervals for v in (lo, hi, nan)],
            [v for y in ys for v in (y, y, nan)],
            color=ESTIMATE_COLOUR,
            lw=3,
            solid_capstyle="butt",
        )
        ax.plot(r.truth, ys, marker="|", ms=26, mew=3, color=TRUTH_COLOUR, ls="none")
        ax.plot(r.expected, ys, marker="D", ms=9, mfc="white", mec=LIMIT_COLOUR, mew=2, ls="none")
        ax.plot(r.estimate, ys, marker="o", ms=9, color=ESTIMATE_COLOUR, ls="none")
        if self.times != 1:
            T.label(
                ax,
                (0.79, ys[self.eager] + 0.3),
                f"eager: votes {self.times:g}x as often",
                ha="right",
                size="note",
            )
        _title(ax, self.title())


def describe_self_selection(p: SelfSelectionPicture) -> str:
    r = p.result
    covered = sum(lo <= t <= hi for t, (lo, hi) in zip(r.truth, p.intervals, strict=True))
    return (
        "Simulation (a model, not data about the page's readers): an invented population holds "
        "four views in equal shares; "
        + (
            "every reader is equally likely to vote"
            if p.times == 1
            else f"readers holding {VIEWS[p.eager]} are {p.times:g} times as likely to vote as the others"
        )
        + f". {r.total:,} simulated votes give "
        + ", ".join(f"{VIEWS[i]} {pct(e)}" for i, e in enumerate(r.estimate))
        + f" against a true 25% each; the largest error is {100 * r.max_error():.1f} "
        f"percentage points, and {covered} of the 4 intervals (computed as if the votes were a "
        f"random sample) contain the truth. With unlimited votes the poll would show "
        f"{VIEWS[p.eager]} at {pct(r.expected[p.eager])}."
    )


@dataclass(frozen=True)
class IntervalsPicture(Picture):
    """The page's shares at a number of votes, each with its interval (Wilson or Goodman)."""

    labels: tuple[str, ...]
    shares: tuple[float, ...]
    intervals: tuple[tuple[float, float], ...]
    votes: int
    confidence: float
    simultaneous: bool
    size = (8.5, 4.6)

    @property
    def kind(self) -> str:
        return "simultaneous (Goodman)" if self.simultaneous else "one-at-a-time (Wilson)"

    def title(self) -> str:
        return f"{self.votes:,} votes: {self.kind} {self.confidence:.0%} intervals"

    def static_key(self):
        return self.labels

    def draw_static(self, fig):
        n = len(self.labels)
        # To 70%: the widest interval drawn (27 votes, 99%, Goodman) ends near 60%, and its label beside it.
        ax = _axes(fig, (0.25, 0.14, 0.72, 0.76), (0, 0.7), (-0.6, n - 0.4))
        ax.set_yticks(list(range(n))[::-1], [plots.wrap_label(lab, 16) for lab in self.labels])
        ax.xaxis.set_major_formatter(lambda x, _pos: pct(x))
        ax.set_xlabel("share of votes (intervals as if the votes were a random sample)")
        return ax

    def draw_changing(self, fig, ax):
        ys = list(range(len(self.labels)))[::-1]
        for i, (y, s, (lo, hi)) in enumerate(zip(ys, self.shares, self.intervals, strict=True)):
            ax.plot([lo, hi], [y, y], color=plots.CYCLE[i], lw=4, solid_capstyle="butt")
            ax.plot([s], [y], marker=plots.MARKERS[i], ms=10, color=plots.CYCLE[i], mec="black")
            T.label(
                ax,
                (hi, y),
                f"{pct(s)} [{100 * lo:.0f}-{100 * hi:.0f}]",
                ha="left",
                size="note",
                offset=(6, 0),
            )
        _title(ax, self.title(), size="label")


def describe_intervals(p: IntervalsPicture, order: list[tuple[int, int, bool]]) -> str:
    clear = [f"{p.labels[a]} ahead of {p.labels[b]}" for a, b, ok in order if ok]
    unclear = [f"{p.labels[a]} / {p.labels[b]}" for a, b, ok in order if not ok]
    return (
        f"Computed as if the {p.votes:,} votes were a random sample of readers, which a web poll is "
        f"not. With the page's shares and {p.kind} {p.confidence:.0%} intervals: "
        + "; ".join(
            f"{lab} {pct(s)} ({100 * lo:.0f}-{100 * hi:.0f}%)"
            for lab, s, (lo, hi) in zip(p.labels, p.shares, p.intervals, strict=True)
        )
        + ". "
        + (
            f"Neighbours clearly ordered: {', '.join(clear)}. "
            if clear
            else "No neighbour in the ranking is clearly ahead of the next. "
        )
        + (
            f"Not distinguishable: {', '.join(unclear)}."
            if unclear
            else "The whole ranking is distinguishable."
        )
    )


@dataclass(frozen=True)
class BiasFloorPicture(Picture):
    """Largest error against number of votes, with and without self-selection (static)."""

    sizes: tuple[int, ...]
    without: tuple[float, ...]
    with_bias: tuple[float, ...]
    floor: float
    eager: int
    times: float
    size = (8.5, 4.4)

    def title(self) -> str:
        return "More votes shrink noise, not bias"

    def labels(self) -> tuple[str, str, str]:
        return (
            "everyone equally likely to vote",
            f"{VIEWS[self.eager]} {self.times:g}x as likely to vote",
            f"bias floor ({self.floor:.1f} points)",
        )

    def legend_entries(self) -> tuple[str, ...]:
        return self.labels()

    def draw_static(self, fig):
        ax = _axes(fig, (0.11, 0.15, 0.86, 0.75), (20, 15000), (0, max(self.with_bias + self.without) * 1.15))
        fair, eager, floor = self.labels()
        ax.plot(self.sizes, self.without, marker="s", ls="--", color=NO_BIAS_COLOUR, label=fair)
        ax.plot(self.sizes, self.with_bias, marker="o", color=ESTIMATE_COLOUR, label=eager)
        ax.axhline(self.floor, color=LIMIT_COLOUR, ls=":", lw=2, label=floor)
        _finish_votes_axes(
            ax,
            (30, 100, 300, 1000, 3000, 10000),
            "number of votes (log scale)",
            "largest error (points)",
            self.title(),
        )
        return ax


def describe_bias_floor(p: BiasFloorPicture) -> str:
    return (
        f"Simulation (a model): largest error of a poll's four shares against an invented truth "
        f"of 25% each, for {p.sizes[0]} to {p.sizes[-1]:,} votes. When everyone is equally likely to "
        f"vote the error falls from {p.without[0]:.1f} to {p.without[-1]:.1f} points. When holders of "
        f"{VIEWS[p.eager]} are {p.times:g} times as likely to vote it falls only to {p.with_bias[-1]:.1f} "
        f"points, close to the bias floor of {p.floor:.1f} points that no number of votes removes."
    )


@dataclass(frozen=True)
class WidthCurvePicture(Picture):
    """Interval half-width against number of votes for the page's largest answer (static)."""

    grid: tuple[int, ...]
    widths: tuple[float, ...]
    label: str
    share: float
    votes: int
    here: float
    confidence: float
    size = (8.5, 4.2)

    def title(self) -> str:
        return f"{self.confidence:.0%} Wilson interval: 100x the votes, 1/10 the width"

    def legend_entries(self) -> tuple[str, ...]:
        return (f"{self.label} ({pct(self.share)})", f"the page: {self.votes} votes, ±{self.here:.1f} points")

    def draw_static(self, fig):
        ax = _axes(fig, (0.11, 0.16, 0.86, 0.74), (7, 27000), (0, max(self.widths) * 1.1))
        curve, page = self.legend_entries()
        ax.plot(self.grid, self.widths, color=plots.CYCLE[0], marker="o", markevery=4, label=curve)
        ax.plot([self.votes], [self.here], "o", ms=13, mfc="none", mec="black", mew=2, label=page)
        _finish_votes_axes(
            ax,
            (10, 100, 1000, 10000),
            "number of votes, same shares (log scale)",
            "half-width (points)",
            self.title(),
        )
        return ax


def describe_width_curve(p: WidthCurvePicture) -> str:
    return (
        f"Half-width of the {p.confidence:.0%} Wilson interval for the page's largest answer "
        f"({p.label}, {pct(p.share)}), computed as if the votes were a random sample, "
        f"for {p.grid[0]} to {p.grid[-1]:,} votes with the same shares: {p.widths[0]:.1f} points at "
        f"{p.grid[0]} votes, {p.here:.1f} at the page's {p.votes}, {p.widths[-1]:.1f} at "
        f"{p.grid[-1]:,}. The width falls roughly with the square root of the number of votes."
    )


@dataclass(frozen=True)
class SingleVotePicture(Picture):
    """What "(votes: 1, rating: 5)" can say: the share rating it 5, from 1, 10 or 100 votes (static)."""

    votes: tuple[int, ...]
    lows: tuple[float, ...]
    confidence: float
    size = (8.0, 3.6)

    def title(self) -> str:
        return f"{self.confidence:.0%} Wilson intervals, as if random"

    def draw_static(self, fig):
        n = len(self.votes)
        ax = _axes(fig, (0.2, 0.18, 0.76, 0.7), (0, 1.05), (-0.6, n - 0.3))
        for k, lo in enumerate(self.lows):
            y = n - 1 - k
            ax.plot([lo, 1.0], [y, y], color=plots.CYCLE[k], lw=4, solid_capstyle="butt")
            ax.plot([1.0], [y], marker=plots.MARKERS[k], ms=10, color=plots.CYCLE[k], mec="black")
            T.label(ax, (lo, y), f"{pct(lo)} to 100%", ha="right", size="note", offset=(-8, 0))
        ax.set_yticks(range(n)[::-1], [f"{v} vote{'s' if v > 1 else ''},\nall rating 5" for v in self.votes])
        ax.xaxis.set_major_formatter(lambda x, _pos: pct(x))
        ax.set_xlabel("share of readers who would rate it 5")
        _title(ax, self.title(), size="label")
        return ax


def describe_single_vote(p: SingleVotePicture) -> str:
    return (
        f"The page's rating comes from one vote. Treating votes as a random sample, the share of "
        f"readers who would rate the essay 5 is anywhere from {pct(p.lows[0])} to 100% after one "
        f"vote; ten unanimous votes would narrow this to {pct(p.lows[1])}-100%, a hundred to "
        f"{pct(p.lows[2])}-100%. One vote cannot say how readers rate the essay."
    )
