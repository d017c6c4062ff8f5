"""The "Predict, then flip" moments of the notebooks, as data (``helpers/data/predictions.toml``).

Each record names the notebook, the question, the options a student can commit to and the
control the student flips next. The prediction widget (``helpers.explorers.pulse``) and the
class pulse service (``helpers.tools.pulse``) both read them from here, so a question asked in a
notebook and the counts a teacher sees on the live page share one id and one list of options.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from helpers.sources.facts import load_toml, parse_toml, pick

FILE = "predictions.toml"
FIELDS = ("id", "notebook", "question", "options", "control", "flip", "source", "accessed")
# An id travels in URLs and database keys: lower-case letters, digits and hyphens only.
_ID_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass(frozen=True)
class Prediction:
    """One predict-then-flip moment: ask ``question``, offer ``options``, then flip ``control``."""

    id: str
    notebook: str
    question: str
    options: tuple[str, ...]
    control: str
    flip: str
    source: str
    accessed: str


def _record(raw: dict[str, Any], where: str) -> Prediction:
    missing = [f for f in FIELDS if f not in raw]
    if missing:
        raise ValueError(f"{where} lacks {', '.join(missing)}; every prediction needs {', '.join(FIELDS)}")
    extra = sorted(set(raw) - set(FIELDS))
    if extra:
        raise ValueError(f"{where} has unknown field(s) {', '.join(extra)}; fields are {', '.join(FIELDS)}")
    pid = str(raw["id"])
    if not pid or not set(pid) <= _ID_CHARS or len(pid) > 40:
        raise ValueError(f"{where}: id {pid!r} must be 1-40 characters of a-z, 0-9 and '-'")
    options = raw["options"]
    if not isinstance(options, list) or len(options) < 2:
        raise ValueError(f"{where} ({pid}): options must be a list of at least two choices")
    if any(not isinstance(o, str) or not o.strip() for o in options):
        raise ValueError(f"{where} ({pid}): every option must be non-empty text")
    if len(set(options)) != len(options):
        raise ValueError(f"{where} ({pid}): options repeat: {options}")
    for name in ("notebook", "question", "control", "flip"):
        if not str(raw[name]).strip():
            raise ValueError(f"{where} ({pid}): {name} is empty")
    if not str(raw["control"]).isidentifier():
        raise ValueError(f"{where} ({pid}): control {raw['control']!r} is not a control name")
    return Prediction(
        pid,
        raw["notebook"],
        raw["question"],
        tuple(options),
        raw["control"],
        raw["flip"],
        raw["source"],
        raw["accessed"],
    )


def _records(data: dict[str, Any], name: str) -> dict[str, Prediction]:
    found: dict[str, Prediction] = {}
    for index, raw in enumerate(data.get("prediction", []), start=1):
        record = _record(raw, f"{name} [prediction] record {index}")
        if record.id in found:
            raise ValueError(f"{name}: the id {record.id!r} is used twice; ids must be unique")
        found[record.id] = record
    if not found:
        raise ValueError(f"{name} holds no [[prediction]] records")
    return found


def parse(text: str, name: str = FILE) -> dict[str, Prediction]:
    """Predictions from a TOML text, by id; refuses duplicates and malformed records."""
    return _records(parse_toml(text, name), name)


@cache
def all_predictions() -> dict[str, Prediction]:
    """Every prediction shipped with the collection, by id, in file order."""
    return _records(load_toml(FILE), FILE)


def get(pid: str) -> Prediction:
    """The prediction with this id; an unknown id raises ValueError naming the valid ones."""
    return pick(all_predictions(), pid, "prediction", "ids")


def for_notebook(stem: str) -> list[Prediction]:
    """The predictions asked in one notebook (by file stem), in file order."""
    return [p for p in all_predictions().values() if p.notebook == stem]
