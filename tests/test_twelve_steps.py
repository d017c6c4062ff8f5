"""The Twelve Steps card, the Ukrainian voices and the "Since then" box: sourced, no stubs."""

from __future__ import annotations

from helpers.text import twelve_steps as T


def test_ukrainian_voices_are_sourced_op_eds_from_kyiv():
    voices = T.ukrainian_voices()
    assert len(voices) >= 2
    for v in voices:
        assert v["perspective"] == "Ukrainian" and v["url"].startswith("https://")
        assert v["source"].strip() and v["accessed"].strip()
    text = T.ukrainian_voices_markdown()
    assert all(v["url"] in text and v["title"] in text for v in voices)
    assert "extremist" not in text


def test_since_then_is_dated_and_in_order():
    events = T.since_then()
    dates = [e["date"] for e in events]
    assert dates == sorted(dates) and set(T.SHARED_EVENTS) <= set(dates)
