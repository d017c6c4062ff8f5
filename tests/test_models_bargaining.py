"""Bargaining-range model: hand-computed cases, the essay's twists, bad input, properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.models import bargaining as bg


def flat(intervals):
    return [x for pair in intervals for x in pair]


probs = st.floats(0.0, 1.0, allow_nan=False)
costs = st.floats(0.0, 5.0, allow_nan=False)


def test_range_endpoints_hand_computed():
    # p = 0.6, c_A = 0.1, c_B = 0.2: A accepts x >= 0.5, B accepts x <= 0.8.
    assert bg.bargaining_range(0.6, 0.1, 0.2) == pytest.approx((0.5, 0.8))
    assert bg.war_payoffs(0.6, 0.1, 0.2) == pytest.approx((0.5, 0.2))


def test_range_is_cut_to_the_stake():
    # p = 0.9, c_B = 0.3 would put the top at 1.2: nobody can get more than the whole stake.
    assert bg.bargaining_range(0.9, 0.5, 0.3) == pytest.approx((0.4, 1.0))
    assert bg.bargaining_range(0.5, 2.0, 2.0) == (0.0, 1.0)


def test_zero_costs_leave_a_single_point():
    assert bg.bargaining_range(0.3, 0.0, 0.0) == pytest.approx((0.3, 0.3))
    assert bg.settle(0.3, 0.0, 0.0).deals == ((0.3, 0.3),)


def test_indivisible_stake_empties_a_costly_range():
    # "Perfect accord": both want Milan. Even costly war (0.2 each, range 0.3-0.7) leaves no deal,
    # because only 0 or 1 is on the table.
    result = bg.settle(0.5, 0.2, 0.2, stake="indivisible")
    assert result.range == pytest.approx((0.3, 0.7))
    assert result.on_table == ((0.0, 0.0), (1.0, 1.0))
    assert not result.peaceful_deal_exists
    assert "no peaceful deal" in result.summary()


def test_indivisible_stake_survives_when_one_side_would_rather_concede():
    # c_B = 0.6 with p = 0.5: B's war payoff is -0.1, so B prefers conceding everything.
    result = bg.settle(0.5, 0.2, 0.6, stake="indivisible")
    assert result.deals == ((1.0, 1.0),)


def test_side_payments_make_it_divisible_again():
    # Holder keeps Milan and pays up to 0.3: A's share can be 0-0.3 or 0.7-1; range 0.3-0.7.
    result = bg.settle(0.5, 0.2, 0.2, stake="side payments", side_payment=0.3)
    assert flat(result.on_table) == pytest.approx([0.0, 0.3, 0.7, 1.0])
    assert flat(result.deals) == pytest.approx([0.3, 0.3, 0.7, 0.7])
    small = bg.settle(0.5, 0.2, 0.2, stake="side payments", side_payment=0.1)
    assert not small.peaceful_deal_exists
    full = bg.settle(0.5, 0.2, 0.2, stake="side payments", side_payment=0.5)
    assert full.on_table == ((0.0, 1.0),)
    assert flat(full.deals) == pytest.approx([0.3, 0.7])


def test_not_recognising_the_other_removes_offers_not_costs():
    recognised = bg.settle(0.5, 0.2, 0.2)
    one_sided = bg.settle(0.5, 0.2, 0.2, a_recognises_b=False)
    assert one_sided.range == recognised.range  # costs and odds unchanged
    assert one_sided.on_table == ((1.0, 1.0),)
    assert not one_sided.peaceful_deal_exists
    # With a huge cost for B, B would accept getting nothing: a deal that is a capitulation.
    assert bg.settle(0.5, 0.2, 0.6, a_recognises_b=False).deals == ((1.0, 1.0),)


def test_mutual_non_recognition_leaves_nothing_whatever_the_costs():
    for cost in (0.0, 0.5, 10.0):
        result = bg.settle(0.5, cost, cost, a_recognises_b=False, b_recognises_a=False)
        assert result.on_table == ()
        assert not result.peaceful_deal_exists


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"p": 1.2, "cost_a": 0.1, "cost_b": 0.1}, r"\[0, 1\]"),
        ({"p": -0.1, "cost_a": 0.1, "cost_b": 0.1}, r"\[0, 1\]"),
        ({"p": 0.5, "cost_a": -0.1, "cost_b": 0.1}, "non-negative"),
        ({"p": 0.5, "cost_a": 0.1, "cost_b": float("nan")}, "non-negative"),
        ({"p": 0.5, "cost_a": 0.1, "cost_b": 0.1, "stake": "territory"}, "divisible"),
        ({"p": 0.5, "cost_a": 0.1, "cost_b": 0.1, "side_payment": -1}, "non-negative"),
    ],
)
def test_bad_input_names_the_valid_range(kwargs, message):
    with pytest.raises(ValueError, match=message):
        bg.settle(**kwargs)


@given(probs, costs, costs)
def test_range_never_inverted_with_nonnegative_costs(p, cost_a, cost_b):
    lo, hi = bg.bargaining_range(p, cost_a, cost_b)
    assert 0.0 <= lo <= p <= hi <= 1.0


@given(probs, costs, costs, st.floats(0.0, 3.0, allow_nan=False), st.booleans())
def test_raising_a_cost_never_narrows_the_range(p, cost_a, cost_b, extra, raise_a):
    lo, hi = bg.bargaining_range(p, cost_a, cost_b)
    if raise_a:
        lo2, hi2 = bg.bargaining_range(p, cost_a + extra, cost_b)
    else:
        lo2, hi2 = bg.bargaining_range(p, cost_a, cost_b + extra)
    assert lo2 <= lo and hi2 >= hi


@given(probs, costs, costs, st.sampled_from(bg.STAKES), st.floats(0.0, 1.0), st.booleans(), st.booleans())
def test_deals_are_on_the_table_and_in_the_range(p, ca, cb, stake, s, rec_a, rec_b):
    result = bg.settle(p, ca, cb, stake, s, rec_a, rec_b)
    lo, hi = result.range
    eps = 1e-9  # endpoints that touch within rounding count as touching
    for a, b in result.deals:
        assert lo - eps <= a <= b <= hi + eps
        assert any(t0 - eps <= a and b <= t1 + eps for t0, t1 in result.on_table)


@given(probs, costs, costs)
def test_divisible_recognised_stake_always_has_a_deal(p, ca, cb):
    assert bg.settle(p, ca, cb).peaceful_deal_exists


# ---------------------------------------------------------------- the widget's render function


def test_render_every_control_combination():
    from helpers.explorers import bargaining as eb
    from helpers.explorers.widgets import combinations

    combos = combinations(eb.CONTROLS)
    assert len(combos) == 3 * 3 * 3 * 3 * 2 * 2
    verdicts = set()
    for values in combos:
        view = eb.render_bargaining(**values)
        assert view.fig is not None and view.description.strip() and view.alt
        verdicts.add(view.text.split("</b>")[0])
    # The controls really change the verdict: some combinations allow a deal, some do not.
    assert verdicts == {"<p><b>Deal possible.", "<p><b>No deal."}


def test_render_predict_then_flip():
    from helpers.explorers import bargaining as eb

    costly = dict(p=0.5, cost_a=0.3, cost_b=0.3, a_recognises_b=True, b_recognises_a=True)
    assert "Deal possible" in eb.render_bargaining(stake="divisible", **costly).text
    assert "No deal" in eb.render_bargaining(stake="indivisible", **costly).text
    # A side payment of up to 0.25 reaches into the range 0.2-0.8: divisible again.
    assert "Deal possible" in eb.render_bargaining(stake="side payments", **costly).text
    desc = eb.render_bargaining(stake="indivisible", **costly).description
    assert "0.20 to 0.80" in desc and "None of them is on the table" in desc


def test_capitulation_deal_needs_costs_above_the_knife_edge():
    """Notebook 04: at costs of 0.5 "give up everything" is only just acceptable; 0.6 is robust."""
    from helpers.explorers import bargaining as eb

    common = dict(p=0.5, stake="indivisible", a_recognises_b=True, b_recognises_a=True)
    assert "No deal" in eb.render_bargaining(cost_a=0.45, cost_b=0.45, **common).text
    assert "Deal possible" in eb.render_bargaining(cost_a=0.6, cost_b=0.6, **common).text
    assert min(c.max for c in eb.CONTROLS if c.name.startswith("cost")) >= 0.6


def test_quizzes_state_the_model_numbers():
    from helpers.explorers import bargaining as eb

    q = eb.side_payment_quiz()
    assert "The range runs from 0.2 to 0.8" in q.explanation
    assert "from 0.20 to 0.25 and from 0.75 to 0.80 lie in the range" in q.explanation
    q.choice.value = q.answer
    assert q.check() is True
    assert eb.recognition_quiz().answer == "No cost is high enough"
    # A premise the model does not support is refused, not printed.
    with pytest.raises(ValueError, match="premise"):
        eb.side_payment_quiz(p=0.5, cost=0.6)


def prose_claims_04() -> dict:
    """The numbers 04's prose states, each with the model's value (checked by tests.prose_numbers)."""
    from helpers.explorers import bargaining as eb

    p, low_cost = 0.5, 0.2
    costly = eb.settle(p, low_cost, low_cost, "indivisible")
    assert not costly.deals  # "so neither is in it": no deal at these costs
    high_cost = 0.6
    assert eb.settle(p, high_cost, high_cost, "indivisible").deals and p - high_cost < 0
    # The knife-edge: the smallest cost at which "give up everything" (0 or 1) is in the range.
    edge = min(p, 1 - p)
    knife, near = eb.settle(p, edge, edge, "indivisible"), 0.45
    assert knife.deals and not eb.settle(p, near, near, "indivisible").deals
    enough, short = 0.3, 0.2  # side payments bridge the first, not the second
    assert eb.settle(p, enough, enough, "side payments").deals
    assert not eb.settle(p, short, short, "side payments").deals
    from helpers.sources import facts

    position = {r["id"]: r["position"] for r in facts.load_toml("osce_texts.toml")["istanbul_para8"]}
    return {
        "Russia has cited sentence {n} (that states": {"n": position["not_at_expense"]},
        "exercised the right that sentence {n} describes": {"n": position["free_to_choose"]},
        "With costs of {c} and p = {p} the range runs from {lo} to {hi}, so neither is in it": {
            "c": low_cost,
            "p": p,
            "lo": costly.range[0],
            "hi": costly.range[1],
        },
        "If you raise both costs to {c}, deals come back": {"c": high_cost},
        "(A's war payoff, {p} - {c}, is below 0)": {"p": p, "c": high_cost},
        "At exactly {c} the range runs from {lo} to {hi}": {
            "c": edge,
            "lo": knife.range[0],
            "hi": knife.range[1],
        },
        "at {c} there is still no deal": {"c": near},
        "(here with up to {s})": {"s": eb.SIDE_PAYMENT},
        "With costs of {enough} each that is enough; with {short} it is not": {
            "enough": enough,
            "short": short,
        },
        "*Side payments* (fixed at {s})": {"s": eb.SIDE_PAYMENT},
        "**Try first:** leave p = {p} and both costs at {c}": {"p": p, "c": low_cost},
    }


def test_notebook_prose_numbers_match_the_model():
    """The numbers 04's prose states, read from the prose and compared with the model."""
    from tests import prose_numbers

    assert prose_numbers.mismatches(prose_numbers.notebook_prose("04"), prose_claims_04()) == []


def test_osce_quote_comes_from_the_data_with_its_source(monkeypatch):
    from helpers.sources import facts
    from helpers.text import bargaining as tb

    text = tb.osce_para8_markdown(("free_to_choose", "not_at_expense"))
    records = {r["id"]: r for r in facts.load_toml("osce_texts.toml")["istanbul_para8"]}
    assert records["free_to_choose"]["text"] in text and records["not_at_expense"]["text"] in text
    assert "> (2) " in text and "> (5) " in text  # numbered by their place in para. 8, as in 07
    assert records["free_to_choose"]["source"] in text
    with pytest.raises(ValueError, match="valid sentences"):
        tb.osce_para8_markdown(("no_such_sentence",))
    fake = {
        "istanbul_para8": [
            {
                "id": "partial",
                "text": "",
                "verbatim_full": False,
                "position": 1,
                "source": "s",
                "accessed": "a",
            }
        ]
    }
    monkeypatch.setattr(facts, "load_toml", lambda name: fake)
    with pytest.raises(ValueError, match="not read in full"):
        tb.osce_para8_markdown(("partial",))
