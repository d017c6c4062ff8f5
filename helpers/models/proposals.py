"""The feasibility / acceptability plane of notebook 07: the essay's "impossible" and "unacceptable".

Axis x: can the collective (NATO / the EU) grant the proposal without putting its own stability in
jeopardy (the essay's test, P10)? Axis y: can Russia accept it? Scores 0-10 are the student's;
nothing here says where a proposal "really" belongs. The quadrant names are the essay's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from helpers.sources.facts import load_toml

DATA = "proposals.toml"
SCALE = (0, 10)
THRESHOLD = 5.0

#: Quadrants in the essay's words (P10), keyed by (collective can grant?, Russia can accept?).
QUADRANTS = {
    (False, True): "impossible",
    (True, False): "unacceptable",
    (False, False): "both",
    (True, True): "neither",
}
QUADRANT_TEXT = {
    "impossible": "impossible: Russia could accept it, the collective cannot grant it",
    "unacceptable": "unacceptable: the collective can grant it, Russia cannot accept it",
    "both": "both impossible and unacceptable",
    "neither": "a deal: neither impossible nor unacceptable (grantable and acceptable)",
    "on the line": "on a dividing line: the scores do not decide",
}

#: The two readings of "propose the impossible rather than the unacceptable" (P10). Each cites
#: the words of the essay it leans on; neither is claimed to be right.
READINGS = {
    "strategy": {
        "label": "a deliberate strategy",
        "gist": (
            "Russia knows the proposal will be refused and makes it anyway: the essay stresses "
            "that Russia 'is well aware' it is unlikely to gain support, and that assuming it does "
            "not understand this would be an oversimplification."
        ),
        "quote_starts": ["At the same time, Russia is well aware", "And it would be an unforgivable"],
    },
    "only_option": {
        "label": "the only consistent option left",
        "gist": (
            "What the collective can offer is unacceptable to Russia and nothing is found that is "
            "both grantable and acceptable, so consistency leaves only the impossible: the essay "
            "calls this 'the only hypothesis' for the consistency of Russia's actions and says "
            "it 'forces' Russia."
        ),
        "quote_starts": ["Therefore, the only hypothesis", "This forces Russia to propose"],
    },
}


@dataclass(frozen=True)
class Proposal:
    """A proposal to place: real (sourced) or hypothetical (a teaching example)."""

    id: str
    name: str
    kind: str
    who: str
    when: str
    after_essay: bool
    description: str
    source: str
    accessed: str


@cache
def proposals() -> dict[str, Proposal]:
    """All proposals by id, in file order."""
    out = {}
    for row in load_toml(DATA)["proposal"]:
        if row["kind"] not in ("real", "hypothetical"):
            raise ValueError(f"proposal {row['id']!r} has kind {row['kind']!r}; use real or hypothetical")
        out[row["id"]] = Proposal(
            id=row["id"], name=row["name"], kind=row["kind"], who=row["who"], when=row["when"],
            after_essay=bool(row["after_essay"]), description=row["description"],
            source=row["source"], accessed=row["accessed"],
        )
    return out


def proposal(proposal_id: str) -> Proposal:
    """One proposal; ValueError names the valid ids."""
    table = proposals()
    if proposal_id not in table:
        raise ValueError(f"unknown proposal {proposal_id!r}; valid proposals are {', '.join(table)}")
    return table[proposal_id]


def essay_placement() -> dict:
    """The essay's only placement (P10), with the paragraph and quote anchors."""
    return dict(load_toml(DATA)["essay_placement"][0])


def reading(name: str) -> dict:
    """One of the two readings of P10's phrase; ValueError names the valid ones."""
    if name not in READINGS:
        raise ValueError(f"unknown reading {name!r}; valid readings are {', '.join(READINGS)}")
    return READINGS[name]


def _check_score(label: str, value: float) -> float:
    low, high = SCALE
    if not isinstance(value, (int, float)) or not (low <= value <= high):
        raise ValueError(f"{label} score must be a number from {low} to {high}, got {value!r}")
    return float(value)


def quadrant(grant: float, accept: float) -> str:
    """The essay's word for a point: x = can the collective grant it, y = can Russia accept it.

    A score exactly at the threshold (5) leaves the question open: "on the line".
    """
    grant = _check_score("grant", grant)
    accept = _check_score("accept", accept)
    if grant == THRESHOLD or accept == THRESHOLD:
        return "on the line"
    return QUADRANTS[(grant > THRESHOLD, accept > THRESHOLD)]
