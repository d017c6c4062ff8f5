"""The nuclear "leveller" (P11) as a toy model: war costs from arsenals, with saturating damage.

Warhead counts are not costs. Here the damage one side can inflict rises with the warheads it
holds until a threshold of "unacceptable damage" and then stays flat: more warheads add nothing.
The cost of a major war to a side is a conventional part plus a nuclear part scaled by that
damage. The threshold and both parts are assumptions a student sets, not facts. The warhead
counts are SIPRI's January 2025 estimates (``helpers/data/warheads_2025.csv``), labelled as
estimates; who counts as "Europe" is a choice (France + UK, or with US extended deterrence).

The costs feed the bargaining range of ``helpers.models.bargaining``. Once both sides can inflict
unacceptable damage and the nuclear part is at least the whole stake, every split is better than
war for both, whatever ``p``. A war that both expect to stay limited carries only the conventional
cost, and the range is narrow again: the stability-instability paradox (Snyder 1965), which the
model can show only as this switch, not explain.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from helpers.models.bargaining import bargaining_range

RUSSIA = "Russia"
EUROPE_CHOICES: dict[str, tuple[str, ...]] = {
    "France + UK": ("France", "United Kingdom"),
    "France + UK + US (extended deterrence)": ("France", "United Kingdom", "United States"),
}


def _check_nonnegative(name: str, value: float) -> float:
    value = float(value)
    if not (value >= 0.0 and math.isfinite(value)):
        raise ValueError(f"{name} must be a finite number >= 0; got {value}")
    return value


def damage(warheads: float, threshold: float) -> float:
    """Share of "unacceptable damage" an arsenal can inflict: ``min(warheads / threshold, 1)``."""
    warheads = _check_nonnegative("warheads", warheads)
    threshold = _check_nonnegative("threshold", threshold)
    if threshold == 0.0:
        raise ValueError("threshold must be a positive number of warheads (more than 0)")
    return min(warheads / threshold, 1.0)


def war_cost(
    opponent_warheads: float,
    threshold: float,
    conventional: float = 0.1,
    nuclear: float = 1.0,
    limited: bool = False,
) -> float:
    """Cost of war to a side, in units of the stake, from the arsenal of the side it fights.

    ``limited=True`` is a war both expect to stay below the nuclear threshold: conventional only.
    """
    conventional = _check_nonnegative("conventional", conventional)
    nuclear = _check_nonnegative("nuclear", nuclear)
    share = damage(opponent_warheads, threshold)  # validates inputs in both cases
    return conventional if limited else conventional + nuclear * share


def europe_arsenal(choice: str, warheads: Mapping[str, float]) -> float:
    """Warheads counted as "Europe" under a choice from ``EUROPE_CHOICES``."""
    if choice not in EUROPE_CHOICES:
        raise ValueError(f"unknown Europe {choice!r}; choose one of {', '.join(EUROPE_CHOICES)}")
    return float(sum(warheads[country] for country in EUROPE_CHOICES[choice]))


def load_warheads(name: str = "warheads_2025.csv") -> dict[str, int]:
    """SIPRI's January 2025 estimates by country, from ``helpers/data`` (with sources)."""
    from helpers.sources import facts  # imported here so the pure model needs no data layer

    return {row["country"]: int(row["warheads"]) for row in facts.load_csv(name)}


@dataclass(frozen=True)
class Standoff:
    """Russia (side A) and "Europe" (side B): arsenals, damages, war costs and the range."""

    europe: str
    kept: float
    threshold: float
    limited: bool
    russia_warheads: float
    europe_warheads: float
    cost_russia: float
    cost_europe: float

    def range_at(self, p: float) -> tuple[float, float]:
        """Bargaining range (Russia's share of the abstract stake) for war odds ``p``."""
        return bargaining_range(p, self.cost_russia, self.cost_europe)

    @property
    def mutual_unacceptable_damage(self) -> bool:
        """Both arsenals at or past the threshold (and the war is not assumed limited)."""
        return (
            not self.limited
            and self.russia_warheads >= self.threshold
            and self.europe_warheads >= self.threshold
        )


def standoff(
    europe: str,
    warheads: Mapping[str, float],
    kept: float = 1.0,
    threshold: float = 100.0,
    conventional: float = 0.1,
    nuclear: float = 1.0,
    limited: bool = False,
) -> Standoff:
    """Costs of a Russia-"Europe" war when both keep a share ``kept`` of today's estimates."""
    kept = float(kept)
    if not 0.0 <= kept <= 1.0:
        raise ValueError(f"kept must be a share of today's arsenals in [0, 1]; got {kept}")
    russia = kept * float(warheads[RUSSIA])
    europe_w = kept * europe_arsenal(europe, warheads)
    return Standoff(
        europe=europe,
        kept=kept,
        threshold=float(threshold),
        limited=bool(limited),
        russia_warheads=russia,
        europe_warheads=europe_w,
        cost_russia=war_cost(europe_w, threshold, conventional, nuclear, limited),
        cost_europe=war_cost(russia, threshold, conventional, nuclear, limited),
    )
