"""The feasibility / acceptability plane: sourced proposals, quadrants, readings, errors."""

from __future__ import annotations

import html
import re

import pytest

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
    from matplotlib.text import Text

    from helpers.explorers import impossible as E
    from helpers.explorers.widgets import View, combinations
    from helpers.figures import engine
    from helpers.figures.style import MIN_FONT_PT

    combos = combinations(E.PLANE_CONTROLS)
    assert len(combos) == len(P.proposals()) * 3 * 3 * 2 * 2
    for index, values in enumerate(combos):
        view = View.coerce(E.render_plane(**values))
        where = P.quadrant(values["grant"], values["accept"])
        assert P.QUADRANT_TEXT[where] in view.description
        assert html.escape(P.proposal(values["proposal_id"]).name) in view.text
        gist = P.reading_gist(values["reading"], values["proposal_id"])
        assert html.escape(gist) in view.text
        if index % 7 == 0:  # drawing is the slow part: draw a spread of combinations
            texts = [t for t in engine.figure(view.fig).findobj(Text) if t.get_text()]
            assert min(t.get_fontsize() for t in texts) >= MIN_FONT_PT
            words = [t.get_text() for t in texts]
            assert f"Reading: {P.reading(values['reading'])['label']}" in words


def test_proposers_are_read_from_the_records():
    assert P.proposer("est_2009") == "Russia"
    assert P.proposer("russia_nato_draft_2021") == "Russia"
    assert P.proposer("open_door") == "the collective"
    assert P.proposer("hotlines") == "hypothetical"
    assert {P.proposer(pid) for pid in P.proposals()} <= set(P.PROPOSERS)


def test_the_strategy_reading_fits_the_proposal_it_is_read_against():
    # Student reading, item 4: "Russia knows the proposal will be refused" must not be said of
    # NATO's open door.
    assert "Russia knows the proposal will be refused" in P.reading_gist("strategy", "est_2009")
    for pid in P.proposals():
        if P.proposer(pid) != "Russia":
            for name in P.READINGS:
                gist = P.reading_gist(name, pid)
                assert "Russia knows the proposal will be refused" not in gist
                assert gist != P.reading(name)["gist"]


@pytest.mark.parametrize(
    "pid, grant, accept, reading, fits",
    [
        ("est_2009", 2, 8, "strategy", True),  # not grantable: refusal expected
        ("est_2009", 8, 8, "strategy", False),  # grantable: no refusal to count on
        ("est_2009", 5, 8, "strategy", None),  # on the line
        ("open_door", 8, 2, "strategy", True),  # unacceptable to Russia
        ("open_door", 8, 8, "strategy", False),
        ("twelve_steps_2020", 8, 8, "strategy", None),  # the reading says nothing of it
        ("est_2009", 2, 8, "only_option", True),  # impossible corner
        ("est_2009", 8, 2, "only_option", False),
        ("open_door", 8, 2, "only_option", True),  # unacceptable corner
        ("hotlines", 8, 8, "only_option", False),  # the deal corner is empty on this reading
        ("hotlines", 2, 2, "only_option", True),
    ],
)
def test_each_reading_is_checked_against_the_scores(pid, grant, accept, reading, fits):
    a = P.assess(pid, grant, accept, reading)
    assert a.fits is fits and a.why
    assert a.quadrant == P.quadrant(grant, accept)


def test_the_plane_shows_what_the_student_did_not_set():
    # Issue 15 item 5: the same two scores give different verdicts for different proposals and
    # readings, and the verdict is drawn on the picture, not only echoed in the side text.
    from matplotlib.text import Text

    from helpers.explorers import impossible as E
    from helpers.figures import engine

    verdicts = {
        E.render_plane(pid, 8, 8, reading, False).description
        for pid in ("est_2009", "open_door", "hotlines")
        for reading in P.READINGS
    }
    assert len(verdicts) >= 4
    view = E.render_plane("est_2009", 8, 8, "strategy", False)
    words = [t.get_text() for t in engine.figure(view.fig).findobj(Text)]
    assert "Against your scores: it does not fit" in words


def test_placement_quiz_answer_is_the_data_placement():
    from helpers.explorers import impossible as E

    q = E.placement_quiz()
    assert q.answer == P.essay_placement()["quadrant"]
    assert P.essay_placement()["name"] in q.question
