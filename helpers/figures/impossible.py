"""Notebook 07's pictures: OSCE sentences kept or dropped, and the impossible / unacceptable plane.

Each picture is a frozen dataclass holding the model it draws (computed once per change by the
explorer): the unchanging part (axes, names, keys) is drawn by ``draw_static`` and what the
controls change by ``draw_changing``. All text is ordinary matplotlib Text, dark enough for
4.5:1 on white. ``describe_*`` say in words what each picture shows, from the same model.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Any, ClassVar

from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle

from helpers.figures.engine import Picture
from helpers.figures.style import GREY, PALETTE
from helpers.figures.text import ink, label
from helpers.models import osce, proposals

SHADE = "#E8E8E8"
KIND_STYLE = {
    osce.PROTECTS: {"color": PALETTE["blue"], "linestyle": "-"},
    osce.OBJECTS: {"color": PALETTE["vermillion"], "linestyle": "--"},
    osce.FRAMES: {"color": GREY, "linestyle": ":"},
}
SHORT_CASE = {"enlargement": "A state joins NATO\n(the Allies agree)", "neutrality": "A state stays neutral"}
#: Lines of different kinds leave a card at slightly different heights, so none hides another.
CARD_OFFSET = {osce.PROTECTS: 0.018, osce.OBJECTS: -0.018, osce.FRAMES: 0.0}
#: How much of a case box's edge (axes units, box height 0.24) the arrowheads spread over.
LAND_SPREAD = 0.19
#: The key's words for each kind of line, in KIND_STYLE's order.
KEY_TEXT = {
    osce.PROTECTS: "+ protects the choice",
    osce.OBJECTS: "− ground to object",
    osce.FRAMES: "· frames only",
}
STATUS_COLOR = {
    "protected": PALETTE["blue"],
    "objectionable": PALETTE["vermillion"],
    "contested": PALETTE["reddish purple"],
    "silent": GREY,
}
CASE_Y = {"enlargement": 0.70, "neutrality": 0.25}
DROPPED_VEIL = 0.4  # SHADE at 40% over a card's black words: #5D5D5D on #F6F6F6, about 6:1
#: A card's frame: solid black if kept, thin grey dashes if dropped.
CARD_EDGE = {
    True: {"edgecolor": "black", "linestyle": "-", "linewidth": 1.6},
    False: {"edgecolor": GREY, "linestyle": "--", "linewidth": 1.0},
}
CARD_TEXT = {"size": "small", "ha": "left", "zorder": 3}


def _card_y() -> dict[str, float]:
    n = len(osce.SENTENCE_IDS)
    return {sid: 0.93 - i * (0.86 / (n - 1)) for i, sid in enumerate(osce.SENTENCE_IDS)}


@dataclass(frozen=True)
class Commitments(Picture):
    """Sentence cards (kept or dropped), lines to the two cases, and each case's verdict."""

    kept: tuple[str, ...]
    verdicts: tuple[osce.Verdict, ...]  # one per case, in osce.CASES order
    size: ClassVar[tuple[float, float]] = (11.0, 6.4)

    def title(self) -> str:
        return "Kept sentences, and what follows"

    def draw_static(self, fig) -> Any:
        ax = fig.add_axes((0.01, 0.04, 0.98, 0.88), xlim=(0, 1), ylim=(0, 1))
        ax.set_axis_off()
        label(ax, (0.5, 1.0), self.title(), coords="axes", size="title", weight="bold", va="bottom")
        for row, (kind, text) in enumerate(KEY_TEXT.items()):
            key_y = 0.074 - 0.037 * row
            ax.add_artist(
                Line2D((0.811, 0.839), (key_y, key_y), **KIND_STYLE[kind], linewidth=1.8, clip_on=False)
            )
            label(ax, (0.848, key_y), text, size="note", ha="left")
        for case, y in CASE_Y.items():
            label(ax, (0.855, y + 0.06), SHORT_CASE[case], size="small")
        table = osce.sentences()
        if any(not s.verbatim_full for s in table.values()):
            label(
                ax,
                (0.01, -0.02),
                "* wording only partly verified",
                size="note",
                color=ink(GREY),
                ha="left",
                va="top",
            )
        # The cards' words never change (text is the costly part of a redraw): a dropped card
        # gets a veil and a "dropped" tag in the changing layer instead.
        for sid, y in _card_y().items():
            s = table[sid]
            text = f"{s.position}. {s.short}" if sid != osce.ASTANA_ID else f"Astana: {s.short}"
            if not s.verbatim_full:
                text += " *"
            sides = osce.sides_quoting(sid)
            # Two Texts, not one of two lines: the "dropped" tag sits beside the short second.
            label(ax, (0.02, y + 0.02 if sides else y), text, **CARD_TEXT)
            if sides:
                label(ax, (0.02, y - 0.022), "quoted by: " + " and ".join(sides), **CARD_TEXT)
        return ax

    def draw_changing(self, fig, ax) -> None:
        card_y = _card_y()
        for sid in osce.SENTENCE_IDS:
            on, y = sid in self.kept, card_y[sid]
            card = ((0.01, y - 0.05), 0.45, 0.10)
            if not on:  # over the words: they stay readable (over 5:1), visibly paler
                ax.add_artist(
                    Rectangle(*card, facecolor=SHADE, alpha=DROPPED_VEIL, edgecolor="none", zorder=4)
                )
                label(
                    ax,
                    (0.45, y - 0.047),
                    "dropped",
                    size="note",
                    weight="bold",
                    color=ink(GREY, SHADE),
                    ha="right",
                    va="bottom",
                    zorder=5,
                )
            ax.add_artist(Rectangle(*card, facecolor="none", **CARD_EDGE[on], zorder=4))
        segments = {kind: ([], []) for kind in KIND_STYLE}
        for v in self.verdicts:
            y = CASE_Y[v.case]
            color = STATUS_COLOR[v.status]
            ax.add_artist(
                Rectangle(
                    (0.72, y - 0.12), 0.27, 0.24, facecolor="none", edgecolor=color, linewidth=2.5, zorder=4
                )
            )
            label(
                ax,
                (0.855, y - 0.06),
                v.status.upper(),
                size="title",
                weight="bold",
                color=ink(color),
                zorder=5,
            )
            # Heads land spread down the box's edge in the cards' top-to-bottom order.
            grounds = sorted(v.grounds, key=lambda g: -card_y[g[0]] - CARD_OFFSET[g[1]])
            step = min(LAND_SPREAD / max(len(grounds) - 1, 1), 0.045)
            for i, (sid, kind) in enumerate(grounds):
                xs, ys = segments[kind]
                offset = ((len(grounds) - 1) / 2 - i) * step
                xs += [0.46, 0.715, float("nan")]
                ys += [card_y[sid] + CARD_OFFSET[kind], y + offset, float("nan")]
        for zorder, (kind, (xs, ys)) in enumerate(segments.items(), start=6):
            if xs:  # one line per kind, a head at each segment's end (the 2nd of its 3 points)
                ax.add_artist(
                    Line2D(
                        xs,
                        ys,
                        **KIND_STYLE[kind],
                        linewidth=1.8,
                        marker=">",
                        markersize=7,
                        markevery=slice(1, None, 3),
                        zorder=zorder,
                    )
                )


def describe_commitments(kept: tuple[str, ...], verdicts: tuple[osce.Verdict, ...]) -> str:
    """The sentence figure in words, from the same verdicts it draws."""
    table = osce.sentences()
    on = [table[s].short for s in osce.SENTENCE_IDS if s in kept]
    off = [table[s].short for s in osce.SENTENCE_IDS if s not in kept]
    istanbul = len(osce.ISTANBUL_IDS)
    parts = [
        f"{len(osce.SENTENCE_IDS)} commitment sentences are listed as cards on the left "
        f"({istanbul} from Istanbul 1999 para. 8, one from Astana 2010 para. 3).",
        f"Kept: {', '.join(on) if on else 'none'}.",
        f"Dropped: {', '.join(off) if off else 'none'}.",
    ]
    for v in verdicts:
        grounds = (
            "; ".join(f"{table[sid].short} ({osce.GROUND_LABELS[kind]})" for sid, kind in v.grounds)
            or "no kept sentence bears on it"
        )
        parts.append(f"Case '{osce.CASES[v.case]}': {v.summary}. Lines from: {grounds}.")
    return " ".join(parts)


# --- the plane ------------------------------------------------------------------------------------

#: Quadrant names outside the plane, beside the quadrant they name: (x centre, top or bottom).
QUADRANT_NAMES = {
    "impossible": (2.5, "top", "IMPOSSIBLE", ""),
    "neither": (7.5, "top", "A DEAL", "(neither impossible nor unacceptable)"),
    "both": (2.5, "bottom", "BOTH", "(impossible and unacceptable)"),
    "unacceptable": (7.5, "bottom", "UNACCEPTABLE", ""),
}
LIMITS = (-0.6, 10.6)
_LOW, _HIGH = (LIMITS[0], proposals.THRESHOLD), (proposals.THRESHOLD, LIMITS[1])
QUADRANT_SPAN = {
    "impossible": (_LOW, _HIGH),
    "neither": (_HIGH, _HIGH),
    "both": (_LOW, _LOW),
    "unacceptable": (_HIGH, _LOW),
}
PANEL_X = 0.625  # left edge of the text panel, figure units
PANEL_WRAP = 46
READING_KEY = {
    "strategy": "Green arrow: from what the collective can offer (turned down) to a proposal "
    "whose refusal is expected.",
    "only_option": "Green cross: the unacceptable ruled out by Russia; dashed box: nothing "
    "found in the deal corner (the essay's premise).",
}
FIT_HEAD = {
    True: "Against your scores: it fits",
    False: "Against your scores: it does not fit",
    None: "Against your scores: nothing decisive",
}
FIT_COLOR = {True: PALETTE["blue"], False: PALETTE["vermillion"], None: GREY}
#: The proposal's marker (a circle if real, a diamond if hypothetical), on the plane and in the key.
PROPOSAL_MARK = {"color": PALETTE["blue"], "markeredgecolor": "black", "linestyle": "none"}
#: What the two readings draw on the plane.
GREEN = {"color": PALETTE["bluish green"], "zorder": 3}


def _quadrant_shade(xy: tuple[float, float], width: float, height: float, **kwargs: Any) -> Rectangle:
    """The shading of the quadrant the scores give (on the plane, and small in the key)."""
    return Rectangle(xy, width, height, facecolor=PALETTE["sky blue"], alpha=0.25, edgecolor="none", **kwargs)


def _essay_mark(xy: tuple[float, float], width: float, height: float, **kwargs: Any) -> Rectangle:
    """The hatched orange box of the essay's one placement (on the plane, and small in the key)."""
    return Rectangle(
        xy, width, height, facecolor="none", edgecolor=PALETTE["orange"], hatch="//", linewidth=1.5, **kwargs
    )


@dataclass(frozen=True)
class Plane(Picture):
    """One proposal placed by the student, what the chosen reading implies, the essay's placement."""

    proposal: proposals.Proposal
    grant: float
    accept: float
    assessment: proposals.Assessment
    show_essay: bool
    size: ClassVar[tuple[float, float]] = (11.0, 7.0)

    def static_key(self) -> tuple:
        return (self.assessment.reading,)

    def title(self) -> str:
        hypothetical = " (hypothetical)" if self.proposal.kind == "hypothetical" else ""
        return f"{self.proposal.name}{hypothetical}: your placement"

    def draw_static(self, fig) -> Any:
        # LIMITS leave a margin, so a dot on 0 or 10 covers no tick label.
        ax = fig.add_axes(
            (0.085, 0.21, 0.5, 0.63), xlim=LIMITS, ylim=LIMITS, xticks=(0, 5, 10), yticks=(0, 5, 10)
        )
        ax.set_xlabel(
            "Can NATO / the EU grant it without putting their own stability in "
            "jeopardy?\n(0 = not at all, 10 = easily: your score)",
            labelpad=40,
        )
        ax.set_ylabel("Can Russia accept it?\n(0 = not at all, 10 = easily: your score)")
        ax.axvline(proposals.THRESHOLD, color=GREY, linestyle="--", linewidth=1.2)
        ax.axhline(proposals.THRESHOLD, color=GREY, linestyle="--", linewidth=1.2)
        for x, edge, head, gloss in QUADRANT_NAMES.values():
            top = edge == "top"
            y, va = (LIMITS[1] + 0.15, "bottom") if top else (LIMITS[0] - 0.7, "top")
            text = f"{head}\n{gloss}" if gloss else head
            label(ax, (x, y), text, size="small", weight="bold", va=va, linespacing=1.3)
        panel = fig.add_axes((PANEL_X, 0.03, 0.99 - PANEL_X, 0.86), xlim=(0, 1), ylim=(0, 1))
        panel.set_axis_off()
        # The static key: marker shapes and the shading.
        for y, marker, what in (
            (0.10, "o", "circle: a real proposal (sourced)"),
            (0.04, "D", "diamond: a hypothetical teaching example"),
        ):
            panel.add_artist(Line2D([0.03], [y], marker=marker, markersize=9, **PROPOSAL_MARK))
            label(panel, (0.08, y), what, size="note", ha="left")
        panel.add_artist(_quadrant_shade((0.0, 0.145), 0.06, 0.04))
        label(panel, (0.08, 0.165), "shaded: the quadrant your scores give", size="note", ha="left")
        # The reading's name and key change only with the reading (the static key).
        reading = self.assessment.reading
        label(
            panel,
            (0.0, 1.0),
            f"Reading: {proposals.reading(reading)['label']}",
            size="heading",
            weight="bold",
            ha="left",
            va="top",
        )
        label(
            panel,
            (0.0, 0.93),
            textwrap.fill(READING_KEY[reading], PANEL_WRAP),
            size="note",
            ha="left",
            va="top",
            color=ink(PALETTE["bluish green"]),
        )
        label(panel, (0.0, 0.69), "(why: in the text beside the picture)", size="note", ha="left", va="top")
        return ax, panel

    def draw_changing(self, fig, handles) -> None:
        ax, panel = handles
        p, a = self.proposal, self.assessment
        label(fig, (0.5, 0.985), self.title(), coords="figure", size="title", weight="bold", va="top")
        if a.quadrant in QUADRANT_SPAN:
            (x0, x1), (y0, y1) = QUADRANT_SPAN[a.quadrant]
            ax.add_artist(_quadrant_shade((x0, y0), x1 - x0, y1 - y0, zorder=0.5))
        if self.show_essay:
            ax.add_artist(_essay_mark((0.4, 5.6), 4.2, 3.8, zorder=1.5))
        if a.reading == "strategy":
            ax.add_artist(
                FancyArrowPatch(
                    (7.5, 2.5),
                    (2.6, 5.4),
                    arrowstyle="-|>",
                    mutation_scale=14,
                    linewidth=2.2,
                    connectionstyle="arc3,rad=-0.25",
                    shrinkA=2,
                    shrinkB=2,
                    **GREEN,
                )
            )
        else:  # a cross over the unacceptable quadrant, a dashed box in the deal corner
            ax.add_artist(
                Line2D([5.6, 9.4, math.nan, 5.6, 9.4], [0.9, 4.4, math.nan, 4.4, 0.9], linewidth=2.2, **GREEN)
            )
            ax.add_artist(
                Rectangle(
                    (6.0, 6.0),
                    3.0,
                    3.0,
                    facecolor="none",
                    edgecolor=GREEN["color"],
                    linestyle="--",
                    linewidth=1.8,
                    zorder=3,
                )
            )
        ax.add_artist(
            Line2D(
                [self.grant],
                [self.accept],
                marker="o" if p.kind == "real" else "D",
                markersize=16,
                zorder=8,
                clip_on=False,
                **PROPOSAL_MARK,
            )
        )
        label(
            panel,
            (0.0, 0.74),
            FIT_HEAD[a.fits],
            weight="bold",
            ha="left",
            va="top",
            color=ink(FIT_COLOR[a.fits]),
        )
        if self.show_essay:
            panel.add_artist(_essay_mark((0.0, 0.255), 0.06, 0.05))
            placement = proposals.essay_placement()
            text = f"hatched: the essay's one placement ({placement['paragraph']}), {placement['name']}"
            label(panel, (0.08, 0.28), textwrap.fill(text, PANEL_WRAP - 5), size="note", ha="left")


def describe_plane(picture: Plane) -> str:
    """The plane in words, from the same placement and assessment it draws."""
    p, a = picture.proposal, picture.assessment
    text = (
        "A square plane: left to right, your score for whether NATO and the EU could grant the "
        "proposal without jeopardising their own stability; bottom to top, your score for "
        "whether Russia could accept it. Dashed lines at 5 divide it into the essay's words, "
        "named outside the plane: impossible (top left), a deal that is neither impossible nor "
        "unacceptable (top right), both impossible and unacceptable (bottom left), unacceptable "
        f"(bottom right). '{p.name}' ({p.kind}) is at ({picture.grant:g}, {picture.accept:g}): "
        f"{proposals.QUADRANT_TEXT[a.quadrant]}"
        + ("; that quadrant is shaded. " if a.quadrant in QUADRANT_SPAN else ". ")
    )
    if picture.show_essay:
        placement = proposals.essay_placement()
        text += (
            f"A hatched box in the impossible quadrant marks the essay's only placement, "
            f"{placement['name']} ({placement['paragraph']}). "
        )
    if a.reading == "strategy":
        text += (
            "A green arrow from the unacceptable quadrant to the impossible one shows the "
            "first reading: a deliberate choice of a proposal whose refusal is expected. "
        )
    else:
        text += (
            "A green cross over the unacceptable quadrant and a dashed box in the deal "
            "quadrant show the second reading: the impossible is the only consistent "
            "option left. "
        )
    verdict = {True: "fits", False: "does not fit", None: "says nothing decisive about"}[a.fits]
    text += f"The panel on the right says this reading {verdict} your scores: {a.why}."
    return text
