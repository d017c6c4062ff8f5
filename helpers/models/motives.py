"""Hobbes's triad as a toy payoff: how each side reads the same move under its own motive weights.

The essay (P11) names "material gain, prestige and security"; Leviathan ch. 13 names competition,
diffidence and glory, which make men invade for gain, safety and reputation. Each side weighs the
three motives; a move has an effect on each motive for the side that makes it and for the side
that watches; a side's reading of the move is the weighted sum of the effects on it. The weights
are normalised to sum to 1, so readings from differently weighted sides are on one scale.

The move scores in ``helpers/data/moves.toml`` are hypothetical teaching examples, not data.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MOTIVES: tuple[str, ...] = ("gain", "prestige", "security")
ROLES: tuple[str, ...] = ("mover", "other")


def normalise(weights: Mapping[str, float]) -> dict[str, float]:
    """Weights for the three motives scaled to sum to 1; ``ValueError`` on bad input."""
    unknown = set(weights) - set(MOTIVES)
    missing = set(MOTIVES) - set(weights)
    if unknown or missing:
        raise ValueError(
            f"motive weights need exactly the keys {', '.join(MOTIVES)}; "
            f"unknown: {sorted(unknown)}, missing: {sorted(missing)}"
        )
    values = {m: float(weights[m]) for m in MOTIVES}
    for m, w in values.items():
        if not (w >= 0.0 and math.isfinite(w)):
            raise ValueError(f"weight for {m} must be a finite number >= 0; got {w}")
    total = sum(values.values())
    if not total > 0.0:
        raise ValueError(
            "motive weights must sum to a positive number (set at least one of "
            f"{', '.join(MOTIVES)} above 0); got {total}"
        )
    return {m: w / total for m, w in values.items()}


def value(effects: Mapping[str, float], weights: Mapping[str, float]) -> float:
    """A side's reading of a move: the weighted sum of the move's effects on that side."""
    w = normalise(weights)
    if set(effects) != set(MOTIVES):
        raise ValueError(f"effects need exactly the keys {', '.join(MOTIVES)}; got {sorted(effects)}")
    return sum(w[m] * float(effects[m]) for m in MOTIVES)


@dataclass(frozen=True)
class Move:
    """A move and its hypothetical effects on the side making it and on the side watching."""

    name: str
    description: str
    mover: dict[str, float]
    other: dict[str, float]


@dataclass(frozen=True)
class Reading:
    """How the mover and the other side each value one move under their weights."""

    move: Move
    mover_value: float
    other_value: float

    @property
    def gap(self) -> float:
        """How far apart the two readings are (mover minus other)."""
        return self.mover_value - self.other_value


def load_moves(name: str = "moves.toml") -> tuple[Move, ...]:
    """The hypothetical moves from ``helpers/data`` (each record carries source and accessed)."""
    from helpers.sources import facts  # imported here so the pure model needs no data layer

    data = facts.load_toml(name)
    moves = []
    for record in data["move"]:
        for role in ROLES:
            if set(record[role]) != set(MOTIVES):
                raise ValueError(f"move {record['name']!r}: {role} effects need {MOTIVES}")
        moves.append(
            Move(
                name=record["name"],
                description=record["description"],
                mover={m: float(record["mover"][m]) for m in MOTIVES},
                other={m: float(record["other"][m]) for m in MOTIVES},
            )
        )
    return tuple(moves)


def read_moves(
    moves: Iterable[Move], mover_weights: Mapping[str, float], other_weights: Mapping[str, float]
) -> tuple[Reading, ...]:
    """Each move read by the side that makes it and by the side that watches it."""
    return tuple(
        Reading(move, value(move.mover, mover_weights), value(move.other, other_weights)) for move in moves
    )


# --- Jervis's four worlds, read through the motives model -------------------------------------

#: How much of a defensive move's threat to the watcher's security remains when defence has the
#: advantage, and when postures can be told apart. OUR illustrative assumptions (Jervis 1978
#: argues the direction, not these numbers): each halves the threat, and they multiply.
DEFENCE_ADVANTAGE_FACTOR = 0.5
DISTINGUISHABLE_FACTOR = 0.5


def threat_factor(offence_advantage: bool, distinguishable: bool) -> float:
    """The share of a defensive move's security threat the watching side still feels."""
    for name, flag in (("offence_advantage", offence_advantage), ("distinguishable", distinguishable)):
        if not isinstance(flag, bool):
            raise ValueError(f"{name} must be True or False; got {flag!r}")
    factor = 1.0 if offence_advantage else DEFENCE_ADVANTAGE_FACTOR
    return factor * (DISTINGUISHABLE_FACTOR if distinguishable else 1.0)


@dataclass(frozen=True)
class WorldReading:
    """How the watching side reads one defensive move in one of Jervis's four worlds."""

    offence_advantage: bool
    distinguishable: bool
    factor: float
    security_effect: float
    value: float


def read_in_world(
    move: Move, weights: Mapping[str, float], offence_advantage: bool, distinguishable: bool
) -> WorldReading:
    """The watching side's reading of ``move``, made for defence, in one world.

    Only a *threat* to the watcher's security (a negative security effect) is scaled by
    :func:`threat_factor`; gain and prestige effects, and any security benefit, are read as they
    are: Jervis's variables concern what arms do, not what a move is worth otherwise.
    """
    factor = threat_factor(offence_advantage, distinguishable)
    security = move.other["security"]
    security = security * factor if security < 0 else security
    effects = {**move.other, "security": security}
    return WorldReading(offence_advantage, distinguishable, factor, security, value(effects, weights))


def read_in_four_worlds(move: Move, weights: Mapping[str, float]) -> tuple[WorldReading, ...]:
    """The watching side's reading of ``move`` in all four worlds, in the order
    (offence, cannot tell), (defence, cannot tell), (offence, can tell), (defence, can tell)."""
    return tuple(read_in_world(move, weights, off, dist) for dist in (False, True) for off in (True, False))
