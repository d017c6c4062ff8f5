"""A teaching model of the bargaining range (after Fearon 1995), with two of the essay's twists.

The stake is abstract: a good of value 1 that can be split, and ``x`` is side A's share of it.
It is never a territory or a state. War gives A an expected share ``p`` at a cost ``cost_a``,
and gives B ``1 - p`` at a cost ``cost_b``, so any split in ``[p - cost_a, p + cost_b]``
(cut to [0, 1]) is one that both sides prefer to fighting: the bargaining range.

The twists are restrictions on which splits are on the table at all:

* ``stake``: "divisible" (any split), "indivisible" (all or nothing, Charles V's Milan), or
  "side payments" (one side takes the good and compensates the other with up to ``side_payment``
  of value, or links a second issue worth that much).
* Recognition. A claim that is not negotiable removes offers from the table (this is the
  notebook's own modelling choice for "not recognising the other as a party", not Powell's).
  If A does not recognise B as a party whose claim is negotiable, A accepts no agreement that
  gives B anything (only ``x = 1``); likewise for B. Nobody's costs or beliefs change.

A peaceful deal exists in the model when some split on the table lies in the bargaining range.
"""

from __future__ import annotations

from dataclasses import dataclass

STAKES: tuple[str, ...] = ("divisible", "indivisible", "side payments")

Interval = tuple[float, float]
_EPS = 1e-9


def _check_probability(name: str, value: float) -> float:
    value = float(value)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be a probability in [0, 1]; got {value}")
    return value


def _check_cost(name: str, value: float) -> float:
    value = float(value)
    if not value >= 0.0:  # also rejects NaN
        raise ValueError(f"{name} must be a non-negative cost (0 or more); got {value}")
    return value


def war_payoffs(p: float, cost_a: float, cost_b: float) -> tuple[float, float]:
    """What each side expects from war, in units of the stake: ``(p - c_A, 1 - p - c_B)``."""
    p = _check_probability("p", p)
    cost_a = _check_cost("cost_a", cost_a)
    cost_b = _check_cost("cost_b", cost_b)
    return p - cost_a, 1.0 - p - cost_b


def bargaining_range(p: float, cost_a: float, cost_b: float) -> Interval:
    """A's shares both sides prefer to war: ``[p - c_A, p + c_B]`` cut to [0, 1] (Fearon 1995)."""
    war_payoffs(p, cost_a, cost_b)  # validates the inputs
    return max(0.0, p - cost_a), min(1.0, p + cost_b)


def offers_on_table(
    stake: str = "divisible",
    side_payment: float = 0.25,
    a_recognises_b: bool = True,
    b_recognises_a: bool = True,
) -> tuple[Interval, ...]:
    """The splits (A's share) that the stake and the two sides' recognition allow, as intervals.

    A point offer is an interval of zero length, e.g. ``(1.0, 1.0)`` for "A takes everything".
    """
    if stake not in STAKES:
        raise ValueError(f"unknown stake {stake!r}; choose one of {', '.join(STAKES)}")
    side_payment = _check_cost("side_payment", side_payment)
    if stake == "divisible":
        table: list[Interval] = [(0.0, 1.0)]
    elif stake == "indivisible":
        table = [(0.0, 0.0), (1.0, 1.0)]
    else:
        s = min(side_payment, 0.5)
        table = [(0.0, 1.0)] if s >= 0.5 else [(0.0, s), (1.0 - s, 1.0)]
    # A claim that is not negotiable leaves only the splits that give the other side nothing.
    if not a_recognises_b:
        table = _intersect(table, [(1.0, 1.0)])
    if not b_recognises_a:
        table = _intersect(table, [(0.0, 0.0)])
    return tuple(table)


def _intersect(first: list[Interval], second: list[Interval]) -> list[Interval]:
    out = []
    for lo1, hi1 in first:
        for lo2, hi2 in second:
            lo, hi = max(lo1, lo2), min(hi1, hi2)
            if lo <= hi + _EPS:  # touching endpoints count, despite rounding (1 - 0.3 vs 0.7)
                out.append((lo, max(lo, hi)))
    return out


@dataclass(frozen=True)
class Bargain:
    """Everything the bargaining figure draws, computed once."""

    p: float
    cost_a: float
    cost_b: float
    stake: str
    a_recognises_b: bool
    b_recognises_a: bool
    range: Interval
    on_table: tuple[Interval, ...]
    deals: tuple[Interval, ...]

    @property
    def width(self) -> float:
        """Length of the bargaining range (before the table is restricted)."""
        return self.range[1] - self.range[0]

    @property
    def peaceful_deal_exists(self) -> bool:
        """True when at least one split on the table is in the bargaining range."""
        return bool(self.deals)

    def summary(self) -> str:
        """One sentence saying whether a deal exists and which one."""
        lo, hi = self.range
        head = f"Splits both sides prefer to war run from {lo:.2f} to {hi:.2f} (A's share)."
        if not self.deals:
            return head + " None of them is on the table: no peaceful deal exists in the model."
        parts = [f"{a:.2f}" if a == b else f"{a:.2f}-{b:.2f}" for a, b in self.deals]
        return head + " Deals on the table inside it: " + ", ".join(parts) + "."


def settle(
    p: float,
    cost_a: float,
    cost_b: float,
    stake: str = "divisible",
    side_payment: float = 0.25,
    a_recognises_b: bool = True,
    b_recognises_a: bool = True,
) -> Bargain:
    """The bargaining range, the offers on the table, and the deals in both (pure function)."""
    rng = bargaining_range(p, cost_a, cost_b)
    table = offers_on_table(stake, side_payment, a_recognises_b, b_recognises_a)
    deals = tuple(_intersect(list(table), [rng]))
    return Bargain(
        p=float(p),
        cost_a=float(cost_a),
        cost_b=float(cost_b),
        stake=stake,
        a_recognises_b=bool(a_recognises_b),
        b_recognises_a=bool(b_recognises_a),
        range=rng,
        on_table=table,
        deals=deals,
    )
