"""Render tests for helpers.figures.voting: every control combination draws, says what it shows."""

from fractions import Fraction

import pytest
from matplotlib.figure import Figure

from helpers.explorers import widgets
from helpers.figures import style as plots
from helpers.figures import voting as vp
from helpers.models import voting


@pytest.mark.parametrize(
    ("controls", "render"),
    [
        (vp.rule_controls, vp.rules_view),
        (vp.monopoly_controls, vp.monopoly_view),
        (vp.council_controls, vp.council_view),
    ],
    ids=["rules", "monopoly", "council"],
)
def test_every_control_combination_renders(controls, render):
    combos = widgets.combinations(controls())
    assert len(combos) >= 6
    for values in combos:
        view = widgets.View.coerce(render(**values))
        assert isinstance(view.fig, Figure)
        assert len(view.description) > 80
        assert plots.smallest_font(view.fig) >= plots.MIN_FONT_PT


def test_rules_description_carries_the_reference_values():
    text = vp.rules_view("unsc_1965", "shapley_shubik").description
    assert "421/2145" in text and "4/2145" in text
    eu = vp.rules_view("eu_qmv", "banzhaf").description
    assert "Germany 0.120" in eu and "Malta 0.0173" in eu
    nato = vp.rules_view("nato", "shapley_shubik")
    assert "1/32" in nato.description and "Turkey" in nato.description
    assert "Turkey is a member" in nato.text


def test_turkey_has_power_in_nato_and_none_in_the_eu():
    assert "1/32" in vp.turkey_line("nato", "banzhaf")
    eu = vp.turkey_line("eu_qmv", "shapley_shubik")
    assert "not a member" in eu and "1999" in eu and "Power 0" in eu
    assert "not a permanent member" in vp.turkey_line("unsc_1965", "banzhaf")


def test_monopoly_table():
    rows = dict((r, (s, e)) for r, s, e in vp.monopoly_table("shapley_shubik", 5))
    assert rows["unsc_1965"] == (5 * Fraction(421, 2145), Fraction(5, 15))
    assert rows["nato"] == (Fraction(5, 32), Fraction(5, 32))
    assert rows["eu_qmv"][0] > rows["eu_qmv"][1]  # the five largest hold more than 5/27


def test_council_summary_shows_the_two_indices_disagree():
    old = vp.council_summary(11, 5, "charter")
    new = vp.council_summary(15, 5, "charter")
    assert old["elected_power"]["shapley_shubik"] == Fraction(1, 462)
    assert new["elected_power"]["shapley_shubik"] == Fraction(4, 2145)
    assert new["elected_power"]["banzhaf"] > old["elected_power"]["banzhaf"]
    assert vp.council_summary(15, 0, "majority")["permanent_power"] is None
    assert vp.council_quota(15, "two_thirds") == 10 and vp.council_quota(11, "majority") == 6
    assert "105.2 elected seats" in vp.council_text(15, 5, "charter")


def test_accession_waits_from_sourced_dates():
    waits = {who.split(" (")[0]: (end - start).days for who, start, end in vp.accession_waits()}
    assert waits["Turkey"] == 615 and waits["Hungary"] == 649
    fig, description = vp.accession_figure()
    assert "649 days" in description and plots.smallest_font(fig) >= plots.MIN_FONT_PT


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: vp.rules_view("un_general_assembly", "banzhaf"), "valid rules"),
        (lambda: vp.rules_view("nato", "penrose"), "valid indices"),
        (lambda: vp.council_quota(15, "supermajority"), "valid quotas"),
        (lambda: vp.council_view(13, 5, "charter"), "valid sizes: 11, 15"),
        (lambda: vp.council_view(15, 16, "charter"), "between 0 and 15"),
        (lambda: vp.monopoly_view("banzhaf", 0), "between 1 and"),
    ],
)
def test_bad_input_is_refused_with_the_valid_choices(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_rules_shown_are_the_rules_in_the_data():
    assert list(vp.rule_options().values()) == list(voting.RULE_IDS)


def test_quizzes_have_the_computed_answers():
    q = vp.enlargement_quiz()
    assert q.answer == "fell by Shapley-Shubik, rose by Banzhaf"
    assert "1/462" in q.explanation and "4/2145" in q.explanation and "21/1270" in q.explanation
    q.choice.value = q.answer
    assert q.check() is True
    t = vp.turkey_quiz()
    assert t.answer == "NATO consensus" and "1/32" in t.explanation
    t.choice.value = "EU qualified majority"
    assert t.check() is False


def test_sourced_notes():
    assert "1964" in vp.fact_markdown("first_nuclear_tests")
    assert "Source:" in vp.fact_markdown("abstention_not_veto")
    box = vp.since_then_markdown()
    assert "7 March 2024" in box and "September 2022:" in box
    assert "1/32" in vp.turkey_markdown() and "candidate since 1999" in vp.turkey_markdown()
    with pytest.raises(ValueError, match="valid facts"):
        vp.fact_markdown("unknown")


@pytest.mark.parametrize(
    ("render", "first", "other"),
    [
        (vp.rules_view, ("eu_qmv", "banzhaf"), ("eu_qmv", "shapley_shubik")),
        (vp.rules_view, ("unsc_1965", "shapley_shubik"), ("nato", "banzhaf")),
        (vp.monopoly_view, ("banzhaf", 3), ("shapley_shubik", 10)),
        (vp.council_view, (11, 5, "charter"), (15, 0, "all")),
    ],
)
def test_redrawing_in_place_depends_only_on_the_arguments(render, first, other):
    """Figures are reused and updated in place; the picture must not remember earlier calls."""
    before = plots.to_png(render(*first).fig)
    plots.to_png(render(*other).fig)
    assert plots.to_png(render(*first).fig) == before


def test_council_change_from_1945_is_printed_and_drawn():
    changes = vp.change_from_1945(15, 5, "charter")
    old, new = changes[("elected_power", "shapley_shubik")]
    assert (old, new) == (Fraction(1, 462), Fraction(4, 2145))
    old_b, new_b = changes[("elected_power", "banzhaf")]
    assert old_b < new_b  # the Banzhaf value rises while Shapley-Shubik falls
    view = vp.council_view(15, 5, "charter")
    assert "0.0022 to 0.0019 (-14%)" in view.text and "0.0159 to 0.0165 (+4%)" in view.text
    assert "Dashed outlines" in view.description
    panel = vp._CANVASES["council"]["panels"][1]
    assert panel["ghosts"][0].get_height() == pytest.approx(1 / 462)
    assert "(1945: 0.0022)" in panel["labels"][0].get_label()
    assert "1945 text itself" in vp.council_view(11, 5, "charter").description
    assert ("permanent_power", "banzhaf") not in vp.change_from_1945(15, 0, "all")


def test_art27_fact_and_turkey_status_come_from_the_data():
    note = vp.fact_markdown("art27_chapter_vi")
    assert "in decisions under Chapter VI, and under paragraph 3 of Article 52" in note
    assert "Source:" in note
    assert "since 1952" in vp.turkey_line("nato", "banzhaf")


def test_voting_data_cites_no_design_notes_or_copies():
    from helpers.sources import facts

    for name in ("voting_rules.toml", "eu_population_2025.csv", "nato_sweden_accession.csv"):
        text = facts._read(name)
        for bad in ("DESIGN.md", "wikisource"):
            assert bad not in text, f"{name} cites {bad}"


def test_value_axis_prints_what_matplotlib_would():
    """Tick labels drawn as glyph paths: the formatter's own strings at the locator's places."""
    vp.rules_view("nato", "banzhaf")
    drawn = [c.get_label() for c in vp._CANVASES["rules:nato"]["value_axis"]]
    assert drawn == ["0.00", "0.01", "0.02", "0.03", "0.04", "0.05", "Banzhaf (normalized) power"]
    vp.council_view(15, 5, "charter")
    permanent, elected = (p["value_axis"] for p in vp._CANVASES["council"]["panels"])
    assert permanent[-1].get_label() == "power (share of the total)"
    assert all(c.get_label() != "power (share of the total)" for c in elected)
