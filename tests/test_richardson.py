"""Richardson's arms-race model: hand-computed cases, an independent integrator, and properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.models import richardson as R


def rk4(race: R.Race, x0: float, y0: float, t_end: float, steps: int = 4000) -> np.ndarray:
    """A plain fixed-step Runge-Kutta integrator, written independently of the exact solver."""
    z = np.array([x0, y0], dtype=float)
    dt = t_end / steps

    def f(v):
        return np.array(R.derivative(race, v[0], v[1]))

    for _ in range(steps):
        k1 = f(z)
        k2 = f(z + dt / 2 * k1)
        k3 = f(z + dt / 2 * k2)
        k4 = f(z + dt * k3)
        z = z + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    return z


T = np.array([0.0, 0.5, 1.0, 2.5, 4.0])


# --- hand-computed cases ------------------------------------------------------------------


def test_stable_symmetric_case_by_hand():
    # a=b=1, k=l=1/2, g=h=1: equilibrium (2, 2); eigenvalues -1/2 and -3/2;
    # from (0, 0) the motion is along (1, 1): x(t) = y(t) = 2 - 2 e^(-t/2).
    race = R.Race(k=0.5, l=0.5, a=1, b=1, g=1, h=1)
    assert R.equilibrium(race) == pytest.approx((2.0, 2.0))
    assert R.eigenvalues(race) == pytest.approx((-1.5, -0.5))
    assert R.is_stable(race)
    x, y = R.trajectory(race, 0, 0, T)
    np.testing.assert_allclose(x, 2 - 2 * np.exp(-T / 2), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(y, x, rtol=1e-12)


def test_unstable_case_by_hand_runaway_and_disarmament():
    # a=b=1, k=l=2: ab=1 < kl=4, eigenvalues -3 and 1.
    runaway = R.Race(k=2, l=2, a=1, b=1, g=1, h=1)  # balance at (-1, -1)
    assert R.equilibrium(runaway) == pytest.approx((-1.0, -1.0))
    assert R.eigenvalues(runaway) == pytest.approx((-3.0, 1.0))
    assert not R.is_stable(runaway)
    x, _ = R.trajectory(runaway, 0, 0, T)
    np.testing.assert_allclose(x, -1 + np.exp(T), rtol=1e-12)
    assert R.outcome(runaway, 0, 0).kind == "runaway"

    goodwill = R.Race(k=2, l=2, a=1, b=1, g=-1, h=-1)  # balance at (1, 1)
    x, _ = R.trajectory(goodwill, 0, 0, T)
    np.testing.assert_allclose(x, 1 - np.exp(T), rtol=1e-12)
    assert R.outcome(goodwill, 0, 0).kind == "disarmament"
    assert R.outcome(goodwill, 2, 2).kind == "runaway"
    assert R.outcome(goodwill, 1, 1).kind == "knife-edge"


def test_equilibrium_formula_for_asymmetric_case():
    # a=2, b=3, k=1, l=1, g=4, h=1: det = 5; x* = (3*4 + 1*1)/5 = 13/5; y* = (1*4 + 2*1)/5 = 6/5
    race = R.Race(k=1, l=1, a=2, b=3, g=4, h=1)
    xs, ys = R.equilibrium(race)
    assert (xs, ys) == pytest.approx((13 / 5, 6 / 5))
    dx, dy = R.derivative(race, xs, ys)
    assert abs(dx) < 1e-12 and abs(dy) < 1e-12


def test_singular_case_by_hand():
    # a=b=k=l=1: x+y grows at rate g+h=2, x-y decays as e^(-2t).
    race = R.Race(k=1, l=1, a=1, b=1, g=1, h=1)
    with pytest.raises(ValueError, match="no single equilibrium"):
        R.equilibrium(race)
    assert not R.is_stable(race)
    x, y = R.trajectory(race, 3, 1, T)
    np.testing.assert_allclose(x, T + 2 + np.exp(-2 * T), rtol=1e-12)
    np.testing.assert_allclose(y, T + 2 - np.exp(-2 * T), rtol=1e-12)
    assert R.outcome(race, 0, 0).kind == "runaway"
    assert R.outcome(R.Race(k=1, l=1, a=1, b=1, g=-1, h=-1), 0, 0).kind == "disarmament"
    assert R.outcome(R.Race(k=1, l=1, a=1, b=1, g=1, h=-1), 5, 0).kind == "stalls"


def test_defective_matrix_case_by_hand():
    # a=b=1, k=0, l=1 (repeated eigenvalue -1, one eigenvector), g=1, h=0, from (0, 0):
    # x = 1 - e^(-t); y = 1 - e^(-t) - t e^(-t).
    race = R.Race(k=0, l=1, a=1, b=1, g=1, h=0)
    x, y = R.trajectory(race, 0, 0, T)
    np.testing.assert_allclose(x, 1 - np.exp(-T), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(y, 1 - np.exp(-T) - T * np.exp(-T), rtol=1e-10, atol=1e-15)


def test_decoupled_case_matches_scalar_solution():
    race = R.Race(k=0, l=0, a=0.5, b=2.0, g=1.0, h=-3.0)
    x, y = R.trajectory(race, 4.0, 1.0, T)
    np.testing.assert_allclose(x, 2.0 + (4.0 - 2.0) * np.exp(-0.5 * T), rtol=1e-12)
    np.testing.assert_allclose(y, -1.5 + (1.0 + 1.5) * np.exp(-2.0 * T), rtol=1e-12)


@pytest.mark.parametrize(
    "race",
    [
        R.Race(k=0.6, l=0.7, a=1.0, b=0.9, g=1.0, h=0.8),
        R.Race(k=1.4, l=1.3, a=1.0, b=0.9, g=-1.0, h=0.8),
        R.Race(k=1.0, l=1.0, a=1.0, b=1.0, g=0.3, h=-0.2),
        R.Race(k=0.0, l=2.0, a=0.7, b=0.7, g=1.0, h=1.0),
        R.Race(k=0.0, l=0.0, a=0.0, b=0.0, g=1.0, h=-1.0),
    ],
)
def test_exact_solution_agrees_with_independent_rk4(race):
    x, y = R.trajectory(race, 1.5, -0.5, [3.0])
    ref = rk4(race, 1.5, -0.5, 3.0)
    np.testing.assert_allclose([x[0], y[0]], ref, rtol=1e-8, atol=1e-9)


def test_stability_condition_matches_eigenvalues():
    for race in R.BASELINES.values():
        assert R.is_stable(race) == (max(R.eigenvalues(race)) < 0)
    assert R.is_stable(R.BASELINES["stable"])
    assert not R.is_stable(R.BASELINES["unstable"])


# --- properties --------------------------------------------------------------------------

coef = st.floats(min_value=0.0, max_value=3.0, allow_nan=False)
grievance = st.floats(min_value=-3.0, max_value=3.0, allow_nan=False)
start = st.floats(min_value=-20.0, max_value=20.0, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(k=coef, l=coef, a=coef, b=coef, g=grievance, h=grievance, x0=start, y0=start)
def test_stable_races_converge_to_equilibrium_from_any_start(k, l, a, b, g, h, x0, y0):  # noqa: E741
    race = R.Race(k=k, l=l, a=a, b=b, g=g, h=h)
    slowest = max(R.eigenvalues(race))
    # only clearly stable races: a*b > k*l with a decay rate we can wait for
    assume(race.restraint > race.reaction and slowest < -0.05)
    xs, ys = R.equilibrium(race)
    horizon = 40.0 / -slowest
    x, y = R.trajectory(race, x0, y0, [0.0, horizon])
    start_gap = math.hypot(x0 - xs, y0 - ys)
    end_gap = math.hypot(x[-1] - xs, y[-1] - ys)
    assert end_gap <= 1e-6 * (1.0 + start_gap)
    assert R.outcome(race, x0, y0).kind == "settles"


@settings(max_examples=200, deadline=None)
@given(k=coef, l=coef, a=coef, b=coef, g=grievance, h=grievance, x0=start, y0=start)
def test_trajectory_satisfies_the_differential_equation(k, l, a, b, g, h, x0, y0):  # noqa: E741
    race = R.Race(k=k, l=l, a=a, b=b, g=g, h=h)
    t0, dt = 0.7, 1e-5
    x, y = R.trajectory(race, x0, y0, [t0 - dt, t0, t0 + dt])
    dx, dy = R.derivative(race, x[1], y[1])
    scale = 1.0 + abs(x[1]) + abs(y[1]) + abs(dx) + abs(dy)
    assert (x[2] - x[0]) / (2 * dt) == pytest.approx(float(dx), abs=1e-5 * scale)
    assert (y[2] - y[0]) / (2 * dt) == pytest.approx(float(dy), abs=1e-5 * scale)
    assert R.trajectory(race, x0, y0, [0.0])[0][0] == pytest.approx(x0)


@settings(max_examples=200, deadline=None)
@given(k=coef, l=coef, a=coef, b=coef, g=grievance, h=grievance, x0=start, y0=start)
def test_unstable_outcome_matches_the_long_run_trajectory(k, l, a, b, g, h, x0, y0):  # noqa: E741
    race = R.Race(k=k, l=l, a=a, b=b, g=g, h=h)
    fastest = max(R.eigenvalues(race))
    assume(race.reaction > race.restraint and fastest > 0.05)
    kind = R.outcome(race, x0, y0).kind
    assume(kind != "knife-edge")
    x, y = R.trajectory(race, x0, y0, [30.0 / fastest])
    total = x[0] + y[0]
    assert (total > 0) == (kind == "runaway")
    assert (total < 0) == (kind == "disarmament")


# --- the reader's mapping of steps to parameters ----------------------------------------


def test_default_reading_moves_grievances_and_reactions():
    base = R.Race(k=1.0, l=1.0, a=1.0, b=1.0, g=1.0, h=1.0)
    moved = R.apply_steps(base, tactical=1.0, divergence=0.5)
    assert (moved.g, moved.h) == (-1.0, -1.0)
    assert (moved.k, moved.l) == (1.4, 1.4)
    assert (moved.a, moved.b) == (1.0, 1.0)


def test_reader_can_map_steps_elsewhere():
    base = R.Race(k=1.0, l=1.0, a=1.0, b=1.0, g=1.0, h=1.0)
    moved = R.apply_steps(base, 1.0, 1.0, tactical_moves="reactions", conceptual_moves="grievances")
    assert (moved.k, moved.l) == pytest.approx((0.2, 0.2))
    assert (moved.g, moved.h) == (3.0, 3.0)
    moved = R.apply_steps(base, 1.0, 1.0, tactical_moves="restraint", conceptual_moves="restraint")
    assert (moved.a, moved.b) == (1.0, 1.0)  # the two pushes cancel
    assert R.apply_steps(base, 1.0, 1.0, "nothing", "nothing") == base
    floored = R.apply_steps(base, 0.0, 1.0, conceptual_moves="restraint")
    assert (floored.a, floored.b) == pytest.approx((0.2, 0.2))
    floored = R.apply_steps(R.Race(0.3, 0.3, 1, 1, 0, 0), 1.0, 0.0, tactical_moves="reactions")
    assert (floored.k, floored.l) == (0.0, 0.0)


def test_tactical_steps_flip_an_unstable_race_under_the_default_reading():
    # The predict-then-flip: in an unstable race, grievances below zero can turn a
    # runaway into disarmament (the start matters); in a stable race they only move the point.
    unstable = R.baseline("unstable")
    assert R.outcome(unstable, 2.0, 1.0).kind == "runaway"
    calmed = R.apply_steps(unstable, tactical=1.0, divergence=0.0)
    assert calmed.g < 0 and calmed.h < 0
    assert R.outcome(calmed, 2.0, 1.0).kind == "disarmament"
    stable = R.baseline("stable")
    assert R.outcome(R.apply_steps(stable, 1.0, 0.0), 2.0, 1.0).kind == "settles"
    assert R.equilibrium(R.apply_steps(stable, 1.0, 0.0))[0] < R.equilibrium(stable)[0]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"k": -0.1}, "parameter k must be >= 0"),
        ({"b": float("nan")}, "parameter b must be a finite number"),
        ({"g": "1"}, "parameter g must be a finite number"),
    ],
)
def test_bad_parameters_raise_clear_errors(kwargs, message):
    values = dict(k=1.0, l=1.0, a=1.0, b=1.0, g=0.0, h=0.0) | kwargs
    with pytest.raises(ValueError, match=message):
        R.Race(**values)


def test_bad_choices_raise_clear_errors():
    base = R.baseline("stable")
    with pytest.raises(ValueError, match="valid groups are grievances, reactions"):
        R.apply_steps(base, 0.5, 0.5, tactical_moves="hotlines")
    with pytest.raises(ValueError, match=r"tactical amount must lie in \[0, 1\]"):
        R.apply_steps(base, 1.5, 0.0)
    with pytest.raises(ValueError, match="valid baselines are stable, unstable"):
        R.baseline("chaotic")
    with pytest.raises(ValueError, match="times must be finite"):
        R.trajectory(base, 0, 0, [-1.0])


# --- the two widgets' render functions, every combination of control values -------------------


def _drive(controls, render):
    from matplotlib.text import Text

    from helpers.explorers.widgets import View, combinations
    from helpers.figures import engine
    from helpers.figures.style import MIN_FONT_PT

    combos = combinations(controls)
    descriptions = set()
    for index, values in enumerate(combos):
        view = View.coerce(render(**values))
        assert view.description.strip()
        if index % 7 == 0 or len(combos) < 50:  # drawing is the slow part: draw a spread
            texts = [t for t in engine.figure(view.fig).findobj(Text) if t.get_text()]
            assert min(t.get_fontsize() for t in texts) >= MIN_FONT_PT
            assert engine.png(view.fig).startswith(b"\x89PNG")
        descriptions.add(view.description)
    return combos, descriptions


@pytest.mark.slow  # 10-17 s on the shared 2-core machine: `make test` runs it, `make check` does not
def test_race_widget_renders_every_combination():
    from helpers.explorers import tactical as F

    combos, descriptions = _drive(F.RACE_CONTROLS, F.render_race)
    assert len(combos) == 2 * 3 * 3 * 2
    assert len(descriptions) == len(combos)  # every choice changes what is described


@pytest.mark.slow  # 10-17 s on the shared 2-core machine: `make test` runs it, `make check` does not
def test_steps_widget_renders_every_combination():
    from helpers.explorers import tactical as F

    combos, descriptions = _drive(F.STEP_CONTROLS, F.render_steps)
    assert len(combos) == 2 * 4 * 4 * 3 * 3
    assert len(descriptions) > 100


def test_race_render_says_what_the_flip_shows():
    from helpers.explorers import tactical as F

    assert "runs away" in F.render_race("unstable", 1.0, 1.0, "low").description
    assert "falls through zero" in F.render_race("unstable", -2.0, -2.0, "low").description
    # Goodwill (g, h < 0) does not guarantee disarmament: a start above the balance still runs away.
    assert "runs away" in F.render_race("unstable", -1.0, -1.0, "high").description
    view = F.render_steps("unstable", "grievances", "reactions", 1.0, 0.0)
    assert "default reading" in view.text and "falls through zero" in view.description
    with pytest.raises(ValueError, match="valid starts are low, high"):
        F.render_race("stable", 0.0, 0.0, "middle")


@settings(max_examples=100, deadline=None)
@given(k=coef, l=coef, a=coef, b=coef, g=grievance, h=grievance, x0=start, y0=start)
def test_closed_form_matches_numpy_eigendecomposition(k, l, a, b, g, h, x0, y0):  # noqa: E741
    # Independent route: exp(A t) = V diag(e^(lam t)) V^-1 from numpy.linalg.eig, and the forcing
    # term A^-1 (exp(A t) - I) c, for well-conditioned, invertible, diagonalizable cases.
    race = R.Race(k=k, l=l, a=a, b=b, g=g, h=h)
    lam, vecs = np.linalg.eig(race.matrix)
    assume(abs(lam[0] - lam[1]) > 0.05 and np.linalg.cond(vecs) < 1e3)
    assume(abs(race.restraint - race.reaction) > 0.05)
    t = 1.3
    expm = (vecs @ np.diag(np.exp(lam * t)) @ np.linalg.inv(vecs)).real
    forced = np.linalg.solve(race.matrix, (expm - np.eye(2)) @ race.forcing)
    expected = expm @ np.array([x0, y0]) + forced
    x, y = R.trajectory(race, x0, y0, [t])
    scale = 1.0 + float(np.abs(expected).max())
    np.testing.assert_allclose([x[0], y[0]], expected, rtol=1e-7, atol=1e-7 * scale)


def test_dividing_line_splits_runaway_from_disarmament():
    race = R.baseline("unstable")
    race = R.Race(race.k, race.l, race.a, race.b, 1.0, 0.5)
    (xs, ys), (dx, dy) = R.dividing_line(race)
    assert (xs, ys) == pytest.approx(R.equilibrium(race))
    # The direction is an eigenvector of the negative eigenvalue.
    lam = R.eigenvalues(race)[0]
    assert lam < 0
    assert race.matrix @ np.array([dx, dy]) == pytest.approx(lam * np.array([dx, dy]))
    # A start on the line balances; just above it runs away, just below it disarms.
    normal = np.array([-dy, dx]) if -dy + dx > 0 else np.array([dy, -dx])
    on = np.array([xs, ys]) + 2.0 * np.array([dx, dy])
    assert R.outcome(race, *(on + 0.05 * normal)).kind == "runaway"
    assert R.outcome(race, *(on - 0.05 * normal)).kind == "disarmament"
    # No such line for a stable race or the singular case.
    assert R.dividing_line(R.baseline("stable")) is None
    assert R.dividing_line(R.Race(1.0, 1.0, 1.0, 1.0, 0.0, 0.0)) is None


def test_race_quiz_numbers_come_from_the_model():
    from helpers.explorers import tactical as F
    from tests import prose_numbers

    q = F.race_quiz()
    coefficients = [getattr(R.baseline("unstable"), n) for n in ("k", "l", "a", "b")]
    strong, weak = (R.Race(*coefficients, g, g) for g in (-2.0, -1.0))
    assert q.answer == F.RACE_ANSWERS[R.outcome(strong, *F.STARTS["low"]).kind]
    assert R.outcome(weak, *F.STARTS["high"]).kind == "runaway"

    def point_and_start(race, start):  # the balance point and the start the explanation names
        (x, y), (sx, sy) = R.equilibrium(race), F.STARTS[start]
        return {"g": race.g, "x": x, "y": y, "sx": sx, "sy": sy}

    claims = {
        "g = h = {g}, low start": {"g": strong.g},
        "Grievances of {g} move it to ({x}, {y}), and the low start ({sx}, {sy})": point_and_start(
            strong, "low"
        ),
        "With g = h = {g} the balance point is ({x}, {y}) and the high start ({sx}, {sy})": point_and_start(
            weak, "high"
        ),
    }
    assert prose_numbers.mismatches(f"{q.question} {q.explanation}", claims) == []


def test_the_race_key_sits_below_the_plot_not_over_it():
    # Student reading: "08's phase-plane legend covers part of the plot".
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    from helpers.explorers import tactical as F
    from helpers.figures import engine

    fig = engine.figure(F.render_race("unstable", 1.0, 1.0, "low").fig)
    renderer = FigureCanvasAgg(fig).get_renderer()
    plane = fig.axes[0].get_window_extent(renderer)
    key = [t for t in fig.findobj(Text) if t.get_text().startswith("dx/dt = 0")]
    assert key and all(t.get_window_extent(renderer).y1 < plane.y0 for t in key)
