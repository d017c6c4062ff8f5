"""Figures for notebook 07: OSCE sentences kept or dropped, and the impossible / unacceptable plane.

Each figure function returns ``(fig, description)``; each ``render_*`` function is the pure
render function of one widget (keyword arguments in, :class:`helpers.explorers.widgets.View` out).
"""

from __future__ import annotations

import html
import textwrap

from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle

from helpers.explorers import widgets
from helpers.figures import glyph_text
from helpers.figures import style as plots
from helpers.figures.style import GREY, PALETTE, house_style, new_figure
from helpers.models import osce, proposals

# A light grey that survives the 256-colour PNG of helpers.figures.style.to_png (#F2F2F2 does not).
SHADE = "#E8E8E8"
KIND_STYLE = {
    osce.PROTECTS: {"color": PALETTE["blue"], "linestyle": "-", "sign": "+"},
    osce.OBJECTS: {"color": PALETTE["vermillion"], "linestyle": "--", "sign": "−"},
    osce.FRAMES: {"color": GREY, "linestyle": ":", "sign": "·"},
}
SHORT_CASE = {"enlargement": "A state joins NATO\n(the Allies agree)",
              "neutrality": "A state stays neutral"}
#: Lines of different kinds leave a card at slightly different heights, so none hides another.
CARD_OFFSET = {osce.PROTECTS: 0.018, osce.OBJECTS: -0.018, osce.FRAMES: 0.0}
#: How much of a case box's edge (axes units, box height 0.24) the arrowheads spread over.
LAND_SPREAD = 0.19
SHORT_GROUND = {
    osce.PROTECTS: "protects the choice",
    osce.OBJECTS: "ground to object",
    osce.FRAMES: "frames only",
}
STATUS_COLOR = {
    "protected": PALETTE["blue"],
    "objectionable": PALETTE["vermillion"],
    "contested": PALETTE["reddish purple"],
    "silent": GREY,
}


def _check_kept(kept) -> tuple[str, ...]:
    kept = tuple(kept)
    for sid in kept:
        if sid not in osce.SENTENCE_IDS:
            raise ValueError(f"unknown sentence {sid!r}; valid sentences are {', '.join(osce.SENTENCE_IDS)}")
    return kept


def _commitments_canvas():
    """The parts of the sentence figure that never change: axes, title, key and footnote."""
    fig = new_figure(11.0, 6.4, layout=None)
    ax = fig.add_axes((0.01, 0.04, 0.98, 0.88))
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    ax.set_axis_off()
    glyph_text.label(ax, "Kept sentences, and what follows", (0.5, 1.01), size=14, weight="bold",
                     offset=(0, 3))
    # A hand-drawn key (bottom right): three short lines and labels draw faster than a Legend.
    for row, kind in enumerate(KIND_STYLE):
        style, key_y = KIND_STYLE[kind], 0.074 - 0.037 * row
        ax.add_line(Line2D((0.811, 0.839), (key_y, key_y), color=style["color"],
                           linestyle=style["linestyle"], linewidth=1.8, clip_on=False))
        glyph_text.label(ax, f"{style['sign']} {SHORT_GROUND[kind]}", (0.848, key_y), size=10, ha="left",
               va="center")
    if any(not s.verbatim_full for s in osce.sentences().values()):
        glyph_text.label(ax, "* wording only partly verified", (0.01, -0.02), size=10, color=GREY, ha="left",
               va="top")
    return fig


@house_style
def commitments_figure(kept) -> tuple:
    """Sentence cards on the left (kept or dropped), lines to the two cases, each case's status."""
    kept = _check_kept(kept)
    table = osce.sentences()
    fig = glyph_text.at_house_dpi(plots.reusable_figure("commitments", _commitments_canvas))
    ax = fig.axes[0]

    n = len(osce.SENTENCE_IDS)
    card_y = {sid: 0.93 - i * (0.86 / (n - 1)) for i, sid in enumerate(osce.SENTENCE_IDS)}
    case_y = {"enlargement": 0.70, "neutrality": 0.25}
    for sid in osce.SENTENCE_IDS:
        s = table[sid]
        on = sid in kept
        y = card_y[sid]
        label = f"{s.position}. {s.short}" if sid != osce.ASTANA_ID else f"Astana: {s.short}"
        if not s.verbatim_full:
            label += " *"
        # "(dropped)" opens the second line: on the first it runs past the longest cards' edge.
        second = ["(dropped)"] if not on else []
        sides = osce.sides_quoting(sid)
        if sides:
            second.append("quoted by: " + " and ".join(sides))
        if second:
            label += "\n" + " · ".join(second)
        # add_artist, not add_patch: the limits are fixed, so skip the autoscaling walk.
        ax.add_artist(Rectangle(
            (0.01, y - 0.05), 0.45, 0.10, facecolor="white" if on else SHADE,
            edgecolor="black" if on else GREY, linestyle="-" if on else "--",
            linewidth=1.6 if on else 1.0,
        ))
        glyph_text.label(ax, label, (0.02, y), size=11, color="black" if on else GREY, ha="left",
               va="center")

    verdicts = {case: osce.verdict(case, kept) for case in osce.CASES}
    segments = {kind: ([], []) for kind in KIND_STYLE}
    for case, v in verdicts.items():
        y = case_y[case]
        color = STATUS_COLOR[v.status]
        ax.add_artist(Rectangle((0.72, y - 0.12), 0.27, 0.24, facecolor="white", edgecolor=color,
                                linewidth=2.5))
        glyph_text.label(ax, SHORT_CASE[case], (0.855, y + 0.06), size=11, va="center")
        glyph_text.label(ax, v.status.upper(), (0.855, y - 0.06), size=14, weight="bold", va="center",
               color=color)
        # Heads land spread down the box's edge, in the cards' top-to-bottom order (no crossings
        # at the box, no bunching into one point).
        grounds = sorted(v.grounds, key=lambda g: -card_y[g[0]] - CARD_OFFSET[g[1]])
        step = min(LAND_SPREAD / max(len(grounds) - 1, 1), 0.045)
        for i, (sid, kind) in enumerate(grounds):
            xs, ys = segments[kind]
            offset = ((len(grounds) - 1) / 2 - i) * step
            xs += [0.46, 0.715, float("nan")]
            ys += [card_y[sid] + CARD_OFFSET[kind], y + offset, float("nan")]
    for zorder, (kind, (xs, ys)) in enumerate(segments.items(), start=3):
        if not xs:
            continue
        style = KIND_STYLE[kind]
        ax.add_line(Line2D(xs, ys, color=style["color"], linestyle=style["linestyle"],
                           linewidth=1.8, zorder=zorder))
        ax.add_line(Line2D(xs[1::3], ys[1::3], linestyle="none", marker=">", markersize=7,
                           color=style["color"], zorder=zorder))
    return fig, _commitments_description(kept, verdicts)


def _commitments_description(kept, verdicts) -> str:
    table = osce.sentences()
    on = [table[s].short for s in osce.SENTENCE_IDS if s in kept]
    off = [table[s].short for s in osce.SENTENCE_IDS if s not in kept]
    parts = [
        "Seven commitment sentences are listed as cards on the left (six from Istanbul 1999 "
        "para. 8, one from Astana 2010 para. 3).",
        f"Kept: {', '.join(on) if on else 'none'}.",
        f"Dropped: {', '.join(off) if off else 'none'}.",
    ]
    for case, v in verdicts.items():
        grounds = "; ".join(
            f"{table[sid].short} ({osce.GROUND_LABELS[kind]})" for sid, kind in v.grounds
        ) or "no kept sentence bears on it"
        parts.append(f"Case '{osce.CASES[case]}': {v.summary}. Lines from: {grounds}.")
    return " ".join(parts)


#: The widget starts with the four "choice" sentences kept, so adding 5 or 6 is the experiment.
DEFAULT_KEPT = ("equal_right", "free_to_choose", "neutrality", "respect_rights")

COMMITMENT_CONTROLS = [
    widgets.checkbox(sid, ("Astana 2010: " if sid == osce.ASTANA_ID else f"{i + 1}. ")
                     + ("inseparably linked" if sid == osce.ASTANA_ID else short),
                     default=sid in DEFAULT_KEPT)
    for i, (sid, short) in enumerate(
        (s, osce.sentences()[s].short) for s in osce.SENTENCE_IDS
    )
]


def render_commitments(**kept_flags: bool) -> widgets.View:
    """Render function for the sentence toggles: one checkbox per sentence id."""
    unknown = set(kept_flags) - set(osce.SENTENCE_IDS)
    if unknown:
        raise ValueError(f"unknown sentence {sorted(unknown)[0]!r}; valid sentences are "
                         f"{', '.join(osce.SENTENCE_IDS)}")
    kept = [sid for sid in osce.SENTENCE_IDS if kept_flags.get(sid, False)]
    fig, description = commitments_figure(kept)
    return widgets.View(fig, description, osce.paragraph_html(kept))


# --- the plane -------------------------------------------------------------------------------

QUADRANT_CORNERS = {
    "impossible": (0.3, 9.6, "left", "top"),
    "neither": (9.7, 9.6, "right", "top"),
    "both": (0.3, 0.4, "left", "bottom"),
    "unacceptable": (9.7, 0.4, "right", "bottom"),
}
#: What each corner says on the plane: the deal corner is neither impossible nor unacceptable.
QUADRANT_LABELS = {
    "impossible": ("IMPOSSIBLE", ""),
    "neither": ("A DEAL", "(neither impossible\nnor unacceptable)"),
    "both": ("BOTH", "(impossible and\nunacceptable)"),
    "unacceptable": ("UNACCEPTABLE", ""),
}


def _plane_canvas():
    """The parts of the plane that never change: axes, scales, labels and the dividing lines."""
    fig = new_figure(9.0, 6.6, layout=None)
    ax = fig.add_axes((0.11, 0.14, 0.86, 0.80))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    ax.set_xticks((0, 5, 10))
    ax.set_yticks((0, 5, 10))
    glyph_text.axis_text(
        ax, "Can NATO / the EU grant it without putting their own stability in jeopardy?\n"
        "(0 = not at all, 10 = easily: your score)",
        "Can Russia accept it?\n(0 = not at all, 10 = easily: your score)")
    ax.axvline(proposals.THRESHOLD, color=GREY, linestyle="--", linewidth=1.2)
    ax.axhline(proposals.THRESHOLD, color=GREY, linestyle="--", linewidth=1.2)
    return fig


@house_style
def plane_figure(proposal_id: str, grant: float, accept: float, reading: str,
                 show_essay: bool) -> tuple:
    """The student's placement of one proposal, the essay's one placement, and one reading."""
    p = proposals.proposal(proposal_id)
    where = proposals.quadrant(grant, accept)
    gist = proposals.reading(reading)
    fig = glyph_text.at_house_dpi(plots.reusable_figure("plane", _plane_canvas))
    ax = fig.axes[0]
    for name, (x, y, ha, va) in QUADRANT_CORNERS.items():
        head, gloss = QUADRANT_LABELS[name]
        color = GREY if name != where else "black"
        glyph_text.label(ax, head, (x, y), size=13, weight="bold", ha=ha, va=va, color=color)
        if gloss:
            glyph_text.label(ax, gloss, (x, y - 0.65 if va == "top" else y + 0.65), size=10,
                             ha=ha, va=va, color=color)

    if show_essay:
        ax.add_artist(Rectangle((0.4, 5.6), 4.2, 2.6, facecolor="none",
                                edgecolor=PALETTE["orange"], hatch="//", linewidth=1.5))
        glyph_text.boxed(ax, "the essay's placement\n(P10): Russia's calls\nfor a European system",
                         (2.5, 6.9), size=10, pad=1.5)

    if reading == "strategy":
        ax.add_artist(FancyArrowPatch((7.5, 2.5), (2.6, 5.4), arrowstyle="-|>", mutation_scale=12,
                                      color=PALETTE["bluish green"], linewidth=2.2,
                                      connectionstyle="arc3,rad=-0.25", shrinkA=2, shrinkB=2))
        glyph_text.label(ax, "what the collective can offer:\nturned down, and instead a move\n"
                         "whose refusal is expected", (7.4, 2.0), size=10, va="top",
                         color=PALETTE["bluish green"])
    else:
        glyph_text.label(ax, "?", (7.5, 7.0), size=40, va="center", color=GREY)
        glyph_text.label(ax, "nothing found here\n(the essay's premise)", (7.5, 5.8), size=10,
                         va="center", color=GREY)
        ax.add_line(Line2D([5.6, 9.4, float("nan"), 5.6, 9.4], [0.9, 4.4, float("nan"), 4.4, 0.9],
                           color=PALETTE["bluish green"], linewidth=2))
        glyph_text.label(ax, "ruled out by Russia", (7.5, 4.7), size=10,
                         color=PALETTE["bluish green"])

    marker = "o" if p.kind == "real" else "D"
    ax.add_line(Line2D([grant], [accept], marker=marker, markersize=16, color=PALETTE["blue"],
                       markeredgecolor="black", linestyle="none", zorder=8))
    label = textwrap.fill(p.name + (" (hypothetical)" if p.kind == "hypothetical" else ""), 24)
    glyph_text.boxed(ax, label, (grant, accept), size=11, weight="bold",
                     ha="left" if grant <= 6 else "right", va="bottom" if accept <= 7 else "top",
                     offset=(12 if grant <= 6 else -12, 12), edgecolor=PALETTE["blue"], pad=2,
                     zorder=7)  # over the corner labels, under the marker
    glyph_text.label(ax, f"Reading: {gist['label']}", (0.5, 1.01), transform=ax.transAxes,
                     size=14, weight="bold", offset=(0, 3))
    description = (
        f"A square plane: left to right, your score for whether NATO and the EU could grant the "
        f"proposal without jeopardising their own stability; bottom to top, your score for whether "
        f"Russia could accept it. Dashed lines at 5 divide it into the essay's words: impossible "
        f"(top left), a deal that is neither impossible nor unacceptable (top right), both "
        f"impossible and unacceptable (bottom left), unacceptable (bottom right). "
        f"'{p.name}' ({p.kind}) is at ({grant:g}, {accept:g}): {proposals.QUADRANT_TEXT[where]}. "
    )
    if show_essay:
        description += ("A hatched box in the impossible quadrant marks the essay's only "
                        "placement, Russia's calls for a European international security system. ")
    if reading == "strategy":
        description += ("An arrow from the unacceptable quadrant to the impossible one shows the "
                        "first reading: a deliberate choice of a proposal whose refusal is expected.")
    else:
        description += ("A question mark in the 'deal' quadrant and a cross over the "
                        "'unacceptable' quadrant show the second reading: the impossible is the "
                        "only consistent option left.")
    return fig, description


PLANE_CONTROLS = [
    widgets.dropdown("proposal_id", "Proposal",
                     {p.name + (" (hypothetical)" if p.kind == "hypothetical" else ""): p.id
                      for p in proposals.proposals().values()}, default="est_2009"),
    widgets.slider("grant", "Collective can grant it (0-10)", 0, 10, 1, 5),
    widgets.slider("accept", "Russia can accept it (0-10)", 0, 10, 1, 5),
    widgets.toggle("reading", "Reading of P10",
                   {v["label"]: k for k, v in proposals.READINGS.items()}, default="strategy"),
    widgets.checkbox("show_essay", "Show the essay's one placement", default=False),
]


def render_plane(proposal_id: str, grant: float, accept: float, reading: str,
                 show_essay: bool) -> widgets.View:
    """Render function for the plane widget; the side text gives the proposal and the reading."""
    fig, description = plane_figure(proposal_id, grant, accept, reading, show_essay)
    p = proposals.proposal(proposal_id)
    gist = proposals.reading(reading)
    kind = "real proposal" if p.kind == "real" else "hypothetical teaching example"
    placed = proposals.QUADRANT_TEXT[proposals.quadrant(grant, accept)]
    side = (
        f"<p><b>{html.escape(p.name)}</b> ({kind}{', after the essay' if p.after_essay else ''})"
        f"<br>{html.escape(p.who)}; {html.escape(p.when)}</p>"
        f"<p>{html.escape(p.description)}</p>"
        f"<p><b>Your placement:</b> {html.escape(placed)}</p>"
        f"<p><b>Reading - {html.escape(gist['label'])}:</b> {html.escape(gist['gist'])}</p>"
    )
    return widgets.View(fig, description, side)


# --- checks for understanding --------------------------------------------------------------------

def sentence_quiz():
    """Multiple choice: what sentence 5 alone gives (the answer follows from :func:`osce.verdict`)."""
    from helpers.explorers import quiz

    options = [osce.STATUS_TEXT[s] for s in ("protected", "objectionable", "contested", "silent")]
    answer = osce.verdict("enlargement", ["not_at_expense"]).summary
    return quiz.multiple_choice(
        "Keep only sentence 5 (not at the expense of others' security). "
        "What does the figure say about enlargement?",
        options, answer=answer,
        explanation="With sentences 2 and 4 dropped nothing protects the choice to join; sentence 5 "
        "gives a neighbour a ground to object. Whether the objection is right is another question.",
    )


def placement_quiz():
    """Multiple choice: where the essay itself places Russia's calls (P10)."""
    from helpers.explorers import quiz

    return quiz.multiple_choice(
        "Where does the essay itself place Russia's calls for a European international security system?",
        ["impossible", "unacceptable", "both", "neither"],
        answer=proposals.essay_placement()["quadrant"],
        explanation="P10: Russia seeks an alternative to the order European countries can offer without "
        "placing their collective's stability in jeopardy; this 'forces Russia to propose the impossible "
        "rather than the unacceptable'. Every other placement on the plane is yours, not the essay's.",
    )
