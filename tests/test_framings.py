"""The framings of the same actors: well-formed, fixed in place, faithful to the data, loud on bad input."""

from __future__ import annotations

import itertools

import pytest

from helpers.explorers import framings as explore
from helpers.explorers import referents as explore_referents
from helpers.explorers import start, widgets
from helpers.figures.engine import Picture
from helpers.models import framings, layout, membership, referents
from helpers.sources import facts
from helpers.sources.essay import quote
from helpers.text import framings as framings_text

ALL = list(itertools.product(framings.FRAMINGS, framings.PERSPECTIVES))


@pytest.mark.parametrize("framing, perspective", ALL)
def test_every_framing_and_perspective_is_well_formed(framing, perspective):
    f = framings.frame(framing, perspective)
    ids = [n.id for n in f.nodes]
    assert ids == list(layout.POSITIONS), "every placed state is drawn, once, in layout order"
    assert all(n.role in framings.ROLES for n in f.nodes)
    for edge in f.edges:
        assert edge.kind in framings.EDGE_KINDS
        ends = set(ids) | ({framings.LINE} if f.groups else set())
        assert edge.a in ends and edge.b in ends and edge.a != edge.b
    for group in f.groups:
        assert set(group.members) <= set(ids) and group.members
    assert f.secured and f.against and f.cooperation
    if f.quote:
        quote(*f.quote)  # verbatim or ValueError


@pytest.mark.parametrize("perspective", framings.PERSPECTIVES)
def test_nodes_never_move_between_framings_or_lenses(perspective):
    views = [framings.frame(fr, perspective) for fr in framings.FRAMINGS]
    views += [framings.lens(lens, perspective) for lens in framings.LENSES[1:]]
    positions = {tuple((n.id, n.x, n.y) for n in v.nodes) for v in views}
    assert len(positions) == 1


def test_collective_framing_draws_the_line_and_the_essays_outsiders():
    f = framings.frame("collective", "brussels")
    (group,) = f.groups
    assert set(group.members) == {
        a.id for a in facts.actors().values() if a.id in layout.POSITIONS and (a.in_nato() or a.in_eu())
    }
    assert f.node("RUS").role == "threat" and f.node("CHN").role == "threat"
    assert f.node("UKR").role == "issue"
    threats = [e for e in f.edges if e.kind == "threat"]
    assert {e.a for e in threats} == {"RUS", "CHN"} and all(e.directed for e in threats)
    # The essay names the outsiders, not whom they threaten: arrows point at the line itself.
    assert all(e.b == framings.LINE for e in threats)
    moscow = framings.frame("collective", "moscow")
    assert any(e.a == framings.LINE and e.b == "RUS" for e in moscow.edges)


def test_international_framing_has_no_line_and_only_sourced_edges():
    f = framings.frame("international", "brussels")
    assert f.groups == ()
    sourced = {(r["a"], r["b"], r["kind"]) for r in framings.interactions()}
    assert f.edges and {(e.a, e.b, e.kind) for e in f.edges} <= sourced
    assert {e.kind for e in f.edges} == {"cooperation", "clash", "war"}
    (war,) = [e for e in f.edges if e.kind == "war"]
    assert (war.a, war.b, war.directed) == ("RUS", "UKR", True)


def test_perspective_changes_the_collective_and_the_year():
    nato_2022 = framings.frame("collective", "washington")
    helsinki_2022 = framings.frame("collective", "helsinki_2022")
    helsinki_2025 = framings.frame("collective", "helsinki_2025")
    assert "FIN" in nato_2022.groups[0].members
    assert "NOR" not in helsinki_2022.groups[0].members  # the EU, in 2022
    assert "FIN" in helsinki_2022.groups[0].members and "SWE" in helsinki_2022.groups[0].members
    assert "NOR" in helsinki_2025.groups[0].members
    # Edges that began after 2022 are absent from the 2022 view.
    intl_2022 = framings.frame("international", "helsinki_2022")
    assert all(
        int(r["start"]) <= 2022
        for r in framings.interactions()
        if any(e.a == r["a"] and e.b == r["b"] for e in intl_2022.edges)
    )


def test_states_in_between_are_actors_with_their_own_view():
    kyiv = framings.frame("collective", "kyiv")
    assert kyiv.node("UKR").role == "self", "starred as the perspective's own state, as Moscow is"
    assert framings.frame("collective", "moscow").node("RUS").role == "self"
    assert "Ukraine" in kyiv.secured
    intl = framings.frame("international", "kyiv")
    assert intl.node("UKR").role == "self"
    (war,) = [e for e in intl.edges if e.kind == "war"]
    assert war.b == "UKR" and f"war: {war.label}" in intl.cooperation, "the drawn war is counted"


def test_lenses():
    claude = framings.lens("collective_security_claude", "warsaw")
    breaches = [e for e in claude.edges if e.kind == "breach"]
    assert {e.a for e in breaches} == set(layout.POSITIONS) - {"POL"}
    assert {"DEU", "FRA", "USA"} <= {e.a for e in breaches}, "allies can be the threat, too"
    concert = framings.lens("concert")
    assert {n.id for n in concert.nodes if n.role == "great power"} == {"USA", "GBR", "FRA", "RUS", "CHN"}
    defence = framings.lens("collective_defence", "helsinki_2022")
    assert "FIN" not in defence.groups[0].members
    for term in framings.scholarly_terms().values():
        assert term["closest"] in framings.FRAMINGS


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: framings.frame("regional"), "valid framings are collective, international"),
        (lambda: framings.frame("collective", "paris"), "valid perspectives are brussels"),
        (lambda: framings.frame("collective", actors=("XYZ",)), "valid actors are RUS"),
        (lambda: framings.frame("collective", actors=("NATO",)), "organisation, not a state"),
        (lambda: framings.lens("essay"), "valid lenses are collective_defence"),
        (lambda: framings.collective_members("CSTO", 2025), "valid collectives are NATO, EU"),
        (lambda: referents.analyse("Milan", "collective"), "valid referents are UKR"),
        (lambda: referents.analyse("UKR", "regional"), "valid framings are collective"),
    ],
)
def test_bad_names_raise_with_the_valid_choices(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_a_subset_of_actors_is_framed_consistently():
    f = framings.frame("collective", "tallinn", actors=("EST", "POL", "RUS", "UKR"))
    assert [n.id for n in f.nodes] == ["EST", "POL", "RUS", "UKR"]  # in the order asked for
    assert f.node("EST").role == "self" and f.node("RUS").role == "threat"


@pytest.mark.parametrize("values", widgets.combinations(explore.CONTROLS), ids=lambda v: "-".join(v.values()))
def test_render_02_every_combination(values):
    view = explore.render(**values)
    assert isinstance(view.fig, Picture) and view.alt.endswith("(described below)")
    assert values["framing"] in view.description.lower()
    assert "Who is secured" in view.text
    if values["lens"] != "essay":
        assert "Closest to" in view.text and "Right panel" in view.description
        assert len(view.fig.panels) == 2


def test_scholarly_names_keep_their_capitals():
    view = explore.render("collective", "brussels", "collective_security_claude")
    assert "<b>Collective security (Claude&#x27;s sense)</b>" in view.text


@pytest.mark.parametrize(
    "referent, framing, no_culprit",
    list(itertools.product(referents.REFERENTS, framings.FRAMINGS, (False, True))),
)
def test_render_03_every_combination(referent, framing, no_culprit):
    view = explore_referents.render(referent, framing, no_culprit)
    assert isinstance(view.fig, Picture) and view.description and view.text
    assert ("global warming" in view.description) == no_culprit
    result = referents.analyse(referent, framing)
    assert ("no place" in view.fig.title()) == (not result.has_place)


def test_the_system_is_not_at_war_with_its_states():
    view = explore_referents.render("system", "international", False)
    assert "with each other" in view.text and "war with it" not in view.text
    assert "war with it" in explore_referents.render("UKR", "international", False).text


def test_quizzes_follow_the_models():
    norway = start.line_quiz("NOR")
    assert norway.answer == "NATO only" and membership.clubs_of("NOR") == ("NATO",)
    assert start.line_quiz("AUT").answer == "the EU only"
    assert start.line_quiz("RUS").answer == "neither"
    both = explore_referents.both_quiz()
    assert both.answer == "none of them: each has a place in one"
    assert explore.claude_quiz().answer.startswith("Any member of the system")
    claude = framings.lens("collective_security_claude", "warsaw")
    assert {e.a for e in claude.edges if e.kind == "breach"} >= set(
        framings.collective_members("community", framings.CURRENT_YEAR)
    ) - {"POL"}
    sorting = explore.sorting_quiz()
    assert sorting is not None


def test_referent_analysis_matches_the_essays_framing():
    ukr = referents.analyse("UKR", "collective")
    assert not ukr.has_place and ukr.threats == ()
    pol = referents.analyse("POL", "collective")
    assert pol.threats == framings.ESSAY_NAMED_OUTSIDERS and pol.parties == ()
    rus = referents.analyse("RUS", "collective")
    assert rus.threats == ("community",) and not rus.has_place  # as in notebook 02's Moscow view
    assert not framings.frame("collective", "moscow").secured.startswith("Russia")
    ukr_intl = referents.analyse("UKR", "international")
    assert "RUS" in ukr_intl.parties and "TUR" in ukr_intl.partners
    assert ukr_intl.threats == ("RUS",)
    rus_intl = referents.analyse("RUS", "international")
    assert rus_intl.threats == () and "UKR" in rus_intl.parties  # a party to the war, not a threat
    assert referents.analyse("TUR", "international").threats == ()
    assert not referents.analyse("NATO", "international").has_place
    assert not referents.analyse("system", "collective").has_place
    assert referents.analyse("system", "international").parties


def test_supporting_text_is_sourced():
    assert framings_text.homogeneity_evidence().count("(source:") == 3
    assert "Russia (1994" in framings_text.partnership_markdown()
    assert "(source: " in framings_text.partnership_markdown()


def test_status_lines_are_dated_both_ways():
    # Review rows 4-5: Russia's partnership has its end dates; Ukraine's line names its NATO course.
    russia, ukraine = framings_text.status("RUS"), framings_text.status("UKR")
    assert "1 April 2014" in russia and "1 November 2021" in russia
    assert "Bucharest" in ukraine and "2019" in ukraine and "30 September 2022" in ukraine
    # Review row 5: the Vilnius communique (11 July 2023), quoted as the copies read give it.
    assert "Vilnius Summit (11 July 2023): 'Ukraine's future is in NATO'" in ukraine
    assert "'when Allies agree and conditions are met'" in ukraine
    row = next(r for r in facts.load_csv("actors.csv") if r["id"] == "UKR")
    assert "official_texts_217320" in row["source"] and "Vilnius" in row["read_via"]
    assert row["accessed"] == "2026-12-03"
    assert "see Sources" in russia and "actors.csv" in ukraine
