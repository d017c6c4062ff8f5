"""The numbers-from-models check (tests/prose_numbers.py) reads the prose and fails on a planted
wrong number (issue 15, "Done when"). Every plant is made in memory on a copy of the prose; no
notebook is changed on disk."""

from __future__ import annotations

import pytest

from tests import prose_numbers as pn
from tests.test_models_bargaining import prose_claims_04
from tests.test_models_motives import prose_claims_06
from tests.test_osce import prose_claims_07
from tests.test_poll import prose_claims_09
from tests.test_voting_plots import prose_claims_05

CLAIMS = {
    "04": prose_claims_04,
    "05": prose_claims_05,
    "06": prose_claims_06,
    "07": prose_claims_07,
    "09": prose_claims_09,
}


def planted(prose: str, template: str, slot: str, wrong: str) -> str:
    """The prose with the first number stated in ``slot`` of ``template`` replaced by ``wrong``."""
    match = next(pn.pattern(template).finditer(prose))
    start, end = match.span(slot)
    return prose[:start] + wrong + prose[end:]


@pytest.mark.parametrize(
    ("text", "model", "agrees"),
    [
        ("31%", 0.3056, True),
        ("30%", 0.3056, False),
        ("0.3", 0.30000000000000004, True),
        ("0.35", 0.3, False),
        ("105", 104.6, True),
        ("105", 104.4, False),
        ("10,800", 10_800, True),
        ("2.6%", 0.02636, True),
        ("2.6%", 0.0252, False),
        ("six", 6, True),
        ("six", 5, False),
        ("a tenth", pn.Near(0.095, 0.02), True),
        ("a third", pn.Near(0.095, 0.02), False),
        ("8", pn.Between(7.41, 8.56), True),
        ("4", pn.Between(7.41, 8.56), False),
        ("1", pn.Under(0.87), True),
        ("0.5", pn.Under(0.87), False),
    ],
)
def test_a_stated_number_agrees_at_the_precision_stated(text, model, agrees):
    assert (pn.disagreement(text, model) is None) is agrees


def test_the_numbers_are_read_from_the_prose():
    prose = "With costs of 0.2 and p = 0.5 the range runs from 0.3 to 0.7, so neither is in it."
    template = "the range runs from {lo} to {hi}, so neither"
    assert pn.stated(prose, template) == [{"lo": "0.3", "hi": "0.7"}]
    assert pn.mismatches(prose, {template: {"lo": 0.3, "hi": 0.7}}) == []
    assert pn.mismatches(prose, {template: {"lo": 0.3, "hi": 0.8}}) == [
        f"{template!r}: {{hi}} states 0.7, the model gives 0.8"
    ]
    # A claim the prose does not make is reported, so rewording cannot drop a check silently.
    assert pn.mismatches("The range is wide.", {template: {"lo": 0.3, "hi": 0.7}}) == [
        f"{template!r}: not found in the prose"
    ]
    # Every place the prose makes the claim is checked, not only the first.
    twice = prose + " Later: the range runs from 0.3 to 0.9, so neither is in it."
    assert len(pn.mismatches(twice, {template: {"lo": 0.3, "hi": 0.7}})) == 1
    # A minus is read as a sign, a dash between numbers is not.
    assert pn.stated("Grievances of -2 move it", "Grievances of {g} move") == [{"g": "-2"}]
    assert pn.stated("with sentences 1-4 only", "sentences {a}-{b} only") == [{"a": "1", "b": "4"}]
    assert pn.disagreement("-2", -2.0) is None and pn.disagreement("2", -2.0) is not None
    with pytest.raises(ValueError, match="need one model value each"):
        pn.mismatches(prose, {template: {"lo": 0.3}})


@pytest.mark.parametrize(
    ("notebook", "template", "slot", "wrong"),
    [
        # 04: one number of the range changed, as the example ("the range runs from...").
        (
            "04",
            "With costs of {c} and p = {p} the range runs from {lo} to {hi}, so neither is in it",
            "hi",
            "0.8",
        ),
        ("04", "(here with up to {s})", "s", "0.5"),
        # 05: a percentage one point off.
        (
            "05",
            "hold about {ss} of the Shapley-Shubik power and about {bz} of the Banzhaf power",
            "ss",
            "97%",
        ),
        # 06: "about a tenth" made "about a third", and the 90% cut made 80%.
        ("06", "together hold about {share} of Russia's estimated count", "share", "a third"),
        ("06", "cut their arsenals by {cut} (share kept {kept})", "cut", "80%"),
        # 07: a sentence number pointing at the wrong sentence.
        ("07", "Then add sentence {n} instead", "n", "4"),
        # 09: the page's total and the interval width.
        ("09", "what can {n} self-selected votes tell us?", "n", "180"),
        (
            "09",
            "**At {n} votes even a random sample would be vague.** Each share is uncertain by about ±{hw} "
            "percentage points at {c}",
            "hw",
            "5",
        ),
    ],
)
def test_a_planted_wrong_number_is_reported(notebook, template, slot, wrong):
    prose, claims = pn.notebook_prose(notebook), CLAIMS[notebook]()
    assert pn.mismatches(prose, claims) == []
    problems = pn.mismatches(planted(prose, template, slot, wrong), claims)
    assert problems == [f"{template!r}: {{{slot}}} {pn.disagreement(wrong, claims[template][slot])}"]
    assert f"states {wrong}, the model gives" in problems[0]


@pytest.mark.parametrize("notebook", sorted(CLAIMS))
def test_every_checked_number_fails_when_planted_wrong(notebook):
    """For every claim and every slot, a wrong number planted in its first place is reported."""
    prose, claims = pn.notebook_prose(notebook), CLAIMS[notebook]()
    assert claims and pn.mismatches(prose, claims) == []
    for template, values in claims.items():
        for slot, model in values.items():
            # Smaller than any bound the prose states, larger than any value it checks exactly.
            wrong = "0.001" if isinstance(model, pn.Under) else "777"
            problems = pn.mismatches(planted(prose, template, slot, wrong), claims)
            assert any(p.startswith(f"{template!r}: {{{slot}}} states {wrong}") for p in problems), (
                notebook,
                template,
                slot,
            )


def test_a_reworded_claim_is_reported_not_skipped():
    prose, claims = pn.notebook_prose("04"), prose_claims_04()
    reworded = prose.replace("so neither is in it", "so neither of them is in it")
    assert pn.mismatches(reworded, claims) == [
        "'With costs of {c} and p = {p} the range runs from {lo} to {hi}, so neither is in it': "
        "not found in the prose"
    ]
