"""Tests for helpers.models.voting: reference values, brute-force agreement, properties, bad input."""

import itertools
import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.models import voting
from helpers.models.voting import MEMBERS, make_game, power, weighted_game

# --- Reference values (DESIGN.md section 9 and issue 6) ----------------------------------------


def test_security_council_since_1965_matches_reference_fractions():
    p = power(voting.rule_game("unsc_1965"))
    assert p.shapley_shubik["China"] == Fraction(421, 2145)
    assert p.shapley_shubik["Elected 1"] == Fraction(4, 2145)
    assert p.swings["United States"] == 848
    assert p.swings["Elected 10"] == 84
    assert round(float(p.banzhaf["France"]), 6) == 0.166929
    assert round(float(p.banzhaf["Elected 3"]), 6) == 0.016535
    assert p.banzhaf["France"] == Fraction(848, 5 * 848 + 10 * 84)
    assert sum(p.shapley_shubik.values()) == 1
    assert sum(p.banzhaf.values()) == 1


def test_security_council_1945_text_matches_reference_fractions():
    p = power(voting.rule_game("unsc_1945"))
    assert len(p.members) == 11
    assert p.shapley_shubik["USSR"] == Fraction(76, 385)
    assert p.shapley_shubik["Elected 6"] == Fraction(1, 462)
    assert round(float(p.banzhaf["Republic of China"]), 6) == 0.180952
    assert round(float(p.banzhaf["Elected 1"]), 6) == 0.015873


def test_enlarging_the_council_splits_the_two_indices():
    """11 -> 15 seats: an elected seat's Shapley-Shubik power falls, its Banzhaf power rises."""
    old = power(voting.rule_game("unsc_1945"))
    new = power(voting.rule_game("unsc_1965"))
    assert new.shapley_shubik["Elected 1"] < old.shapley_shubik["Elected 1"]
    assert new.banzhaf["Elected 1"] > old.banzhaf["Elected 1"]


def test_permanent_members_are_the_veto_players_and_nobody_is_a_dummy():
    game = voting.rule_game("unsc_1965")
    p = power(game)
    assert p.vetoes == ("China", "France", "Russia", "United Kingdom", "United States")
    assert p.dummies == ()
    assert voting.is_permanent("Russia", game) and not voting.is_permanent("Elected 2", game)


def test_eu27_double_majority_reference():
    game = voting.rule_game("eu_qmv")
    assert sum(voting.eu_population_shares().values()) == 10_001
    assert game.clauses == (((MEMBERS, 15), ("population", 6501)), ((MEMBERS, 24),))
    p = power(game)
    assert round(float(p.shapley_shubik["Germany"]), 6) == 0.175560
    assert round(float(p.banzhaf["Germany"]), 6) == 0.120377
    assert p.swings["Germany"] == 14_062_886
    assert round(float(p.shapley_shubik["Malta"]), 6) == 0.008623
    assert round(float(p.banzhaf["Malta"]), 6) == 0.017313
    assert sum(p.shapley_shubik.values()) == 1
    assert p.vetoes == () and p.dummies == ()


def test_eu27_blocking_minority_rule():
    game = voting.rule_game("eu_qmv")
    shares = voting.eu_population_shares()
    big_four = ["Germany", "France", "Italy", "Spain"]
    # 23 members without the four largest hold well under 65%: they lose ...
    assert not voting.is_winning(game, [m for m in game.members if m not in big_four])
    # ... but any 24 win, since three members cannot block alone.
    assert voting.is_winning(game, [m for m in game.members if m not in big_four[:3]])
    assert sum(shares[m] for m in big_four[:3]) > 3500


def test_unanimity_rules_give_everyone_equal_power_and_a_veto():
    nato = power(voting.rule_game("nato"))
    assert len(nato.members) == 32
    assert set(nato.shapley_shubik.values()) == {Fraction(1, 32)}
    assert nato.banzhaf["Turkey"] == Fraction(1, 32)
    assert set(nato.vetoes) == set(nato.members)
    assert nato.winning == 1 and nato.ease == Fraction(1, 2**32)
    eu = power(voting.rule_game("eu_unanimity"))
    assert "Turkey" not in eu.members and len(eu.members) == 27
    assert eu.shapley_shubik["Malta"] == Fraction(1, 27)


def test_top_share_measures_the_council_monopoly():
    p = power(voting.rule_game("unsc_1965"))
    assert voting.top_share(p, 5) == 5 * Fraction(421, 2145)
    assert voting.top_share(p, 15) == 1
    assert voting.top_share(power(voting.rule_game("nato")), 5, "banzhaf") == Fraction(5, 32)


def test_council_variants():
    # Without vetoes, 9 of 15 is a symmetric game.
    p = power(voting.rule_game("unsc_1965", permanent=0, quota=9))
    assert set(p.shapley_shubik.values()) == {Fraction(1, 15)}
    assert p.vetoes == ()
    # With quota 15 every seat is a veto player.
    p = power(voting.rule_game("unsc_1965", permanent=2, quota=15))
    assert p.members[:2] == ("Permanent 1", "Permanent 2")
    assert len(p.vetoes) == 15
    # A quota below the number of vetoes is legal and the quota is then not binding.
    p = power(voting.rule_game("unsc_1965", permanent=5, quota=3))
    assert p.dummies == tuple(f"Elected {k}" for k in range(1, 11))


def test_rule_records_have_sources_and_statuses():
    for rule_id in voting.RULE_IDS:
        record = voting.rule(rule_id)
        assert record["source"].strip() and record["accessed"].strip()
    assert {r["body"] for r in voting.statuses("Turkey")} == {"NATO", "EU"}
    events = voting.sweden_accession_events()
    assert events[0]["date"] < events[-1]["date"] == "2024-03-07"


# --- Brute force ------------------------------------------------------------------------------


def _wins(spec, coalition):
    members, weights, clauses, vetoes = spec
    if not vetoes <= set(coalition):
        return False
    sums = {MEMBERS: len(coalition)}
    for dim, column in weights.items():
        sums[dim] = sum(column[members.index(m)] for m in coalition)
    return any(all(sums[d] >= q for d, q in clause.items()) for clause in clauses)


def _brute_force(spec):
    """Swings and Shapley-Shubik by listing all coalitions (independent of the engine)."""
    members = spec[0]
    n = len(members)
    swings = dict.fromkeys(members, 0)
    ss = dict.fromkeys(members, Fraction(0))
    winning = 0
    for size in range(n + 1):
        for coalition in itertools.combinations(members, size):
            if _wins(spec, coalition):
                winning += 1
                continue
            weight = Fraction(math.factorial(size) * math.factorial(n - size - 1), math.factorial(n))
            for m in members:
                if m not in coalition and _wins(spec, (*coalition, m)):
                    swings[m] += 1
                    ss[m] += weight
    return swings, ss, winning


def _pivots(spec):
    """Shapley-Shubik by counting pivots over all orderings (tiny games only)."""
    members = spec[0]
    counts = dict.fromkeys(members, 0)
    for order in itertools.permutations(members):
        for k in range(len(order)):
            if _wins(spec, order[: k + 1]):
                counts[order[k]] += 1
                break
    total = math.factorial(len(members))
    return {m: Fraction(c, total) for m, c in counts.items()}


@st.composite
def games(draw, max_players=12, max_dims=2):
    """Random games: up to two weight dimensions, one or two clauses, optional vetoes."""
    n = draw(st.integers(1, max_players))
    members = tuple(f"m{i}" for i in range(n))
    dims = draw(st.integers(0, max_dims))
    weights = {}
    for j in range(dims):
        column = draw(st.lists(st.integers(0, 9), min_size=n, max_size=n))
        if sum(column) == 0:
            column[0] = 1
        weights[f"w{j}"] = column
    totals = {MEMBERS: n, **{d: sum(c) for d, c in weights.items()}}

    def clause():
        chosen = draw(st.sets(st.sampled_from(sorted(totals)), min_size=1))
        return {d: draw(st.integers(1, totals[d])) for d in sorted(chosen)}

    clauses = [clause() for _ in range(draw(st.integers(1, 2)))]
    vetoes = frozenset(draw(st.sets(st.sampled_from(members), max_size=min(3, n))))
    game = make_game(members, clauses[0], weights=weights, alternatives=clauses[1:], vetoes=vetoes)
    return game, (members, weights, clauses, vetoes)


@settings(max_examples=150, deadline=None)
@given(games())
def test_engine_matches_brute_force(case):
    game, spec = case
    p = power(game)
    swings, ss, winning = _brute_force(spec)
    assert p.swings == swings
    assert p.shapley_shubik == ss
    assert p.winning == winning
    brute_vetoes = tuple(m for m in spec[0] if not _wins(spec, tuple(x for x in spec[0] if x != m)))
    assert p.vetoes == brute_vetoes


@settings(max_examples=60, deadline=None)
@given(games(max_players=6))
def test_shapley_shubik_matches_pivot_counting(case):
    game, spec = case
    assert power(game).shapley_shubik == _pivots(spec)


@settings(max_examples=150, deadline=None)
@given(games())
def test_power_properties(case):
    game, spec = case
    p = power(game)
    members = spec[0]
    if _wins(spec, members):  # a proper game: the grand coalition wins
        assert sum(p.shapley_shubik.values()) == 1
        assert sum(p.banzhaf.values()) == 1
    for m in p.dummies:
        assert p.shapley_shubik[m] == 0 and p.banzhaf[m] == 0
    for v in p.vetoes:
        assert all(p.shapley_shubik[v] >= p.shapley_shubik[m] for m in members)
        assert all(p.swings[v] >= p.swings[m] for m in members)
    # Members with identical weights and veto status are symmetric: equal power.
    signature = {m: (m in spec[3], tuple(c[members.index(m)] for c in spec[1].values())) for m in members}
    for a, b in itertools.combinations(members, 2):
        if signature[a] == signature[b]:
            assert p.shapley_shubik[a] == p.shapley_shubik[b]
            assert p.swings[a] == p.swings[b]


@settings(max_examples=80, deadline=None)
@given(games(max_players=9), st.data())
def test_adding_a_veto_never_lowers_its_holders_power(case, data):
    game, spec = case
    members, weights, clauses, vetoes = spec
    if not _wins(spec, members):
        return
    holder = data.draw(st.sampled_from(members))
    stronger = make_game(
        members, clauses[0], weights=weights, alternatives=clauses[1:], vetoes=vetoes | {holder}
    )
    assert power(stronger).shapley_shubik[holder] >= power(game).shapley_shubik[holder]


@given(st.lists(st.integers(0, 20), min_size=1, max_size=10), st.data())
@settings(max_examples=60, deadline=None)
def test_weighted_game_dummy_with_zero_weight(column, data):
    column = [*column, 0]
    if sum(column) == 0:
        column[0] = 1
    names = {f"p{i}": w for i, w in enumerate(column)}
    quota = data.draw(st.integers(1, sum(column)))
    p = power(weighted_game(names, quota))
    assert f"p{len(column) - 1}" in p.dummies
    assert p.shapley_shubik[f"p{len(column) - 1}"] == 0


def test_counts_beyond_int64_stay_exact():
    """70 members, majority of 36: swings are C(69, 35) > 2^63, so object arrays must kick in."""
    members = [f"m{i}" for i in range(70)]
    p = power(make_game(members, {MEMBERS: 36}))
    assert p.swings["m0"] == math.comb(69, 35) > 2**63
    assert p.shapley_shubik["m5"] == Fraction(1, 70)
    assert p.winning == sum(math.comb(70, k) for k in range(36, 71))


def test_shares_round_up_and_gcd_scaling_is_exact():
    game = make_game(["a", "b", "c"], {"w": Fraction(1, 2)}, weights={"w": [2, 4, 6]})
    assert game.clauses == ((("w", 6),),)
    assert voting.is_winning(game, ["c"]) and not voting.is_winning(game, ["a"])
    assert power(game).swings == {"a": 1, "b": 1, "c": 3}


# --- Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: make_game([], {MEMBERS: 1}), "at least one member"),
        (lambda: make_game(["a", "a"], {MEMBERS: 1}), "distinct"),
        (lambda: make_game(["a", "b"], {MEMBERS: 3}), "between 1 and 2"),
        (lambda: make_game(["a", "b"], {MEMBERS: 0}), "between 1 and 2"),
        (lambda: make_game(["a"], {"w": 1}, weights={"w": [-1]}), ">= 0"),
        (lambda: make_game(["a"], {"w": 1}, weights={"w": [1.5]}), "integer"),
        (lambda: make_game(["a"], {"pop": 1}), "valid dimensions: members"),
        (lambda: make_game(["a"], {MEMBERS: 1}, vetoes=["b"]), "valid members: a"),
        (lambda: make_game(["a"], {MEMBERS: Fraction(3, 2)}), "(0, 1]"),
        (lambda: make_game(["a"], {}), "at least one quota"),
        (lambda: make_game(["a", "b"], {MEMBERS: 1}, weights={"w": [1]}), "one per member"),
        (lambda: voting.rule("un_general_assembly"), "valid rules: unsc_1945"),
        (lambda: voting.rule_game("unsc_1965", permanent=16), "between 0 and 15"),
        (lambda: voting.rule_game("unsc_1945", quota=12), "between 1 and 11"),
        (lambda: voting.rule_game("nato", quota=3), "only to Security Council"),
        (lambda: voting.statuses("Atlantis"), "valid actors: Turkey"),
        (lambda: voting.top_share(power(voting.rule_game("nato")), 33), "between 1 and 32"),
        (lambda: voting.top_share(power(voting.rule_game("nato")), 1, "penrose"), "valid indices"),
        (lambda: voting.is_winning(voting.rule_game("nato"), ["Atlantis"]), "valid members"),
        (lambda: power(voting.rule_game("nato")).absolute_banzhaf("Russia"), "valid members"),
        (lambda: power("nato"), "make_game"),
    ],
)
def test_bad_input_raises_clear_errors(call, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        call()


def test_too_large_tables_are_refused():
    members = [f"m{i}" for i in range(30)]
    weights = {"pop": [10**6 + i for i in range(30)]}
    with pytest.raises(ValueError, match="scale the weights down"):
        power(make_game(members, {"pop": Fraction(1, 2)}, weights=weights))
