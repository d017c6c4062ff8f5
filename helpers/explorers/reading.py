"""Notebook 01's explorers: the paragraph reader, the search box and the argument map; their
controls as data, their render functions, the "Which Europe?" figure and the notebook's quizzes.

The map's render function computes what stands once (:func:`helpers.models.argument_map.map_state`)
and derives the picture and the description from it; the map quiz's options, answer and
explanation are computed from the map, so they follow the data file.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from helpers.explorers import quiz, widgets
from helpers.figures import engine
from helpers.figures import reading as figures
from helpers.models import argument_map
from helpers.sources import essay
from helpers.text import reading as reader

# --- 1. the paragraph reader and 2. the search box ------------------------------------------------

READER_CONTROLS = [widgets.dropdown("pid", "Paragraph:", essay.paragraph_ids(), "P1")]
SEARCH_CONTROLS = [widgets.text("query", "Search the essay for:", "collective")]


def render_paragraph(pid: str) -> widgets.View:
    """No picture: the paragraph as HTML with glossary terms marked."""
    return widgets.View(None, reader.paragraph_description(pid), reader.paragraph_html(pid))


def render_search(query: str) -> widgets.View:
    """No picture: every matching sentence, or a clear note when nothing matches."""
    return widgets.View(None, reader.search_description(query), reader.search_html(query))


# --- 3. the argument map --------------------------------------------------------------------------

AMAP = argument_map.load()
NUCLEAR = "nuclear"  # the premise of the notebook's predict-then-flip moment

MAP_CONTROLS = [
    widgets.toggle(c.id, f"{c.label} ({', '.join(c.paragraphs)}):", {"accept": False, "reject": True}, False)
    for c in AMAP.claims.values()
    if c.rejectable
]


def render_map(**rejections: bool) -> widgets.View:
    """One accept / reject switch per rejectable premise (keyword = the premise's id)."""
    valid = {c.id for c in AMAP.rejectable()}
    unknown = set(rejections) - valid
    if unknown:
        raise ValueError(f"unknown premise(s) {sorted(unknown)}; valid: {sorted(valid)}")
    state = argument_map.map_state(AMAP, [cid for cid, on in rejections.items() if on])
    return widgets.View(figures.ArgumentMapPicture(state), figures.describe_map(state))


# --- 4. which Europe? -------------------------------------------------------------------------------


def europe_mentions() -> figures.EuropeMentions:
    """The dot chart's model: how often each name occurs in each paragraph."""
    names = tuple(reader.REFERENT_PATTERNS)
    pids = tuple(essay.paragraph_ids())
    counts = {(n, p): 0 for n in names for p in pids}
    for occ in reader.referent_occurrences():
        counts[(occ.label, occ.pid)] += 1
    return figures.EuropeMentions(names, pids, tuple(tuple(counts[(n, p)] for p in pids) for n in names))


def europe_figure() -> tuple[Figure, str]:
    """A fresh "Which Europe?" Figure and its description (for ``access.show``)."""
    picture = europe_mentions()
    return engine.figure(picture), figures.describe_europe_mentions(picture)


# --- checks for understanding -------------------------------------------------------------------


def referent_quiz() -> quiz.Classify:
    """Sort bracketed words by what they refer to in their sentence (our readings, from data)."""
    items, why = reader.referent_exercise()
    return quiz.classify(
        "What does the bracketed word refer to here?", items, reader.referent_categories(), why
    )


def _paragraphs(cids) -> str:
    pids = sorted({p for c in cids for p in AMAP[c].paragraphs}, key=lambda p: int(p[1:]))
    return ", ".join(pids)


def map_quiz() -> quiz.MultipleChoice:
    """Which conclusion falls when the nuclear premise is rejected: options, answer, explanation
    all computed from the map."""
    premise = AMAP[NUCLEAR]
    conclusions = AMAP.of_kind("conclusion")
    lost = AMAP.lost_conclusions([NUCLEAR])
    every = f"All {len(conclusions)}"
    if len(lost) == len(conclusions):
        answer = every
    elif len(lost) == 1:
        answer = AMAP[lost[0]].label
    else:
        raise ValueError(f"the map quiz expects one or all conclusions to fall; {lost} fall")
    others = [c.id for c in conclusions if c.id not in lost]
    under = sorted({p for c in others for p in AMAP.premises_under(c)})
    falls = ", ".join(f"'{AMAP[c].label}' ({', '.join(AMAP[c].paragraphs)})" for c in lost)
    spared = (
        "and the nuclear premise is not among them"
        if NUCLEAR not in under
        else "and each keeps a route of support without the nuclear premise"
    )
    return quiz.multiple_choice(
        f"In our map, which conclusion falls when you reject '{premise.label}'?",
        [c.label for c in conclusions] + [every],
        answer=answer,
        explanation=(
            f"Only {falls} rests on the premise '{premise.label}' "
            f"({', '.join(premise.paragraphs)}); the other {len(others)} conclusions rest on "
            f"premises drawn from {_paragraphs(under)}, {spared}."
        ),
    )


#: What the picture checks draw (tests/pictures.py): the map explorer and the static figure.
EXPLORERS = {"argument_map": (MAP_CONTROLS, render_map)}
FIGURES = {"europe_mentions": europe_mentions}
