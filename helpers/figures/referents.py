"""Security of whom, against whom: the referent object under each of the essay's framings.

The term "referent object" is from Buzan, Waever and de Wilde (1998): whatever is said to be
threatened and to need securing. :func:`analyse` says, for a chosen referent and framing, which
actors the framing treats as threats to it, which as parties to a conflict with it, and where
the framing has no place for the referent at all (Ukraine in the essay's collective framing).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from matplotlib.patches import Ellipse

from helpers.explorers.widgets import View
from helpers.figures import style as plots
from helpers.figures.framings import ROLE_STYLE, _canvas, draw, html_key
from helpers.models import framings, layout
from helpers.sources import facts
from helpers.sources.essay import quote

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
    if referent not in REFERENTS:
        raise ValueError(f"unknown referent {referent!r}; valid referents are {', '.join(REFERENTS)}")
    if framing not in framings.FRAMINGS:
        raise ValueError(f"unknown framing {framing!r}; valid framings are {', '.join(framings.FRAMINGS)}")


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
                extra = (" The essay adds that Turkey's current interests clash with the "
                         "collective's, yet it has access to certain instruments (P7).")
            if referent == "Europe":
                extra = (" But which Europe? The essay moves between 'Europe', the EU, NATO and "
                         "'the Euro-Atlantic community'; the picture draws the last.")
            return Analysis(referent, framing, True, threats, (), (),
                            "Secured as (part of) the collective, against states outside it; the "
                            "essay names Russia and China (P2). They are threats, not parties: the "
                            "sides do not recognise each other as parties to the conflict (P4)." + extra,
                            ("P2", "That is, against threats from states"))
        if referent == "RUS":
            return Analysis(referent, framing, False, ("community",), (), (),
                            "No place as a referent: the collective framing secures the collective, "
                            "and Russia is outside the only community present (P4). The essay says "
                            "both sides serve their own national interests (P2); seen from Moscow, "
                            "the collective, with the means to realise its interests, is the "
                            "security problem (P4). Again a threat, not a party.",
                            ("P4", "Europe and its interests represent a security problem for Russia"))
        if referent == "UKR":
            return Analysis(referent, framing, False, (), (), (),
                            "No place as a referent. The collective framing secures the collective; "
                            "on our reading it sees Ukraine only through 'the Ukrainian crisis', the "
                            "particular issue on which the collective's security is said to depend "
                            "(P1) - an object, not a subject.",
                            ("P1", "depends on progress made concerning a particular issue"))
        return Analysis(referent, framing, False, (), (), (),
                        "No place: the collective framing secures a group against outsiders, and "
                        "the international system is not a group with an outside.",
                        ("P7", "Collective security refers to"))
    # The international framing: states, and their sourced interactions issue by issue.
    edges = framings._interaction_edges(framings.placed_states(), year)
    if referent in GROUP_REFERENTS:
        return Analysis(referent, framing, False, (), (), (),
                        "No place as a group: the international framing sees each member state "
                        "separately, serving its own, often different interests (P8).",
                        ("P8", "It this format"))
    disputes = ("clash", "war")
    if referent == "system":
        parties = tuple(sorted({s for e in edges if e.kind in disputes for s in (e.a, e.b)}))
        attackers = tuple(sorted({e.a for e in edges if e.kind == "war"}))
        return Analysis(referent, framing, True, attackers, parties, (),
                        "The framing's natural referent: order among states that do not share "
                        "interests. What threatens it is war; disputes are normal, and the states "
                        "in them deal with each other as parties.",
                        ("P8", "International security refers to"))
    attackers = tuple(e.a for e in edges if e.kind == "war" and e.b == referent)
    parties = tuple(e.b if e.a == referent else e.a for e in edges
                    if e.kind in disputes and referent in (e.a, e.b))
    partners = tuple(e.b if e.a == referent else e.a for e in edges
                     if e.kind == "cooperation" and referent in (e.a, e.b))
    name = facts.actor(referent).name
    return Analysis(referent, framing, True, attackers, parties, partners,
                    f"{name} as one state among others. In the small selection of sourced cases "
                    f"drawn, it is in a dispute or war with {_names(parties)} and cooperates with "
                    f"{_names(partners)}: counterparts are parties to specific issues, not fixed "
                    "enemies (a case missing from the selection is not evidence of harmony).",
                    ("P8", "regardless of whether or not they share each other's interests"))


def _names(ids: tuple[str, ...]) -> str:
    names = list(dict.fromkeys(facts.actor(i).name for i in ids))
    return ", ".join(names) if names else "no one"


def _framing_for(referent: str, framing: str) -> framings.Framing:
    """The base picture: the framing as seen from the referent's capital where there is one."""
    capital = {"UKR": "kyiv", "POL": "warsaw", "EST": "tallinn", "FIN": "helsinki_2025",
               "TUR": "ankara", "RUS": "moscow", "NATO": "washington"}.get(referent, "brussels")
    return framings.frame(framing, capital)


@plots.house_style
def referent_figure(referent: str, framing: str, no_culprit: bool = False, legend: bool = True):
    """The framing's picture with the referent marked; optionally a threat with no culprit."""
    result = analyse(referent, framing)
    base = _framing_for(referent, framing)
    fig = plots.reusable_figure(("framing", 1, legend), lambda: _canvas(1, legend))
    ax = fig.axes[0]
    verdict = "" if result.has_place else ": no place for it in this framing"
    draw(ax, base, f"Referent: {REFERENTS[referent]} - {framing} framing{verdict}", legend=legend)
    if referent in GROUP_REFERENTS and framing == "collective":
        members = framings.collective_members(GROUP_REFERENTS[referent], framings.CURRENT_YEAR)
        layout.draw_boundary(ax, members, plots.PALETTE["black"], "-.", linewidth=2.0)
        ax.text(0.99, 0.99, f"dash-dot line: the referent, {REFERENTS[referent]}",
                transform=ax.transAxes, ha="right", va="top", fontsize=11)
    elif referent in layout.POSITIONS:
        x, y = layout.position(referent)
        ax.plot(x, y, "o", ms=21, mfc="none", mec=plots.PALETTE["black"], mew=2.5, zorder=7)
        ax.text(0.99, 0.99, f"ringed: the referent, {REFERENTS[referent]}", transform=ax.transAxes,
                ha="right", va="top", fontsize=11)
    if no_culprit:
        cx, cy = sum(layout.XLIM) / 2, sum(layout.YLIM) / 2
        ax.add_artist(Ellipse((cx, cy), 10.5, 8.2, fc=plots.PALETTE["yellow"], alpha=0.18, ec="none",
                             zorder=1))
        ax.text(0.99, 0.01, "global warming:\na threat to all, with no culprit (P2)",
                transform=ax.transAxes, ha="right", va="bottom", fontsize=11, fontstyle="italic",
                zorder=7)
    description = (
        f"Referent: {REFERENTS[referent]}, under the essay's {framing} framing. "
        + ("The referent is ringed. " if referent in layout.POSITIONS else "")
        + ("The framing has no place for it. " if not result.has_place else "")
        + f"Threats to it as the framing sees them: {_threat_text(result)}. "
        + (f"In a dispute or war with it: {_names(result.parties)}. " if result.parties else "")
        + ("A pale yellow field covers every state: global warming, a threat with no culprit, "
           "for which neither framing draws an arrow. " if no_culprit else "")
        + f"The base picture: {ROLE_STYLE['self']['legend']} is starred where the referent has a "
          "capital."
    )
    return fig, description


def _threat_text(result: Analysis) -> str:
    if result.threats == ("community",):
        return "the Euro-Atlantic community"
    return _names(result.threats)


def side_text(referent: str, framing: str, no_culprit: bool = False) -> str:
    result = analyse(referent, framing)
    pid, text = result.quote
    out = (f"<p><b>Secured?</b> {'yes' if result.has_place else 'no place in this framing'}</p>"
           f"<p><b>Threats, as the framing sees them:</b> {html.escape(_threat_text(result))}</p>"
           f"<p><b>Recognised as parties in a dispute or war with it (sourced cases):</b> "
           f"{html.escape(_names(result.parties)) if result.parties else 'none'}</p>"
           f"<p>{html.escape(result.verdict)}</p>"
           f'<blockquote style="border-left:4px solid #0072B2;padding-left:0.6em;margin-left:0">'
           f"{html.escape(quote(pid, text))} <i>({pid})</i></blockquote>")
    if no_culprit:
        out += ("<p><b>A threat with no culprit.</b> "
                + html.escape(quote("P2", "You can hardly view global warming"))
                + " <i>(P2)</i> Neither framing has an arrow for it: the collective framing needs "
                "an outsider, the international one a state on the other side.</p>")
    return f'<div style="line-height:1.4">{out}</div>'


def render(referent: str, framing: str, no_culprit: bool) -> View:
    """The render function of notebook 03's explorer (the key is HTML beside the picture)."""
    fig, description = referent_figure(referent, framing, no_culprit, legend=False)
    key = html_key(_framing_for(referent, framing))
    return View(fig, description, f"<details open><summary><b>Key</b></summary>{key}</details>"
                + side_text(referent, framing, no_culprit))


def partnerships() -> tuple[dict[str, str], ...]:
    """States that cooperated with a community they did not belong to (sourced)."""
    return facts.load_csv("partnerships.csv")
