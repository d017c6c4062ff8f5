"""The nuclear leveller: saturation, the wide range, the limited-war switch, bad input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models import leveller as lv

WARHEADS = {"Russia": 5459, "United States": 5177, "France": 290, "United Kingdom": 225}


def test_damage_hand_computed_and_saturates():
    assert lv.damage(50, 100) == pytest.approx(0.5)
    assert lv.damage(100, 100) == 1.0
    assert lv.damage(5459, 100) == 1.0
    assert lv.damage(0, 100) == 0.0


def test_cost_saturation_limit():
    # Past the threshold more warheads add no cost: conventional + nuclear exactly.
    for w in (200, 1_000, 10**6, 10**12):
        assert lv.war_cost(w, 200, conventional=0.1, nuclear=1.0) == pytest.approx(1.1)
    assert lv.war_cost(100, 200, conventional=0.1, nuclear=1.0) == pytest.approx(0.6)


@given(st.floats(0, 1e6), st.floats(0, 1e6), st.floats(1, 1e4))
def test_cost_never_falls_as_arsenal_grows(w1, w2, threshold):
    lo, hi = sorted((w1, w2))
    assert lv.war_cost(lo, threshold) <= lv.war_cost(hi, threshold)
    assert lv.war_cost(hi, threshold) <= 0.1 + 1.0


def test_europe_is_a_choice():
    assert lv.europe_arsenal("France + UK", WARHEADS) == 515
    assert lv.europe_arsenal("France + UK + US (extended deterrence)", WARHEADS) == 5692
    with pytest.raises(ValueError, match="France \\+ UK"):
        lv.europe_arsenal("EU", WARHEADS)


@pytest.mark.parametrize("p", [0.0, 0.2, 0.5, 0.8, 1.0])
def test_mutual_unacceptable_damage_makes_every_split_acceptable(p):
    s = lv.standoff("France + UK", WARHEADS, kept=1.0, threshold=100)
    assert s.mutual_unacceptable_damage
    assert s.cost_russia == pytest.approx(1.1) and s.cost_europe == pytest.approx(1.1)
    assert s.range_at(p) == (0.0, 1.0)


def test_cut_by_ninety_percent_hand_computed():
    # kept 0.1: Russia 545.9, France + UK 51.5. Threshold 100: Europe's damage 0.515.
    s = lv.standoff("France + UK", WARHEADS, kept=0.1, threshold=100)
    assert s.russia_warheads == pytest.approx(545.9)
    assert s.europe_warheads == pytest.approx(51.5)
    assert s.cost_russia == pytest.approx(0.1 + 0.515)
    assert s.cost_europe == pytest.approx(1.1)
    assert not s.mutual_unacceptable_damage
    assert s.range_at(0.5) == pytest.approx((0.0, 1.0))
    assert s.range_at(0.9) == pytest.approx((0.285, 1.0))


def test_limited_war_has_only_conventional_costs():
    s = lv.standoff("France + UK", WARHEADS, kept=1.0, threshold=100, limited=True)
    assert s.cost_russia == s.cost_europe == pytest.approx(0.1)
    assert s.range_at(0.5) == pytest.approx((0.4, 0.6))
    assert not s.mutual_unacceptable_damage


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: lv.damage(-1, 100), ">= 0"),
        (lambda: lv.damage(10, 0), "positive"),
        (lambda: lv.war_cost(10, 100, conventional=-0.1), ">= 0"),
        (lambda: lv.standoff("France + UK", WARHEADS, kept=1.5), r"\[0, 1\]"),
        (lambda: lv.standoff("Europe", WARHEADS), "choose one of"),
    ],
)
def test_bad_input_raises(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_warheads_file_matches_the_fact_sheet():
    warheads = lv.load_warheads()
    assert warheads["Russia"] == 5459 and warheads["United States"] == 5177
    assert warheads["France"] == 290 and warheads["United Kingdom"] == 225
    assert sum(warheads.values()) == 12241  # SIPRI's world total for January 2025


def test_warheads_are_labelled_estimates():
    from helpers.sources import facts

    rows = facts.load_csv("warheads_2025.csv")
    assert {r["status"] for r in rows} == {"estimate"}
    assert all("SIPRI" in r["source"] for r in rows)


# ---------------------------------------------------------------- the widget's render function


def test_render_every_control_combination():
    from helpers.explorers import motives as pm
    from helpers.explorers.widgets import combinations

    combos = combinations(pm.LEVELLER_CONTROLS)
    assert len(combos) == 2 * 3 * len(pm.THRESHOLDS) * 2
    for values in combos:
        view = pm.render_leveller(**values)
        assert view.fig is not None and "estimates" in view.text


def test_render_cut_by_ninety_percent():
    from helpers.explorers import motives as pm

    full = pm.render_leveller("France + UK", 100, 100, False)
    cut = pm.render_leveller("France + UK", 10, 100, False)
    assert "every split beats war" in full.description
    assert "every split beats war" not in cut.description  # "Europe" falls below 100
    assert "Russia holds about 546" in cut.description
    limited = pm.render_leveller("France + UK", 100, 100, True)
    assert "from 0.40 to 0.60" in limited.description


def test_since_then_box_is_sourced():
    from helpers.sources import facts
    from helpers.text import since_then

    box = since_then.markdown()
    assert "24 February 2022" in box and "c. 2020" in box
    events = facts.load_toml("since_then.toml")["event"]
    assert all(e["source"].strip() and e["accessed"].strip() for e in events)


def test_warheads_cite_sipri_itself():
    from helpers.sources import facts

    rows = facts.load_csv("warheads_2025.csv")
    assert all("16 June 2025" in r["source"] and "livemint" not in r["source"] for r in rows)


def test_might_table_questions_comparable_might_with_the_data():
    from helpers.text import motives as tm

    table = tm.might_markdown()
    w = lv.load_warheads()
    assert f"| Russia | | {w['Russia']:,} | 1.0 |" in table
    fr_uk = w["France"] + w["United Kingdom"]
    assert f"| {fr_uk:,} | {w['Russia'] / fr_uk:.1f} |" in table  # about a tenth: 10.6
    assert f"{fr_uk + w['United States']:,}" in table


def test_since_then_box_prints_each_source_inline():
    from helpers.sources import facts
    from helpers.text import since_then

    box = since_then.markdown()
    for event in facts.load_toml("since_then.toml")["event"]:
        assert f"{event['text']} *Source:* {event['source']}" in box
    assert "visive.ai" not in box


def test_leveller_axis_says_log_scale():
    from helpers.explorers import motives as pm
    from helpers.figures import engine

    view = pm.render_leveller("France + UK", 100, 100, False)
    fig = engine.figure(view.fig)
    assert "log scale" in fig.axes[0].get_xlabel() and "log scale" in view.description


def test_leveller_fast_path_depends_only_on_its_arguments():
    """The static layer is cached; nothing of an earlier setting may stay in the picture."""
    from helpers.explorers import motives as pm
    from helpers.figures import engine

    first = ("France + UK", 50, 100, False)
    before = engine.png(pm.render_leveller(*first).fig)
    engine.png(pm.render_leveller("France + UK + US (extended deterrence)", 10, 10, True).fig)
    assert engine.png(pm.render_leveller(*first).fig) == before


def test_quizzes_state_the_model_numbers():
    """06's quizzes: 'about 546', 'about 52', '1.1 to about 0.6', '0.1' all come from the model."""
    from helpers.explorers import motives as pm
    from tests import prose_numbers

    q = pm.cut_quiz()
    full, cut = (pm.standoff("France + UK", kept, 100, False) for kept in (100, 10))
    assert round(cut.russia_warheads) == 546 and round(cut.europe_warheads) == 52
    claims = {
        "Both sides keep only {kept} of their arsenals": {"kept": 0.10},
        "Russia keeps about {n} warheads (still past {t})": {"n": cut.russia_warheads, "t": 100},
        "France + UK keep about {n}, which can inflict only {share} of": {
            "n": cut.europe_warheads,
            "share": cut.europe_warheads / 100,
        },
        "falls from {full} to about {cut}, so the lower edge p - {edge} rises": {
            "full": full.cost_russia,
            "cut": cut.cost_russia,
            "edge": cut.cost_russia,
        },
    }
    assert prose_numbers.mismatches(f"{q.question} {q.explanation}", claims) == []
    limited = pm.limited_quiz().explanation
    assert prose_numbers.mismatches(limited, {"conventional cost ({c})": {"c": pm.CONVENTIONAL}}) == []
    with pytest.raises(ValueError, match="premise"):
        pm.cut_quiz(europe="France + UK + US (extended deterrence)")


def test_notebook_poses_the_cut_question_without_answering_it():
    """Student reading item 7: 06's prose before the quizzes poses the questions, it does not
    print the quiz's numbers."""
    import json

    from tests.conftest import ROOT

    nb = json.loads((ROOT / "notebooks" / "06_motives_and_the_leveller.ipynb").read_text(encoding="utf-8"))
    markdown = " ".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    for answer in ("546", "about 52", "1.1 to about 0.6", "p - 0.1 to p + 0.1"):
        assert answer not in markdown
    assert "What a 90% cut does is the first quiz below" in " ".join(markdown.split())
