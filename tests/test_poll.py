"""Tests for helpers.models.poll: Wilson and Goodman intervals against published values, their
properties (Hypothesis), bad input, and the seeded self-selection model."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.models import poll

PAGE_COUNTS = [33, 30, 24, 21]


# --- known values -------------------------------------------------------------------------


def test_z_value_for_common_levels():
    assert poll.z_value(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert poll.z_value(0.90) == pytest.approx(1.644854, abs=1e-6)
    assert poll.z_value(0.99) == pytest.approx(2.575829, abs=1e-6)


@pytest.mark.parametrize(
    ("count", "total", "low", "high"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (score, no CC).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0000, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_matches_newcombe_1998(count, total, low, high):
    got_low, got_high = poll.wilson_interval(count, total, 0.95)
    assert got_low == pytest.approx(low, abs=5e-5)
    assert got_high == pytest.approx(high, abs=5e-5)


def test_wilson_by_hand_for_the_single_rating_vote():
    # 1 of 1: centre (1 + z^2/2)/(1 + z^2), half-width (z/(1 + z^2)) * z/2, so low = 1/(1 + z^2).
    z = poll.z_value(0.95)
    low, high = poll.wilson_interval(1, 1, 0.95)
    assert high == 1.0
    assert low == pytest.approx(1.0 / (1.0 + z * z), rel=1e-12)
    assert low == pytest.approx(0.2065, abs=5e-5)


def test_goodman_matches_sison_glaz_1995_example():
    # Sison and Glaz (1995), JASA 90:366-369, example 1, Goodman's intervals to 3 decimals
    # (as used in statsmodels' test results for multinomial_proportions_confint).
    counts = [56, 72, 73, 59, 62, 87, 58]
    expected = [
        (0.085, 0.166),
        (0.115, 0.204),
        (0.116, 0.207),
        (0.091, 0.173),
        (0.096, 0.181),
        (0.143, 0.239),
        (0.089, 0.171),
    ]
    for (low, high), (want_low, want_high) in zip(
        poll.goodman_intervals(counts, 0.95), expected, strict=True
    ):
        assert low == pytest.approx(want_low, abs=6e-4)
        assert high == pytest.approx(want_high, abs=6e-4)


def test_goodman_equals_goodmans_own_formula():
    # Goodman (1965): (A + 2 n_i +- sqrt(A (A + 4 n_i (N - n_i) / N))) / (2 (N + A)),
    # with A the chi-square(1) quantile at 1 - alpha/k, i.e. the square of z at 1 - alpha/(2k).
    counts = PAGE_COUNTS
    total, k, alpha = sum(counts), len(counts), 0.05
    a = poll.z_value(1 - alpha / k) ** 2
    for n_i, (low, high) in zip(counts, poll.goodman_intervals(counts, 0.95), strict=True):
        root = math.sqrt(a * (a + 4 * n_i * (total - n_i) / total))
        assert low == pytest.approx((a + 2 * n_i - root) / (2 * (total + a)), rel=1e-12)
        assert high == pytest.approx((a + 2 * n_i + root) / (2 * (total + a)), rel=1e-12)


def test_page_poll_intervals_and_ordering():
    wilson = poll.wilson_intervals(PAGE_COUNTS, 0.95)
    assert wilson[0] == pytest.approx((0.2266, 0.3979), abs=1e-4)
    goodman = poll.goodman_intervals(PAGE_COUNTS, 0.95)
    for (wl, wh), (gl, gh) in zip(wilson, goodman, strict=True):
        assert gl < wl and gh > wh  # simultaneous intervals are wider
    # At 108 votes, no neighbour in the ranking is clearly ahead of the next.
    assert poll.adjacent_orderings(PAGE_COUNTS, 0.95) == [(0, 1, False), (1, 2, False), (2, 3, False)]
    # The top answer is not clearly ahead of the bottom one either (33 of 54 votes).
    assert not poll.separated(PAGE_COUNTS, 0, 3, 0.95)


def test_pair_interval_is_wilson_on_the_two_answers():
    share, low, high = poll.pair_interval(PAGE_COUNTS, 0, 1, 0.95)
    assert share == pytest.approx(33 / 63)
    assert (low, high) == poll.wilson_interval(33, 63, 0.95)


def test_votes_needed_to_separate_is_the_first_total_that_works():
    for i, j in [(0, 1), (1, 2), (2, 3), (0, 3)]:
        needed = poll.votes_needed_to_separate(PAGE_COUNTS, i, j, 0.95)
        assert needed is not None and needed > sum(PAGE_COUNTS)  # none separate at 108
        shares = poll.proportions(PAGE_COUNTS)
        assert poll.separated([s * needed for s in shares], i, j, 0.95)
        assert not poll.separated([s * (needed - 1) for s in shares], i, j, 0.95)
    assert poll.votes_needed_to_separate([10, 10], 0, 1) is None


def test_scaled_counts_keep_shares():
    scaled = poll.scaled_counts(PAGE_COUNTS, 10_800)
    assert scaled == pytest.approx([3300, 3000, 2400, 2100])


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize("confidence", [0, 1, -0.1, 1.5, float("nan"), "high"])
def test_confidence_outside_open_interval_is_rejected(confidence):
    with pytest.raises(ValueError, match="confidence"):
        poll.wilson_interval(5, 10, confidence)
    with pytest.raises(ValueError, match="confidence"):
        poll.goodman_intervals(PAGE_COUNTS, confidence)


def test_negative_counts_are_rejected():
    with pytest.raises(ValueError, match="non-negative"):
        poll.wilson_interval(-1, 10)
    with pytest.raises(ValueError, match="non-negative"):
        poll.wilson_intervals([33, -1, 24])
    with pytest.raises(ValueError, match="non-negative"):
        poll.goodman_intervals([33, 30, -24, 21])


def test_zero_total_is_rejected():
    with pytest.raises(ValueError, match="positive"):
        poll.wilson_interval(0, 0)
    with pytest.raises(ValueError, match="positive"):
        poll.wilson_intervals([0, 0, 0, 0])
    with pytest.raises(ValueError, match="positive"):
        poll.goodman_intervals([0, 0])
    with pytest.raises(ValueError, match="at least one"):
        poll.proportions([])


def test_count_above_total_and_bad_pairs_are_rejected():
    with pytest.raises(ValueError, match="exceed"):
        poll.wilson_interval(11, 10)
    with pytest.raises(ValueError, match="different"):
        poll.pair_interval(PAGE_COUNTS, 1, 1)
    with pytest.raises(ValueError, match=r"0\.\.3"):
        poll.pair_interval(PAGE_COUNTS, 0, 4)
    with pytest.raises(ValueError, match="no votes"):
        poll.pair_interval([0, 0, 5], 0, 1)


# --- properties ---------------------------------------------------------------------------

totals = st.integers(min_value=1, max_value=10**7)
levels = st.floats(min_value=0.01, max_value=0.999)


@given(total=totals, fraction=st.floats(0, 1), confidence=levels)
@settings(max_examples=300, deadline=None)
def test_interval_contains_estimate_and_stays_in_unit_range(total, fraction, confidence):
    count = round(fraction * total)
    low, high = poll.wilson_interval(count, total, confidence)
    assert 0.0 <= low <= count / total <= high <= 1.0


@given(
    share=st.floats(0, 1),
    n=st.floats(min_value=1, max_value=1e6),
    factor=st.floats(min_value=1.01, max_value=100),
    confidence=levels,
)
@settings(max_examples=300, deadline=None)
def test_interval_narrows_as_votes_grow(share, n, factor, confidence):
    low1, high1 = poll.wilson_interval(share * n, n, confidence)
    low2, high2 = poll.wilson_interval(share * n * factor, n * factor, confidence)
    assert high2 - low2 < high1 - low1


@given(
    counts=st.lists(st.integers(0, 5000), min_size=2, max_size=8).filter(lambda c: sum(c) > 0),
    confidence=levels,
)
@settings(max_examples=200, deadline=None)
def test_simultaneous_intervals_contain_individual_ones(counts, confidence):
    shares = poll.proportions(counts)
    for share, (wl, wh), (gl, gh) in zip(
        shares,
        poll.wilson_intervals(counts, confidence),
        poll.goodman_intervals(counts, confidence),
        strict=True,
    ):
        assert 0.0 <= gl <= wl <= share <= wh <= gh <= 1.0


@given(count=st.integers(0, 200), extra=st.integers(0, 200), lo=levels, hi=levels)
@settings(max_examples=200, deadline=None)
def test_higher_confidence_gives_wider_interval(count, extra, lo, hi):
    total = count + extra
    # Levels one float step apart (0.01 and 0.010000000000000002) give the same interval.
    if total == 0 or math.isclose(lo, hi, rel_tol=1e-9):
        return
    lo, hi = min(lo, hi), max(lo, hi)
    low1, high1 = poll.wilson_interval(count, total, lo)
    low2, high2 = poll.wilson_interval(count, total, hi)
    assert low2 <= low1 and high2 >= high1 and (high2 - low2) > (high1 - low1)


# --- the self-selection model -------------------------------------------------------------

EQUAL = [0.25, 0.25, 0.25, 0.25]


def test_simulation_is_reproducible_with_a_seed():
    rates = poll.eager_rates(4, 0, 3.0)
    first = poll.simulate_self_selection(EQUAL, rates, 108, seed=7)
    again = poll.simulate_self_selection(EQUAL, rates, 108, seed=7)
    other = poll.simulate_self_selection(EQUAL, rates, 108, seed=8)
    assert first == again
    assert first.counts != other.counts


def test_expected_shares_weight_truth_by_voting_rate():
    assert poll.expected_shares(EQUAL, [2, 1, 1, 1]) == pytest.approx([0.4, 0.2, 0.2, 0.2])
    assert poll.expected_shares([0.5, 0.5], [1, 1]) == pytest.approx([0.5, 0.5])


def test_more_votes_do_not_cure_self_selection():
    rates = poll.eager_rates(4, 0, 2.0)
    small = poll.simulate_self_selection(EQUAL, rates, 108, seed=1)
    large = poll.simulate_self_selection(EQUAL, rates, 108 * 100, seed=1)
    assert large.bias() == pytest.approx(0.15)
    # 100 times the votes: the estimate sits on the biased value, not on the truth...
    assert abs(large.estimate[0] - large.expected[0]) < 0.02
    assert large.max_error() > 0.12
    # ...and the Wilson interval computed "as if random" misses the true 25%.
    low, high = poll.wilson_interval(large.counts[0], large.total)
    assert not low <= 0.25 <= high
    assert small.total == pytest.approx(108, abs=40)


def test_without_bias_a_large_poll_finds_the_truth():
    result = poll.simulate_self_selection(EQUAL, [1, 1, 1, 1], 10_800, seed=3)
    assert result.bias() == 0
    assert result.max_error() < 0.03
    assert result.total == pytest.approx(10_800, rel=0.05)


def test_fixed_total_simulation_has_exactly_the_requested_votes():
    rates = poll.eager_rates(4, 0, 2.0)
    totals = {
        poll.simulate_self_selection(EQUAL, rates, n, seed=s, fixed_total=True).total
        for n in (108,)
        for s in range(20)
    }
    assert totals == {108}
    # The unconditioned model's total varies with the seed; the fixed one follows the same law.
    assert len({poll.simulate_self_selection(EQUAL, rates, 108, seed=s).total for s in range(20)}) > 1
    large = poll.simulate_self_selection(EQUAL, rates, 108 * 100, seed=1, fixed_total=True)
    assert large.total == 10_800
    assert abs(large.estimate[0] - large.expected[0]) < 0.02


def test_simulated_poll_title_matches_the_page_total():
    from helpers.explorers import poll as explore

    for times, eager, scale in ((2.0, 0, 1), (5.0, 3, 10), (1.0, 1, 100)):
        view = explore.render_self_selection(times, eager, scale)
        assert f"{explore.PAGE_VOTES * scale:,} votes" in view.fig.title()
        assert f"{explore.PAGE_VOTES * scale:,} simulated votes" in view.description


def test_simulation_rejects_bad_input():
    with pytest.raises(ValueError, match="sum"):
        poll.simulate_self_selection([0.5, 0.2], [1, 1], 100, seed=0)
    with pytest.raises(ValueError, match="equal-length"):
        poll.simulate_self_selection(EQUAL, [1, 1], 100, seed=0)
    with pytest.raises(ValueError, match="non-negative"):
        poll.simulate_self_selection(EQUAL, [1, -1, 1, 1], 100, seed=0)
    with pytest.raises(ValueError, match="positive"):
        poll.simulate_self_selection(EQUAL, [1, 1, 1, 1], 0, seed=0)
    with pytest.raises(ValueError, match="eager"):
        poll.eager_rates(4, 4, 2.0)
    with pytest.raises(ValueError, match="times"):
        poll.eager_rates(4, 0, 0)


# --- the data file against the seed -------------------------------------------------------


def test_page_poll_data_matches_the_seed_as_parsed():
    from helpers.sources import essay

    seed = essay.capture()
    data = poll.page_poll()
    assert data.question == seed.poll.question
    assert data.answers == tuple(a.text for a in seed.poll.answers)
    assert data.counts == tuple(a.votes for a in seed.poll.answers)
    assert data.shown_as == tuple(f"{a.votes} ({a.percent}%)" for a in seed.poll.answers)
    assert data.total == 108
    assert data.rating_votes == seed.rating_votes == 1
    assert data.rating_shown_as in seed.all_lines
    assert data.source.startswith("seeds/000_78823c85cdbae0e5.txt")


def test_page_poll_shown_percentages_are_the_rounded_shares():
    data = poll.page_poll()
    for count, shown in zip(data.counts, data.shown_as, strict=True):
        percent = int(shown.split("(")[1].rstrip("%)"))
        assert percent == round(100 * count / data.total)


def test_seed_lines_hold_the_counts_verbatim():
    # Independent of helpers.sources.essay: read the seed's raw lines and find each "N (P%)" line.
    from helpers.sources import essay

    lines = [line.strip() for line in essay.seed_path().read_text("utf-8").splitlines()]
    data = poll.page_poll()
    for answer, shown in zip(data.answers, data.shown_as, strict=True):
        index = lines.index(answer)
        assert lines[index + 1] == shown


# --- the notebook's widgets: every control value renders ---------------------------


@pytest.mark.parametrize("name", ["self_selection", "intervals"])
def test_every_control_combination_renders(name):
    from helpers.explorers import poll as explore
    from helpers.explorers import widgets

    controls, render = explore.EXPLORERS[name]
    combos = widgets.combinations(controls)
    assert len(combos) >= 8
    for values in combos:
        view = widgets.View.coerce(render(**values))
        assert view.fig is not None and view.description.strip() and view.text


def test_widget_views_say_what_they_are():
    from helpers.explorers import poll as explore

    view = explore.render_self_selection(2.0, 0, 100)
    assert "a model" in view.description and "bias floor" in view.text.lower()
    view = explore.render_intervals(0.95, 108, False)
    assert "as if" in view.description and "not" in view.description
    with pytest.raises(ValueError, match="scale"):
        explore.render_self_selection(2.0, 0, 7)


def test_half_width_follows_the_interval_kind():
    from helpers.explorers import poll as explore

    wilson, goodman = (explore.render_intervals(0.95, 108, s) for s in (False, True))
    w, g = (explore.half_width_points(v.fig) for v in (wilson, goodman))
    assert g > w, "simultaneous intervals are wider"
    assert f"<b>{g:.1f} points</b>" in goodman.text and "Goodman" in goodman.text


def test_static_poll_figures_and_quiz_follow_the_model():
    from helpers.explorers import poll as explore
    from helpers.text.poll import poll_markdown

    for picture, description in (explore.bias_floor(), explore.single_vote(), explore.width_curve()):
        assert description.strip() and picture.alt().endswith("(described below)")
    assert "21%" in explore.single_vote()[1]
    assert "U.S. wants to dissolve Russia | 24 (22%)" in poll_markdown()
    quiz = explore.votes_quiz(10_800)
    assert "tenfold for 100x the votes" in quiz.explanation
    assert "a hundredfold" in explore.votes_quiz(1_080_000).explanation


def prose_claims_09() -> dict:
    """The numbers 09's prose states, each with page_poll.csv's or the model's value (tests.prose_numbers)."""
    import inspect
    import re

    from helpers.explorers import poll as explore
    from tests.prose_numbers import Between, Near, Under

    page = poll.page_poll()
    total, shares = page.total, poll.proportions(page.counts)
    assert total == explore.PAGE_VOTES  # the widgets' "108, as on the page" is the data's total
    rating = int(re.fullmatch(r"\(votes: \d+, rating: (\d+)\)", page.rating_shown_as).group(1))
    truth = explore.EQUAL_TRUTH
    assert len(set(truth)) == 1 and len(truth) == len(page.counts)
    controls = {c.name: c for c in (*explore.SELF_SELECTION_CONTROLS, *explore.INTERVAL_CONTROLS)}
    confidence = controls["confidence"].default
    scale = max(explore.SCALES)
    readers = inspect.signature(poll.simulate_self_selection).parameters["readers"].default

    def half_widths(votes):  # percentage points, as the prose states them
        counts = poll.scaled_counts(page.counts, votes)
        return [50 * (high - low) for low, high in poll.wilson_intervals(counts, confidence)]

    now, more = half_widths(total), half_widths(total * scale)
    # "no neighbouring answers are clearly ordered" at the page's total
    assert not any(ok for _, _, ok in poll.adjacent_orderings(page.counts, confidence))
    about_now = Between(min(now), max(now))
    return {
        "what can {n} self-selected votes tell us?": {"n": total},
        "an invented population holds {k} views in equal shares ({p} each)": {"k": len(truth), "p": truth[0]},
        "leave the eagerness at {t} and **multiply the votes by {x}**": {
            "t": controls["times"].default,
            "x": scale,
        },
        "How precise would {n} votes be, if they were a random sample?": {"n": total},
        'at {n} votes, is "Partnership on US terms" ({a}) clearly ahead of "Deter Russia" ({b})?': {
            "n": total,
            "a": shares[page.short.index("Partnership on US terms")],
            "b": shares[page.short.index("Deter Russia")],
        },
        '"(votes: {v}, rating: {r})"': {"v": page.rating_votes, "r": rating},
        "multiplying the votes by {x} removed most of the noise": {"x": scale},
        "**At {n} votes even a random sample would be vague.** Each share is uncertain by about ±{hw} "
        "percentage points at {c}": {"n": total, "hw": about_now, "c": confidence},
        "a population ({r} invented readers)": {"r": readers},
        "held to exactly the page's {n} votes": {"n": total},
        "The truth of {p} each is invented": {"p": truth[0]},
        "that at least {n} clicks came in": {"n": total},
        "The poll's top answer has {p} of the votes": {"p": max(shares)},
        "Suppose the page had {n} votes with the same shares": {"n": total * scale},
        "Of {n} readers who chose to answer the page's poll, about {share} picked partnership": {
            "n": total,
            "share": Near(shares[page.short.index("Partnership on US terms")], 0.05),
        },
        "The intervals would narrow about {fold} (from about ±{now} to under ±{more} point)": {
            "fold": Near(max(now) / max(more), 0.5),
            "now": about_now,
            "more": Under(max(more)),
        },
    }


def test_notebook_prose_numbers_match_the_data_and_the_model():
    """Every number 09's prose states about the page's poll or the models, read from the prose and
    compared with page_poll.csv and the models (issue 15 item 6)."""
    from tests import prose_numbers

    assert prose_numbers.mismatches(prose_numbers.notebook_prose("09"), prose_claims_09()) == []
