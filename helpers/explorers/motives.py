"""Notebook 06's explorers: motives (Hobbes's triad), the nuclear leveller, Jervis's four worlds.

Each ``render_*`` function computes its model once per change and derives the picture, the
description and the side text from that one result; ``*_CONTROLS`` are the controls as data.
The quizzes state only numbers computed from the same models. Jervis's explorer is connected to
the motives model: it computes how the watching side reads one move in each of the four worlds.
"""

from __future__ import annotations

import html
from functools import cache

from helpers.explorers import quiz
from helpers.explorers import widgets as wd
from helpers.figures import motives as figures
from helpers.models import leveller as lv
from helpers.models import motives as mv
from helpers.sources import facts

# ---------------------------------------------------------------- motives (Hobbes's triad)

#: Short labels ("Watching side: gain") leave the slider tracks room; the tooltip says it in full.
MOTIVE_CONTROLS = tuple(
    wd.slider(
        f"{role}_{motive}",
        f"{short}: {motive}",
        0,
        2,
        1,
        1,
        tooltip=f"{who}: weight on {motive} (0 = does not matter, 2 = matters most)",
    )
    for role, short, who in (
        ("mover", "Moving side", "Side making the move"),
        ("other", "Watching side", "Side watching"),
    )
    for motive in mv.MOTIVES
)


@cache
def moves() -> tuple[mv.Move, ...]:
    """The hypothetical moves from ``helpers/data/moves.toml``."""
    return mv.load_moves()


def _move(name: str) -> mv.Move:
    found = {m.name: m for m in moves()}
    if name not in found:
        raise ValueError(f"unknown move {name!r}; valid moves: {', '.join(found)}")
    return found[name]


def _weights_text(weights: dict[str, float]) -> str:
    return ", ".join(f"{m} {w:.0%}" for m, w in weights.items())


def _weights_said(role: str, weights: dict[str, float]) -> str:
    if not sum(weights.values()):
        return f"the {role} weighs no motive at all, so it reads every move as 0"
    return f"the {role} weighs {_weights_text(mv.normalise(weights))}"


def describe_motives(
    readings: tuple[mv.Reading, ...], mover_w: dict[str, float], other_w: dict[str, float]
) -> str:
    """Plain-text account of the motives figure (weights as set on the sliders)."""
    said = f"{_weights_said('side making the move', mover_w)}; {_weights_said('side watching', other_w)}."
    parts = [said[0].upper() + said[1:]]
    for r in readings:
        parts.append(
            f"{r.move.name}: {r.mover_value:+.2f} for the side making it, "
            f"{r.other_value:+.2f} for the side watching."
        )
    split = [r.move.name for r in readings if r.mover_value > 0 > r.other_value]
    if split:
        parts.append("Read as a gain by one side and a loss by the other: " + ", ".join(split) + ".")
    parts.append("Scores are hypothetical teaching examples.")
    return " ".join(parts)


def _weights(role: str, gain: float, prestige: float, security: float) -> dict[str, float]:
    weights = {"gain": gain, "prestige": prestige, "security": security}
    if sum(weights.values()) <= 0:
        raise ValueError(
            f"the {role} has every weight at 0; set at least one of {', '.join(mv.MOTIVES)} above 0"
        )
    return weights


def _read(effects: dict[str, float], weights: dict[str, float]) -> float:
    """A side's reading; a side that weighs no motive at all is indifferent (0) to every move."""
    return mv.value(effects, weights) if sum(weights.values()) else 0.0


def render_motives(
    mover_gain: float,
    mover_prestige: float,
    mover_security: float,
    other_gain: float,
    other_prestige: float,
    other_security: float,
) -> wd.View:
    """Pure render function of the motives widget.

    Every slider position is allowed: a side with every weight at 0 cares about nothing and reads
    every move as 0 (the description says so); a negative weight is refused by the model.
    """
    mover = {"gain": mover_gain, "prestige": mover_prestige, "security": mover_security}
    other = {"gain": other_gain, "prestige": other_prestige, "security": other_security}
    readings = tuple(mv.Reading(m, _read(m.mover, mover), _read(m.other, other)) for m in moves())
    description = describe_motives(readings, mover, other)
    rows = "".join(
        f"<tr><td>{html.escape(r.move.name)}</td><td>{r.mover_value:+.2f}</td>"
        f"<td>{r.other_value:+.2f}</td></tr>"
        for r in readings
    )
    widest = max(readings, key=lambda r: abs(r.gap))
    text = (
        "<table><tr><th>move</th><th>making it</th><th>watching</th></tr>" + rows + "</table>"
        f"<p>Widest gap: <b>{html.escape(widest.move.name)}</b>.</p>"
        "<p><i>The scores are hypothetical teaching examples, not data.</i></p>"
    )
    return wd.View(figures.MotivesPicture(readings), description, text)


# ---------------------------------------------------------------- the nuclear leveller

THRESHOLDS = (10, 50, 100, 200, 500, 1000)
CONVENTIONAL, NUCLEAR = 0.1, 1.0

LEVELLER_CONTROLS = (
    wd.dropdown("europe", '"Europe" counts', list(lv.EUROPE_CHOICES), "France + UK"),
    wd.slider(
        "kept",
        "Share of today's arsenals kept (%)",
        10,
        100,
        10,
        100,
        tooltip="100 = SIPRI's January 2025 estimates; 10 = both cut by 90%",
    ),
    wd.dropdown(
        "threshold",
        "Warheads for unacceptable damage (an assumption)",
        [(f"{t:,}", t) for t in THRESHOLDS],
        100,
    ),
    wd.checkbox("limited", "Both expect any war to stay limited (no nuclear use)", False),
)


@cache
def warheads() -> dict[str, int]:
    """SIPRI's January 2025 estimates by country (``helpers/data/warheads_2025.csv``)."""
    return lv.load_warheads()


def standoff(europe: str, kept: float, threshold: int, limited: bool) -> lv.Standoff:
    """The leveller model as the widget sets it (``kept`` in percent)."""
    return lv.standoff(europe, warheads(), kept / 100, threshold, CONVENTIONAL, NUCLEAR, limited)


def describe_leveller(s: lv.Standoff) -> str:
    """Plain-text account of the leveller figure."""
    text = (
        f"With {s.kept:.0%} of SIPRI's January 2025 estimates kept, Russia holds about "
        f'{s.russia_warheads:,.0f} warheads and "Europe" ({s.europe}) about '
        f"{s.europe_warheads:,.0f}. Damage is assumed to grow in proportion to warheads and to "
        f"saturate at {s.threshold:,.0f} warheads; the left panel's warhead axis is on a log "
        "scale, so the proportional part looks curved there. "
    )
    if s.limited:
        text += "Both are assumed to expect any war to stay limited, so only the conventional cost counts. "
    text += (
        f"The cost of war is {s.cost_russia:.2f} of the stake for Russia and {s.cost_europe:.2f} "
        f'for "Europe". '
    )
    at_half = s.range_at(0.5)
    text += f"At p = 0.5 the bargaining range runs from {at_half[0]:.2f} to {at_half[1]:.2f}"
    if s.mutual_unacceptable_damage:
        text += "; both can inflict unacceptable damage, so every split beats war for every p."
    else:
        text += "."
    return text


def render_leveller(europe: str, kept: float, threshold: int, limited: bool) -> wd.View:
    """Pure render function of the leveller widget."""
    s = standoff(europe, kept, threshold, limited)
    if s.mutual_unacceptable_damage:
        verdict = "Both sides can inflict unacceptable damage: war is worse than any split."
    elif s.limited:
        verdict = (
            "If both expect a war to stay limited, the nuclear cost drops out and the "
            "range is narrow again: the stability-instability paradox."
        )
    else:
        verdict = "At least one side is below the threshold: its threat adds less than its maximum."
    costs = (
        f"<p>Cost of war (share of the stake): Russia {s.cost_russia:.2f}, "
        f'"Europe" {s.cost_europe:.2f}. The shaded band is the bargaining range; the '
        "dashed line is p.</p>"
    )
    text = (
        f"<p>{verdict}</p>{costs}<p><i>Warhead counts are estimates; the threshold and "
        "costs are assumptions.</i></p>"
    )
    return wd.View(figures.LevellerPicture(s), describe_leveller(s), text)


# ---------------------------------------------------------------- Jervis's four worlds


def _move_names() -> list[str]:
    return [m.name for m in moves()]


JERVIS_CONTROLS = (
    wd.dropdown("move", "Move (made for defence)", _move_names(), "Alliance admits a new member"),
    wd.toggle("offence", "Which has the advantage?", {"Offence": True, "Defence": False}, True),
    wd.toggle(
        "distinguishable",
        "Can offensive and defensive postures be told apart?",
        {"No": False, "Yes": True},
        False,
    ),
    wd.slider(
        "other_security",
        "Watching side: weight on security",
        0,
        2,
        1,
        2,
        tooltip="Gain and prestige keep weight 1, as in the motives explorer's defaults",
    ),
)


def jervis_worlds() -> list[dict]:
    """The four worlds (our paraphrase of Jervis 1978) from ``helpers/data``."""
    return facts.load_toml("jervis_worlds.toml")["world"]


def _world(offence: bool, distinguishable: bool) -> dict:
    for world in jervis_worlds():
        if (world["offence_advantage"], world["distinguishable"]) == (offence, distinguishable):
            return world
    raise ValueError(
        f"no world for offence={offence!r}, distinguishable={distinguishable!r}; both must be True or False"
    )


def watcher_weights(other_security: float) -> dict[str, float]:
    """The watching side's weights in the Jervis explorer: gain 1, prestige 1, security as set."""
    return _weights("side watching", 1, 1, other_security)


def _felt(reading: mv.WorldReading, move: mv.Move) -> str:
    """One sentence: how much of the move's security effect the watching side feels here."""
    full = move.other["security"]
    if full >= 0:
        return (
            f"The move does not threaten the watching side's security (effect {full:+.2f}), "
            "so the world changes nothing here."
        )
    if reading.factor == 1:
        return f"Here the watching side feels the move's full threat to its security ({full:+.2f})."
    return (
        f"Here the watching side feels {reading.factor:.0%} of the move's threat to its "
        f"security ({reading.security_effect:+.2f} instead of {full:+.2f})."
    )


def render_jervis(move: str, offence: bool, distinguishable: bool, other_security: float = 2) -> wd.View:
    """Pure render function of the Jervis widget: the motives model, read in all four worlds."""
    chosen_world = _world(offence, distinguishable)
    the_move = _move(move)
    weights = watcher_weights(other_security)
    readings = mv.read_in_four_worlds(the_move, weights)
    named = tuple((_world(r.offence_advantage, r.distinguishable)["name"], r) for r in readings)
    chosen = next(
        i
        for i, r in enumerate(readings)
        if (r.offence_advantage, r.distinguishable) == (offence, distinguishable)
    )
    here = readings[chosen]
    worst, best = readings[0], readings[-1]
    parts = "; ".join(f"{name}: {r.value:+.2f}" for name, r in named)
    description = (
        f"A two-by-two table of Jervis's (1978) four worlds, by whether offence or defence has "
        f"the advantage (columns) and whether offensive and defensive postures can be told apart "
        f"(rows). Each cell shows how the watching side (weights "
        f"{_weights_text(mv.normalise(weights))})"
        f' reads the move "{the_move.name}", made for defence, in that world: {parts}. Marked '
        f"with a star: {chosen_world['name']}. {chosen_world['paraphrase']} (our paraphrase)"
    )
    text = (
        f"<p><b>{html.escape(chosen_world['name'])}</b>: {html.escape(chosen_world['paraphrase'])}"
        " <i>(our paraphrase of Jervis 1978, not his words)</i></p>"
        f"<p>{_felt(here, the_move)} It reads the move at <b>{here.value:+.2f}</b>; "
        f"from {worst.value:+.2f} in the worst world to {best.value:+.2f} in the best.</p>"
        "<p><i>A model of ours, not Jervis's: the move's scores are the hypothetical ones of the "
        f"motives explorer; defence having the advantage and postures that can be told apart "
        f"each keep {mv.DEFENCE_ADVANTAGE_FACTOR:.0%} of a threat to security. Gain and prestige "
        "are read as they are.</i></p>"
    )
    return wd.View(figures.JervisPicture(the_move.name, named, chosen), description, text)


# ---------------------------------------------------------------- quizzes (numbers computed)


def cut_quiz(europe: str = "France + UK", kept: int = 10, threshold: int = 100) -> quiz.MultipleChoice:
    """What a 90% cut does to the bargaining range, with the model's own numbers."""
    full = standoff(europe, 100, threshold, False)
    cut = standoff(europe, kept, threshold, False)
    if not (
        full.mutual_unacceptable_damage
        and not cut.mutual_unacceptable_damage
        and cut.russia_warheads >= threshold > cut.europe_warheads
    ):
        raise ValueError(
            "the quiz's premise (Russia stays past the threshold, Europe falls "
            "below it) no longer holds in the model"
        )
    share = cut.europe_warheads / threshold
    return quiz.multiple_choice(
        f'Threshold {threshold:,} warheads, "Europe" = {europe}. Both sides keep only '
        f"{kept}% of their arsenals. What happens to the bargaining range?",
        ["It does not change", "It shrinks for some values of p", "It vanishes"],
        answer="It shrinks for some values of p",
        explanation=f"Russia keeps about {cut.russia_warheads:,.0f} warheads (still past "
        f"{threshold:,}) but {europe} keep about {cut.europe_warheads:,.0f}, which can "
        f"inflict only {share:.0%} of 'unacceptable damage'. Russia's cost of war falls from "
        f"{full.cost_russia:.1f} to about {cut.cost_russia:.1f}, so the lower edge "
        f"p - {cut.cost_russia:.1f} rises above 0 when p is high. It does not vanish: war is "
        "still costly.",
    )


def limited_quiz() -> quiz.MultipleChoice:
    """What assuming a limited war does in the model (the conventional cost from the model)."""
    s = standoff("France + UK", 100, 100, True)
    if not s.cost_russia == s.cost_europe == CONVENTIONAL:
        raise ValueError("a limited war no longer costs only the conventional part in the model")
    return quiz.multiple_choice(
        "In the model, what does ticking 'both expect any war to stay limited' do?",
        [
            "Removes the nuclear part of the cost, narrowing the range",
            "Makes nuclear war more likely",
            "Changes the warhead counts",
        ],
        answer="Removes the nuclear part of the cost, narrowing the range",
        explanation=f"Only the conventional cost ({CONVENTIONAL:g}) remains, so the range is "
        f"p - {CONVENTIONAL:g} to p + {CONVENTIONAL:g}. The model cannot say whether the "
        "expectation is right; that is the danger Snyder pointed to.",
    )


#: What this module draws, for the picture checks' registry (``tests/pictures.py``).
EXPLORERS = {
    "motives": (MOTIVE_CONTROLS, render_motives),
    "leveller": (LEVELLER_CONTROLS, render_leveller),
    "jervis": (JERVIS_CONTROLS, render_jervis),
}
FIGURES: dict = {}
