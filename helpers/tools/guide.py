"""The instructor guide, generated: ``python -m helpers.tools.guide > docs/instructor_guide.md``.

The discussion questions and model answers are read from each notebook's "## For discussion"
cell and the hidden "**Model answers**" cell after it, so they exist in one place only; the
learning goals, class timings, the control to flip and the misreadings come from
``helpers/data/instructor.toml``; titles, questions and self-study times from
:mod:`helpers.sources.catalog`. A test checks that the committed guide equals this output.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat

from helpers.sources import catalog, facts, predictions
from helpers.text import keyboard

ROOT = Path(__file__).resolve().parents[2]
DISCUSSION = "## For discussion"
ANSWERS = "**Model answers**"
NOTE_FIELDS = ("stem", "class_minutes", "goal", "control", "ask_first", "misreadings")


@dataclass(frozen=True)
class Discussion:
    """A notebook's three discussion questions and their model answers, as Markdown lists."""

    questions: str
    answers: str


def discussion(path: Path) -> Discussion:
    """The "For discussion" cell and the model-answers cell after it; ValueError if malformed."""
    cells = nbformat.read(path, as_version=4).cells
    index = next(
        (i for i, c in enumerate(cells) if c.cell_type == "markdown" and c.source.startswith(DISCUSSION)),
        None,
    )
    if index is None:
        raise ValueError(f"{path.name} has no markdown cell starting with {DISCUSSION!r}")
    if index + 1 >= len(cells) or not cells[index + 1].source.startswith(ANSWERS):
        raise ValueError(f"{path.name}: the cell after {DISCUSSION!r} must start with {ANSWERS!r}")
    questions = cells[index].source.removeprefix(DISCUSSION).strip()
    # In the notebook the answers sit in a <details> block so that running the cell does not
    # show them; the guide prints them plainly.
    lines = cells[index + 1].source.removeprefix(ANSWERS).strip().splitlines()
    lines = [
        ln
        for ln in lines
        if ln.strip() not in ("<details>", "</details>") and not ln.strip().startswith("<summary>")
    ]
    answers = "\n".join(lines).strip()
    return Discussion(questions, answers)


def notes(data: dict | None = None) -> dict[str, dict]:
    """Instructor notes by notebook stem, checked for missing fields and unknown notebooks."""
    data = facts.load_toml("instructor.toml") if data is None else data
    known = {e.stem for e in catalog.NOTEBOOKS}
    out = {}
    for record in data["notebook"]:
        missing = [f for f in NOTE_FIELDS if not record.get(f)]
        if missing:
            raise ValueError(f"instructor.toml: {record.get('stem', '?')} lacks {', '.join(missing)}")
        if record["stem"] not in known:
            raise ValueError(
                f"instructor.toml: unknown notebook {record['stem']!r}; valid: {', '.join(sorted(known))}"
            )
        out[record["stem"]] = record
    return out


def plans(data: dict | None = None) -> list[dict]:
    """The ready lesson plans; every step's notebook must exist in the catalog."""
    data = facts.load_toml("instructor.toml") if data is None else data
    for plan in data["plan"]:
        for session in plan["session"]:
            for step in session["step"]:
                if step["notebook"]:
                    catalog.entry(step["notebook"])  # ValueError naming the valid notebooks
    return data["plan"]


def _misreading(text: str) -> str:
    """A misreading's first sentence (what students think) in italics, then the correction."""
    wrong, sep, right = text.partition(". ")
    if not sep or not right.strip():
        raise ValueError(f"instructor.toml: a misreading needs the misreading, then a correction: {text!r}")
    return f"*{wrong}.* {right}"


def _section(entry: catalog.Entry, note: dict, talk: Discussion) -> list[str]:
    number = entry.stem[:2]
    essay_part = f" Essay: {entry.paragraphs}." if entry.paragraphs != "-" else ""
    lines = [
        f"## {number} {entry.title}",
        "",
        f"*{entry.question}*{essay_part} About {entry.minutes} minutes on one's own, "
        f"{note['class_minutes']} in class. Notebook: [{entry.stem}](../{entry.path}); "
        f"projected without code: `make present NB={number}`.",
        "",
        f"**Learning goal.** {note['goal']}",
        "",
        f"**Flip while projecting.** {note['control']}",
        "",
        f"**Ask before flipping.** {note['ask_first']}",
        "",
        "**Common misreadings.**",
        "",
        *[f"- {_misreading(m)}" for m in note["misreadings"]],
        "",
        "**For discussion** (from the notebook)",
        "",
        talk.questions,
        "",
        "**Model answers** (from the notebook, where they are collapsed)",
        "",
        talk.answers,
        "",
    ]
    return lines


PULSE_STEPS = ("Open", "Wait", "Reveal", "Discuss", "Flip", "Re-ask")


def pulse_section(data: dict | None = None) -> list[str]:
    """ "Run a pulse": the six steps from instructor.toml and every pulse question by notebook."""
    data = facts.load_toml("instructor.toml") if data is None else data
    pulse = data["pulse"]
    named = [step.partition("**")[2].partition(".**")[0] for step in pulse["steps"]]
    if tuple(named) != PULSE_STEPS:
        raise ValueError(
            f"instructor.toml [pulse] steps must be {', '.join(PULSE_STEPS)} in order; got {named}"
        )
    lines = ["## Run a pulse", "", pulse["intro"], ""]
    lines += [f"{i}. {step}" for i, step in enumerate(pulse["steps"], start=1)]
    lines += [
        "",
        pulse["after"],
        "",
        "The pulse questions, in the order the notebooks ask them:",
        "",
        "| notebook | question (id) | flip afterwards |",
        "| --- | --- | --- |",
    ]
    for p in predictions.all_predictions().values():
        lines.append(f"| {p.notebook[:2]} | {p.question} (`{p.id}`) | {p.flip} |")
    return [*lines, ""]


def _plan(plan: dict) -> list[str]:
    total = sum(step["minutes"] for s in plan["session"] for step in s["step"])
    lines = [f"### {plan['name']}", "", plan["before"], ""]
    for session in plan["session"]:
        minutes = sum(step["minutes"] for step in session["step"])
        lines += [f"**{session['title']}**", "", "| minutes | notebook | what to do |", "| --- | --- | --- |"]
        start = 0
        for step in session["step"]:
            nb = catalog.entry(step["notebook"]) if step["notebook"] else None
            where = f"{nb.stem[:2]} {nb.title}" if nb else "-"
            lines.append(f"| {start}-{start + step['minutes']} | {where} | {step['do']} |")
            start += step["minutes"]
        lines += ["", f"Session total: {minutes} minutes.", ""]
    if len(plan["session"]) > 1:
        lines += [f"Plan total: {total} minutes.", ""]
    return lines


def build(root: Path = ROOT) -> str:
    """The whole guide as Markdown, for the notebooks present under ``root``."""
    by_stem = notes()
    present = [e for e in catalog.NOTEBOOKS if (root / e.path).exists()]
    missing = [e.stem for e in present if e.stem not in by_stem]
    if missing:
        raise ValueError(
            f"instructor.toml has no entry for {', '.join(missing)}: read the notebook and add one"
        )
    lines = [
        "# Instructor guide",
        "",
        "<!-- Generated by `python -m helpers.tools.guide > docs/instructor_guide.md` from the notebooks'",
        "     discussion cells and helpers/data/instructor.toml. Edit those, not this file. -->",
        "",
        "For each notebook: what students should be able to do afterwards, the time it takes, the "
        "one control to flip while projecting and the question to ask the room before flipping it, "
        "the misreadings students commonly bring, and the discussion questions with model answers "
        "(the same text as in the notebook). Two ready plans follow at the end.",
        "",
        "Project a notebook from JupyterLab (*Run All*, then collapse the code with *View → Collapse "
        "All Code*), or in presentation mode with `make present NB=02`: Voilà shows the prose, the "
        "figures and the controls without code, and leaves the model answers out. Class links for "
        "a JupyterHub are in [jupyterhub.md](jupyterhub.md).",
        "",
        "The essay was written c. 2020 and speaks from one side; every notebook says so, quotes it "
        "verbatim with its paragraph id (P1-P11), and then gives other voices.",
        "",
        "| notebook | minutes (own / class) | flip while projecting |",
        "| --- | --- | --- |",
    ]
    for e in present:
        note = by_stem[e.stem]
        lines.append(
            f"| {e.stem[:2]} {e.title} | {e.minutes} / {note['class_minutes']} | {note['control']} |"
        )
    lines.append("")
    for e in present:
        lines += _section(e, by_stem[e.stem], discussion(root / e.path))
    lines += pulse_section()
    lines += [
        "## Using the controls from the keyboard",
        "",
        "Every control works without a mouse. Tell students at the start, and use the keys "
        "yourself when projecting (the same table is in notebook 00):",
        "",
        keyboard.help_markdown(),
        "",
    ]
    lines += ["## Ready plans", ""]
    for plan in plans():
        lines += _plan(plan)
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    try:
        sys.stdout.write(build())
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
