"""Notebook 08's explorers: the Richardson race, what a "step" moves, and the tracks of
diplomacy; their controls as data, their render functions, and the notebook's quizzes.

Each render function solves the race once (:func:`helpers.figures.tactical.solve`) and derives
the picture, the description and the side text from that one result. Every number a quiz or its
explanation states is computed from :mod:`helpers.models.richardson`.
"""

from __future__ import annotations

import html

from helpers.explorers import quiz, widgets
from helpers.figures import tactical as figures
from helpers.models import richardson as R
from helpers.models import tracks

STARTS = {"low": (1.0, 0.3), "high": (4.0, 2.5)}
REGIMES = {"stable (a·b > k·l)": "stable", "unstable (a·b < k·l)": "unstable"}


def _point(xy: tuple[float, float]) -> str:
    return f"({xy[0]:g}, {xy[1]:g})"


# --- 1. the model itself ---------------------------------------------------------------------------

RACE_CONTROLS = [
    widgets.toggle("regime", "Coefficients", REGIMES, default="unstable"),
    widgets.slider("g", "Grievance g (side X)", -2.0, 2.0, 0.5, 1.0),
    widgets.slider("h", "Grievance h (side Y)", -2.0, 2.0, 0.5, 1.0),
    widgets.toggle(
        "start", "Start", {f"{name} {_point(xy)}": name for name, xy in STARTS.items()}, default="low"
    ),
]


def _with_grievances(regime: str, g: float, h: float) -> R.Race:
    base = R.baseline(regime)
    return R.Race(k=base.k, l=base.l, a=base.a, b=base.b, g=float(g), h=float(h))


def render_race(regime: str, g: float, h: float, start: str) -> widgets.View:
    """The plain model: baseline coefficients, the reader's grievances and start."""
    if start not in STARTS:
        raise ValueError(f"unknown start {start!r}; valid starts are {', '.join(STARTS)}")
    model = figures.solve(_with_grievances(regime, g, h), STARTS[start])
    return widgets.View(figures.Race(model), figures.describe_race(model))


# --- 2. what a tactical step and a conceptual change move -------------------------------------------

STEP_START = (2.0, 1.0)
#: One heading for every mapping, so it belongs to the cached static layer; the mapping itself
#: is in the side text and the description.
STEPS_HEADING = "Your mapping of steps onto a Richardson race (the mapping: beside the picture)"
#: Short option labels: the drop-down's box is narrow in JupyterLab; titles and side text keep
#: the long labels.
SHORT_MOVE = {
    "grievances": "grievance g, h",
    "reactions": "reactions k, l",
    "restraint": "restraint a, b",
    "nothing": "nothing",
}
MOVE_OPTIONS = {SHORT_MOVE.get(key, R.MOVES[key]["label"]): key for key in R.MOVES}

STEP_CONTROLS = [
    widgets.toggle("regime", "Coefficients before any step", REGIMES, default="unstable"),
    widgets.dropdown(
        "tactical_moves",
        "A tactical step (hotlines, transparency) moves",
        MOVE_OPTIONS,
        default=R.DEFAULT_READING["tactical"],
    ),
    widgets.dropdown(
        "conceptual_moves",
        "Conceptual divergence moves",
        MOVE_OPTIONS,
        default=R.DEFAULT_READING["conceptual"],
    ),
    widgets.slider("tactical", "Tactical steps taken", 0.0, 1.0, 0.1, 0.0),
    widgets.slider("divergence", "Conceptual divergence", 0.0, 1.0, 0.1, 0.0),
]


def render_steps(
    regime: str, tactical_moves: str, conceptual_moves: str, tactical: float, divergence: float
) -> widgets.View:
    """Apply the reader's mapping of steps to parameters, then draw the race it gives."""
    base = R.baseline(regime)
    race = R.apply_steps(base, float(tactical), float(divergence), tactical_moves, conceptual_moves)
    model = figures.solve(race, STEP_START)
    before = R.outcome(base, *STEP_START)
    moved = {"tactical": R.MOVES[tactical_moves]["label"], "conceptual": R.MOVES[conceptual_moves]["label"]}
    default = (tactical_moves, conceptual_moves) == (
        R.DEFAULT_READING["tactical"],
        R.DEFAULT_READING["conceptual"],
    )
    side = (
        f"<p><b>Mapping:</b> tactical steps move {html.escape(moved['tactical'])}; "
        f"conceptual divergence moves {html.escape(moved['conceptual'])}"
        f"{' (the default reading - one reading among others)' if default else ' (your reading)'}.</p>"
        f"<p><b>Before any step:</b> {html.escape(before.summary)}.</p>"
        f"<p><b>Now:</b> k = {race.k:.2f}, l = {race.l:.2f}, a = {race.a:.2f}, b = {race.b:.2f}, "
        f"g = {race.g:.2f}, h = {race.h:.2f}.</p>"
    )
    description = (
        figures.describe_race(model) + f" Mapping: {moved['tactical']} for tactical "
        f"steps, {moved['conceptual']} for divergence."
    )
    return widgets.View(figures.Race(model, STEPS_HEADING), description, side)


# --- 3. tracks I / II / III ---------------------------------------------------------------------

TRACK_CONTROLS = [
    widgets.toggle(
        "scheme",
        "Scheme",
        {"the essay's three tracks": "essay", "Diamond and McDonald's nine": "multi_track"},
        default="essay",
    ),
    widgets.checkbox("show_essay", "Show where the essay puts the value", default=False),
]


def render_tracks(scheme: str, show_essay: bool) -> widgets.View:
    """The tracks diagram."""
    tracks.check_scheme(scheme)
    picture = figures.Tracks(scheme, bool(show_essay))
    return widgets.View(picture, figures.describe_tracks(picture))


# --- checks for understanding ----------------------------------------------------------------------

RACE_ANSWERS = {
    "runaway": "Still a runaway",
    "disarmament": "It falls through zero (disarmament)",
    "settles": "It settles at an equilibrium",
}


def race_quiz() -> quiz.MultipleChoice:
    """The predict-then-flip of the race widget; the answer and every number are computed."""
    low, high = STARTS["low"], STARTS["high"]
    strong = _with_grievances("unstable", -2.0, -2.0)
    mild = _with_grievances("unstable", -1.0, -1.0)
    kind = R.outcome(strong, *low).kind
    mild_kind = R.outcome(mild, *high).kind
    fall = "falls through zero" if kind == "disarmament" else f"ends as a {kind}"
    still = "still runs away" if mild_kind == "runaway" else f"ends as a {mild_kind}"

    def at(race: R.Race) -> str:
        x, y = R.equilibrium(race)
        return f"({x:.3g}, {y:.3g})"

    return quiz.multiple_choice(
        "Unstable coefficients, g = h = -2, low start. What happens?",
        list(RACE_ANSWERS.values()),
        answer=RACE_ANSWERS[kind],
        explanation=(
            f"With a·b < k·l the balance point is a saddle. Grievances of -2 move it to "
            f"{at(strong)}, and the low start {_point(low)} lies below the dividing line through "
            f"it, so the race {fall}. With g = h = -1 the balance point is {at(mild)} and the "
            f"high start {_point(high)} lies on the other side: that race {still}. The start "
            f"and the sign of g and h decide, not the coefficients alone."
        ),
    )


def tracks_quiz() -> quiz.Classify:
    """Sort kinds of meeting into the essay's loose Track I / II / III."""
    return quiz.classify(
        "Sort each kind of meeting into the essay's (loose, common) tracks.",
        tracks.quiz_items(),
        list(tracks.COMMON_TRACKS),
        tracks.quiz_explanations(),
    )


#: What the picture checks draw (tests/pictures.py): every explorer of the notebook.
EXPLORERS = {
    "race": (RACE_CONTROLS, render_race),
    "steps": (STEP_CONTROLS, render_steps),
    "tracks": (TRACK_CONTROLS, render_tracks),
}
