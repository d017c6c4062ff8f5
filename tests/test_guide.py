"""The instructor guide: generated from the notebooks and one data file, with plans that add up."""

from __future__ import annotations

import re

import nbformat
import pytest

from helpers.sources import catalog, essay, facts
from helpers.tools import guide
from tests.conftest import NOTEBOOKS, ROOT
from tests.test_hygiene import prose_quotes

GUIDE = ROOT / "docs" / "instructor_guide.md"


def test_committed_guide_is_the_generated_one():
    assert GUIDE.read_text(encoding="utf-8") == guide.build(), (
        "docs/instructor_guide.md is stale: run `python -m helpers.tools.guide > docs/instructor_guide.md`"
    )


def test_every_notebook_has_instructor_notes_and_its_discussion_in_the_guide():
    notes = guide.notes()
    text = GUIDE.read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert path.stem in notes, f"instructor.toml has no entry for {path.stem}"
        talk = guide.discussion(path)
        assert talk.questions.count("\n1. ") + talk.questions.startswith("1. ") == 1
        assert talk.questions in text and talk.answers in text
        assert talk.answers.startswith("1. ") and "\n3. " in talk.answers


# Like tests.test_hygiene.PROSE_QUOTE, but also across a line break (the guide keeps the
# notebooks' wrapped lines); whitespace is collapsed before comparing.
WRAPPED_QUOTE = re.compile(r'[“"]([^“”"]{3,}?)[”"]\s*\((P\d{1,2})\)')


def test_guide_quotes_the_essay_verbatim():
    text = GUIDE.read_text(encoding="utf-8")
    assert len(prose_quotes(text)) >= 10, "the guide should carry the essay's words, written “...” (Pn)"
    for quoted, pid in WRAPPED_QUOTE.findall(text):
        flat = " ".join(quoted.split())
        assert flat in essay.paragraph(pid), f"“{flat}” is not verbatim in {pid}"


def test_plans_fill_their_time_and_use_notebooks_that_exist():
    plans = {p["name"]: p for p in guide.plans()}
    seminar = plans["One 90-minute seminar"]
    assert [sum(s["minutes"] for s in session["step"]) for session in seminar["session"]] == [90]
    two = plans["Two 45-minute sessions"]
    assert [sum(s["minutes"] for s in session["step"]) for session in two["session"]] == [45, 45]
    notes = guide.notes()
    for plan in plans.values():
        for session in plan["session"]:
            for step in session["step"]:
                assert step["minutes"] > 0 and step["do"].strip()
                if step["notebook"]:
                    entry = catalog.entry(step["notebook"])
                    assert (ROOT / entry.path).exists() and entry.stem in notes


def test_instructor_notes_are_complete_and_data_loads_with_its_source():
    data = facts.load_toml("instructor.toml")
    assert data["source"] and data["accessed"]
    for stem, note in guide.notes().items():
        assert 5 <= note["class_minutes"] <= 45, stem
        assert len(note["misreadings"]) >= 2, f"{stem}: name at least two common misreadings"
        assert note["ask_first"].rstrip().endswith(("?", ")")), f"{stem}: ask_first is a question"


def test_bad_notes_and_plans_are_refused_clearly():
    good = {
        "stem": "00_start_here",
        "class_minutes": 10,
        "goal": "g",
        "control": "c",
        "ask_first": "a?",
        "misreadings": ["Wrong. Right."],
    }
    with pytest.raises(ValueError, match="unknown notebook '99_nothing'"):
        guide.notes({"notebook": [{**good, "stem": "99_nothing"}]})
    with pytest.raises(ValueError, match="lacks goal"):
        guide.notes({"notebook": [{**good, "goal": ""}]})
    plan = {
        "plan": [
            {
                "name": "x",
                "before": "",
                "session": [{"title": "t", "step": [{"notebook": "42", "minutes": 5, "do": "d"}]}],
            }
        ]
    }
    with pytest.raises(ValueError, match="unknown notebook '42'"):
        guide.plans(plan)
    with pytest.raises(ValueError, match="misreading needs"):
        guide._misreading("Only one sentence")


def test_discussion_cells_must_be_where_the_template_puts_them(tmp_path):
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("## For discussion\n\n1. a\n2. b\n3. c"),
            nbformat.v4.new_markdown_cell("Answers without the heading"),
        ]
    )
    path = tmp_path / "bad.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(ValueError, match=r"must start with '\*\*Model answers\*\*'"):
        guide.discussion(path)
    nb.cells = nb.cells[1:]
    nbformat.write(nb, path)
    with pytest.raises(ValueError, match="has no markdown cell"):
        guide.discussion(path)
