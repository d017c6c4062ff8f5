"""The feasibility / acceptability plane of notebook 07: the essay's "impossible" and "unacceptable".

Axis x: can the collective (NATO / the EU) grant the proposal without putting its own stability in
jeopardy (the essay's test, P10)? Axis y: can Russia accept it? Scores 0-10 are the student's;
nothing here says where a proposal "really" belongs. The quadrant names are the essay's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from helpers.sources.facts import load_toml, pick

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
            id=row["id"],
            name=row["name"],
            kind=row["kind"],
            who=row["who"],
            when=row["when"],
            after_essay=bool(row["after_essay"]),
            description=row["description"],
            source=row["source"],
            accessed=row["accessed"],
        )
    return out


def proposal(proposal_id: str) -> Proposal:
    """One proposal; ValueError names the valid ids."""
    return pick(proposals(), proposal_id, "proposal")


def essay_placement() -> dict:
    """The essay's only placement (P10), with the paragraph and quote anchors."""
    return dict(load_toml(DATA)["essay_placement"][0])


def reading(name: str) -> dict:
    """One of the two readings of P10's phrase; ValueError names the valid ones."""
    return pick(READINGS, name, "reading")


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


# --- who proposes, and what each reading of P10 implies for a placement ----------------------

#: Whose proposal it is, as the essay's test needs it: Russia's own proposals, the collective's
#: (NATO's or the EU's) offers, proposals from neither side (e.g. a Track II group), and the
#: notebook's hypothetical teaching examples.
PROPOSERS = ("Russia", "the collective", "neither side", "hypothetical")


def proposer(proposal_id: str) -> str:
    """Which side a proposal comes from, read from its record's ``who`` (see :data:`PROPOSERS`)."""
    p = proposal(proposal_id)
    if p.kind == "hypothetical":
        return "hypothetical"
    who = p.who.strip()
    if who.startswith("Russia"):
        return "Russia"
    if who.startswith(("NATO", "the EU", "EU", "European Union")):
        return "the collective"
    return "neither side"


def essay_places(proposal_id: str) -> bool:
    """Whether the essay's one placement (P10) can be read as covering this proposal.

    The essay places only Russia's calls for a European security system; of the records, only
    Russia's own proposals of a European security order can be read as such calls (the 2021
    draft came after the essay, which therefore cannot have meant it).
    """
    return proposer(proposal_id) == "Russia"


@dataclass(frozen=True)
class Assessment:
    """A student's placement read against one reading of P10: does the reading fit the scores?

    ``fits`` is True, False, or None when the scores sit on a dividing line or the reading says
    nothing about a proposal of this kind; ``why`` says which part of the reading decides.
    """

    proposal_id: str
    proposer: str
    quadrant: str
    reading: str
    fits: bool | None
    why: str


def _side(score: float) -> bool | None:
    return None if score == THRESHOLD else score > THRESHOLD


def assess(proposal_id: str, grant: float, accept: float, reading_name: str) -> Assessment:
    """What the chosen reading of P10 implies for this proposal, against the student's scores.

    Both readings make claims a placement can contradict. *A deliberate strategy*: Russia makes
    proposals whose refusal it expects, so a Russian proposal scored grantable does not fit.
    *The only consistent option left*: the collective's offer is unacceptable to Russia and
    nothing lies in the deal corner, so a Russian proposal must land in the impossible corner,
    the collective's offer in the unacceptable one, and no proposal in the deal corner. The
    scores are the student's; only the implications are computed here.
    """
    reading(reading_name)
    where = quadrant(grant, accept)
    side = proposer(proposal_id)
    can_grant, can_accept = _side(float(grant)), _side(float(accept))
    fits: bool | None
    if reading_name == "strategy":
        if side == "Russia":
            if can_grant is None:
                fits, why = (
                    None,
                    ("your grant score is on the line, so whether a refusal is expected stays open"),
                )
            elif can_grant:
                fits, why = (
                    False,
                    (
                        "you score it grantable, so Russia could not count on its "
                        "refusal: this reading needs a proposal the collective "
                        "cannot grant"
                    ),
                )
            else:
                fits, why = (
                    True,
                    (
                        "you score it not grantable, so its refusal is what this "
                        "reading expects Russia to foresee"
                    ),
                )
        elif side == "the collective":
            if can_accept is None:
                fits, why = None, "your accept score is on the line"
            elif can_accept:
                fits, why = (
                    False,
                    (
                        "you score it acceptable to Russia, so Russia would have no "
                        "need of a counter-proposal it expects to be refused"
                    ),
                )
            else:
                fits, why = (
                    True,
                    (
                        "you score it unacceptable to Russia: on this reading Russia "
                        "answers such an offer with a proposal it knows will be refused"
                    ),
                )
        else:
            fits, why = (
                None,
                (
                    "this reading is about Russia's own proposals and the "
                    "collective's offers; it says nothing about this one"
                ),
            )
    else:  # only_option
        if where == "neither":
            fits, why = (
                False,
                (
                    "you put it in the deal corner, which this reading says is "
                    "empty: either your scores or the reading must give"
                ),
            )
        elif where == "on the line":
            fits, why = None, "your scores sit on a dividing line"
        elif side == "Russia":
            fits = where == "impossible"
            why = (
                "in the impossible corner, where this reading expects Russia's proposals"
                if fits
                else "this reading expects Russia's proposals in the impossible "
                f"corner, and you put it in '{where}'"
            )
        elif side == "the collective":
            fits = where == "unacceptable"
            why = (
                "in the unacceptable corner, where this reading puts what the collective can offer"
                if fits
                else "this reading puts what the collective can offer "
                f"in the unacceptable corner, and you put it in '{where}'"
            )
        else:
            fits, why = True, ("outside the deal corner, as this reading requires of every proposal")
    return Assessment(proposal_id, side, where, reading_name, fits, why)


#: How each reading reads a proposal that is not Russia's own (the essay's phrase is about
#: Russia's proposals; these say what the reading implies for the other kinds).
OTHER_GISTS = {
    ("strategy", "the collective"): (
        "This is an offer of the collective, not a Russian proposal. On this reading Russia "
        "turns such an offer down knowingly and answers it with a proposal of its own that it "
        "expects to be refused: the essay stresses that Russia 'is well aware' it is unlikely "
        "to gain support."
    ),
    ("only_option", "the collective"): (
        "This is what the collective can offer, and in the essay's account what the collective "
        "can offer without jeopardy is what Russia finds unacceptable. With nothing found that "
        "is both grantable and acceptable, consistency leaves Russia only the impossible: the "
        "situation 'forces' Russia, in the essay's word."
    ),
    ("strategy", "neither side"): (
        "The essay's phrase is about Russia's own proposals, and this one is neither Russia's nor "
        "the collective's: it comes from {who}. This reading does not place it."
    ),
    ("only_option", "neither side"): (
        "The essay's phrase is about Russia's own proposals, and this one is not Russia's: "
        "it comes from {who}. This reading still implies that it cannot lie in the deal "
        "corner: nothing there is both grantable and acceptable."
    ),
    ("strategy", "hypothetical"): (
        "A teaching example that no side has proposed in these words, so the essay's phrase "
        "does not place it. Ask which side would have to make it, and whether that side could "
        "expect a refusal."
    ),
    ("only_option", "hypothetical"): (
        "A teaching example that no side has proposed in these words. This reading implies "
        "that, whoever made it, it cannot lie in the deal corner: nothing there is both "
        "grantable and acceptable."
    ),
}


def reading_gist(reading_name: str, proposal_id: str) -> str:
    """What the chosen reading of P10 says about this proposal, fitted to who made it."""
    side = proposer(proposal_id)
    if side == "Russia":
        return reading(reading_name)["gist"]
    reading(reading_name)
    return OTHER_GISTS[(reading_name, side)].format(who=proposal(proposal_id).who)
