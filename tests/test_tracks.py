"""Tracks of diplomacy: sourced terms, the nine tracks, the quiz data, errors."""

from __future__ import annotations

import pytest

from helpers import tracks as T
from helpers.facts import load_toml


def test_terms_and_tracks_are_sourced():
    data = load_toml(T.DATA)
    for table in ("term", "multi_track"):
        for record in data[table]:
            assert "http" in record["source"]
    assert "Montville" in T.terms()["montville"]


def test_multi_track_numbers_only_where_sourced():
    tracks = {t.name: t.number for t in T.multi_tracks()}
    assert len(tracks) == 9
    assert tracks["business"] == "3" and tracks["private citizens"] == "4"
    assert tracks["government"] == "1"
    assert sum(1 for n in tracks.values() if n) == 4


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
