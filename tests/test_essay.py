"""The seed parsed into its parts, quotations verbatim, and the glossary tied to paragraphs."""

from __future__ import annotations

import hashlib

import pytest

from helpers.sources import essay


def test_seed_is_byte_for_byte_the_users_file():
    digest = hashlib.sha256(essay.seed_path().read_bytes()).hexdigest()
    assert digest == essay.SEED_SHA256


def test_eleven_paragraphs_in_page_order():
    cap = essay.capture()
    assert [p.pid for p in cap.paragraphs] == [f"P{i}" for i in range(1, 12)]
    assert cap.paragraphs[0].text.startswith("The fact that Russia and Europe")
    assert cap.paragraphs[4].text.startswith("People on the ground")
    assert cap.paragraphs[7].text.startswith("International security refers to")
    assert cap.paragraphs[10].text.startswith("The motives of the two sides")


def test_repeated_block_detected_from_text_not_line_numbers():
    cap = essay.capture()
    assert cap.repeated_covers == ("P1", "P2", "P3", "P4")
    assert len(cap.repeated_lines) == 4
    # The second rendering joins P1 with the first sentence of P2.
    assert cap.repeated_lines[0].endswith("for instance, Russia or China.")
    # None of the repeated lines is counted as a paragraph of its own (P3 and P4 are repeated
    # word for word, so it is the line, not the text, that must not be counted twice).
    assert not {p.line for p in cap.paragraphs} & set(cap.repeated_line_numbers)
    assert cap.repeated_lines[2] == essay.paragraph("P3")


def test_parser_finds_the_block_when_lines_move():
    """Shuffle the chrome and blank lines: the parse must not depend on fixed line numbers."""
    text = essay.seed_path().read_text(encoding="utf-8")
    moved = "Extra chrome line\n\n\n" + text.replace("\n\n", "\n\n\n")
    cap = essay.parse(moved)
    assert [p.text for p in cap.paragraphs] == [p.text for p in essay.capture().paragraphs]
    assert cap.repeated_covers == ("P1", "P2", "P3", "P4")


def test_word_level_variants_between_the_renderings():
    pairs = {(v.pid, v.first, v.second) for v in essay.capture().variants}
    assert pairs == {
        ("P1", "critical", "important"),
        ("P2", "example,", "instance,"),
        ("P2", "And, in general,", "Additionally,"),
        ("P2", "in its right mind would", "can in its right mind"),
    }


def test_chrome_byline_rating_and_poll():
    cap = essay.capture()
    assert cap.author == "Timofey Bordachev"
    assert "Valdai Discussion Club" in cap.affiliation and "HSE University" in cap.affiliation
    assert (cap.rating_votes, cap.rating) == (1, 5.0)
    assert cap.poll.question == "In your opinion, what are the US long-term goals for Russia?"
    assert [a.votes for a in cap.poll.answers] == [33, 30, 24, 21]
    assert [a.percent for a in cap.poll.answers] == [31, 28, 22, 19]
    assert cap.poll.total == 108
    assert cap.navigation == ("For business", "For researchers", "For students")


def test_quote_returns_whole_verbatim_sentences():
    q = essay.quote("P5", "he wants Milan")
    assert q.startswith("Around 500 years ago") and q.endswith("so do I.”")
    assert q.pid == "P5"
    assert q in essay.paragraph("P5")
    # The seed's typo is kept.
    assert essay.quote("P8", "It this format").startswith("It this format, countries")


def test_quote_spanning_two_sentences():
    q = essay.quote("P7", "perfect examples of this. As the so-called")
    assert q.startswith("Collective security refers") is False
    assert q.startswith("NATO and the European Union are perfect examples of this.")
    assert q.endswith("internal homogeneity.")


def test_quote_errors_name_what_is_valid():
    with pytest.raises(ValueError, match="valid ids are P1, P2"):
        essay.quote("P12", "anything")
    with pytest.raises(ValueError, match="it is in P5"):
        essay.quote("P7", "he wants Milan")
    with pytest.raises(ValueError, match="absent from the essay"):
        essay.quote("P7", "collective defence")
    with pytest.raises(ValueError, match="quotes, dashes or case"):
        essay.quote("P5", '"My cousin Francis')
    with pytest.raises(ValueError, match="empty"):
        essay.quote("P5", "  ")


def test_quotation_shows_as_block_quote_with_its_paragraph():
    md = essay.quote("P9", "monopoly of power")._repr_markdown_()
    assert md.startswith("> Moreover, this type of cooperation") and md.endswith("— Bordachev, P9")


def test_sentence_split_keeps_every_character():
    for p in essay.capture().paragraphs:
        assert " ".join(p.sentences) == p.text


def test_glossary_terms_point_at_paragraphs_where_they_occur():
    terms = {t.name: t for t in essay.glossary()}
    assert terms["collective security"].paragraphs == ("P1", "P7", "P9")
    assert terms["international security"].paragraphs == ("P7", "P8", "P9", "P10")
    assert terms["English School"].paragraphs == ("P7",)
    assert terms["Hobbes's triad"].paragraphs == ("P11",)
    assert terms["monopoly of power"].paragraphs == ("P9",)
    assert terms["indivisibility of security"].paragraphs == ("P5",)
    assert terms["Track II and Track III diplomacy"].paragraphs == ("P1",)
    for t in essay.glossary():
        assert t.paragraphs, f"glossary term {t.name!r} occurs nowhere in the essay"
        assert t.explanation


def test_term_lookup_error_lists_terms():
    assert essay.term("english school").name == "English School"
    with pytest.raises(ValueError, match="the glossary has: collective security"):
        essay.term("realism")


def test_unknown_paragraph_id():
    with pytest.raises(ValueError, match="valid ids"):
        essay.paragraph("p7")


def test_p4_is_read_as_a_security_dilemma_only_with_a_hedge_and_herz():
    """Review row 14: 03, 06 and 07 call P4 a security dilemma only as a reading ('can be read as'),
    with the term credited to Herz (1950), never flatly ('P4 describes one')."""
    import json

    from tests.conftest import ROOT

    for name in ("03_whose_security", "06_motives_and_the_leveller", "07_impossible_or_unacceptable"):
        nb = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
        prose = " ".join(
            " ".join("".join(c["source"]).split()) for c in nb["cells"] if c["cell_type"] == "markdown"
        )
        assert "security dilemma" in prose, name
        assert "P4 describes a security dilemma" not in prose and "P4 describes one" not in prose, name
        assert "can be read as" in prose and "Herz" in prose, name
