"""Security of whom, against whom: the referent object under each of the essay's framings.

The term "referent object" is from Buzan, Waever and de Wilde (1998): whatever is said to be
threatened and to need securing. :func:`analyse` says, for a chosen referent and framing, which
actors the framing treats as threats to it, which as parties to a conflict with it, and where
the framing has no place for the referent at all (Ukraine in the essay's collective framing).
"""

from __future__ import annotations

from dataclasses import dataclass

from helpers.models import framings
from helpers.sources import facts

REFERENTS: dict[str, str] = {
    "UKR": "Ukraine",
    "POL": "Poland",
    "EST": "Estonia",
    "FIN": "Finland",
    "TUR": "Turkey",
    "RUS": "Russia",
    "NATO": "NATO",
    "EU": "the EU",
    "Europe": "“Europe” (the essay's word)",
    "system": "the international system",
}
GROUP_REFERENTS = {"NATO": "NATO", "EU": "EU", "Europe": "community"}


@dataclass(frozen=True)
class Analysis:
    referent: str
    framing: str
    has_place: bool
    threats: tuple[str, ...]
    parties: tuple[str, ...]
    partners: tuple[str, ...]
    verdict: str
    quote: tuple[str, str]


def _check(referent: str, framing: str) -> None:
    facts.check(referent, REFERENTS, "referent")
    facts.check(framing, framings.FRAMINGS, "framing")


def _no_place(
    referent: str, framing: str, verdict: str, quote: tuple[str, str], threats: tuple[str, ...] = ()
) -> Analysis:
    """The framing has no place for ``referent``: no parties, no partners, perhaps a threat."""
    return Analysis(referent, framing, False, threats, (), (), verdict, quote)


def analyse(referent: str, framing: str) -> Analysis:
    """Who threatens ``referent`` and who is a party to a conflict with it, under ``framing``."""
    _check(referent, framing)
    year = framings.CURRENT_YEAR
    community = framings.collective_members("community", year)
    if framing == "collective":
        if referent in GROUP_REFERENTS or referent in community:
            threats = framings.ESSAY_NAMED_OUTSIDERS
            extra = ""
            if referent == "TUR":
                extra = (
                    " The essay adds that Turkey's current interests clash with the "
                    "collective's, yet it has access to certain instruments (P7)."
                )
            if referent == "Europe":
                extra = (
                    " But which Europe? The essay moves between 'Europe', the EU, NATO and "
                    "'the Euro-Atlantic community'; the picture draws the last."
                )
            return Analysis(
                referent,
                framing,
                True,
                threats,
                (),
                (),
                "Secured as (part of) the collective, against states outside it; the "
                "essay names Russia and China (P2). They are threats, not parties: the "
                "sides do not recognise each other as parties to the conflict (P4)." + extra,
                ("P2", "That is, against threats from states"),
            )
        if referent == "RUS":
            return _no_place(
                referent,
                framing,
                "No place as a referent: the collective framing secures the collective, "
                "and Russia is outside the only community present (P4). The essay says "
                "both sides serve their own national interests (P2); seen from Moscow, "
                "the collective, with the means to realise its interests, is the "
                "security problem (P4). Again a threat, not a party.",
                ("P4", "Europe and its interests represent a security problem for Russia"),
                threats=("community",),
            )
        if referent == "UKR":
            return _no_place(
                referent,
                framing,
                "No place as a referent. The collective framing secures the collective; "
                "on our reading it sees Ukraine only through 'the Ukrainian crisis', the "
                "particular issue on which the collective's security is said to depend "
                "(P1) - an object, not a subject.",
                ("P1", "depends on progress made concerning a particular issue"),
            )
        return _no_place(
            referent,
            framing,
            "No place: the collective framing secures a group against outsiders, and "
            "the international system is not a group with an outside.",
            ("P7", "Collective security refers to"),
        )
    # The international framing: states, and their sourced interactions issue by issue.
    edges = framings.interaction_edges(framings.placed_states(), year)
    if referent in GROUP_REFERENTS:
        return _no_place(
            referent,
            framing,
            "No place as a group: the international framing sees each member state "
            "separately, serving its own, often different interests (P8).",
            ("P8", "It this format"),
        )
    disputes = ("clash", "war")
    if referent == "system":
        attackers = tuple(sorted({e.a for e in edges if e.kind == "war"}))
        parties = tuple(sorted({s for e in edges if e.kind in disputes for s in (e.a, e.b)}))
        partners: tuple[str, ...] = ()
        verdict = (
            "The framing's natural referent: order among states that do not share "
            "interests. What threatens it is war; disputes are normal, and the states "
            "in them deal with each other as parties."
        )
        quote = ("P8", "International security refers to")
    else:
        attackers = tuple(e.a for e in edges if e.kind == "war" and e.b == referent)
        parties = tuple(
            e.b if e.a == referent else e.a for e in edges if e.kind in disputes and referent in (e.a, e.b)
        )
        partners = tuple(
            e.b if e.a == referent else e.a
            for e in edges
            if e.kind == "cooperation" and referent in (e.a, e.b)
        )
        verdict = (
            f"{facts.actor(referent).name} as one state among others. In the small selection of "
            f"sourced cases drawn, it is in a dispute or war with {names(parties)} and cooperates "
            f"with {names(partners)}: counterparts are parties to specific issues, not fixed "
            "enemies (a case missing from the selection is not evidence of harmony)."
        )
        quote = ("P8", "regardless of whether or not they share each other's interests")
    return Analysis(referent, framing, True, attackers, parties, partners, verdict, quote)


def names(ids: tuple[str, ...]) -> str:
    """The actors' names, each once, joined by commas ("no one" if there are none)."""
    unique = list(dict.fromkeys(facts.actor(i).name for i in ids))
    return ", ".join(unique) if unique else "no one"


def perspective_of(referent: str) -> str:
    """The perspective of the base picture: the referent's capital where there is one."""
    return {
        "UKR": "kyiv",
        "POL": "warsaw",
        "EST": "tallinn",
        "FIN": "helsinki_2025",
        "TUR": "ankara",
        "RUS": "moscow",
        "NATO": "washington",
    }.get(referent, "brussels")


def threat_text(result: Analysis) -> str:
    """The threats to the referent in words."""
    if result.threats == ("community",):
        return "the Euro-Atlantic community"
    return names(result.threats)


def parties_label(result: Analysis) -> str:
    """How the side text names the parties: the system is in no dispute, its states are with each other."""
    if result.referent == "system":
        return "States in a dispute or war with each other"
    return "Recognised as parties in a dispute or war with it"
