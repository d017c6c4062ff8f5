"""Tracks of diplomacy: who talks to whom, in the essay's loose sense and in Diamond and McDonald's.

The essay (P1, P11) speaks of "Track II and Track III diplomacy" and of "the line between
diplomatic processes and scientific (or expert) discussion". The common three-way sense is used
here for the essay; Diamond and McDonald's nine tracks (where Track 3 is business and Track 4
private citizens) are shown beside it from ``data/tracks.toml``, so the two are never confused.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from helpers.sources.facts import load_toml

DATA = "tracks.toml"

#: The essay's loose three tracks (the common usage), with who takes part.
COMMON_TRACKS = {
    "Track I": "governments: diplomats, ministers, military staffs acting officially",
    "Track II": "experts and former officials, meeting unofficially",
    "Track III": "civil society: citizens, universities, towns, NGOs",
}
SCHEMES = ("essay", "multi_track")

#: Channels drawn in the diagram: (from, to, what passes along it).
CHANNELS = (
    ("Track I", "Track I", "negotiation and 'military and political decisions' (P11)"),
    ("Track II", "Track I", "ideas and proposals, e.g. the Twelve Steps (P3)"),
    ("Track III", "Track II", "contacts and public mood"),
)


@dataclass(frozen=True)
class Track:
    """One of Diamond and McDonald's nine tracks, numbered as McDonald lists them."""

    number: str
    name: str
    source: str


@cache
def multi_tracks() -> tuple[Track, ...]:
    """The nine tracks from the data file, in McDonald's order 1-9."""
    return tuple(
        Track(number=r["number"], name=r["name"], source=r["source"]) for r in load_toml(DATA)["multi_track"]
    )


def terms() -> dict[str, str]:
    """Sourced sentences on the origin of the terms, by id."""
    return {r["id"]: r["text"] for r in load_toml(DATA)["term"]}


def quiz_items() -> dict[str, str]:
    """Kinds of meeting -> the track they belong to in the essay's loose sense."""
    return {r["item"]: r["track"] for r in load_toml(DATA)["quiz_item"]}


def quiz_explanations() -> dict[str, str]:
    """Kinds of meeting -> why they sit on that track."""
    return {r["item"]: r["why"] for r in load_toml(DATA)["quiz_item"]}


def check_scheme(scheme: str) -> str:
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}; valid schemes are {', '.join(SCHEMES)}")
    return scheme


def translate(common_track: str) -> tuple[str, ...]:
    """Which of Diamond and McDonald's tracks a common-sense track overlaps (by name)."""
    mapping = {
        "Track I": ("government",),
        "Track II": ("conflict resolution professionals", "research, training and education"),
        "Track III": (
            "private citizens",
            "business",
            "activism",
            "religion",
            "media",
            "funding (philanthropy)",
        ),
    }
    if common_track not in mapping:
        raise ValueError(f"unknown track {common_track!r}; valid tracks are {', '.join(mapping)}")
    names = {t.name for t in multi_tracks()}
    missing = set(mapping[common_track]) - names
    if missing:
        raise ValueError(f"{DATA} lacks tracks {sorted(missing)}")
    return mapping[common_track]
