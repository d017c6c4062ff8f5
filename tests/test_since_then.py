"""The one "Since then" renderer (helpers.text.since_then): every box prints an event the same way."""

from __future__ import annotations

import pytest

from helpers.models import voting
from helpers.sources import facts
from helpers.text import since_then, twelve_steps
from helpers.text import voting as voting_text

SHARED = facts.load_toml("since_then.toml")["event"]


def test_every_item_has_its_date_in_words_its_text_and_its_source_with_access_date():
    box = since_then.markdown()
    assert box.startswith(since_then.INTRO + "\n\n")
    items = box.split("\n\n", 1)[1].split("\n")
    assert len(items) == len(SHARED)
    for line, event in zip(items, sorted(SHARED, key=lambda e: e["date"]), strict=True):
        assert line == (
            f"- **{since_then.when(event)}**: {event['text']} *Source:* {event['source']} "
            f"(accessed {event['accessed']})"
        )


def test_dates_in_words_to_the_day_or_the_month():
    assert since_then.when({"date": "2022-02-24"}) == "24 February 2022"
    assert since_then.when({"date": "2022-09-30", "precision": "month"}) == "September 2022"
    with pytest.raises(ValueError, match="valid precisions are day, month"):
        since_then.when({"date": "2022-09-30", "precision": "year"})


def test_chosen_dates_extra_records_and_order():
    extra = {"date": "2021-01-01", "text": "earlier", "source": "s", "accessed": "2026-01-01"}
    events = since_then.events(("2024-03-07", "2022-02-24"), extra=[extra])
    assert [e["date"] for e in events] == ["2021-01-01", "2022-02-24", "2024-03-07"]
    assert since_then.events(()) == []
    with pytest.raises(ValueError, match="dated events are 2022-02-24"):
        since_then.events(("1999-01-01",))


def test_intro_and_outro_are_optional():
    box = since_then.markdown(("2022-02-24",), intro="")
    assert box.startswith("- **24 February 2022**: ") and "\n" not in box
    assert since_then.markdown(("2022-02-24",), outro="After.").endswith("\n\nAfter.")


def test_the_notebooks_boxes_go_through_the_one_renderer():
    # 07/08: the Twelve Steps' own events with the shared ones; 05: Sweden's accession steps.
    assert twelve_steps.since_then_markdown() == since_then.markdown(
        twelve_steps.SHARED_EVENTS, extra=facts.load_toml(twelve_steps.DATA)["since_then"]
    )
    box = voting_text.since_then_markdown()
    steps = voting.sweden_accession_events()
    assert box.count("\n- **") == len(steps) and box.count("*Source:*") == len(steps)
    assert "the chart below" in box.rsplit("\n", 1)[1]
