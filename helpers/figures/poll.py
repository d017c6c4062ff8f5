"""Figures for notebook 09 (reading the page's web poll). Each returns (fig, description)."""

from __future__ import annotations

import math

from matplotlib.ticker import FixedLocator, NullLocator

from helpers.figures import backdrop
from helpers.figures import style as plots
from helpers.models import poll

VIEWS = ("View A", "View B", "View C", "View D")  # the invented population's four views
EQUAL_TRUTH = (0.25, 0.25, 0.25, 0.25)
SCALES = (1, 10, 100)
SIZES = (27, 54, 108, 270, 540, 1080, 2700, 5400, 10800)
PAGE_VOTES = 108

_TRUTH = plots.PALETTE["black"]
_ESTIMATE = plots.PALETTE["blue"]
_LIMIT = plots.PALETTE["vermillion"]
_NO_BIAS = plots.PALETTE["bluish green"]


_TABLE = 'style="border-spacing:1.2em 0.2em"'


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _log_votes_axis(ax, ticks: tuple[int, ...]) -> None:
    """A log x axis with a few plain labelled ticks and no minor ticks (cheap to draw)."""
    ax.set_xscale("log")
    ax.xaxis.set_major_locator(FixedLocator(ticks))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_formatter(lambda x, _pos: f"{x:,.0f}")


def _figure(width: float, height: float, **adjust: float):
    """A figure with a fixed layout: constrained layout costs more than the whole draw."""
    fig = plots.new_figure(width, height, layout=None)
    fig.subplots_adjust(**adjust)
    return fig


def error_table(times: float, eager: int, seed: int = 2020,
                truth: tuple[float, ...] = EQUAL_TRUTH, sizes: tuple[int, ...] = (108, 1080, 10800),
                ) -> list[tuple[int, float, float, float]]:
    """(votes, largest error without self-selection, with it, bias floor), in share points."""
    rates = poll.eager_rates(len(truth), eager, times)
    rows = []
    for n in sizes:
        fair = poll.simulate_self_selection(truth, [1.0] * len(truth), n, seed=seed,
                                            fixed_total=True)
        biased = poll.simulate_self_selection(truth, rates, n, seed=seed, fixed_total=True)
        rows.append((n, fair.max_error(), biased.max_error(), biased.bias()))
    return rows


SELF_SELECTION_KEY = (
    "<p><b>Key</b>: black bar <b>|</b> = the truth (invented: 25% each); blue dot "
    "<b>●</b> with line = the poll's estimate and its 95% interval, computed as if the votes "
    "were a random sample; red diamond <b>◇</b> = where the poll heads with unlimited votes.</p>"
)


def error_table_html(times: float, eager: int, seed: int = 2020) -> str:
    """The error table as HTML for the widget's side panel."""
    rows = error_table(times, eager, seed)
    body = "".join(
        f"<tr><td>{n:,}</td><td>{100 * fair:.1f}</td><td>{100 * biased:.1f}</td></tr>"
        for n, fair, biased, _ in rows
    )
    floor = rows[0][3]
    return (
        "<p><b>Largest error</b> (percentage points) in the same simulation:</p>"
        f"<table {_TABLE}><tr><th>votes</th><th>everyone equally likely to vote</th>"
        f"<th>{VIEWS[eager]} {times:g}x as likely</th></tr>{body}</table>"
        f"<p>Bias floor: <b>{100 * floor:.1f} points</b>. More votes shrink the noise, "
        "never the bias.</p>"
    )


_SS_SIZE = (8.5, 4.6)
_SS_ADJUST = {"left": 0.13, "right": 0.97, "bottom": 0.14, "top": 0.9}


def _self_selection_axes(ax, n: int) -> None:
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlim(0, 0.8)


def _self_selection_backdrop(dpi: float):
    """The unchanging part of the self-selection figure: axes, ticks and labels."""
    fig = plots.new_figure(*_SS_SIZE, layout=None)
    fig.subplots_adjust(**_SS_ADJUST)
    ax = fig.subplots()
    _self_selection_axes(ax, len(VIEWS))
    ax.set_yticks(list(range(len(VIEWS)))[::-1], VIEWS)
    ax.set_xlabel("share of the population / of the votes")
    ax.xaxis.set_major_formatter(lambda x, _pos: _pct(x))
    return fig


@plots.house_style
def self_selection_figure(
    times: float, eager: int = 0, scale: int = 1, seed: int = 2020,
    truth: tuple[float, ...] = EQUAL_TRUTH, base_votes: int = PAGE_VOTES,
) -> plots.FigureResult:
    """A simulated self-selected poll against the truth (a model, labelled as one)."""
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {SCALES}, got {scale!r}")
    rates = poll.eager_rates(len(truth), eager, times)
    # Exactly the page's total (x scale), so the title's count matches the page's 108.
    result = poll.simulate_self_selection(truth, rates, base_votes * scale, seed=seed,
                                          fixed_total=True)
    ivs = poll.wilson_intervals(result.counts, 0.95)

    fig = plots.new_figure(*_SS_SIZE, layout=None)
    ax = backdrop.bare_axes(fig, **_SS_ADJUST)
    _self_selection_axes(ax, len(truth))
    fig.add_artist(backdrop.Backdrop(("self-selection", len(truth)), _self_selection_backdrop))
    ys = list(range(len(truth)))[::-1]
    # One line per kind of mark (intervals NaN-separated), not one per row: fewer artists.
    nan = float("nan")
    ax.plot([v for lo, hi in ivs for v in (lo, hi, nan)], [v for y in ys for v in (y, y, nan)],
            color=_ESTIMATE, lw=3, solid_capstyle="butt")
    ax.plot(result.truth, ys, marker="|", ms=26, mew=3, color=_TRUTH, ls="none")
    ax.plot(result.expected, ys, marker="D", ms=9, mfc="white", mec=_LIMIT, mew=2, ls="none")
    ax.plot(result.estimate, ys, marker="o", ms=9, color=_ESTIMATE, ls="none")
    if times != 1:
        ax.text(0.79, ys[eager] + 0.3, f"eager: votes {times:g}x as often", ha="right",
                fontsize=10)
    ax.set_title(f"Simulated self-selected poll: {result.total:,} votes"
                 + (" (as on the page)" if scale == 1 else f" (page x {scale})"))

    covered = sum(lo <= t <= hi for t, (lo, hi) in zip(result.truth, ivs, strict=True))
    description = (
        f"Simulation (a model, not data about the page's readers): an invented population holds "
        f"four views in equal shares; readers holding {VIEWS[eager]} are {times:g} times as likely "
        f"to vote as the others. {result.total:,} simulated votes give "
        + ", ".join(f"{VIEWS[i]} {_pct(e)}" for i, e in enumerate(result.estimate))
        + f" against a true 25% each; the largest error is {100 * result.max_error():.1f} "
        f"percentage points, and {covered} of the 4 intervals (computed as if the votes were a "
        f"random sample) contain the truth. With unlimited votes the poll would show "
        f"{VIEWS[eager]} at {_pct(result.expected[eager])}."
    )
    return fig, description


@plots.house_style
def bias_floor_figure(times: float = 3.0, eager: int = 0, seed: int = 2020,
                      truth: tuple[float, ...] = EQUAL_TRUTH) -> plots.FigureResult:
    """Error against number of votes, with and without self-selection (a static summary)."""
    rates = poll.eager_rates(len(truth), eager, times)
    with_bias, without = [], []
    for n in SIZES:
        with_bias.append(100 * poll.simulate_self_selection(truth, rates, n, seed=seed,
                                                            fixed_total=True).max_error())
        without.append(100 * poll.simulate_self_selection(truth, [1.0] * len(truth), n, seed=seed,
                                                          fixed_total=True).max_error())
    floor = 100 * poll.simulate_self_selection(truth, rates, SIZES[0], seed=seed).bias()
    fig = _figure(8.5, 4.4, left=0.11, right=0.97, bottom=0.15, top=0.9)
    ax = fig.subplots()
    ax.plot(SIZES, without, marker="s", ls="--", color=_NO_BIAS,
            label="everyone equally likely to vote")
    ax.plot(SIZES, with_bias, marker="o", color=_ESTIMATE,
            label=f"{VIEWS[eager]} {times:g}x as likely to vote")
    ax.axhline(floor, color=_LIMIT, ls=":", lw=2, label=f"bias floor ({floor:.1f} points)")
    _log_votes_axis(ax, (30, 100, 300, 1000, 3000, 10000))
    ax.set_ylim(0, max(with_bias + without) * 1.15)
    ax.set_xlabel("number of votes (log scale)")
    ax.set_ylabel("largest error (points)")
    ax.set_title("More votes shrink noise, not bias")
    ax.legend(loc="upper right", frameon=False, fontsize=10)
    description = (
        f"Simulation (a model): largest error of a poll's four shares against an invented truth "
        f"of 25% each, for {SIZES[0]} to {SIZES[-1]:,} votes. When everyone is equally likely to "
        f"vote the error falls from {without[0]:.1f} to {without[-1]:.1f} points. When holders of "
        f"{VIEWS[eager]} are {times:g} times as likely to vote it falls only to {with_bias[-1]:.1f} "
        f"points, close to the bias floor of {floor:.1f} points that no number of votes removes."
    )
    return fig, description


_IV_SIZE = (8.5, 4.6)
_IV_ADJUST = {"left": 0.25, "right": 0.97, "bottom": 0.14, "top": 0.9}


def _intervals_axes(ax, n: int) -> None:
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xlim(0, 0.6)


def _intervals_backdrop(labels: tuple[str, ...]):
    """The unchanging part of the intervals figure: axes, answer labels, the x axis."""
    fig = plots.new_figure(*_IV_SIZE, layout=None)
    fig.subplots_adjust(**_IV_ADJUST)
    ax = fig.subplots()
    _intervals_axes(ax, len(labels))
    ax.set_yticks(list(range(len(labels)))[::-1], [plots.wrap_label(lab, 16) for lab in labels])
    ax.xaxis.set_major_formatter(lambda x, _pos: _pct(x))
    ax.set_xlabel("share of votes (intervals as if the votes were a random sample)")
    return fig


@plots.house_style
def intervals_figure(
    counts: tuple[int, ...], labels: tuple[str, ...], confidence: float = 0.95,
    votes: int = PAGE_VOTES, simultaneous: bool = False,
) -> plots.FigureResult:
    """The page's shares at a hypothetical number of votes, with Wilson or Goodman intervals."""
    if len(labels) != len(counts):
        raise ValueError("one label per answer is needed")
    scaled = poll.scaled_counts(counts, votes)
    shares = poll.proportions(counts)
    ivs = poll.intervals(scaled, confidence, simultaneous)
    kind = "simultaneous (Goodman)" if simultaneous else "one-at-a-time (Wilson)"

    fig = plots.new_figure(*_IV_SIZE, layout=None)
    ax = backdrop.bare_axes(fig, **_IV_ADJUST)
    _intervals_axes(ax, len(counts))
    fig.add_artist(backdrop.Backdrop(("intervals", tuple(labels)),
                                     lambda dpi: _intervals_backdrop(tuple(labels))))
    ys = list(range(len(counts)))[::-1]
    for i, (y, s, (lo, hi)) in enumerate(zip(ys, shares, ivs, strict=True)):
        ax.plot([lo, hi], [y, y], color=plots.CYCLE[i], lw=4, solid_capstyle="butt")
        ax.plot([s], [y], marker=plots.MARKERS[i], ms=10, color=plots.CYCLE[i], mec="black")
        ax.annotate(f"{_pct(s)} [{100 * lo:.0f}-{100 * hi:.0f}]", (hi, y), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=10)
    ax.set_title(f"{votes:,} votes: {kind} {confidence:.0%} intervals", fontsize=12)

    order = poll.adjacent_orderings(scaled, confidence)
    clear = [f"{labels[a]} ahead of {labels[b]}" for a, b, ok in order if ok]
    unclear = [f"{labels[a]} / {labels[b]}" for a, b, ok in order if not ok]
    description = (
        f"Computed as if the {votes:,} votes were a random sample of readers, which a web poll is "
        f"not. With the page's shares and {kind} {confidence:.0%} intervals: "
        + "; ".join(f"{lab} {_pct(s)} ({100 * lo:.0f}-{100 * hi:.0f}%)"
                    for lab, s, (lo, hi) in zip(labels, shares, ivs, strict=True))
        + ". "
        + (f"Neighbours clearly ordered: {', '.join(clear)}. " if clear else
           "No neighbour in the ranking is clearly ahead of the next. ")
        + (f"Not distinguishable: {', '.join(unclear)}." if unclear else
           "The whole ranking is distinguishable.")
    )
    return fig, description


def ordering_html(counts: tuple[int, ...], labels: tuple[str, ...], confidence: float,
                  votes: int) -> str:
    """Side text: which neighbours are distinguishable now, and how many votes each would need."""
    scaled = poll.scaled_counts(counts, votes)
    order = poll.adjacent_orderings(scaled, confidence)
    adjusted = 1 - (1 - confidence) / max(len(order), 1)
    rows = []
    for a, b, ok in order:
        needed = poll.votes_needed_to_separate(counts, a, b, adjusted)
        share, _, _ = poll.pair_interval(scaled, a, b, confidence)
        rows.append(
            f"<tr><td>{labels[a]} vs {labels[b]}</td><td>{100 * share:.0f}%</td>"
            f"<td>{'yes' if ok else 'no'}</td><td>{needed:,}</td></tr>"
        )
    return (
        "<p><b>Is the ranking real?</b> Among voters who chose one of two neighbouring answers, "
        "is the first one's share clearly above half? (Bonferroni-adjusted for the "
        f"{len(order)} comparisons.)</p>"
        f"<table {_TABLE}><tr><th>pair</th><th>share of the pair</th><th>clear now?</th>"
        "<th>votes needed (same shares)</th></tr>" + "".join(rows) + "</table>"
        f"<p>Largest half-width now: <b>{half_width_points(counts, votes, confidence):.1f} "
        "points</b>.</p>"
    )


@plots.house_style
def width_curve_figure(counts: tuple[int, ...], labels: tuple[str, ...],
                       confidence: float = 0.95) -> plots.FigureResult:
    """Interval half-width against number of votes for the largest answer (a static summary)."""
    shares = poll.proportions(counts)
    top = max(range(len(shares)), key=lambda k: shares[k])
    grid = [round(10 ** (1 + k * 0.125)) for k in range(27)]  # 10 ... about 18,000
    widths = []
    for n in grid:
        lo, hi = poll.wilson_intervals(poll.scaled_counts(counts, n), confidence)[top]
        widths.append(50 * (hi - lo))
    fig = _figure(8.5, 4.2, left=0.11, right=0.97, bottom=0.16, top=0.9)
    ax = fig.subplots()
    ax.plot(grid, widths, color=plots.CYCLE[0], marker="o", markevery=4,
            label=f"{labels[top]} ({_pct(shares[top])})")
    here = 50 * (lambda iv: iv[1] - iv[0])(poll.wilson_intervals(counts, confidence)[top])
    ax.plot([sum(counts)], [here], marker="o", ms=13, mfc="none", mec="black", mew=2, ls="none",
            label=f"the page: {sum(counts)} votes, ±{here:.1f} points")
    _log_votes_axis(ax, (10, 100, 1000, 10000))
    ax.set_xlabel("number of votes, same shares (log scale)")
    ax.set_ylabel("half-width (points)")
    ax.set_title(f"{confidence:.0%} Wilson interval: 100x the votes, 1/10 the width")
    ax.legend(loc="upper right", frameon=False, fontsize=10)
    description = (
        f"Half-width of the {confidence:.0%} Wilson interval for the page's largest answer "
        f"({labels[top]}, {_pct(shares[top])}), computed as if the votes were a random sample, "
        f"for {grid[0]} to {grid[-1]:,} votes with the same shares: {widths[0]:.1f} points at "
        f"{grid[0]} votes, {here:.1f} at the page's {sum(counts)}, {widths[-1]:.1f} at "
        f"{grid[-1]:,}. The width falls roughly with the square root of the number of votes."
    )
    return fig, description


def _ranked(counts: tuple[int, ...]) -> list[int]:
    return sorted(range(len(counts)), key=lambda i: (-counts[i], i))


@plots.house_style
def single_vote_figure(confidence: float = 0.95) -> plots.FigureResult:
    """What "(votes: 1, rating: 5)" can say: the share rating it 5, from 1, 10 or 100 votes."""
    ns = (1, 10, 100)
    fig = _figure(8, 3.6, left=0.2, right=0.96, bottom=0.18, top=0.88)
    ax = fig.subplots()
    for k, n in enumerate(ns):
        lo, hi = poll.wilson_interval(n, n, confidence)
        y = len(ns) - 1 - k
        ax.plot([lo, hi], [y, y], color=plots.CYCLE[k], lw=4, solid_capstyle="butt")
        ax.plot([1.0], [y], marker=plots.MARKERS[k], ms=10, color=plots.CYCLE[k], mec="black")
        ax.annotate(f"{_pct(lo)} to 100%", (lo, y), xytext=(-8, 0), textcoords="offset points",
                    ha="right", va="center", fontsize=10)
    ax.set_yticks(range(len(ns))[::-1],
                  [f"{n} vote{'s' if n > 1 else ''},\nall rating 5" for n in ns])
    ax.set_xlim(0, 1.05)
    ax.set_ylim(-0.6, len(ns) - 0.3)
    ax.xaxis.set_major_formatter(lambda x, _pos: _pct(x))
    ax.set_xlabel("share of readers who would rate it 5")
    ax.set_title(f"{confidence:.0%} Wilson intervals, as if random", fontsize=12)
    lows = [poll.wilson_interval(n, n, confidence)[0] for n in ns]
    description = (
        f"The page's rating comes from one vote. Treating votes as a random sample, the share of "
        f"readers who would rate the essay 5 is anywhere from {_pct(lows[0])} to 100% after one "
        f"vote; ten unanimous votes would narrow this to {_pct(lows[1])}-100%, a hundred to "
        f"{_pct(lows[2])}-100%. One vote cannot say how readers rate the essay."
    )
    return fig, description


def half_width_points(counts: tuple[int, ...], votes: int, confidence: float) -> float:
    """Largest interval half-width, in percentage points, at a hypothetical number of votes."""
    ivs = poll.wilson_intervals(poll.scaled_counts(counts, votes), confidence)
    return max(50 * (hi - lo) for lo, hi in ivs)


def sqrt_rule(votes_from: int, votes_to: int) -> float:
    """How much narrower an interval gets when votes grow (about the square root of the ratio)."""
    return math.sqrt(votes_to / votes_from)


# --- render functions for the notebook's widgets (pure: values in, view out) ----------------

CONFIDENCE_LEVELS = (0.80, 0.90, 0.95, 0.99)
VOTE_TOTALS = (27, 108, 432, 1080, 4320, 10800)


def render_self_selection(times: float, eager: int, scale: int) -> tuple:
    """First widget: the self-selection model, with the key and the error table beside it."""
    fig, description = self_selection_figure(times, eager, scale)
    return fig, description, SELF_SELECTION_KEY + error_table_html(times, eager)


def render_intervals(confidence: float, votes: int, simultaneous: bool) -> tuple:
    """Second widget: the page's shares at a hypothetical number of votes, and the ranking."""
    page = poll.page_poll()
    fig, description = intervals_figure(page.counts, page.short, confidence, votes, simultaneous)
    return fig, description, ordering_html(page.counts, page.short, confidence, votes)


def poll_markdown() -> str:
    """The page's poll as a Markdown table, exactly as the data file (and the seed) give it."""
    page = poll.page_poll()
    rows = "\n".join(f"| {a} | {s} |" for a, s in zip(page.answers, page.shown_as, strict=True))
    return (f"**{page.question}**\n\n| answer | votes (share shown on the page) |\n"
            f"| --- | --- |\n{rows}\n\nTotal: {page.total} votes. The page's rating box: "
            f"“{page.rating_shown_as}”.")


def self_selection_controls() -> list:
    """The first widget's controls, declared as data."""
    from helpers.explorers import widgets

    return [
        widgets.slider("times", "Eager group votes this many times as often:", 1, 5, 0.5, 2),
        widgets.dropdown("eager", "Eager group:", {v: i for i, v in enumerate(VIEWS)}),
        widgets.toggle("scale", "Votes:", {"x1 (108, as on the page)": 1, "x10": 10, "x100": 100}),
    ]


def interval_controls() -> list:
    """The second widget's controls, declared as data."""
    from helpers.explorers import widgets

    return [
        widgets.dropdown("confidence", "Confidence level:",
                         {f"{c:.0%}": c for c in CONFIDENCE_LEVELS}, 0.95),
        widgets.dropdown("votes", "Votes (same shares):", {f"{n:,}": n for n in VOTE_TOTALS}, 108),
        widgets.toggle("simultaneous", "Intervals:",
                       {"one at a time (Wilson)": False, "all four at once (Goodman)": True}),
    ]
