"""The Twelve Steps card, the Ukrainian voices and the "Since then" box: sourced, no stubs."""

from __future__ import annotations

import pytest

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


def test_contents_say_why_the_steps_are_not_listed_and_attribute_the_critics():
    rec = T.contents()
    text = T.contents_markdown()
    assert rec["groups"] == ["security", "humanitarian", "economic", "political"]
    assert f"“{rec['groups_quote']}”" in text
    if not rec["steps_listed"]:
        assert "not listed" in text and "\n1. " not in text
    for step in T.criticised_steps():
        assert f"Step {step['step']}: {step['what']}" in text and step["critic"] in text
    assert "russiancouncil.ru" in text


def test_a_partial_list_of_steps_is_refused(monkeypatch):
    data = {"contents": [dict(T.contents(), steps_listed=True, steps=["one", "two"])]}
    monkeypatch.setattr(T, "load_toml", lambda name: data)
    with pytest.raises(ValueError, match="2 steps are given, not 12"):
        T.contents()


def test_signatories_name_no_one_and_say_where_the_count_comes_from():
    rec = T.signatories()
    text = T.signatories_markdown()
    assert (rec["count"], rec["countries"]) == (46, 13)
    assert "Kyiv Post" in text and "three Ukrainians" in text and not rec["list_read"]
