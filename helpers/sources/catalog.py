"""The map of the collection: each notebook, the question it answers and the paragraphs it reads.

One place for this list: the README's table, ``00_start_here``, the class links and the
instructor guide all read it, and a test checks that every listed notebook exists.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    stem: str
    title: str
    question: str
    paragraphs: str
    minutes: int

    @property
    def path(self) -> str:
        return f"notebooks/{self.stem}.ipynb"


NOTEBOOKS: tuple[Entry, ...] = (
    Entry("00_start_here", "Start here", "How do I use this collection, and what does it teach?", "-", 10),
    Entry(
        "01_reading_the_essay",
        "Reading the essay",
        "What does the essay actually say, paragraph by paragraph, and how was the page captured?",
        "P1-P11",
        30,
    ),
    Entry(
        "02_collective_or_international",
        "Collective or international security?",
        "Is security the security of a group against outsiders, or an interaction among states "
        "that do not share interests?",
        "P7-P8",
        30,
    ),
    Entry(
        "03_whose_security",
        "Whose security?",
        "Security of whom, against whom - and where does a threat with no culprit fit?",
        "P1-P2, P4",
        25,
    ),
    Entry(
        "04_perfect_accord",
        "Perfect accord",
        "When both sides want the same thing, is there still a deal both prefer to a fight?",
        "P4-P5",
        25,
    ),
    Entry(
        "05_monopoly_of_power",
        "A monopoly of power",
        "How much voting power do the Security Council's five hold, and what is that not?",
        "P7, P9",
        25,
    ),
    Entry(
        "06_motives_and_the_leveller",
        "Motives and the leveller",
        "Gain, prestige, security: do nuclear weapons make a major war impractical?",
        "P11",
        25,
    ),
    Entry(
        "07_impossible_or_unacceptable",
        "The impossible or the unacceptable",
        "Why, in the essay's account, does Russia propose the impossible rather than the unacceptable?",
        "P5, P10",
        25,
    ),
    Entry(
        "08_tactical_risks_strategic_limits",
        "Tactical risks, strategic limits",
        "Can steps that lower tactical risks change a strategic rivalry?",
        "P3, P11",
        25,
    ),
    Entry(
        "09_reading_a_web_poll",
        "Reading a web poll",
        "What can 108 self-selected votes on the essay's page tell us?",
        "page poll",
        20,
    ),
)


def entry(stem: str) -> Entry:
    """One notebook by its file stem or its two-digit number ("02")."""
    for e in NOTEBOOKS:
        if stem in (e.stem, e.stem[:2]):
            return e
    raise ValueError(f"unknown notebook {stem!r}; valid: {', '.join(e.stem for e in NOTEBOOKS)}")


def markdown_table(from_notebooks: bool = False) -> str:
    """The map of notebooks as a Markdown table, with links from the repo root or notebooks/."""
    rows = ["| notebook | the question it answers | essay |", "| --- | --- | --- |"]
    for e in NOTEBOOKS:
        link = f"{e.stem}.ipynb" if from_notebooks else e.path
        rows.append(f"| [{e.stem}]({link}) | {e.question} | {e.paragraphs} |")
    return "\n".join(rows)
