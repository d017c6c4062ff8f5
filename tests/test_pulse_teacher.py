"""The teacher's side of the class pulse: the guide's "Run a pulse" section and the live-page link."""

from __future__ import annotations

import pytest

from helpers.sources import facts, predictions
from helpers.tools import guide, links
from tests.conftest import ROOT


def test_the_guide_runs_a_pulse_in_six_steps_and_lists_every_question():
    text = (ROOT / "docs" / "instructor_guide.md").read_text(encoding="utf-8")
    section = text.split("## Run a pulse", 1)[1].split("\n## ", 1)[0]
    positions = [section.index(f"**{step}.**") for step in guide.PULSE_STEPS]
    assert positions == sorted(positions)
    for p in predictions.all_predictions().values():
        assert f"(`{p.id}`)" in section


def test_the_pulse_steps_must_come_in_order():
    data = dict(facts.load_toml("instructor.toml"))
    pulse = dict(data["pulse"])
    pulse["steps"] = [pulse["steps"][1], pulse["steps"][0], *pulse["steps"][2:]]
    with pytest.raises(ValueError, match="Open, Wait, Reveal, Discuss, Flip, Re-ask in order"):
        guide.pulse_section({**data, "pulse": pulse})


def test_links_print_the_teachers_live_page(capsys):
    assert links.pulse_link("https://hub.example.edu/jhub/") == "https://hub.example.edu/jhub/services/pulse/"
    assert links.pulse_link("https://hub.example.edu", "class-pulse").endswith("/services/class-pulse/")
    with pytest.raises(ValueError, match="service name"):
        links.pulse_link("https://hub.example.edu", "../hub")
    assert links.main(["--hub", "https://hub.example.edu"]) == 0
    assert (
        "live page (hub group 'instructors'): https://hub.example.edu/services/pulse/"
        in capsys.readouterr().out
    )
    assert links.main(["--hub", "https://hub.example.edu", "--markdown"]) == 0
    out = capsys.readouterr()
    assert "services/pulse" not in out.out and "services/pulse" in out.err  # not on the students' page
