"""OSCE commitments: sourced texts, the sentence-toggle reading, and clear errors."""

from __future__ import annotations

import itertools
import re

import pytest

from helpers.models import osce
from helpers.sources.facts import load_toml
from helpers.text import impossible as osce_texts


def test_every_record_has_a_source_and_date():
    data = load_toml(osce.DATA)
    for table in ("istanbul_para8", "astana_para3", "quoted_by"):
        for record in data[table]:
            assert record["source"].strip() and re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["accessed"])
            # The URL of the page actually read: the source's own, or the copy in read_via.
            where = record["source"] + record.get("read_via", "")
            assert "http" in where, f"{table} {record.get('id')} needs a URL"


def test_texts_are_as_read_and_gaps_are_marked():
    table = osce.sentences()
    assert tuple(table) == osce.SENTENCE_IDS
    assert table["equal_right"].text == "Each participating State has an equal right to security."
    assert table["not_at_expense"].text == (
        "They will not strengthen their security at the expense of the security of other States."
    )
    assert "including treaties of alliance" in table["free_to_choose"].text
    assert table[osce.ASTANA_ID].text.startswith(
        "The security of each participating State is inseparably linked"
    )
    # Sentence 6 is read in full: both clauses in one sentence, as the transcription gives it.
    sphere = table["no_sphere"]
    assert sphere.verbatim_full and sphere.display == sphere.text
    assert sphere.text.startswith("Within the OSCE no State, group of States or organization")
    assert "pre-eminent responsibility" in sphere.text
    assert sphere.text.endswith("can consider any part of the OSCE area as its sphere of influence.")
    # Every Istanbul sentence names where it was read, and the note says what rests on one copy.
    for sid in osce.ISTANBUL_IDS:
        assert "redanalysis.org" in table[sid].source
    assert "rests on the one full transcription" in osce.reading_note()
    # "indivisible" is not in the Istanbul sentences as read (the essay's word is P5's).
    assert not any("indivisib" in table[s].text.lower() for s in osce.ISTANBUL_IDS)


def test_no_partisan_site_is_a_source():
    data = load_toml(osce.DATA)
    sources = " ".join(r["source"] for table in data.values() for r in table)
    assert "thesaker" not in sources


def test_the_sides_quote_different_sentences():
    assert osce.sides_quoting("not_at_expense") == ("Russia",)
    assert osce.sides_quoting("free_to_choose") == ("West",)
    assert set(osce.sides_quoting("no_sphere")) == {"Russia", "West"}


@pytest.mark.parametrize(
    "kept, case, status",
    [
        (osce.SENTENCE_IDS, "enlargement", "contested"),
        (("free_to_choose", "respect_rights"), "enlargement", "protected"),
        (("not_at_expense",), "enlargement", "objectionable"),
        (("not_at_expense", "equal_right"), "enlargement", "objectionable"),
        (("equal_right", osce.ASTANA_ID), "enlargement", "silent"),
        ((), "enlargement", "silent"),
        (("neutrality",), "enlargement", "silent"),
        (("neutrality",), "neutrality", "protected"),
        (("not_at_expense",), "neutrality", "silent"),
        (osce.SENTENCE_IDS, "neutrality", "protected"),
    ],
)
def test_verdicts_for_hand_picked_sets(kept, case, status):
    assert osce.verdict(case, kept).status == status


def test_respect_rights_needs_a_right_to_refer_to():
    # "Each participating State will respect the rights of all others in these regards."
    assert osce.verdict("enlargement", ["respect_rights"]).status == "silent"
    assert osce.verdict("neutrality", ["respect_rights"]).status == "silent"
    assert osce.verdict("neutrality", ["respect_rights", "neutrality"]).of_kind("protects") == (
        "neutrality",
        "respect_rights",
    )


def test_adding_the_sphere_sentence_to_the_choice_sentences_makes_enlargement_contested():
    kept = ["equal_right", "free_to_choose", "neutrality", "respect_rights"]
    assert osce.verdict("enlargement", kept).status == "protected"
    assert osce.verdict("enlargement", kept + ["no_sphere"]).status == "contested"


def test_status_follows_grounds_for_every_subset():
    for r in range(len(osce.SENTENCE_IDS) + 1):
        for kept in itertools.combinations(osce.SENTENCE_IDS, r):
            for case in osce.CASES:
                v = osce.verdict(case, kept)
                protects, objects = bool(v.of_kind("protects")), bool(v.of_kind("objects"))
                expected = {
                    (True, True): "contested",
                    (True, False): "protected",
                    (False, True): "objectionable",
                    (False, False): "silent",
                }
                assert v.status == expected[(protects, objects)]
                assert all(sid in kept for sid, _ in v.grounds)
                # Neutrality is never open to objection in this reading.
                if case == "neutrality":
                    assert v.status in ("protected", "silent")


def test_paragraph_html_shows_kept_in_full_and_strikes_dropped():
    page = osce_texts.paragraph_html(["free_to_choose"])
    assert "to be free to choose or change its security arrangements" in page
    assert "<s" in page and "How the text was read" in page
    assert "its sphere of influence" in osce_texts.paragraph_html(["no_sphere"])


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: osce.verdict("accession", []), "valid cases are enlargement, neutrality"),
        (lambda: osce.verdict("enlargement", ["para9"]), "valid sentences are equal_right"),
        (lambda: osce.quoted_by("helsinki"), "valid sentences are"),
        (lambda: osce_texts.paragraph_html(["x"]), "unknown sentence 'x'"),
    ],
)
def test_bad_input_raises_clear_errors(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_commitments_widget_renders_every_combination():
    from matplotlib.text import Text

    from helpers.explorers import impossible as E
    from helpers.explorers.widgets import View, combinations
    from helpers.figures import engine
    from helpers.figures.style import MIN_FONT_PT

    combos = combinations(E.COMMITMENT_CONTROLS)
    assert len(combos) == 2 ** len(osce.SENTENCE_IDS)
    statuses = set()
    for index, values in enumerate(combos):
        view = View.coerce(E.render_commitments(**values))
        kept = [s for s in osce.SENTENCE_IDS if values[s]]
        status = osce.verdict("enlargement", kept).status
        assert osce.STATUS_TEXT[status] in view.description
        statuses.add(status)
        if index % 7 == 0:  # drawing is the slow part: draw a spread of combinations
            texts = [t for t in engine.figure(view.fig).findobj(Text) if t.get_text()]
            assert min(t.get_fontsize() for t in texts) >= MIN_FONT_PT
            assert status.upper() in [t.get_text() for t in texts]
            assert engine.png(view.fig).startswith(b"\x89PNG")
    assert statuses == set(osce.STATUS_TEXT)
    with pytest.raises(ValueError, match="unknown sentence 'para9'"):
        E.render_commitments(para9=True)


def test_sentence_quiz_answer_and_explanation_come_from_the_model():
    from helpers.explorers import impossible as E

    q = E.sentence_quiz()
    five = osce.sentences()["not_at_expense"]
    assert q.answer == osce.verdict("enlargement", ["not_at_expense"]).summary
    assert f"sentence {five.position}" in q.question.lower()
    # The protecting sentences it says are dropped are the model's, by position.
    protecting = [
        osce.sentences()[s].position
        for s in osce.SENTENCE_IDS
        if osce.PROTECTS in osce.READING[s]["enlargement"]
    ]
    assert ", ".join(map(str, protecting)) in q.explanation
    assert osce.GROUND_LABELS[osce.OBJECTS] in q.explanation


def test_texts_markdown_escapes_what_the_data_holds():
    # Markdown passes HTML through: a stray '<' in a record must arrive as text, not markup.
    assert "<" not in osce_texts.texts_markdown().replace("&lt;", "")


def test_the_indivisible_box_shows_where_the_word_occurs():
    # Para. 8 lacks the word, but the same documents use it; the box must say both (review row 3).
    box = osce_texts.texts_markdown()
    assert "does not occur in para. 8" in box
    assert "a common and indivisible security space" in box  # Istanbul Charter, para. 1
    assert "equal and indivisible security" in box  # Astana, para. 2
    assert "treaties of alliance" in box and "Helsinki Final Act (1975)" in box
    data = load_toml(osce.DATA)
    for record in data["indivisible"]:
        assert "indivisib" in record["text"].lower() and "http" in record["source"]
    # The TASS gloss quotes sentence 5's words, so it is filed under sentence 5 (review row 29).
    assert osce.sides_quoting("equal_right") == ()


def prose_claims_07() -> dict:
    """The numbers 07's prose states, each with the data's or the model's value (tests.prose_numbers).

    The sentence numbers are the records' ``position`` in osce_texts.toml; what the prose says each
    sentence does in the figure is checked against the model here too."""
    from helpers.explorers import impossible
    from helpers.models import proposals

    records = load_toml(osce.DATA)["istanbul_para8"]
    pos = {r["id"]: r["position"] for r in records}
    assert list(pos) == list(osce.ISTANBUL_IDS) and list(pos.values()) == list(range(1, len(records) + 1))
    start = sorted(pos[sid] for sid in impossible.DEFAULT_KEPT)
    assert start == list(range(start[0], start[-1] + 1))  # "sentences 1-4": a run
    assert {c.name for c in impossible.COMMITMENT_CONTROLS if c.default} == set(impossible.DEFAULT_KEPT)
    kept = impossible.DEFAULT_KEPT
    assert osce.verdict("enlargement", kept).status == "protected"
    assert osce.verdict("enlargement", (*kept, "not_at_expense")).status == "contested"
    assert osce.verdict("enlargement", (*kept, "no_sphere")).status == "contested"
    dropped = [sid for sid in kept if sid not in ("free_to_choose", "neutrality")]
    assert all("respect_rights" not in osce.verdict(case, dropped).of_kind("protects") for case in osce.CASES)
    text = {r["id"]: r["text"] for r in records}
    assert (
        "will not strengthen their security at the expense of the security of other States"
        in text["not_at_expense"]
    )
    assert "can have any pre-eminent responsibility for maintaining peace and stability" in text["no_sphere"]
    second_copy = [r["position"] for r in records if "labouraffairs.com" in r.get("read_via", "")]
    astana_clause = [r["position"] for r in records if "Astana" in r.get("read_via", "")]
    assert second_copy == list(range(second_copy[0], second_copy[-1] + 1)) and len(astana_clause) == 1
    low, high = proposals.SCALE
    choose, expense, sphere = pos["free_to_choose"], pos["not_at_expense"], pos["no_sphere"]
    return {
        "**Try first:** the widget starts with sentences {first}-{last} kept": {
            "first": start[0],
            "last": start[-1],
        },
        "add sentence {n}, the sphere-of-influence sentence": {"n": sphere},
        "Then add sentence {n} instead": {"n": expense},
        "With sentences {first}-{last} only, enlargement is *protected*": {
            "first": start[0],
            "last": start[-1],
        },
        "Add sentence {n} and a neighbour gains a ground to object (the participating States": {"n": expense},
        "Sentence {n} does the same on its own in this reading": {"n": sphere},
        "Drop sentences {a} and {b} and sentence {c} protects nothing": {
            "a": choose,
            "b": pos["neutrality"],
            "c": pos["respect_rights"],
        },
        "The {n} Istanbul sentences were read in one full transcription": {"n": len(records)},
        "Sentences {first}-{last} and the sphere-of-influence clause of sentence {n} agree": {
            "first": second_copy[0],
            "last": second_copy[-1],
            "n": astana_clause[0],
        },
        "give it two scores of your own from {low} to {high}": {"low": low, "high": high},
        "the line at {t} is arbitrary": {"t": proposals.THRESHOLD},
        "they quote sentence {n} and the ban on spheres of influence": {"n": choose},
        "read Russia's emphasis on sentence {n} as a claim": {"n": expense},
        "Sentence {n} of the Istanbul paragraph says that no State": {"n": sphere},
        "used the right in sentence {n} to change": {"n": choose},
        "Sentences {a} and {b} sit side by side": {"a": choose, "b": expense},
        "because sentence {a} gives the applicant a right and sentence {b} gives the neighbour": {
            "a": choose,
            "b": expense,
        },
    }


def test_notebook_prose_numbers_match_the_data_and_the_model():
    """Every sentence number and plane number 07's prose states, read from the prose and compared
    with osce_texts.toml's positions and the models (issue 15 item 6)."""
    from tests import prose_numbers

    assert prose_numbers.mismatches(prose_numbers.notebook_prose("07"), prose_claims_07()) == []
