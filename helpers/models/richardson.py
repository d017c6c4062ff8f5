"""Richardson's arms-race equations (Richardson 1960), solved exactly: a stylised model.

    dx/dt = k*y - a*x + g        dy/dt = l*x - b*y + h

x and y are two sides' armament levels (an abstract index, not warheads or budgets); k and l are
reaction (defence) coefficients, a and b restraint (fatigue) coefficients, g and h standing
grievances (negative values read as goodwill). The system is linear with constant coefficients, so
it is solved in closed form from the eigenvalues of its 2x2 matrix (no step size, no stiffness).
The model is a teaching device: it knows nothing of doctrine, alliances, arms control or who is
right. Which parameters a "tactical step" or a "conceptual change" moves is the reader's choice
(:data:`MOVES`), not something the model decides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

PARAMETERS = ("k", "l", "a", "b", "g", "h")
NON_NEGATIVE = ("k", "l", "a", "b")
_REL_TOL = 1e-9


@dataclass(frozen=True)
class Race:
    """The six coefficients of a two-sided Richardson race; k, l, a, b must be >= 0."""

    k: float
    l: float  # noqa: E741 - Richardson's own letter
    a: float
    b: float
    g: float
    h: float

    def __post_init__(self) -> None:
        for name in PARAMETERS:
            value = getattr(self, name)
            if not isinstance(value, (int, float, np.floating, np.integer)) or not math.isfinite(value):
                raise ValueError(f"parameter {name} must be a finite number, got {value!r}")
        for name in NON_NEGATIVE:
            if getattr(self, name) < 0:
                raise ValueError(
                    f"parameter {name} must be >= 0 (reaction and restraint coefficients are "
                    f"non-negative in Richardson's model), got {getattr(self, name)!r}"
                )

    @property
    def matrix(self) -> np.ndarray:
        """The system matrix A in dz/dt = A z + c."""
        return np.array([[-self.a, self.k], [self.l, -self.b]], dtype=float)

    @property
    def forcing(self) -> np.ndarray:
        """The constant term c = (g, h)."""
        return np.array([self.g, self.h], dtype=float)

    @property
    def restraint(self) -> float:
        """a*b: the product of the restraint coefficients."""
        return self.a * self.b

    @property
    def reaction(self) -> float:
        """k*l: the product of the reaction coefficients."""
        return self.k * self.l


def _singular(race: Race) -> bool:
    scale = max(race.restraint, race.reaction, 1e-300)
    return abs(race.restraint - race.reaction) <= _REL_TOL * scale


def is_stable(race: Race) -> bool:
    """Richardson's condition a*b > k*l: every trajectory then converges to one equilibrium."""
    return race.restraint > race.reaction and not _singular(race)


def eigenvalues(race: Race) -> tuple[float, float]:
    """The two eigenvalues of A, smallest first (always real, since k*l >= 0)."""
    trace = -(race.a + race.b)
    spread = math.sqrt((race.a - race.b) ** 2 + 4.0 * race.reaction)
    return (trace - spread) / 2.0, (trace + spread) / 2.0


def equilibrium(race: Race) -> tuple[float, float]:
    """The point where both levels stop changing; ValueError when a*b == k*l (none, or a line)."""
    if _singular(race):
        raise ValueError(f"a*b = k*l (= {race.restraint:g}): the equations have no single equilibrium")
    det = race.restraint - race.reaction
    x = (race.b * race.g + race.k * race.h) / det
    y = (race.l * race.g + race.a * race.h) / det
    return x, y


def _exp_and_integral(lam: np.ndarray, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """e^(lam t) and its integral from 0 to t, (e^(lam t) - 1)/lam, stable near lam = 0."""
    lt = lam * t
    e = np.exp(lt)
    with np.errstate(divide="ignore", invalid="ignore"):
        phi = np.where(np.abs(lt) < 1e-12, t, np.expm1(lt) / np.where(lam == 0, 1.0, lam))
    return e, phi


def _matrix_functions(race: Race, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """E(t) = exp(A t) and F(t) = integral_0^t exp(A s) ds for every t, shape (len(t), 2, 2).

    Sylvester's formula for a 2x2 matrix with eigenvalues l1, l2:
    f(A) = f(l1) I + f[l1, l2] (A - l1 I), with the divided difference f[l1, l2] replaced by the
    derivative f'(l1) when the eigenvalues coincide (this also covers a defective A).
    """
    l1, l2 = eigenvalues(race)
    a_mat = race.matrix
    eye = np.eye(2)
    e1, p1 = _exp_and_integral(np.array(l1), t)
    e2, p2 = _exp_and_integral(np.array(l2), t)
    gap = l2 - l1
    if abs(gap) > 1e-7 * max(1.0, abs(l1), abs(l2)):
        de = (e2 - e1) / gap
        dp = (p2 - p1) / gap
    else:
        lam = (l1 + l2) / 2.0
        de = t * np.exp(lam * t)
        # d/dlam of (e^(lam t) - 1)/lam = (t e^(lam t) lam - (e^(lam t) - 1)) / lam^2 -> t^2/2
        lt = lam * t
        with np.errstate(divide="ignore", invalid="ignore"):
            dp = np.where(
                np.abs(lt) < 1e-6,
                t * t / 2.0 * (1.0 + lt / 3.0),
                (t * np.exp(lt) * lam - np.expm1(lt)) / (lam * lam if lam != 0 else 1.0),
            )
    shifted = a_mat - l1 * eye
    big_e = e1[:, None, None] * eye + de[:, None, None] * shifted
    big_f = p1[:, None, None] * eye + dp[:, None, None] * shifted
    return big_e, big_f


def trajectory(race: Race, x0: float, y0: float, t) -> tuple[np.ndarray, np.ndarray]:
    """Exact levels x(t), y(t) from (x0, y0): z(t) = exp(A t) z0 + integral_0^t exp(A s) ds c."""
    times = np.atleast_1d(np.asarray(t, dtype=float))
    if np.any(times < 0) or not np.all(np.isfinite(times)):
        raise ValueError("times must be finite and >= 0")
    big_e, big_f = _matrix_functions(race, times)
    z0 = np.array([x0, y0], dtype=float)
    z = big_e @ z0 + big_f @ race.forcing
    return z[:, 0], z[:, 1]


def derivative(race: Race, x, y) -> tuple[np.ndarray, np.ndarray]:
    """The right-hand side (dx/dt, dy/dt) at the given levels (arrays broadcast)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    return race.k * y - race.a * x + race.g, race.l * x - race.b * y + race.h


def _dominant_left_vector(race: Race) -> np.ndarray:
    """A non-negative left eigenvector for the largest eigenvalue (a weighted 'total arms')."""
    _, l2 = eigenvalues(race)
    # Rows of (A - l2 I) are dependent; a left null vector w solves w (A - l2 I) = 0.
    m = race.matrix - l2 * np.eye(2)
    # w = (m[1,0], -m[0,0]) annihilates column 0; fall back to column 1 if that is zero.
    candidates = [np.array([m[1, 0], -m[0, 0]]), np.array([m[1, 1], -m[0, 1]])]
    w = max(candidates, key=lambda v: float(np.abs(v).sum()))
    if np.abs(w).sum() == 0:  # A = l2 I: every direction is dominant
        w = np.array([1.0, 1.0])
    if w.sum() < 0:
        w = -w
    return w / np.abs(w).sum()


@dataclass(frozen=True)
class Outcome:
    """Where a race goes in the long run, in words a student can check against the picture."""

    kind: str  # "settles", "runaway", "disarmament", "knife-edge", "stalls"
    summary: str


def dividing_line(race: Race) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """For an unstable race (a saddle): a point and direction of the line that splits the plane.

    The line runs through the balance point along the eigenvector of the negative eigenvalue:
    starts on it slide into the balance point; starts above it run away, starts below it fall
    through zero. ``None`` when the race is stable or a*b = k*l (there is no such line).
    """
    if is_stable(race) or _singular(race):
        return None
    lam = eigenvalues(race)[0]  # the negative one: k*l > a*b forces k > 0 and l > 0
    direction = np.array([race.k, race.a + lam], dtype=float)
    direction /= np.hypot(*direction)
    return equilibrium(race), (float(direction[0]), float(direction[1]))


OUTCOMES = ("settles", "runaway", "disarmament", "knife-edge", "stalls")


def outcome(race: Race, x0: float, y0: float) -> Outcome:
    """Classify the long-run behaviour exactly, from the eigenvalues and the start point.

    Stable (a*b > k*l): every start settles at the equilibrium. Otherwise the weighted total
    w.z along the dominant left eigenvector w (w >= 0) obeys d(w.z)/dt = lam*(w.z) + w.c, so its
    sign decides between a runaway (growing without bound) and disarmament (falling through zero,
    where the linear model stops meaning anything).
    """
    if is_stable(race):
        xs, ys = equilibrium(race)
        if min(xs, ys) >= 0:
            where = "above zero"
        elif max(xs, ys) < 0:
            where = "below zero (read as disarmament)"
        else:
            where = "partly below zero"
        return Outcome("settles", f"settles at the equilibrium ({xs:.2f}, {ys:.2f}), {where}, from any start")
    w = _dominant_left_vector(race)
    z0 = np.array([x0, y0], dtype=float)
    if _singular(race):
        drift = float(w @ race.forcing)
        tol = 1e-12 * max(1.0, float(np.abs(race.forcing).sum()))
        if drift > tol:
            return Outcome("runaway", "grows without bound (linearly: a*b = k*l, grievances > 0)")
        if drift < -tol:
            return Outcome("disarmament", "falls through zero (a*b = k*l, grievances < 0)")
        return Outcome("stalls", "stops on a line of resting points (a*b = k*l, no net grievance)")
    xs, ys = equilibrium(race)
    side = float(w @ (z0 - np.array([xs, ys])))
    scale = max(1.0, float(np.abs(z0).sum()), abs(xs) + abs(ys))
    if side > 1e-12 * scale:
        return Outcome(
            "runaway", f"runs away: the start lies above the unstable balance ({xs:.2f}, {ys:.2f})"
        )
    if side < -1e-12 * scale:
        return Outcome(
            "disarmament",
            f"falls through zero: the start lies below the unstable balance ({xs:.2f}, {ys:.2f})",
        )
    return Outcome("knife-edge", f"balances exactly on the unstable point ({xs:.2f}, {ys:.2f})")


# --- What a "step" moves: chosen by the reader, never built in --------------------------------

#: Parameter groups a step can move, and the direction each kind of step pushes them.
#: "calm" is the direction a de-escalating (tactical) step pushes; "heat" the opposite.
MOVES: dict[str, dict[str, object]] = {
    "grievances": {
        "label": "grievances g and h",
        "params": ("g", "h"),
        "calm": -2.0,  # per unit of step: lower both grievances by 2
    },
    "reactions": {
        "label": "reaction coefficients k and l",
        "params": ("k", "l"),
        "calm": -0.8,
    },
    "restraint": {
        "label": "restraint coefficients a and b",
        "params": ("a", "b"),
        "calm": +0.8,
    },
    "nothing": {"label": "nothing", "params": (), "calm": 0.0},
}

#: One reading (the issue's default), labelled as such: tactical steps lower grievances;
#: conceptual divergence raises reaction coefficients. Students may choose any other.
DEFAULT_READING = {"tactical": "grievances", "conceptual": "reactions"}


def _check_move(name: str) -> dict[str, object]:
    if name not in MOVES:
        raise ValueError(f"unknown parameter group {name!r}; valid groups are {', '.join(MOVES)}")
    return MOVES[name]


def apply_steps(
    race: Race,
    tactical: float,
    divergence: float,
    tactical_moves: str = DEFAULT_READING["tactical"],
    conceptual_moves: str = DEFAULT_READING["conceptual"],
) -> Race:
    """Return the race after ``tactical`` units of de-escalating steps and ``divergence`` units
    of conceptual divergence, each applied to the parameter group the reader chose.

    Tactical steps push their group in the calming direction; divergence pushes its group the
    other way. Non-negative coefficients are floored at zero. Amounts must lie in [0, 1].
    """
    for label, amount in (("tactical", tactical), ("divergence", divergence)):
        if not (0.0 <= amount <= 1.0):
            raise ValueError(f"{label} amount must lie in [0, 1], got {amount!r}")
    values = {name: float(getattr(race, name)) for name in PARAMETERS}
    for group, amount, sign in (
        (_check_move(tactical_moves), tactical, +1.0),
        (_check_move(conceptual_moves), divergence, -1.0),
    ):
        for name in group["params"]:
            values[name] += sign * float(group["calm"]) * amount
    for name in NON_NEGATIVE:
        values[name] = max(0.0, values[name])
    return replace(race, **values)


#: Two baseline races for the notebook: the same grievances, different coefficients.
BASELINES: dict[str, Race] = {
    "stable": Race(k=0.6, l=0.7, a=1.0, b=0.9, g=1.0, h=0.8),
    "unstable": Race(k=1.4, l=1.3, a=1.0, b=0.9, g=1.0, h=0.8),
}


def baseline(name: str) -> Race:
    """A named baseline race; ValueError naming the valid choices."""
    if name not in BASELINES:
        raise ValueError(f"unknown baseline {name!r}; valid baselines are {', '.join(BASELINES)}")
    return BASELINES[name]
