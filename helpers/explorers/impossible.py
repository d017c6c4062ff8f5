"""Notebook 07's explorers: the OSCE sentences kept or dropped, and the impossible / unacceptable
plane; their controls as data, their render functions, and the notebook's quizzes.

Each render function computes the model once (the verdicts for the kept sentences; the
placement, its quadrant and what the chosen reading of P10 implies for it) and derives the
picture, the description and the side text from that one result. Every number or status a quiz
states is computed from the models.
"""

from __future__ import annotations

import html

from helpers.explorers import quiz, widgets
from helpers.figures import impossible as figures
from helpers.models import osce, proposals
from helpers.text import impossible as text

# --- 1. keep or drop a sentence -----------------------------------------------------------------

#: The widget starts with the four "choice" sentences kept, so adding 5 or 6 is the experiment.
DEFAULT_KEPT = ("equal_right", "free_to_choose", "neutrality", "respect_rights")


def _sentence_label(position: int, sid: str) -> str:
    if sid == osce.ASTANA_ID:
        return "Astana 2010: inseparably linked"
    return f"{position}. {osce.sentences()[sid].short}"


COMMITMENT_CONTROLS = [
    widgets.checkbox(sid, _sentence_label(i + 1, sid), default=sid in DEFAULT_KEPT)
    for i, sid in enumerate(osce.SENTENCE_IDS)
]


def render_commitments(**kept_flags: bool) -> widgets.View:
    """One check box per sentence id: the cards, the two cases' verdicts, the paragraph as read."""
    osce.check_ids(kept_flags)
    kept = tuple(sid for sid in osce.SENTENCE_IDS if kept_flags.get(sid, False))
    verdicts = tuple(osce.verdict(case, kept) for case in osce.CASES)
    picture = figures.Commitments(kept, verdicts)
    return widgets.View(picture, figures.describe_commitments(kept, verdicts), text.paragraph_html(kept))


# --- 2. the plane ---------------------------------------------------------------------------------


def _proposal_label(p: proposals.Proposal) -> str:
    return p.name + (" (hypothetical)" if p.kind == "hypothetical" else "")


PLANE_CONTROLS = [
    widgets.dropdown(
        "proposal_id",
        "Proposal",
        {_proposal_label(p): p.id for p in proposals.proposals().values()},
        default="est_2009",
    ),
    widgets.slider("grant", "Collective can grant it (0-10)", 0, 10, 1, 5),
    widgets.slider("accept", "Russia can accept it (0-10)", 0, 10, 1, 5),
    widgets.toggle(
        "reading",
        "Reading of P10",
        {v["label"]: k for k, v in proposals.READINGS.items()},
        default="strategy",
    ),
    widgets.checkbox("show_essay", "Show the essay's one placement", default=False),
]

FIT_WORDS = {True: "fits your scores", False: "does not fit your scores", None: "says nothing decisive here"}


def render_plane(
    proposal_id: str, grant: float, accept: float, reading: str, show_essay: bool
) -> widgets.View:
    """The student's placement, the chosen reading's verdict on it, and the essay's placement."""
    p = proposals.proposal(proposal_id)
    assessment = proposals.assess(proposal_id, grant, accept, reading)
    gist = proposals.reading(reading)
    picture = figures.Plane(p, grant, accept, assessment, bool(show_essay))
    kind = "real proposal" if p.kind == "real" else "hypothetical teaching example"
    placed = proposals.QUADRANT_TEXT[assessment.quadrant]
    side = (
        f"<p><b>{html.escape(p.name)}</b> ({kind}{', after the essay' if p.after_essay else ''})"
        f"<br>{html.escape(p.who)}; {html.escape(p.when)}</p>"
        f"<p>{html.escape(p.description)}</p>"
        f"<p><b>Your placement:</b> {html.escape(placed)}</p>"
        f"<p><b>Reading - {html.escape(gist['label'])}:</b> "
        f"{html.escape(proposals.reading_gist(reading, proposal_id))}</p>"
        f"<p><b>This reading {FIT_WORDS[assessment.fits]}:</b> {html.escape(assessment.why)}.</p>"
    )
    return widgets.View(picture, figures.describe_plane(picture), side)


# --- checks for understanding -----------------------------------------------------------------------


def sentence_quiz() -> quiz.MultipleChoice:
    """What sentence 5 alone gives enlargement; the answer and explanation follow from the model."""
    only = "not_at_expense"
    table = osce.sentences()
    five = table[only]
    v = osce.verdict("enlargement", [only])
    protecting = [sid for sid in osce.SENTENCE_IDS if osce.PROTECTS in osce.READING[sid]["enlargement"]]
    dropped = ", ".join(str(table[s].position) for s in protecting if s != osce.ASTANA_ID)
    grounds = (
        "; ".join(f"sentence {table[sid].position} {osce.GROUND_LABELS[kind]}" for sid, kind in v.grounds)
        or "no kept sentence bears on it"
    )
    options = [osce.STATUS_TEXT[s] for s in ("protected", "objectionable", "contested", "silent")]
    return quiz.multiple_choice(
        f"Keep only sentence {five.position} ({five.short}). What does the figure say about enlargement?",
        options,
        answer=v.summary,
        explanation=f"With sentences {dropped} dropped, nothing protects the choice to join, and "
        f"{grounds}. Whether the objection is right is another question.",
    )


def placement_quiz() -> quiz.MultipleChoice:
    """Where the essay itself places Russia's calls (P10): the answer is the data's placement."""
    placement = proposals.essay_placement()
    return quiz.multiple_choice(
        f"Where does the essay itself place {placement['name']}?",
        ["impossible", "unacceptable", "both", "neither"],
        answer=placement["quadrant"],
        explanation=f"{placement['paragraph']}: Russia seeks an alternative to the order European "
        "countries can offer without placing their collective's stability in jeopardy; this "
        "'forces Russia to propose the impossible rather than the unacceptable'. Every other "
        "placement on the plane is yours, not the essay's.",
    )


#: What the picture checks draw (tests/pictures.py): every explorer of the notebook.
EXPLORERS = {
    "commitments": (COMMITMENT_CONTROLS, render_commitments),
    "plane": (PLANE_CONTROLS, render_plane),
}
