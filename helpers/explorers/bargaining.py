"""Notebook 04's explorer: the bargaining range appearing, shrinking or vanishing.

``CONTROLS`` are the widget's controls as data; :func:`render_bargaining` computes the model
(:func:`helpers.models.bargaining.settle`) once per change and derives the picture, the
description and the side text from that one result. The two quizzes state only numbers that
they compute from the same model, so the text cannot drift from what the widget shows.
"""

from __future__ import annotations

from helpers.explorers import quiz
from helpers.explorers import widgets as wd
from helpers.figures import bargaining as figures
from helpers.models import bargaining as bg

SIDE_PAYMENT = 0.25  # the compensation (or linked issue) available in the "side payments" case

STAKE_LABELS = {
    "divisible": "Divisible: any split",
    "indivisible": "Indivisible: all or nothing",
    "side payments": f"Indivisible + side payment up to {SIDE_PAYMENT:.2f}",
}

CONTROLS = (
    wd.slider(
        "p",
        "p: A's chance of winning a war",
        0.0,
        1.0,
        0.05,
        0.5,
        tooltip="A's expected share of the stake if they fight",
    ),
    wd.slider("cost_a", "c_A: cost of war to A", 0.0, 0.6, 0.05, 0.2),
    wd.slider("cost_b", "c_B: cost of war to B", 0.0, 0.6, 0.05, 0.2),
    wd.toggle("stake", "The stake is", {v: k for k, v in STAKE_LABELS.items()}, "divisible"),
    wd.checkbox("a_recognises_b", "A treats B's claim as negotiable", True),
    wd.checkbox("b_recognises_a", "B treats A's claim as negotiable", True),
)


def settle(
    p: float,
    cost_a: float,
    cost_b: float,
    stake: str = "divisible",
    a_recognises_b: bool = True,
    b_recognises_a: bool = True,
) -> bg.Bargain:
    """The model behind the widget, with the widget's side payment."""
    return bg.settle(p, cost_a, cost_b, stake, SIDE_PAYMENT, a_recognises_b, b_recognises_a)


def describe(result: bg.Bargain) -> str:
    """Plain-text account of the bargaining figure, from the model result."""
    who = []
    if not result.a_recognises_b:
        who.append("A does not treat B's claim as negotiable, so A accepts only taking everything")
    if not result.b_recognises_a:
        who.append("B does not treat A's claim as negotiable, so B accepts only taking everything")
    lo, hi = result.range
    text = (
        f"With A's chance of winning p = {result.p:.2f}, A's cost of war {result.cost_a:.2f} and "
        f"B's {result.cost_b:.2f}, A prefers any share from {max(0.0, result.p - result.cost_a):.2f}"
        f" up to 1 to fighting, and B prefers any share for A from 0 up to "
        f"{min(1.0, result.p + result.cost_b):.2f}; the bargaining range is {lo:.2f} to {hi:.2f}. "
        f"The stake is {STAKE_LABELS[result.stake].lower()}. "
    )
    if who:
        text += "; ".join(who) + ". "
    return text + result.summary().split(". ", 1)[-1]


def side_text(result: bg.Bargain) -> str:
    """The verdict beside the picture (HTML; only numbers, no text from data)."""
    if result.deals:
        verdict = "<b>Deal possible.</b> Some split on the table beats war for both sides."
    elif not result.on_table:
        verdict = (
            "<b>No deal.</b> With neither side recognising the other's claim, nothing is "
            "left to offer, however costly war is."
        )
    else:
        verdict = "<b>No deal.</b> War is costly, yet no split that both prefer to war is on the table."
    return f"<p>{verdict}</p><p>Width of the bargaining range: {result.width:.2f}.</p>"


def render_bargaining(
    p: float, cost_a: float, cost_b: float, stake: str, a_recognises_b: bool, b_recognises_a: bool
) -> wd.View:
    """The widget's pure render function: one model, then picture, description and verdict."""
    result = settle(p, cost_a, cost_b, stake, a_recognises_b, b_recognises_a)
    return wd.View(figures.BargainingPicture(result), describe(result), side_text(result))


def _spans(intervals: tuple[tuple[float, float], ...]) -> str:
    return " and ".join(f"{a:.2f}" if a == b else f"from {a:.2f} to {b:.2f}" for a, b in intervals)


def side_payment_quiz(p: float = 0.5, cost: float = 0.3) -> quiz.MultipleChoice:
    """Which change brings a deal back to an indivisible stake? (Numbers from the model.)"""
    stuck = settle(p, cost, cost, "indivisible")
    paid = settle(p, cost, cost, "side payments")
    refused = settle(p, cost, cost, "indivisible", a_recognises_b=False)
    if stuck.deals or not paid.deals or refused.deals:
        raise ValueError(f"at p = {p} and costs {cost} the quiz's premise does not hold in the model")
    lo, hi = stuck.range
    return quiz.multiple_choice(
        f"p = {p:g}, both costs {cost:g}, the stake indivisible: no deal is on the table. Which "
        "change brings a deal back without changing anyone's costs or chances?",
        [
            f"Allow a side payment of up to {SIDE_PAYMENT:g}",
            "A stops treating B's claim as negotiable",
            "Nothing: an indivisible good can never be shared",
        ],
        answer=f"Allow a side payment of up to {SIDE_PAYMENT:g}",
        explanation=f"The range runs from {lo:.1f} to {hi:.1f}. A side payment puts splits "
        f"{_spans(paid.on_table)} on the table, and {_spans(paid.deals)} lie in the range. "
        "Refusing the other's claim only removes offers.",
    )


def recognition_quiz() -> quiz.MultipleChoice:
    """How costly must war be for a deal to return when neither side negotiates? (Checked.)"""
    costs = [c / 20 for c in range(0, 41)]  # 0 to 2 in steps of 0.05, far past the sliders
    if any(settle(0.5, c, c, s, False, False).deals for c in costs for s in bg.STAKES):
        raise ValueError("the model now finds a deal when neither side negotiates")
    return quiz.multiple_choice(
        "Both sides stop treating the other's claim as negotiable. How costly must war become for a "
        "deal to return in this model?",
        ["Costs above 0.5 each", "Costs above 1 each", "No cost is high enough"],
        answer="No cost is high enough",
        explanation="A accepts only x = 1 and B only x = 0; no split is acceptable to both, whatever "
        "the costs. In this model the dead end is a problem of what is negotiable, not of "
        "how costly war is.",
    )


#: What this module draws, for the picture checks' registry (``tests/pictures.py``).
EXPLORERS = {"bargaining": (CONTROLS, render_bargaining)}
FIGURES: dict = {}
