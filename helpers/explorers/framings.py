"""Notebook 02 (collective or international): the framing explorer, its key and side text, its quizzes.

:func:`render` computes the framing (and the scholarly lens, if one is chosen) once per change and
derives the picture, its description, the key and the side text from those same records.
"""

from __future__ import annotations

import html

from helpers.explorers import quiz, widgets
from helpers.explorers.widgets import View
from helpers.figures import framings as figures
from helpers.figures.engine import Picture
from helpers.models import framings
from helpers.sources import facts
from helpers.sources.essay import quote
from helpers.text import framings as framings_text

FRAMING_OPTIONS = {"collective security": "collective", "international security": "international"}
LENS_OPTIONS: dict[str, str] = {
    "(the essay's words only)": "essay",
    "collective defence": "collective_defence",
    "security community": "security_community",
    "collective security (Claude's sense)": "collective_security_claude",
    "concert of great powers": "concert",
    "international society": "international_society",
}
CONTROLS = (
    widgets.toggle("framing", "Framing:", FRAMING_OPTIONS),
    widgets.dropdown("perspective", "Seen from:", {p.label: key for key, p in framings.PERSPECTIVES.items()}),
    widgets.dropdown("lens", "What scholars call it:", LENS_OPTIONS),
)

_SYMBOL = {"*": "★", "o": "●", "^": "▲", "D": "◆", "s": "■", "p": "⬟"}
_BORDER = {"-": "solid", "--": "dashed", ":": "dotted", "-.": "dashed"}
QUOTE_STYLE = "border-left:4px solid #0072B2;padding-left:0.6em;margin-left:0"


def html_key(framing: framings.Framing) -> str:
    """The figure's key as HTML: marker symbols, line samples and the numbered issues."""
    items = []
    for role in framings.ROLES:
        if any(n.role == role for n in framing.nodes):
            style = figures.ROLE_STYLE[role]
            items.append(
                f'<span style="color:{style["color"]};font-size:1.25em">{_SYMBOL[style["marker"]]}'
                f"</span> {html.escape(style['legend'])}"
            )
    lines = [
        (figures.EDGE_STYLE[k]["color"], figures.EDGE_STYLE[k]["ls"], figures.EDGE_STYLE[k]["legend"])
        for k in framings.EDGE_KINDS
        if any(e.kind == k for e in framing.edges)
    ]
    for g in framing.groups:
        style = figures.GROUP_STYLE.get(g.style, figures.GROUP_STYLE["referent"])
        lines.append((style["color"], style["ls"], g.name))
    for color, ls, text in lines:
        items.append(
            f'<span style="display:inline-block;width:2.2em;vertical-align:middle;'
            f'border-top:3px {_BORDER[ls]} {color}"></span> {html.escape(text)}'
        )
    numbers = figures.edge_numbers(framing)
    issues = "".join(f"<li value='{n}'>{html.escape(label)}</li>" for label, n in numbers.items())
    out = f'<div style="font-size:0.95em">{"<br>".join(items)}</div>'
    if issues:
        out += f'<p style="margin-bottom:0"><b>Numbered issues</b></p><ol style="margin-top:0">{issues}</ol>'
    return out


def key_html(*panels: framings.Framing) -> str:
    """The collapsible key beside the picture: one block per panel."""
    if len(panels) == 1:
        body = html_key(panels[0])
    else:
        body = f"<b>Left panel</b><br>{html_key(panels[0])}<b>Right panel</b><br>{html_key(panels[1])}"
    return f"<details open><summary><b>Key</b></summary>{body}</details>"


def quote_html(pid: str, text: str) -> str:
    """A verbatim quotation from the essay as an HTML blockquote with its paragraph id."""
    return f'<blockquote style="{QUOTE_STYLE}">{html.escape(quote(pid, text))} <i>({pid})</i></blockquote>'


def side_text(main: framings.Framing, other: framings.Framing | None = None, lens: str = "essay") -> str:
    """The short HTML beside the figure: who is secured, against whom, cooperation, the quote."""
    rows = [
        ("Who is secured", main.secured),
        ("Against whom", main.against),
        ("What cooperation means", main.cooperation),
        ("Seen from here", main.perspective.view),
    ]
    out = "".join(f"<p><b>{k}:</b> {html.escape(v)}</p>" for k, v in rows)
    if facts.actor(main.perspective.actor).kind == "state":
        out += f'<p style="font-size:0.9em">{html.escape(framings_text.status(main.perspective.actor))}</p>'
    if main.quote:
        out += quote_html(*main.quote)
    if other is not None:
        term = framings.scholarly_terms()[lens]
        closest = {
            "collective": "the essay's collective framing",
            "international": "the essay's international framing",
        }[term["closest"]]
        out += (
            f"<hr><p><b>{html.escape(figures.first_upper(term['name']))}</b> "
            f"({html.escape(term['who'])}): {html.escape(term['idea'])}</p><p><b>Closest to:</b> "
            f"{closest}. <b>Where it differs:</b> {html.escape(term['differs'])}</p>"
        )
    return f'<div style="font-size:1.0em;line-height:1.4">{out}</div>'


def picture(
    framing: str, perspective: str = "brussels", lens: str = "essay", legend: bool = False
) -> tuple[Picture, str]:
    """The picture of a framing (beside a lens) and its description, for a static figure."""
    main = framings.frame(framing, perspective)
    other = None if lens == "essay" else framings.lens(lens, perspective)
    return figures.framing_picture(main, other, legend), _describe(main, other)


def _describe(main: framings.Framing, other: framings.Framing | None) -> str:
    if other is None:
        return figures.describe(main)
    return f"Left panel: {figures.describe(main)} Right panel: {figures.describe(other)}"


def render(framing: str, perspective: str, lens: str) -> View:
    """The render function of notebook 02's explorer (the key is HTML beside the picture)."""
    main = framings.frame(framing, perspective)
    other = None if lens == "essay" else framings.lens(lens, perspective)
    panels = (main,) if other is None else (main, other)
    return View(
        figures.framing_picture(main, other),
        _describe(main, other),
        key_html(*panels) + side_text(main, other, lens),
    )


def explorer() -> widgets.Explorer:
    """The framing explorer as notebook 02 shows it."""
    return widgets.Explorer(controls=CONTROLS, render=render)


def ankara() -> tuple[Picture, str]:
    """The static figure of 02's Turkey section: the international framing seen from Ankara, with its key."""
    return picture("international", "ankara", legend=True)


# Statements to sort by the framing in which they make sense (ours; quotes are marked as such).
SORTING: dict[str, str] = {
    "NATO enlargement strengthens European security.": "collective framing",
    "Russia and NATO states can agree rules on military incidents while disagreeing on almost "
    "everything else.": "international framing",
    "It is hard to imagine any state in its right mind caring about the security of a community "
    "it does not belong to.": "collective framing",
    "Turkey and Russia can cooperate on Black Sea grain exports while their interests clash "
    "elsewhere: states deal with each other issue by issue.": "international framing",
    "The security of the Euro-Atlantic community depends on progress on a particular issue.": (
        "collective framing"
    ),
    "Countries work together while holding different values and serving different interests.": (
        "international framing"
    ),
}
SORTING_EXPLANATIONS: dict[str, str] = {
    "NATO enlargement strengthens European security.": (
        "It treats European security as the security of the group, which grows by adding members."
    ),
    "Russia and NATO states can agree rules on military incidents while disagreeing on almost "
    "everything else.": ("Cooperation on one issue between states that do not share interests: P8."),
    "It is hard to imagine any state in its right mind caring about the security of a community "
    "it does not belong to.": (
        'A paraphrase of P2, which hedges it ("it is difficult to imagine that..."); it only makes '
        "sense if security is a group's security."
    ),
    "Turkey and Russia can cooperate on Black Sea grain exports while their interests clash "
    "elsewhere: states deal with each other issue by issue.": (
        "Issue-by-issue dealings across the line, whatever the states' other interests: P8."
    ),
    "The security of the Euro-Atlantic community depends on progress on a particular issue.": (
        "A paraphrase of P1: the referent is the community."
    ),
    "Countries work together while holding different values and serving different interests.": (
        "A paraphrase of P8's definition of international security."
    ),
}


def sorting_quiz() -> quiz.Classify:
    """Sort statements by the framing in which they make sense."""
    return quiz.classify(
        "In which framing does each statement make sense?",
        SORTING,
        categories=["collective framing", "international framing"],
        explanations=SORTING_EXPLANATIONS,
    )


def claude_quiz() -> quiz.MultipleChoice:
    """Who threatens Poland under collective security in Claude's sense (the lens seen from Warsaw)."""
    outsiders = " and ".join(facts.actor(i).name for i in framings.ESSAY_NAMED_OUTSIDERS)
    answer = "Any member of the system that breaks the peace, Poland's allies included"
    return quiz.multiple_choice(
        "Under collective security in the textbook sense (Claude 1962), who threatens Poland?",
        [f"Only {outsiders}", "Any state outside NATO and the EU", answer, "No one"],
        answer=answer,
        explanation=(
            "In Claude's sense collective security is universal: all members pledge to act "
            "against any member that breaks the peace, whoever it is. The threat can come "
            "from inside. That is almost the opposite of the essay's 'collective security', "
            "which secures a bounded group against outsiders."
        ),
    )


EXPLORERS = {"framing": (CONTROLS, render)}
FIGURES = {"ankara": ankara}
