"""Other views, both ways: sourced records, every notebook 01-08 served, checks that can fail."""

from __future__ import annotations

import pytest

from helpers.sources import facts
from helpers.text import views as V


def test_every_notebook_has_a_view_and_every_view_is_shown():
    shown = set()
    for nb in V.NOTEBOOKS:
        chosen = V.views(nb)
        assert chosen, f"notebook {nb} has no other view"
        shown |= {v["id"] for v in chosen}
    assert shown == {v["id"] for v in V.views()}


def test_both_ways_the_issue_asks_for():
    stances = [v["stance"] for v in V.views()]
    assert stances.count("diagnosis") >= 2  # voices that share part of the essay's diagnosis
    assert "russian" in stances and "convenors" in stances and "ukraine" in stances
    russian = [v for v in V.views() if v["stance"] == "russian"]
    assert all("Bordachev" not in v["author"] for v in russian)


def test_records_are_sourced_and_summaries_are_labelled_ours():
    for v in V.views():
        assert v["url"].startswith("https://") and v["url"] in v["source"] + v.get("read_via", "")
        assert v["accessed"] in {"2026-12-02", "2026-12-03"}  # the days the views were read
        text = V.view_markdown(v)
        assert "**Our summary:**" in text and "(our reading)" in text and v["url"] in text
        if v.get("read_via"):
            assert v["read_via"] in text  # a copy or a report is said so, beside the link


def test_grouped_under_stance_headings_in_order():
    text = V.views_markdown("08")
    assert text.index("**Another Russian voice**") < text.index("**The Twelve Steps' own convenors**")
    assert "other_views.toml" in text


def test_bad_input_names_the_valid_choices():
    with pytest.raises(ValueError, match="valid: 01, 02"):
        V.views("09")


def test_a_bad_record_is_refused(monkeypatch):
    good = facts.load_toml(V.DATA)
    bad = {"view": [dict(good["view"][0], stance="neutral")]}
    monkeypatch.setattr(V.facts, "load_toml", lambda name: bad)
    V._load.cache_clear()
    try:
        with pytest.raises(ValueError, match="valid stances: diagnosis, cause, russian"):
            V.views()
        bad["view"][0] = dict(good["view"][0], url="http://example.org/x")
        V._load.cache_clear()
        with pytest.raises(ValueError, match="must be https"):
            V.views()
        bad["view"][0] = {k: v for k, v in good["view"][0].items() if k != "overlap"}
        V._load.cache_clear()
        with pytest.raises(ValueError, match="lacks overlap"):
            V.views()
    finally:
        V._load.cache_clear()


def test_sources_list_only_this_notebooks_views_whole():
    text = V.sources_markdown("06")
    ids = [v["id"] for v in V.views("06")]
    assert text.count("\n") == len(ids) - 1
    for v in V.views("06"):
        assert f"({v['id']}): {v['source']}" in text
    assert "sarotte_2021" not in text


def _markdown(notebook_file: str) -> str:
    import json

    from tests.conftest import ROOT

    nb = json.loads((ROOT / "notebooks" / notebook_file).read_text(encoding="utf-8"))
    return " ".join(
        " ".join("".join(c["source"]).split()) for c in nb["cells"] if c["cell_type"] == "markdown"
    )


def test_08_names_its_scholars_and_shows_their_sourced_records():
    """Review row 19: 08's 'Are concepts the cause?' names authors whose records 08 shows."""
    prose = _markdown("08_tactical_risks_strategic_limits.ipynb")
    assert "critics would say" not in prose  # the unattributed 'Realist critics would say...' is gone
    shown = {v["id"]: v for v in V.views("08")}
    for name, view_id in (("Mearsheimer (2014)", "mearsheimer_2014"), ("McFaul (2020)", "mcfaul_2020")):
        assert name in prose, name
        assert view_id in shown and name.split(" ")[0] in shown[view_id]["author"]
        assert shown[view_id]["source"] in V.sources_markdown("08")  # listed under 08's Sources
    assert "*On our reading*, if either is right" in prose  # the conclusion is labelled as ours
