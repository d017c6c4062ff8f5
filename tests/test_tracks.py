"""Tracks of diplomacy: sourced terms, the nine tracks, the quiz data, errors."""

from __future__ import annotations

import pytest

from helpers.models import tracks as T
from helpers.sources.facts import load_toml


def test_terms_and_tracks_are_sourced():
    data = load_toml(T.DATA)
    for table in ("term", "multi_track"):
        for record in data[table]:
            assert "http" in record["source"]
    assert "Montville" in T.terms()["montville"]


def test_multi_track_numbers_come_from_mcdonald_himself():
    tracks = {t.name: t.number for t in T.multi_tracks()}
    assert len(tracks) == 9
    assert tracks["business"] == "3" and tracks["private citizens"] == "4"
    assert tracks["government"] == "1" and tracks["media"] == "9"
    assert sorted(tracks.values(), key=int) == [str(n) for n in range(1, 10)]
    for record in load_toml(T.DATA)["multi_track"]:
        assert "beyondintractability.org/essay/multi-track_diplomacy" in record["source"]
        assert "DESIGN" not in record["source"]


def test_quiz_items_use_the_three_common_tracks_and_explain_themselves():
    items = T.quiz_items()
    assert set(items.values()) == set(T.COMMON_TRACKS)
    assert set(T.quiz_explanations()) == set(items)


def test_translation_between_schemes_names_existing_tracks():
    assert T.translate("Track I") == ("government",)
    assert "business" in T.translate("Track III")


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: T.translate("Track IV"), "valid tracks are Track I, Track II, Track III"),
        (lambda: T.check_scheme("ten_tracks"), "valid schemes are essay, multi_track"),
    ],
)
def test_bad_input_raises_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_tracks_widget_renders_every_combination():
    from matplotlib.text import Text

    from helpers.explorers import tactical as F
    from helpers.explorers.widgets import View, combinations
    from helpers.figures import engine
    from helpers.figures.style import MIN_FONT_PT

    seen = set()
    for values in combinations(F.TRACK_CONTROLS):
        view = View.coerce(F.render_tracks(**values))
        texts = [t for t in engine.figure(view.fig).findobj(Text) if t.get_text()]
        assert min(t.get_fontsize() for t in texts) >= MIN_FONT_PT
        assert engine.png(view.fig).startswith(b"\x89PNG")
        seen.add(view.description)
    assert len(seen) == 4
    assert "Track 3 is business" in F.render_tracks("multi_track", False).description


def test_twelve_steps_card_is_sourced_and_lists_no_steps():
    from helpers.text import twelve_steps

    doc = twelve_steps.document()
    assert doc["convenors"] == [
        "Des Browne",
        "Wolfgang Ischinger",
        "Igor Ivanov",
        "Ernest J. Moniz",
        "Sam Nunn",
    ]
    assert (doc["signatories"], doc["countries"]) == (46, 13)
    nti = twelve_steps.nti_statement()
    assert nti["date"] == "2020-02-22" and "nti.org" in nti["source"]
    assert "not a “peace plan”" in nti["not_a_peace_plan"]
    assert "extremist website in Ukraine" in nti["contested"]
    card = twelve_steps.document_markdown()
    assert "Step 1" not in card and "1." not in card
    events = twelve_steps.since_then()
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)
    assert all(e["source"].strip() and e["accessed"] for e in events)
    box = twelve_steps.since_then_markdown()
    # The General Assembly's vote of 2 March 2022 is told once, inside the invasion item, and
    # every item prints its source.
    assert box.count("141") == 1 and "2 March 2022" in box
    assert box.count("*Source:*") == len(events)
