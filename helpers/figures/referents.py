"""Notebook 03's picture: a framing seen from the referent's capital, with the referent marked.

A group referent (NATO, the EU, "Europe") gets a dash-dot line around its members, a state a
ring; optionally a pale field over every state stands for a threat with no culprit (global
warming, P2). It is a :class:`helpers.figures.framings.FramingPicture` with the referent added to
the changing layer; the names stay the static layer.
"""

from __future__ import annotations

from dataclasses import dataclass

from matplotlib.patches import Ellipse

from helpers.figures import actors
from helpers.figures import text as T
from helpers.figures.framings import ROLE_STYLE, FramingPicture
from helpers.figures.style import PALETTE
from helpers.models import framings, layout, referents
from helpers.models.referents import REFERENTS


@dataclass(frozen=True)
class ReferentPicture(FramingPicture):
    """A one-panel framing with the referent marked (a line around ``line`` or a ring at ``ring``)."""

    referent: str = ""
    line: tuple[str, ...] = ()
    ring: tuple[float, float] | None = None
    no_culprit: bool = False

    def draw_changing(self, fig, axes):
        super().draw_changing(fig, axes)
        (ax,) = axes
        name = REFERENTS[self.referent]
        corner = {"coords": "axes", "ha": "right", "size": "small", "zorder": 7}
        if self.line:
            actors.boundary(ax, self.line, PALETTE["black"], "-.", linewidth=2.0)
            T.label(ax, (0.99, 0.99), f"dash-dot line: the referent,\n{name}", va="top", **corner)
        elif self.ring is not None:
            ax.plot(*self.ring, "o", ms=21, mfc="none", mec=PALETTE["black"], mew=2.5, zorder=7)
            T.label(ax, (0.99, 0.99), f"ringed: the referent, {name}", va="top", **corner)
        if self.no_culprit:
            cx, cy = sum(layout.XLIM) / 2, sum(layout.YLIM) / 2
            ax.add_artist(Ellipse((cx, cy), 10.5, 8.2, fc=PALETTE["yellow"], alpha=0.18, ec="none", zorder=1))
            T.label(
                ax,
                (0.99, 0.01),
                "global warming:\na threat to all, with no culprit (P2)",
                va="bottom",
                fontstyle="italic",
                **corner,
            )


def referent_picture(result: referents.Analysis, base: framings.Framing, no_culprit: bool) -> ReferentPicture:
    """The picture for an analysis, drawn on ``base`` (the framing seen from the referent's capital)."""
    verdict = "" if result.has_place else ": no place for it"
    title = f"Referent: {REFERENTS[result.referent]} \N{EN DASH} {result.framing} framing{verdict}"
    line, ring = (), None
    if result.referent in referents.GROUP_REFERENTS and result.framing == "collective":
        line = framings.collective_members(referents.GROUP_REFERENTS[result.referent], framings.CURRENT_YEAR)
    elif result.referent in layout.POSITIONS:
        ring = layout.position(result.referent)
    return ReferentPicture(((title, base),), False, result.referent, line, ring, no_culprit)


def describe(result: referents.Analysis, no_culprit: bool) -> str:
    """The figure's description, from the same analysis as the picture."""
    return (
        f"Referent: {REFERENTS[result.referent]}, under the essay's {result.framing} framing. "
        + ("The referent is ringed. " if result.referent in layout.POSITIONS else "")
        + ("The framing has no place for it. " if not result.has_place else "")
        + f"Threats to it as the framing sees them: {referents.threat_text(result)}. "
        + (
            f"{referents.parties_label(result)}: {referents.names(result.parties)}. "
            if result.parties
            else ""
        )
        + (
            "A pale yellow field covers every state: global warming, a threat with no culprit, "
            "for which neither framing draws an arrow. "
            if no_culprit
            else ""
        )
        + f"The base picture: {ROLE_STYLE['self']['legend']} is starred where the referent has a "
        "capital."
    )
