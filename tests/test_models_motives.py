"""Hobbes's triad as weighted readings of moves: hand-computed values and bad input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models import motives as mv
from tests import prose_numbers

EQUAL = {"gain": 1, "prestige": 1, "security": 1}
SECURITY = {"gain": 0, "prestige": 0, "security": 1}


def test_normalise_scales_to_one():
    assert mv.normalise({"gain": 2, "prestige": 1, "security": 1}) == pytest.approx(
        {"gain": 0.5, "prestige": 0.25, "security": 0.25}
    )


def test_value_is_the_weighted_sum_hand_computed():
    effects = {"gain": 1, "prestige": -1, "security": -2}
    assert mv.value(effects, EQUAL) == pytest.approx(-2 / 3)
    assert mv.value(effects, SECURITY) == pytest.approx(-2.0)
    assert mv.value(effects, {"gain": 3, "prestige": 1, "security": 0}) == pytest.approx(0.5)


def test_same_move_read_differently():
    move = mv.Move(
        "enlarge", "", {"gain": 1, "prestige": 1, "security": 2}, {"gain": 0, "prestige": -1, "security": -2}
    )
    (reading,) = mv.read_moves([move], SECURITY, SECURITY)
    assert reading.mover_value == pytest.approx(2.0)
    assert reading.other_value == pytest.approx(-2.0)
    assert reading.gap == pytest.approx(4.0)


@pytest.mark.parametrize(
    "weights, message",
    [
        ({"gain": 0, "prestige": 0, "security": 0}, "positive"),
        ({"gain": -1, "prestige": 1, "security": 1}, ">= 0"),
        ({"gain": 1, "prestige": 1}, "missing"),
        ({"gain": 1, "prestige": 1, "security": 1, "glory": 1}, "unknown"),
        ({"gain": float("inf"), "prestige": 1, "security": 1}, "finite"),
    ],
)
def test_bad_weights_raise(weights, message):
    with pytest.raises(ValueError, match=message):
        mv.normalise(weights)


def test_bad_effects_raise():
    with pytest.raises(ValueError, match="security"):
        mv.value({"gain": 1, "prestige": 1}, EQUAL)


weights = st.fixed_dictionaries({m: st.floats(0, 10, allow_nan=False) for m in mv.MOTIVES}).filter(
    lambda w: sum(w.values()) > 1e-9
)
effects = st.fixed_dictionaries({m: st.floats(-2, 2, allow_nan=False) for m in mv.MOTIVES})


@given(effects, weights, st.floats(0.01, 100))
def test_reading_lies_within_effects_and_ignores_scale(eff, w, k):
    v = mv.value(eff, w)
    assert min(eff.values()) - 1e-9 <= v <= max(eff.values()) + 1e-9
    assert mv.value(eff, {m: k * x for m, x in w.items()}) == pytest.approx(v, abs=1e-9)


def test_moves_file_is_labelled_hypothetical():
    from helpers.sources import facts

    moves = mv.load_moves()
    assert len(moves) >= 3
    records = facts.load_toml("moves.toml")["move"]
    assert all(r["hypothetical"] is True for r in records)
    assert all("ypothetical" in r["source"] for r in records)
    for move in moves:
        for role in (move.mover, move.other):
            assert all(-2 <= x <= 2 for x in role.values())


# ---------------------------------------------------------------- the widgets' render functions


def test_render_motives_every_control_combination():
    from helpers.explorers import motives as pm
    from helpers.explorers.widgets import combinations

    combos = combinations(pm.MOTIVE_CONTROLS)
    assert len(combos) == 3**6
    indifferent = 0
    for values in combos:
        view = pm.render_motives(**values)
        assert view.fig is not None and "hypothetical" in view.description
        for role in ("mover", "other"):
            if all(values[f"{role}_{m}"] == 0 for m in mv.MOTIVES):
                indifferent += 1
                assert "weighs no motive at all, so it reads every move as 0" in view.description
                field = "mover_value" if role == "mover" else "other_value"
                assert all(getattr(r, field) == 0 for r in view.fig.readings)
    assert indifferent == 27 + 27
    with pytest.raises(ValueError, match="finite number >= 0"):
        pm.render_motives(-1, 0, 0, 1, 1, 1)


def test_render_motives_defaults_and_a_security_minded_watcher():
    from helpers.explorers import motives as pm

    values = {c.name: c.default for c in pm.MOTIVE_CONTROLS}
    assert "Alliance admits a new member: +1.33" in pm.render_motives(**values).description
    values.update(other_gain=0, other_prestige=0, other_security=2)
    assert "Alliance admits a new member: +1.33 for the side making it, -2.00" in (
        pm.render_motives(**values).description
    )


def test_render_jervis_computes_the_four_worlds_from_the_motives_model():
    from helpers.explorers import motives as pm
    from helpers.explorers.widgets import combinations

    names = set()
    for values in combinations(pm.JERVIS_CONTROLS):
        view = pm.render_jervis(**values)
        assert "our paraphrase" in view.description.lower() and "A model of ours" in view.text
        names.add(view.description.split("Marked with a star: ")[1].split(".")[0])
    assert len(names) == 4 and "Doubly stable" in names
    # The same defensive move is read least badly in the doubly stable world, by the model.
    move = next(m for m in pm.moves() if m.name == "Alliance admits a new member")
    readings = mv.read_in_four_worlds(move, {"gain": 1, "prestige": 1, "security": 2})
    assert readings[0].value < readings[1].value == readings[2].value < readings[3].value
    assert f"{readings[3].value:+.2f}" in pm.render_jervis(move.name, False, True, 2).description
    # A watcher that does not weigh security reads the move the same in every world.
    flat = {
        round(r.value, 9) for r in mv.read_in_four_worlds(move, {"gain": 1, "prestige": 1, "security": 0})
    }
    assert len(flat) == 1
    # A move that helps the watcher's security is not discounted.
    offer = next(m for m in pm.moves() if m.other["security"] > 0)
    assert (
        len({r.value for r in mv.read_in_four_worlds(offer, {"gain": 1, "prestige": 1, "security": 1})}) == 1
    )
    with pytest.raises(ValueError, match="valid moves"):
        pm.render_jervis("No such move", True, True, 1)


def test_hobbes_passage_is_quoted_with_its_source():
    from helpers.text import motives as tm

    text = tm.hobbes_markdown()
    # Word for word as Project Gutenberg eBook #3207 prints them (read 2026-12-03): 'principall',
    # but 'quarrel' with one l (review row 20 guessed 'quarrell'; the e-text does not have it).
    assert "So that in the nature of man, we find three principall causes of quarrel. First, " in text
    assert "First, Competition; Secondly, Diffidence; Thirdly, Glory." in text
    assert (
        "The first, maketh men invade for Gain; the second, for Safety; and the third, for Reputation."
        in text
    )
    from helpers.sources import facts

    for passage in facts.load_toml("hobbes.toml")["passage"]:
        assert "Project Gutenberg eBook #3207" in passage["read_via"]
        assert "Not checked against a facsimile" in passage["read_via"]  # the limit is said, not hidden


def test_jervis_worlds_cite_jervis_not_a_summary_site():
    from helpers.sources import facts

    for world in facts.load_toml("jervis_worlds.toml")["world"]:
        assert "World Politics 30(2)" in world["source"] and "studymode" not in world["source"]


def test_motives_and_jervis_fast_path_depends_only_on_their_arguments():
    """The static layers are cached; nothing of an earlier setting may stay in the pictures."""
    from helpers.explorers import motives as pm
    from helpers.figures import engine

    for render, first, other in (
        (pm.render_motives, (1, 2, 1, 0, 1, 2), (2, 0, 0, 0, 0, 2)),
        (
            pm.render_jervis,
            ("Economic sanctions", True, False, 1),
            ("Alliance admits a new member", False, True, 2),
        ),
    ):
        before = engine.png(render(*first).fig)
        engine.png(render(*other).fig)
        assert engine.png(render(*first).fig) == before


def test_notebook_prose_claims_match_the_models():
    """What 06's prose says the models show, checked against the models (issue 15 item 6)."""
    from helpers.explorers import motives as pm

    prose = prose_numbers.notebook_prose("06")

    def other_values(gain, prestige, security):
        view = pm.render_motives(1, 1, 1, gain, prestige, security)
        return {r.move.name: r.other_value for r in view.fig.readings}

    assert "A security-minded watcher reads alliance enlargement and a border exercise" in prose
    security = other_values(0, 0, 2)
    worst = min(security.values())
    assert {m for m, v in security.items() if v == worst} == {
        "Alliance admits a new member",
        "Large exercise near the border",
    }
    assert "a gain-minded watcher barely minds them but hates sanctions" in prose
    gain = other_values(2, 0, 0)
    assert gain["Alliance admits a new member"] == gain["Large exercise near the border"] == 0
    assert min(gain, key=gain.get) == "Economic sanctions"
    assert "Only the arms-control offer is read as positive by both under equal weights" in prose
    equal = pm.render_motives(1, 1, 1, 1, 1, 1).fig.readings
    both = [r.move.name for r in equal if r.mover_value > 0 and r.other_value > 0]
    assert both == ["Arms-control offer"]
    assert next(m for m in pm.moves() if m.name == both[0]).other["prestige"] < 0

    assert prose_numbers.mismatches(prose, prose_claims_06()) == []


def prose_claims_06() -> dict:
    """The numbers 06's prose states, each with the model's or the data's value (tests.prose_numbers)."""
    import inspect

    from helpers.explorers import motives as pm
    from helpers.models import leveller as lv

    w = lv.load_warheads()
    weight = pm.MOTIVE_CONTROLS[0]
    leveller = {c.name: c for c in pm.LEVELLER_CONTROLS}
    kept = inspect.signature(pm.cut_quiz).parameters["kept"].default
    return {
        "together hold about {share} of Russia's estimated count": {
            "share": prose_numbers.Near((w["France"] + w["United Kingdom"]) / w["Russia"], 0.02)
        },
        "({none} = does not matter, {most} = matters most)": {"none": weight.min, "most": weight.max},
        "(gain {g}, prestige {p}, security {s})": {"g": weight.min, "p": weight.min, "s": weight.max},
        "is {conv} of the stake (conventional) plus {nuc} times the damage": {
            "conv": pm.CONVENTIONAL,
            "nuc": pm.NUCLEAR,
        },
        "we set the nuclear part to {nuc} and the conventional part to {conv}": {
            "conv": pm.CONVENTIONAL,
            "nuc": pm.NUCLEAR,
        },
        "**Try first:** keep {t} warheads as the threshold": {"t": leveller["threshold"].default},
        "cut their arsenals by {cut} (share kept {kept})": {"cut": 1 - kept / 100, "kept": kept / 100},
        "What a {cut} cut does is the first quiz below": {"cut": 1 - kept / 100},
        "At today's estimated arsenals and a threshold of {t}": {"t": leveller["threshold"].default},
    }
