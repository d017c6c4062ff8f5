"""Notebook 09 (reading a web poll): the self-selection and interval explorers, the static figures, the quiz.

Each render computes its model once (the simulated poll, or the page's intervals) and derives
the picture, the description and the side table from it. Side tables escape every label.
"""

from __future__ import annotations

import html
import math

from helpers.explorers import quiz, widgets
from helpers.explorers.widgets import View
from helpers.figures import poll as figures
from helpers.figures.poll import VIEWS
from helpers.models import poll

EQUAL_TRUTH = (0.25, 0.25, 0.25, 0.25)
SCALES = (1, 10, 100)
SIZES = (27, 54, 108, 270, 540, 1080, 2700, 5400, 10800)
PAGE_VOTES = 108
SEED = 2020
CONFIDENCE_LEVELS = (0.80, 0.90, 0.95, 0.99)
VOTE_TOTALS = (27, 108, 432, 1080, 4320, 10800)
_TABLE = 'style="border-spacing:1.2em 0.2em"'

SELF_SELECTION_CONTROLS = (
    widgets.slider("times", "Eager group votes this many times as often:", 1, 5, 0.5, 2),
    widgets.dropdown("eager", "Eager group:", {v: i for i, v in enumerate(VIEWS)}),
    widgets.toggle("scale", "Votes:", {"x1 (108, as on the page)": 1, "x10": 10, "x100": 100}),
)
INTERVAL_CONTROLS = (
    widgets.dropdown("confidence", "Confidence level:", {f"{c:.0%}": c for c in CONFIDENCE_LEVELS}, 0.95),
    widgets.dropdown("votes", "Votes (same shares):", {f"{n:,}": n for n in VOTE_TOTALS}, 108),
    widgets.toggle(
        "simultaneous", "Intervals:", {"one at a time (Wilson)": False, "all four at once (Goodman)": True}
    ),
)

SELF_SELECTION_KEY = (
    "<p><b>Key</b>: black bar <b>|</b> = the truth (invented: 25% each); blue dot "
    "<b>●</b> with line = the poll's estimate and its 95% interval, computed as if the votes "
    "were a random sample; red diamond <b>◇</b> = where the poll heads with unlimited votes.</p>"
)


def self_selection_picture(
    times: float, eager: int = 0, scale: int = 1, seed: int = SEED, truth: tuple[float, ...] = EQUAL_TRUTH
) -> figures.SelfSelectionPicture:
    """The simulated self-selected poll (a model, labelled as one) at the page's total times ``scale``."""
    if scale not in SCALES:
        raise ValueError(f"scale must be one of {SCALES}, got {scale!r}")
    rates = poll.eager_rates(len(truth), eager, times)
    # Exactly the page's total (x scale), so the title's count matches the page's 108.
    result = poll.simulate_self_selection(truth, rates, PAGE_VOTES * scale, seed=seed, fixed_total=True)
    ivs = tuple(poll.wilson_intervals(result.counts, 0.95))
    return figures.SelfSelectionPicture(result, ivs, eager, times, scale)


def error_table(
    times: float,
    eager: int,
    seed: int = SEED,
    truth: tuple[float, ...] = EQUAL_TRUTH,
    sizes: tuple[int, ...] = (108, 1080, 10800),
) -> list[tuple[int, float, float, float]]:
    """(votes, largest error without self-selection, with it, bias floor), in share points."""
    rates = poll.eager_rates(len(truth), eager, times)
    rows = []
    for n in sizes:
        fair = poll.simulate_self_selection(truth, [1.0] * len(truth), n, seed=seed, fixed_total=True)
        biased = poll.simulate_self_selection(truth, rates, n, seed=seed, fixed_total=True)
        rows.append((n, fair.max_error(), biased.max_error(), biased.bias()))
    return rows


def error_table_html(times: float, eager: int, seed: int = SEED) -> str:
    """The error table as HTML for the widget's side panel."""
    rows = error_table(times, eager, seed)
    body = "".join(
        f"<tr><td>{n:,}</td><td>{100 * fair:.1f}</td><td>{100 * biased:.1f}</td></tr>"
        for n, fair, biased, _ in rows
    )
    return (
        "<p><b>Largest error</b> (percentage points) in the same simulation:</p>"
        f"<table {_TABLE}><tr><th>votes</th><th>everyone equally likely to vote</th>"
        f"<th>{html.escape(VIEWS[eager])} {times:g}x as likely</th></tr>{body}</table>"
        f"<p>Bias floor: <b>{100 * rows[0][3]:.1f} points</b>. More votes shrink the noise, "
        "never the bias.</p>"
    )


def render_self_selection(times: float, eager: int, scale: int) -> View:
    """First widget: the self-selection model, with the key and the error table beside it."""
    picture = self_selection_picture(times, eager, scale)
    return View(
        picture, figures.describe_self_selection(picture), SELF_SELECTION_KEY + error_table_html(times, eager)
    )


def intervals_picture(
    confidence: float = 0.95, votes: int = PAGE_VOTES, simultaneous: bool = False
) -> figures.IntervalsPicture:
    """The page's shares at a hypothetical number of votes, with Wilson or Goodman intervals."""
    page = poll.page_poll()
    scaled = poll.scaled_counts(page.counts, votes)
    ivs = tuple(poll.intervals(scaled, confidence, simultaneous))
    return figures.IntervalsPicture(
        tuple(page.short), tuple(poll.proportions(page.counts)), ivs, votes, confidence, simultaneous
    )


def half_width_points(picture: figures.IntervalsPicture) -> float:
    """Largest interval half-width (percentage points) of the intervals the picture draws."""
    return max(50 * (hi - lo) for lo, hi in picture.intervals)


def ordering_html(picture: figures.IntervalsPicture, order: list[tuple[int, int, bool]]) -> str:
    """Side text: which neighbours are distinguishable now, and how many votes each would need."""
    page = poll.page_poll()
    scaled = poll.scaled_counts(page.counts, picture.votes)
    labels = [html.escape(lab) for lab in picture.labels]
    adjusted = 1 - (1 - picture.confidence) / max(len(order), 1)
    rows = []
    for a, b, ok in order:
        needed = poll.votes_needed_to_separate(page.counts, a, b, adjusted)
        share, _, _ = poll.pair_interval(scaled, a, b, picture.confidence)
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
        f"<p>Largest half-width now ({html.escape(picture.kind)}): "
        f"<b>{half_width_points(picture):.1f} points</b>.</p>"
    )


def render_intervals(confidence: float, votes: int, simultaneous: bool) -> View:
    """Second widget: the page's shares at a hypothetical number of votes, and the ranking."""
    picture = intervals_picture(confidence, votes, simultaneous)
    scaled = poll.scaled_counts(poll.page_poll().counts, votes)
    order = poll.adjacent_orderings(scaled, confidence)
    return View(picture, figures.describe_intervals(picture, order), ordering_html(picture, order))


def self_selection() -> widgets.Explorer:
    return widgets.Explorer(SELF_SELECTION_CONTROLS, render_self_selection, text_width="100%")


def intervals() -> widgets.Explorer:
    return widgets.Explorer(INTERVAL_CONTROLS, render_intervals, text_width="100%")


def bias_floor(
    times: float = 3.0, eager: int = 0, seed: int = SEED, truth: tuple[float, ...] = EQUAL_TRUTH
) -> tuple[figures.BiasFloorPicture, str]:
    """Error against number of votes, with and without self-selection (a static summary)."""
    rates = poll.eager_rates(len(truth), eager, times)
    with_bias = tuple(
        100 * poll.simulate_self_selection(truth, rates, n, seed=seed, fixed_total=True).max_error()
        for n in SIZES
    )
    without = tuple(
        100
        * poll.simulate_self_selection(truth, [1.0] * len(truth), n, seed=seed, fixed_total=True).max_error()
        for n in SIZES
    )
    floor = 100 * poll.simulate_self_selection(truth, rates, SIZES[0], seed=seed).bias()
    picture = figures.BiasFloorPicture(SIZES, without, with_bias, floor, eager, times)
    return picture, figures.describe_bias_floor(picture)


def width_curve(confidence: float = 0.95) -> tuple[figures.WidthCurvePicture, str]:
    """Interval half-width against number of votes for the page's largest answer (a static summary)."""
    page = poll.page_poll()
    shares = poll.proportions(page.counts)
    top = max(range(len(shares)), key=lambda k: shares[k])
    grid = tuple(round(10 ** (1 + k * 0.125)) for k in range(27))  # 10 ... about 18,000
    widths = []
    for n in grid:
        lo, hi = poll.wilson_intervals(poll.scaled_counts(page.counts, n), confidence)[top]
        widths.append(50 * (hi - lo))
    lo, hi = poll.wilson_intervals(page.counts, confidence)[top]
    picture = figures.WidthCurvePicture(
        grid, tuple(widths), page.short[top], shares[top], page.total, 50 * (hi - lo), confidence
    )
    return picture, figures.describe_width_curve(picture)


def single_vote(confidence: float = 0.95) -> tuple[figures.SingleVotePicture, str]:
    """What "(votes: 1, rating: 5)" can say, from 1, 10 or 100 unanimous votes."""
    ns = (1, 10, 100)
    picture = figures.SingleVotePicture(
        ns, tuple(poll.wilson_interval(n, n, confidence)[0] for n in ns), confidence
    )
    return picture, figures.describe_single_vote(picture)


_FOLD = {10: "tenfold", 100: "a hundredfold"}


def votes_quiz(votes: int = 10_800) -> quiz.MultipleChoice:
    """What more votes change; the narrowing factor is the square root of the ratio of votes."""
    ratio = votes / PAGE_VOTES
    factor = math.sqrt(ratio)
    fold = (
        _FOLD.get(round(factor), f"{factor:.1f}-fold")
        if math.isclose(factor, round(factor))
        else f"{factor:.1f}-fold"
    )
    answer = "Narrower intervals; still only the voters"
    return quiz.multiple_choice(
        f"If the page had {votes:,} votes with the same shares, what would change?",
        ["The shares would describe the readers", answer, "Nothing"],
        answer=answer,
        explanation=(
            f"More votes shrink random error ({fold} for {ratio:g}x the votes), not the bias of who votes."
        ),
    )


EXPLORERS = {
    "self_selection": (SELF_SELECTION_CONTROLS, render_self_selection),
    "intervals": (INTERVAL_CONTROLS, render_intervals),
}
FIGURES = {"bias_floor": bias_floor, "width_curve": width_curve, "single_vote": single_vote}
