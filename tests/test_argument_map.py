"""Tests for helpers.models.argument_map and data/argument_map.toml: a DAG whose every claim cites
existing paragraphs with verbatim evidence, and premise rejection that propagates correctly."""

import random

import pytest

from helpers.models import argument_map as am
from helpers.sources import essay

PIDS = [f"P{n}" for n in range(1, 12)]


@pytest.fixture(scope="module")
def amap():
    return am.load()


def make(claims, pids=PIDS):
    return am.ArgumentMap(am.claims_from_records(claims), pids)


def rec(cid, kind="premise", support=(), paragraphs=("P1",), **extra):
    return {
        "id": cid,
        "kind": kind,
        "text": f"claim {cid}",
        "paragraphs": list(paragraphs),
        "support": [list(r) for r in support],
        "source": "test",
        "accessed": "today",
        **extra,
    }


# --- the data file ------------------------------------------------------------------------


def test_essay_has_the_paragraph_ids_the_map_expects():
    assert essay.paragraph_ids() == PIDS


def test_map_is_a_dag_over_existing_paragraphs(amap):
    order = amap.topological_order()
    assert sorted(order) == amap.ids()
    position = {cid: i for i, cid in enumerate(order)}
    for supporter, supported in amap.edges():
        assert position[supporter] < position[supported]
    for claim in amap.claims.values():
        assert claim.paragraphs and set(claim.paragraphs) <= set(PIDS)


def test_every_claim_quotes_its_paragraphs_verbatim(amap):
    for claim in amap.claims.values():
        assert claim.evidence, claim.id
        for phrase in claim.evidence:
            found = [pid for pid in claim.paragraphs if phrase in essay.paragraph(pid)]
            assert found, f"{claim.id}: {phrase!r} not in {claim.paragraphs}"


def test_map_has_all_three_kinds_and_sources(amap):
    for kind in am.KINDS:
        assert amap.of_kind(kind)
    for claim in amap.claims.values():
        assert claim.source.strip() and claim.accessed.strip()
    assert {c.id for c in amap.rejectable()} >= {"homogeneous", "national", "nuclear"}


def test_map_is_not_in_page_order(amap):
    # Support runs backwards through the page too: the map is built from the logic.
    def first_para(cid):
        return min(int(p[1:]) for p in amap[cid].paragraphs)

    assert any(first_para(a) > first_para(b) for a, b in amap.edges())


# --- rejecting premises -------------------------------------------------------------------


def test_layout_puts_each_claim_right_of_its_supporters_without_collisions(amap):
    pos = amap.layout()
    for supporter, supported in amap.edges():
        assert pos[supporter][0] < pos[supported][0]
    assert len(set(pos.values())) == len(pos)


def test_nothing_falls_when_nothing_is_rejected(amap):
    assert amap.fallen([]) == []
    assert all(amap.standing().values())


def test_rejecting_the_nuclear_premise_only_topples_p11s_conclusion(amap):
    assert amap.lost_conclusions(["nuclear"]) == ["speak_openly"]
    assert amap.fallen(["nuclear"]) == ["nuclear", "speak_openly"]


def test_rejecting_homogeneity_topples_the_dead_end(amap):
    lost = amap.lost_conclusions(["homogeneous"])
    assert "dead_end" in lost and "impossible" in lost and "twelve_steps_limited" in lost


def test_rejecting_russias_national_interest_topples_every_conclusion_resting_on_it(amap):
    lost = set(amap.lost_conclusions(["national"]))
    expected = {c.id for c in amap.of_kind("conclusion") if "national" in amap.premises_under(c.id)}
    assert lost == expected and lost


def test_standing_matches_premises_under_for_single_routes(amap):
    # With one route per claim, a claim falls exactly when a premise under it is rejected.
    for premise in amap.rejectable():
        status = amap.standing([premise.id])
        for cid, ok in status.items():
            assert ok == (premise.id not in amap.premises_under(cid))


def test_result_does_not_depend_on_claim_order():
    records = am.read_records()
    base = am.ArgumentMap(am.claims_from_records(records), PIDS)
    shuffled = list(records)
    random.Random(5).shuffle(shuffled)
    other = am.ArgumentMap(am.claims_from_records(shuffled), PIDS)
    assert other.topological_order() == base.topological_order()
    assert other.layout() == base.layout()
    for premise in base.rejectable():
        assert other.fallen([premise.id]) == base.fallen([premise.id])


def test_rejecting_a_non_premise_or_unknown_id_is_an_error(amap):
    with pytest.raises(ValueError, match="only premises"):
        amap.standing(["dead_end"])
    with pytest.raises(ValueError, match="valid ids"):
        amap.standing(["no_such_claim"])


# --- the logic on small maps --------------------------------------------------------------


def test_alternative_routes_keep_a_claim_standing():
    m = make([rec("a"), rec("b"), rec("c", "conclusion", support=[["a"], ["b"]])])
    assert m.lost_conclusions(["a"]) == []
    assert m.lost_conclusions(["a", "b"]) == ["c"]


def test_joint_support_needs_every_member():
    m = make([rec("a"), rec("b"), rec("c", "conclusion", support=[["a", "b"]])])
    assert m.lost_conclusions(["b"]) == ["c"]


def test_cycle_is_rejected():
    with pytest.raises(ValueError, match="cycle"):
        make(
            [
                rec("p"),
                rec("x", "intermediate", support=[["p", "y"]]),
                rec("y", "intermediate", support=[["x"]]),
                rec("c", "conclusion", support=[["y"]]),
            ]
        )


def test_unknown_paragraph_is_rejected():
    with pytest.raises(ValueError, match="unknown paragraph 'P12'"):
        make([rec("a", paragraphs=["P12"]), rec("c", "conclusion", support=[["a"]])])


@pytest.mark.parametrize(
    ("claims", "message"),
    [
        ([rec("a", kind="hunch")], "not one of"),
        ([rec("a"), rec("c", "conclusion")], "needs at least one support"),
        ([rec("a", support=[["a"]])], "premise cannot"),
        ([rec("a"), rec("c", "conclusion", support=[["zz"]])], "unknown supporting"),
        ([rec("a"), rec("a")], "duplicate"),
        ([rec("a"), rec("b"), rec("c", "conclusion", support=[["a"]])], "supports nothing"),
        ([rec("a", paragraphs=[]), rec("c", "conclusion", support=[["a"]])], "cites no"),
        ([{"id": "x", "kind": "premise"}], "lacks"),
    ],
)
def test_malformed_maps_are_rejected(claims, message):
    with pytest.raises(ValueError, match=message):
        make(claims)


# --- layout with routed edges ---------------------------------------------------------------


def test_routes_step_one_column_at_a_time_and_stacked_boxes_never_overlap(amap):
    sizes = {cid: 0.5 + 0.1 * (i % 4) for i, cid in enumerate(amap.ids())}
    pos = amap.layout(sizes, gap=0.1, dummy=0.1)
    routes = amap.routes(sizes, gap=0.1, dummy=0.1)
    assert sorted(routes) == amap.edges()
    for (s, t), way in routes.items():
        assert way[0] == pos[s] and way[-1] == pos[t]
        assert [x for x, _ in way] == [float(d) for d in range(int(pos[s][0]), int(pos[t][0]) + 1)]
    # every item in a column (claims and the slots of passing edges) keeps its own band
    items = [(x, y, sizes[c]) for c, (x, y) in pos.items()]
    items += [(x, y, 0.1) for way in routes.values() for x, y in way[1:-1]]
    for i, (x1, y1, h1) in enumerate(items):
        for x2, y2, h2 in items[i + 1 :]:
            if x1 == x2:
                assert abs(y1 - y2) >= (h1 + h2) / 2 + 0.1 - 1e-9


def test_layout_reduces_crossings_compared_with_alphabetical_order(amap):
    # Barycentre sweeps should not be worse than leaving each column in id order.
    def crossings(routes):
        segs = []
        for way in routes.values():
            segs += list(zip(way, way[1:], strict=False))
        count = 0
        for i, (a1, b1) in enumerate(segs):
            for a2, b2 in segs[i + 1 :]:
                if a1[0] == a2[0] and (a1[1] - a2[1]) * (b1[1] - b2[1]) < 0:
                    count += 1
        return count

    swept = crossings(amap.routes())
    unswept = am.ArgumentMap(am.claims_from_records(am.read_records()), PIDS)
    assert swept <= crossings(unswept.routes(sweeps=0))
