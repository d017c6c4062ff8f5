"""Picture checks for notebooks 04, 05 and 06: over every control combination the explorers
drive, every text is real Text of at least 10 pt, inside the figure, and no two texts overlap.

(The engine's shared picture-check registry will run these explorers too once it exists; these
checks keep 04-06 honest until then and cover the static accession timeline.)
"""

from __future__ import annotations

import itertools

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.explorers import bargaining, motives, voting
from helpers.explorers.widgets import combinations
from helpers.figures import engine

EXPLORERS = {
    "04 bargaining": (bargaining.CONTROLS, bargaining.render_bargaining, 5),  # 324
    "05 rules": (voting.RULES_CONTROLS, voting.render_rules, 1),
    "05 monopoly": (voting.MONOPOLY_CONTROLS, voting.render_monopoly, 1),
    "05 council": (voting.COUNCIL_CONTROLS, voting.render_council, 1),
    "06 motives": (motives.MOTIVE_CONTROLS, motives.render_motives, 29),  # 729
    "06 leveller": (motives.LEVELLER_CONTROLS, motives.render_leveller, 1),
    "06 jervis": (motives.JERVIS_CONTROLS, motives.render_jervis, 1),
}
TOLERANCE = 1.0  # pixels


def text_problems(picture) -> list[str]:
    """Every visible text of a fresh figure: >= 10 pt, inside the figure, overlapping no other."""
    fig = engine.figure(picture)
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    hidden = set()  # tick labels of ticks outside the view: matplotlib keeps but does not draw them
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            for tick in axis.get_major_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    hidden.update({id(tick.label1), id(tick.label2)})
    texts = [
        t
        for t in fig.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_fontsize"))
        if t.get_visible() and t.get_text().strip() and id(t) not in hidden
    ]
    problems = []
    boxes = []
    page = fig.bbox
    for t in texts:
        if t.get_fontsize() < 10:
            problems.append(f"{t.get_text()!r} is {t.get_fontsize()} pt")
        box = t.get_window_extent(renderer)
        if (
            box.x0 < page.x0 - TOLERANCE
            or box.y0 < page.y0 - TOLERANCE
            or box.x1 > page.x1 + TOLERANCE
            or box.y1 > page.y1 + TOLERANCE
        ):
            problems.append(f"{t.get_text()!r} leaves the figure")
        boxes.append((t.get_text(), box.expanded(1, 1).padded(-TOLERANCE)))
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        if box_a.overlaps(box_b):
            problems.append(f"{a!r} overlaps {b!r}")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("name", list(EXPLORERS))
def test_every_combination_has_readable_separate_text(name):
    controls, render, every = EXPLORERS[name]

    combos = combinations(controls)
    problems = {}
    for values in combos[::every]:
        found = text_problems(render(**values).fig)
        if found:
            problems[str(values)] = found
    assert not problems, "\n".join(f"{k}: {v}" for k, v in list(problems.items())[:5])


def test_static_accession_timeline_has_readable_separate_text():
    assert not text_problems(voting.accession_view().fig)


def test_the_checks_can_fail():
    """A planted overlap and a planted small label are caught."""
    from dataclasses import dataclass

    from helpers.figures import text as tx

    @dataclass(frozen=True)
    class Broken(engine.Picture):
        size = (4.0, 3.0)

        def title(self):
            return "broken"

        def draw_static(self, fig):
            ax = fig.add_axes((0.1, 0.1, 0.8, 0.8))
            tx.label(ax, (0.5, 0.5), "one label", coords="axes")
            tx.label(ax, (0.52, 0.5), "another label", coords="axes")
            ax.text(1.5, 0.5, "tiny and outside", fontsize=6, transform=ax.transAxes)
            return ax

    found = " ".join(text_problems(Broken()))
    assert "overlaps" in found and "6" in found and "leaves the figure" in found
