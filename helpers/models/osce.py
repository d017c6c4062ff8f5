"""OSCE commitments sentence by sentence: which grounds each side can quote, as sentences are kept.

The texts come from ``data/osce_texts.toml`` (verbatim, with how each was read and checked said in
the file's ``reading_note``). The *reading* of each sentence - whether it gives the choosing state a
right, gives others a ground to object, or only frames the debate - is a teaching model written
here, not a legal finding: it records what a side can quote, not who is right.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from helpers.sources.facts import load_toml

DATA = "osce_texts.toml"
ISTANBUL_IDS = (
    "equal_right",
    "free_to_choose",
    "neutrality",
    "respect_rights",
    "not_at_expense",
    "no_sphere",
)
ASTANA_ID = "inseparably_linked"
SENTENCE_IDS = (*ISTANBUL_IDS, ASTANA_ID)

#: The two cases the figure follows.
CASES = {
    "enlargement": "A state asks to join NATO and the Allies agree",
    "neutrality": "A state chooses to stay neutral",
}

#: Kinds of ground a kept sentence can give in a case.
PROTECTS, OBJECTS, FRAMES = "protects", "objects", "frames"
GROUND_LABELS = {
    PROTECTS: "protects the choosing state's choice",
    OBJECTS: "gives another state a ground to object",
    FRAMES: "invoked by both sides; decides nothing alone",
}

#: The teaching model: for each sentence and case, the grounds it gives when kept.
#: ``respect_rights`` refers back to "these regards", so it only works with a right it can refer
#: to (see :data:`NEEDS`). ``no_sphere`` has two halves that the two sides quote differently.
READING: dict[str, dict[str, tuple[str, ...]]] = {
    "equal_right": {"enlargement": (FRAMES,), "neutrality": (FRAMES,)},
    "free_to_choose": {"enlargement": (PROTECTS,), "neutrality": (PROTECTS,)},
    "neutrality": {"enlargement": (), "neutrality": (PROTECTS,)},
    "respect_rights": {"enlargement": (PROTECTS,), "neutrality": (PROTECTS,)},
    "not_at_expense": {"enlargement": (OBJECTS,), "neutrality": ()},
    "no_sphere": {"enlargement": (PROTECTS, OBJECTS), "neutrality": (PROTECTS,)},
    ASTANA_ID: {"enlargement": (FRAMES,), "neutrality": (FRAMES,)},
}

#: respect_rights protects a choice only if a right to that choice is also kept.
NEEDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("respect_rights", "enlargement"): ("free_to_choose",),
    ("respect_rights", "neutrality"): ("free_to_choose", "neutrality"),
}

WHY: dict[tuple[str, str], str] = {
    ("equal_right", "enlargement"): "the applicant and its neighbour both claim an equal right",
    ("equal_right", "neutrality"): "every state's equal right, whatever it chooses",
    ("free_to_choose", "enlargement"): "joining an alliance is a choice of arrangements",
    ("free_to_choose", "neutrality"): "staying out is a choice of arrangements too",
    ("neutrality", "neutrality"): "the right to neutrality, in so many words",
    ("respect_rights", "enlargement"): "others must respect the choice to join",
    ("respect_rights", "neutrality"): "others must respect the choice to stay out",
    ("not_at_expense", "enlargement"): "a neighbour can argue its security is reduced",
    ("no_sphere", "enlargement"): (
        "no one may treat the applicant as its sphere; Russia quotes the clause on "
        "pre-eminent responsibility against the alliance"
    ),
    ("no_sphere", "neutrality"): "no one may treat the neutral state as its sphere",
    (ASTANA_ID, "enlargement"): "security as one whole: each side reads it its own way",
    (ASTANA_ID, "neutrality"): "security as one whole, neutral states included",
}

STATUS_TEXT = {
    "protected": "a right the kept text protects",
    "objectionable": "open to objection under the kept text",
    "contested": "contested: both sides can quote the kept text",
    "silent": "the kept text is silent",
}


@dataclass(frozen=True)
class Sentence:
    """One commitment sentence with its source; ``text`` is empty if it could not be read in full."""

    id: str
    document: str
    position: int
    short: str
    text: str
    fragment: str
    verbatim_full: bool
    gap: str
    source: str
    accessed: str

    @property
    def display(self) -> str:
        """The words to show: the full sentence, or the verified fragment marked as such."""
        if self.verbatim_full:
            return self.text
        return f"[…] “{self.fragment}” […] (full wording not verified)"


@cache
def sentences() -> dict[str, Sentence]:
    """The seven sentences the widget toggles, by id, with their sources."""
    data = load_toml(DATA)
    out: dict[str, Sentence] = {}
    for row in data["istanbul_para8"]:
        out[row["id"]] = Sentence(
            id=row["id"],
            document="Istanbul 1999, para. 8",
            position=int(row["position"]),
            short=row["short"],
            text=row["text"],
            fragment=row.get("fragment", ""),
            verbatim_full=bool(row["verbatim_full"]),
            gap=row.get("gap", ""),
            # The primary, then the copy actually read: a reader sees both.
            source=row["source"] + (f". Read via: {row['read_via']}" if row.get("read_via") else ""),
            accessed=row["accessed"],
        )
    first = next(r for r in data["astana_para3"] if r["id"] == ASTANA_ID)
    out[ASTANA_ID] = Sentence(
        id=ASTANA_ID,
        document="Astana 2010, para. 3",
        position=1,
        short="inseparably linked",
        text=first["text"],
        fragment="",
        verbatim_full=True,
        gap="",
        source=first["source"],
        accessed=first["accessed"],
    )
    if tuple(out) != SENTENCE_IDS:
        raise ValueError(f"{DATA} does not hold the expected sentences {SENTENCE_IDS}")
    return out


def reading_note() -> str:
    """How the Istanbul sentences were read and cross-checked, in one plain paragraph."""
    return next(r["text"] for r in load_toml(DATA)["reading_note"] if r["id"] == "how_read")


def quoted_by(sentence_id: str) -> list[dict[str, str]]:
    """Sourced reports of a side quoting or invoking the sentence."""
    check_ids([sentence_id])
    return [r for r in load_toml(DATA)["quoted_by"] if r["sentence"] == sentence_id]


def sides_quoting(sentence_id: str) -> tuple[str, ...]:
    """'Russia' and/or 'West' for the sides the data shows quoting the sentence for themselves."""
    sides = []
    for record in quoted_by(sentence_id):
        side = record["side"]
        if side.startswith("Russian") and "describing" not in side:
            sides.append("Russia")
        elif side.startswith("Western"):
            sides.append("West")
    return tuple(dict.fromkeys(sides))


def check_ids(ids: Iterable[str]) -> tuple[str, ...]:
    """The ids as a tuple, in the order given; ValueError naming the valid ids for a bad one."""
    ids = tuple(ids)
    for sid in ids:
        if sid not in SENTENCE_IDS:
            raise ValueError(f"unknown sentence {sid!r}; valid sentences are {', '.join(SENTENCE_IDS)}")
    return ids


def _check_case(case: str) -> None:
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; valid cases are {', '.join(CASES)}")


@dataclass(frozen=True)
class Verdict:
    """What the kept sentences give in one case: the grounds by kind, and a one-word status."""

    case: str
    status: str
    grounds: tuple[tuple[str, str], ...]  # (sentence id, kind)

    def of_kind(self, kind: str) -> tuple[str, ...]:
        return tuple(sid for sid, k in self.grounds if k == kind)

    @property
    def summary(self) -> str:
        return STATUS_TEXT[self.status]


def verdict(case: str, kept: Iterable[str]) -> Verdict:
    """Grounds the kept sentences give in ``case`` under :data:`READING`, and the status.

    protected: only protecting grounds; objectionable: only grounds to object; contested: both;
    silent: neither (framing sentences alone decide nothing).
    """
    _check_case(case)
    kept = tuple(dict.fromkeys(kept))
    check_ids(kept)
    grounds = []
    for sid in SENTENCE_IDS:
        if sid not in kept:
            continue
        needs = NEEDS.get((sid, case))
        if needs and not any(n in kept for n in needs):
            continue
        grounds.extend((sid, kind) for kind in READING[sid][case])
    kinds = {k for _, k in grounds}
    if PROTECTS in kinds and OBJECTS in kinds:
        status = "contested"
    elif PROTECTS in kinds:
        status = "protected"
    elif OBJECTS in kinds:
        status = "objectionable"
    else:
        status = "silent"
    return Verdict(case, status, tuple(grounds))
