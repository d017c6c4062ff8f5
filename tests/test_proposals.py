"""The feasibility / acceptability plane: sourced proposals, quadrants, readings, errors."""

from __future__ import annotations

import html
import re

import pytest

from helpers.figures import glyph_text
from helpers.models import proposals as P
from helpers.sources.essay import quote


def test_every_proposal_is_sourced_or_labelled_hypothetical():
    table = P.proposals()
    assert len(table) >= 6
    for p in table.values():
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", p.accessed)
        if p.kind == "real":
            assert "http" in p.source, p.id
        else:
            assert p.kind == "hypothetical" and "hypothetical" in p.source, p.id
    assert table["est_2009"].kind == "real" and "2009" in table["est_2009"].when
    assert table["russia_nato_draft_2021"].after_essay


def test_essay_places_one_thing_and_its_quotes_are_verbatim():
    placement = P.essay_placement()
    assert placement["quadrant"] == "impossible" and placement["paragraph"] == "P10"
    for start in placement["quote_starts"]:
        assert quote("P10", start)
    for reading in P.READINGS.values():
        for start in reading["quote_starts"]:
            assert quote("P10", start)


@pytest.mark.parametrize(
    "grant, accept, expected",
    [
        (0, 10, "impossible"),
        (10, 0, "unacceptable"),
        (0, 0, "both"),
        (10, 10, "neither"),
        (2.5, 9, "impossible"),
        (5, 9, "on the line"),
        (9, 5, "on the line"),
        (5.5, 4.5, "unacceptable"),
    ],
)
def test_quadrants_use_the_essays_words(grant, accept, expected):
    assert P.quadrant(grant, accept) == expected


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: P.proposal("marshall_plan"), "valid proposals are est_2009"),
        (lambda: P.reading("cynical"), "valid readings are strategy, only_option"),
        (lambda: P.quadrant(11, 3), "grant score must be a number from 0 to 10"),
        (lambda: P.quadrant(3, -1), "accept score must be a number from 0 to 10"),
        (lambda: P.quadrant("high", 3), "grant score must be a number"),
    ],
)
def test_bad_input_raises_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_plane_widget_renders_every_combination():
    from helpers.explorers.widgets import View, combinations
    from helpers.figures import impossible as F
    from helpers.figures.style import MIN_FONT_PT, to_png

    combos = combinations(F.PLANE_CONTROLS)
    assert len(combos) == len(P.proposals()) * 3 * 3 * 2 * 2
    for index, values in enumerate(combos):
        view = View.coerce(F.render_plane(**values))
        if index % 7 == 0:  # drawing is the slow part: draw a spread of combinations
            assert glyph_text.smallest_size(view.fig) >= MIN_FONT_PT
            assert to_png(view.fig, dpi=40).startswith(b"\x89PNG")
        where = P.quadrant(values["grant"], values["accept"])
        assert P.QUADRANT_TEXT[where] in view.description
        assert html.escape(P.proposal(values["proposal_id"]).name) in view.text
        assert f"Reading: {P.reading(values['reading'])['label']}" in glyph_text.words(view.fig)
