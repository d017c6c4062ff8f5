"""Notebook 00 (start here): the warm-up explorer (who is inside the NATO and EU lines) and its quiz."""

from __future__ import annotations

from helpers.explorers import quiz, widgets
from helpers.explorers.widgets import View
from helpers.figures.membership import MembershipPicture, describe
from helpers.models import membership
from helpers.sources import facts
from helpers.text.framings import status

CONTROLS = (
    widgets.toggle("club", "Draw the line around:", {"NATO": "NATO", "the EU": "EU", "both": "both"}),
)


def render(club: str) -> View:
    """The warm-up picture for a choice of line ("NATO", "EU" or "both")."""
    model = membership.membership(club)
    return View(MembershipPicture(model), describe(model))


def warmup() -> widgets.Explorer:
    """The warm-up explorer as notebook 00 shows it."""
    return widgets.Explorer(controls=CONTROLS, render=render)


_WHERE = {("NATO",): "NATO only", ("EU",): "the EU only", ("NATO", "EU"): "both", (): "neither"}


def line_quiz(actor_id: str = "NOR") -> quiz.MultipleChoice:
    """Which line is ``actor_id`` inside? The answer is computed from the membership data."""
    name = facts.actor(actor_id).name
    return quiz.multiple_choice(
        f"{name} is inside which line?",
        list(_WHERE.values()),
        answer=_WHERE[membership.clubs_of(actor_id)],
        explanation=status(actor_id),
    )


EXPLORERS = {"warmup": (CONTROLS, render)}
