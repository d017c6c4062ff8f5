"""What a small self-selected web poll can and cannot tell: exact Wilson score intervals,
simultaneous (Goodman) intervals for several answers, and a seeded self-selection model.

Every interval here treats the votes *as if* they were a simple random sample of readers. A web
poll is not one, which is the lesson of notebook 09; the model in `simulate_self_selection`
shows why more votes do not cure that.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np

_STANDARD_NORMAL = NormalDist()


def _check_confidence(confidence: float) -> float:
    """Return `confidence` as a float, or raise ValueError unless 0 < confidence < 1."""
    try:
        value = float(confidence)
    except (TypeError, ValueError):
        message = f"confidence must be a number strictly between 0 and 1, got {confidence!r}"
        raise ValueError(message) from None
    if not 0.0 < value < 1.0:  # also rejects NaN
        raise ValueError(f"confidence must be strictly between 0 and 1, got {confidence!r}")
    return value


def _check_counts(counts: Sequence[float]) -> list[float]:
    """Return counts as floats; raise ValueError on a negative or non-finite count or zero total."""
    values = [float(c) for c in counts]
    if not values:
        raise ValueError("counts must contain at least one answer")
    for c in values:
        if not math.isfinite(c) or c < 0:
            raise ValueError(f"counts must be finite and non-negative, got {list(counts)!r}")
    if sum(values) <= 0:
        raise ValueError("the total number of votes must be positive, got 0")
    return values


def z_value(confidence: float) -> float:
    """The two-sided standard-normal quantile for `confidence` (1.959964... for 0.95)."""
    confidence = _check_confidence(confidence)
    return _STANDARD_NORMAL.inv_cdf(0.5 + confidence / 2.0)


def wilson_from_z(count: float, total: float, z: float) -> tuple[float, float]:
    """Wilson score interval for `count` successes out of `total`, for a given normal quantile z.

    Counts may be non-integers (a hypothetical poll with the same shares and more votes).
    """
    if not (math.isfinite(count) and math.isfinite(total)) or count < 0:
        raise ValueError(f"count must be finite and non-negative, got {count!r}")
    if total <= 0:
        raise ValueError(f"total must be positive, got {total!r}")
    if count > total:
        raise ValueError(f"count ({count!r}) cannot exceed total ({total!r})")
    if not (math.isfinite(z) and z > 0):
        raise ValueError(f"z must be positive, got {z!r}")
    p = count / total
    z2 = z * z
    denominator = 1.0 + z2 / total
    centre = (p + z2 / (2.0 * total)) / denominator
    half = (z / denominator) * math.sqrt(p * (1.0 - p) / total + z2 / (4.0 * total * total))
    # Exactly 0 or 1 at the ends (rounding can leave 1e-17 outside).
    low = 0.0 if count == 0 else max(0.0, centre - half)
    high = 1.0 if count == total else min(1.0, centre + half)
    return low, high


def wilson_interval(count: float, total: float, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson (1927) score interval for one proportion, computed in closed form.

    Raises ValueError on a negative count, a zero total, a count above the total, or a
    confidence level outside (0, 1).
    """
    return wilson_from_z(float(count), float(total), z_value(confidence))


def proportions(counts: Sequence[float]) -> list[float]:
    """Each answer's share of all votes."""
    values = _check_counts(counts)
    total = sum(values)
    return [c / total for c in values]


Interval = tuple[float, float]


def wilson_intervals(counts: Sequence[float], confidence: float = 0.95) -> list[Interval]:
    """One Wilson interval per answer, each at `confidence` on its own (not simultaneous)."""
    values = _check_counts(counts)
    z = z_value(confidence)
    total = sum(values)
    return [wilson_from_z(c, total, z) for c in values]


def goodman_intervals(counts: Sequence[float], confidence: float = 0.95) -> list[Interval]:
    """Simultaneous intervals for all k answers: Goodman (1965).

    Goodman's interval for answer i uses A, the chi-square (1 d.f.) quantile at 1 - alpha/k. As
    A = z**2 with z the normal quantile at 1 - alpha/(2k), each interval is exactly the Wilson
    interval at the Bonferroni-adjusted level 1 - alpha/k; all k cover together with probability
    at least `confidence` (as if the votes were a random sample).
    """
    values = _check_counts(counts)
    confidence = _check_confidence(confidence)
    k = len(values)
    adjusted = 1.0 - (1.0 - confidence) / k
    z = z_value(adjusted)
    total = sum(values)
    return [wilson_from_z(c, total, z) for c in values]


def intervals(
    counts: Sequence[float], confidence: float = 0.95, simultaneous: bool = False
) -> list[Interval]:
    """Wilson intervals per answer, or Goodman simultaneous intervals if `simultaneous`."""
    if simultaneous:
        return goodman_intervals(counts, confidence)
    return wilson_intervals(counts, confidence)


def scaled_counts(counts: Sequence[float], total: float) -> list[float]:
    """The same shares as `counts`, spread over a hypothetical `total` number of votes."""
    if not (math.isfinite(total) and total > 0):
        raise ValueError(f"total must be positive, got {total!r}")
    return [share * total for share in proportions(counts)]


def pair_interval(
    counts: Sequence[float], i: int, j: int, confidence: float = 0.95
) -> tuple[float, float, float]:
    """Is answer i really ahead of answer j? Share of i among the votes for i or j, with interval.

    Among voters who chose i or j, the share choosing i exceeds 1/2 exactly when p_i > p_j, and
    given their number it is binomial, so its Wilson interval excluding 1/2 separates the two.
    Returns (share, low, high). ValueError if i == j, an index is out of range, or the pair has
    no votes.
    """
    values = _check_counts(counts)
    for index in (i, j):
        if not isinstance(index, int) or not 0 <= index < len(values):
            raise ValueError(f"answer index must be one of 0..{len(values) - 1}, got {index!r}")
    if i == j:
        raise ValueError("compare two different answers")
    both = values[i] + values[j]
    if both <= 0:
        raise ValueError(f"answers {i} and {j} have no votes between them")
    low, high = wilson_interval(values[i], both, confidence)
    return values[i] / both, low, high


def separated(counts: Sequence[float], i: int, j: int, confidence: float = 0.95) -> bool:
    """True if the pair interval of answers i and j excludes 1/2 (the order of i and j is clear)."""
    _, low, high = pair_interval(counts, i, j, confidence)
    return low > 0.5 or high < 0.5


def adjacent_orderings(counts: Sequence[float], confidence: float = 0.95) -> list[tuple[int, int, bool]]:
    """For answers ranked by votes, whether each neighbour pair is separated.

    The neighbour comparisons are Bonferroni-adjusted (k - 1 of them) so the statement "the
    whole ranking is clear" holds at `confidence`. Returns (higher, lower, separated) index pairs.
    """
    values = _check_counts(counts)
    confidence = _check_confidence(confidence)
    order = sorted(range(len(values)), key=lambda idx: (-values[idx], idx))
    pairs = list(zip(order, order[1:], strict=False))
    if not pairs:
        return []
    adjusted = 1.0 - (1.0 - confidence) / len(pairs)
    return [(a, b, separated(values, a, b, adjusted)) for a, b in pairs]


def votes_needed_to_separate(
    counts: Sequence[float], i: int, j: int, confidence: float = 0.95, limit: int = 10**9
) -> int | None:
    """Smallest total number of votes, with the same shares, at which answers i and j separate.

    None if they never do (equal shares) or not below `limit`. Uses the same test as `separated`.
    """
    shares = proportions(counts)
    if shares[i] == shares[j]:
        return None

    def ok(total: int) -> bool:
        return separated([s * total for s in shares], i, j, confidence)

    high = 1
    while not ok(high):
        high *= 2
        if high > limit:
            return None
    low = high // 2  # ok(low) is False (or low == 0)
    while high - low > 1:
        middle = (low + high) // 2
        if ok(middle):
            high = middle
        else:
            low = middle
    return high


@dataclass(frozen=True)
class SelfSelectionResult:
    """One simulated self-selected poll and what it would converge to with unlimited votes."""

    truth: tuple[float, ...]  # the invented population's true shares
    rates: tuple[float, ...]  # relative voting rate of each group
    expected: tuple[float, ...]  # the shares a huge self-selected poll converges to
    counts: tuple[int, ...]  # simulated votes
    estimate: tuple[float, ...]  # simulated vote shares

    @property
    def total(self) -> int:
        return sum(self.counts)

    def max_error(self) -> float:
        """Largest gap, in share points, between the poll's estimate and the truth."""
        return max(abs(e - t) for e, t in zip(self.estimate, self.truth, strict=True))

    def bias(self) -> float:
        """Largest gap between where the poll converges and the truth (no sampling noise)."""
        return max(abs(e - t) for e, t in zip(self.expected, self.truth, strict=True))


def expected_shares(truth: Sequence[float], rates: Sequence[float]) -> list[float]:
    """Vote shares a self-selected poll converges to: truth weighted by each group's voting rate."""
    weights = [t * r for t, r in zip(truth, rates, strict=True)]
    total = sum(weights)
    if total <= 0:
        raise ValueError("no group ever votes: every truth * rate product is zero")
    return [w / total for w in weights]


def eager_rates(k: int, eager: int, times: float) -> list[float]:
    """Relative voting rates when one group (index `eager`) is `times` as likely to vote."""
    if not 0 <= eager < k:
        raise ValueError(f"eager must be one of 0..{k - 1}, got {eager!r}")
    if not (math.isfinite(times) and times > 0):
        raise ValueError(f"times must be positive, got {times!r}")
    return [float(times) if idx == eager else 1.0 for idx in range(k)]


def simulate_self_selection(
    truth: Sequence[float],
    rates: Sequence[float],
    expected_votes: float,
    seed: int,
    readers: int = 1_000_000,
    fixed_total: bool = False,
) -> SelfSelectionResult:
    """A toy model of a self-selected poll (a model, not data about the real page's readers).

    `readers` people read the page; a share `truth[i]` of them hold view i; each reader of view i
    votes independently with probability proportional to `rates[i]`, scaled so that about
    `expected_votes` votes come in. With `fixed_total` the poll is instead conditioned on exactly
    `round(expected_votes)` votes (a multinomial draw over the views, which is what independent
    voting by many readers, each unlikely to vote, gives once the total is known), so a figure can
    show the page's own total. Seeded with numpy's Generator, so the same inputs give the same poll.
    """
    t = np.asarray(truth, dtype=float)
    r = np.asarray(rates, dtype=float)
    if t.ndim != 1 or t.size == 0 or t.shape != r.shape:
        raise ValueError("truth and rates must be equal-length, non-empty sequences")
    if not (np.all(np.isfinite(t)) and np.all(t >= 0) and abs(t.sum() - 1.0) < 1e-9):
        raise ValueError(f"truth must be non-negative shares summing to 1, got {list(truth)!r}")
    if not (np.all(np.isfinite(r)) and np.all(r >= 0)):
        raise ValueError(f"rates must be finite and non-negative, got {list(rates)!r}")
    if not (math.isfinite(expected_votes) and expected_votes > 0):
        raise ValueError(f"expected_votes must be positive, got {expected_votes!r}")
    groups = np.round(t * readers).astype(np.int64)
    mean_rate = float((groups * r).sum())
    if mean_rate <= 0:
        raise ValueError("no group ever votes: every truth * rate product is zero")
    base = expected_votes / mean_rate
    probabilities = base * r
    if probabilities.max() > 1.0:
        raise ValueError(
            f"{expected_votes!r} expected votes need more than every reader of the eager group; "
            f"raise readers (now {readers})"
        )
    rng = np.random.default_rng(seed)
    if fixed_total:
        weights = groups * r
        counts = rng.multinomial(round(expected_votes), weights / weights.sum())
    else:
        counts = rng.binomial(groups, probabilities)
    total = int(counts.sum())
    estimate = tuple(float(c) / total for c in counts) if total else tuple(0.0 for _ in counts)
    return SelfSelectionResult(
        truth=tuple(float(x) for x in t),
        rates=tuple(float(x) for x in r),
        expected=tuple(expected_shares(t.tolist(), r.tolist())),
        counts=tuple(int(c) for c in counts),
        estimate=estimate,
    )


@dataclass(frozen=True)
class PagePoll:
    """The poll printed on the essay's page (from data/page_poll.csv), plus its rating box."""

    question: str
    answers: tuple[str, ...]
    short: tuple[str, ...]  # our abbreviations, for plot labels
    counts: tuple[int, ...]
    shown_as: tuple[str, ...]
    rating_votes: int
    rating_shown_as: str
    source: str
    accessed: str

    @property
    def total(self) -> int:
        return sum(self.counts)


def page_poll() -> PagePoll:
    """Load the page's poll and rating from the data file (a test checks them against the seed)."""
    from helpers.sources import facts

    rows = facts.load_csv("page_poll.csv")
    answers = [r for r in rows if r["item"] == "poll answer"]
    ratings = [r for r in rows if r["item"] == "article rating"]
    if not answers or len(ratings) != 1 or len({r["question"] for r in answers}) != 1:
        raise ValueError("page_poll.csv needs one question's answers and one article-rating row")
    return PagePoll(
        question=answers[0]["question"],
        answers=tuple(r["answer"] for r in answers),
        short=tuple(r["short"] for r in answers),
        counts=tuple(int(r["votes"]) for r in answers),
        shown_as=tuple(r["shown_as"] for r in answers),
        rating_votes=int(ratings[0]["votes"]),
        rating_shown_as=ratings[0]["shown_as"],
        source=answers[0]["source"],
        accessed=answers[0]["accessed"],
    )
