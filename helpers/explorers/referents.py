"""Notebook 03 (whose security): the referent explorer, its side text and its quizzes.

:func:`render` analyses the referent once per change and derives the picture, its description
and the side text from that analysis and the same base framing.
"""

from __future__ import annotations

import html

from helpers.explorers import quiz, widgets
from helpers.explorers.framings import FRAMING_OPTIONS, key_html, quote_html
from helpers.explorers.widgets import View
from helpers.figures.referents import describe, referent_picture
from helpers.models import framings, referents
from helpers.models.referents import REFERENTS
from helpers.sources.essay import quote

CONTROLS = (
    widgets.dropdown("referent", "Whose security:", {label: key for key, label in REFERENTS.items()}),
    widgets.toggle("framing", "Framing:", FRAMING_OPTIONS),
    widgets.checkbox("no_culprit", "Add a threat with no culprit (global warming, P2)"),
)


def side_text(result: referents.Analysis, no_culprit: bool = False) -> str:
    """The HTML beside the picture: secured or not, threats, parties, the verdict and its quotation."""
    parties = html.escape(referents.names(result.parties)) if result.parties else "none"
    out = (
        f"<p><b>Secured?</b> {'yes' if result.has_place else 'no place in this framing'}</p>"
        f"<p><b>Threats, as the framing sees them:</b> {html.escape(referents.threat_text(result))}</p>"
        f"<p><b>{html.escape(referents.parties_label(result))} (sourced cases):</b> {parties}</p>"
        f"<p>{html.escape(result.verdict)}</p>" + quote_html(*result.quote)
    )
    if no_culprit:
        out += (
            "<p><b>A threat with no culprit.</b> "
            + html.escape(quote("P2", "You can hardly view global warming"))
            + " <i>(P2)</i> Neither framing has an arrow for it: the collective framing needs "
            "an outsider, the international one a state on the other side.</p>"
        )
    return f'<div style="line-height:1.4">{out}</div>'


def render(referent: str, framing: str, no_culprit: bool) -> View:
    """The render function of notebook 03's explorer (the key is HTML beside the picture)."""
    result = referents.analyse(referent, framing)
    base = framings.frame(framing, referents.perspective_of(referent))
    return View(
        referent_picture(result, base, no_culprit),
        describe(result, no_culprit),
        key_html(base) + side_text(result, no_culprit),
    )


def explorer() -> widgets.Explorer:
    """The referent explorer as notebook 03 shows it."""
    return widgets.Explorer(controls=CONTROLS, render=render)


def ukraine_quiz() -> quiz.MultipleChoice:
    """Where is Ukraine in the essay's collective framing? (The analysis must agree: no place.)"""
    answer = "Outside, as 'a particular issue' on which the collective's security depends - not a referent"
    return quiz.multiple_choice(
        "In the essay's collective framing, where is Ukraine?",
        [
            "Inside the collective, as a member it secures",
            "Outside, as a threat to the collective",
            answer,
            "A recognised party to the conflict",
        ],
        answer=answer,
        explanation=(
            "P1 speaks of the security of the 'Euro-Atlantic community' depending on progress "
            "on 'a particular issue (say, the Ukrainian crisis)'. The essay does not place "
            "Ukraine itself; the answer is our reading: in that framing Ukraine is an object "
            "of others' security, not a subject with security of its own."
        ),
    )


def both_quiz() -> quiz.MultipleChoice:
    """Which referent has no place in both framings? The answer and explanation come from :func:`analyse`."""
    asked = ("UKR", "NATO", "system")
    none = "none of them: each has a place in one"
    homeless = [
        REFERENTS[r] for r in asked if not any(referents.analyse(r, f).has_place for f in framings.FRAMINGS)
    ]
    collective_only = [
        REFERENTS[r]
        for r in ("UKR", "RUS", "system")
        if not referents.analyse(r, "collective").has_place
        and referents.analyse(r, "international").has_place
    ]
    dissolves = not referents.analyse("NATO", "international").has_place
    return quiz.multiple_choice(
        "Which referent has no place in BOTH framings as the essay draws them?",
        [REFERENTS[r] for r in asked] + [none],
        answer=homeless[0] if homeless else none,
        explanation=(
            f"{_join(collective_only)} have no place in the collective framing but are "
            "referents in the international one; NATO is the collective framing's referent"
            + (" but dissolves into its member states in the international one." if dissolves else ".")
        ),
    )


def _join(names: list[str]) -> str:
    text = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)
    return text[:1].upper() + text[1:]


EXPLORERS = {"referent": (CONTROLS, render)}
