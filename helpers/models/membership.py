"""Who is inside which line: NATO and EU membership of the placed actors, by year.

The warm-up of ``00_start_here`` (drawn by :mod:`helpers.figures.membership`) and a building block
of the framings. Memberships come from ``helpers/data/actors.csv`` (sourced); the year decides who
was a member then.
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.models import layout
from helpers.sources import facts

CLUBS = ("NATO", "EU")
CHOICES = ("NATO", "EU", "both")


def members(club: str, year: int | None = None) -> tuple[str, ...]:
    """Ids of the placed actors in ``club`` ("NATO" or "EU") in ``year`` (None: today)."""
    if club not in CLUBS:
        raise ValueError(f"unknown club {club!r}; valid clubs are {', '.join(CLUBS)}")
    test = "in_nato" if club == "NATO" else "in_eu"
    return tuple(a.id for a in facts.actors().values() if a.id in layout.POSITIONS and getattr(a, test)(year))


@dataclass(frozen=True)
class Membership:
    """The lines to draw for a choice ("NATO", "EU" or "both") in a year (None: today)."""

    choice: str
    year: int | None
    lines: tuple[tuple[str, tuple[str, ...]], ...]  # (club, member ids) per line

    @property
    def when(self) -> str:
        return "today" if self.year is None else f"in {self.year}"

    def outside(self, club: str) -> tuple[str, ...]:
        inside = dict(self.lines)[club]
        return tuple(i for i in layout.POSITIONS if i not in inside)


def membership(choice: str, year: int | None = None) -> Membership:
    """Who is inside the NATO line, the EU line or both, as a :class:`Membership`."""
    if choice not in CHOICES:
        raise ValueError(f"unknown choice {choice!r}; valid choices are {', '.join(CHOICES)}")
    shown = CLUBS if choice == "both" else (choice,)
    return Membership(choice, year, tuple((club, members(club, year)) for club in shown))


def clubs_of(actor_id: str, year: int | None = None) -> tuple[str, ...]:
    """The clubs ``actor_id`` is in (an empty tuple: neither)."""
    layout.position(actor_id)  # unknown -> ValueError naming the placed actors
    return tuple(club for club in CLUBS if actor_id in members(club, year))
