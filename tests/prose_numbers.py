"""Numbers a notebook's prose states, read from the prose and compared with the model (issue 15 item 6).

A claim is a sentence of the prose written as a template with named slots, e.g.
``"the range runs from {lo} to {hi}, so neither is in it"``, together with the model's value for
each slot. :func:`mismatches` finds every place where the prose makes that claim (whatever numbers
stand in the slots), reads the numbers it states there, and compares each with the model's value
*at the precision stated*: "31%" agrees with 0.3056 and "0.3" with 0.30000000000000004, but "0.35"
does not agree with 0.3, nor "30%" with 0.3056. A claim the prose no longer makes at all is reported
too, so rewording a sentence cannot silently drop its check. (The precision is the prose's: a
coarser rounding of the model's value, "0.3" for 0.25, passes, as "about 98%" for 0.9817 must.)

A slot's model value is a number (equal at the stated precision), or ``Near``, ``Between`` or
``Under`` for the prose's "about", "about ... each" and "under" (see their docstrings).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Numbers as the notebooks write them: 0.3, 108, 10,800, 31%, -2 (a minus only where it is not a
#: dash between numbers or words, as in "sentences 1-4").
_DIGITS = r"(?:(?<![\w.])[-\u2212])?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?"
#: Numbers the prose writes as words (no precision: they must agree exactly, or use ``Near``).
WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a half": 1 / 2,
    "a third": 1 / 3,
    "a quarter": 1 / 4,
    "a tenth": 1 / 10,
    "tenfold": 10,
    "a hundredfold": 100,
    "one million": 1_000_000,
}
_WORD = "|".join(re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
NUMBER = rf"(?:{_DIGITS}|\b(?:{_WORD})\b)"
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Near:
    """The stated number lies within ``within`` of ``value`` (for "about a tenth", "about a third")."""

    value: float
    within: float


@dataclass(frozen=True)
class Between:
    """The stated number, read at its precision, lies between ``low`` and ``high`` (for "about ±8
    points" said of four half-widths from 7.4 to 8.6)."""

    low: float
    high: float


@dataclass(frozen=True)
class Under:
    """The model's value lies below the stated number (for "under ±1 point")."""

    value: float


def notebook_prose(name: str, markdown_only: bool = True) -> str:
    """A notebook's text (its markdown cells, or every cell), with runs of whitespace made one space.

    ``name`` is the file's stem or its two-digit prefix ("04" or "04_perfect_accord").
    """
    matches = sorted((ROOT / "notebooks").glob(f"{name}*.ipynb"))
    if len(matches) != 1:
        raise ValueError(f"{name!r} names {len(matches)} notebooks; give a unique prefix")
    cells = json.loads(matches[0].read_text(encoding="utf-8"))["cells"]
    return " ".join(
        " ".join("".join(c["source"]).split())
        for c in cells
        if not markdown_only or c["cell_type"] == "markdown"
    )


def pattern(template: str) -> re.Pattern[str]:
    """The claim as a regular expression: the template's text literally, a named group per slot."""
    parts = _SLOT.split(" ".join(template.split()))
    regex = "".join(
        f"(?P<{part}>{NUMBER})" if odd else re.escape(part)
        for odd, part in ((i % 2, p) for i, p in enumerate(parts))
    )
    return re.compile(regex)


def stated(prose: str, template: str) -> list[dict[str, str]]:
    """Every place the prose makes the claim: the numbers it states in each slot, as written."""
    return [m.groupdict() for m in pattern(template).finditer(prose)]


def read_number(text: str) -> tuple[float, float | None]:
    """A stated number and half a unit of its last digit ("31%" -> (0.31, 0.005)); words -> (value, None)."""
    if text in WORDS:
        return WORDS[text], None
    percent = text.endswith("%")
    digits = text.rstrip("%").replace(",", "").replace("\u2212", "-")
    decimals = len(digits.partition(".")[2]) + (2 if percent else 0)
    return float(digits) / (100 if percent else 1), 0.5 * 10.0**-decimals


def disagreement(text: str, model: float | Near | Between | Under) -> str | None:
    """Why the number ``text`` stated in the prose does not agree with the model's value, or None."""
    value, half_unit = read_number(text)
    slack = (half_unit or 0.0) + 1e-9
    if isinstance(model, Near):
        ok = abs(value - model.value) <= model.within + 1e-9
        gives = f"{model.value:g} (within {model.within:g})"
    elif isinstance(model, Between):
        ok = model.low - slack <= value <= model.high + slack
        gives = f"values from {model.low:g} to {model.high:g}"
    elif isinstance(model, Under):
        ok = model.value < value
        gives = f"{model.value:g}, which should lie under it"
    elif half_unit is None:
        ok = math.isclose(value, model, rel_tol=1e-9)
        gives = f"{model:g}"
    else:
        ok = abs(value - model) <= slack
        gives = f"{model:g}"
    return None if ok else f"states {text}, the model gives {gives}"


def mismatches(prose: str, claims: Mapping[str, Mapping[str, float | Near | Between | Under]]) -> list[str]:
    """Every claim the prose does not make, and every stated number that disagrees with the model."""
    problems = []
    for template, values in claims.items():
        slots = _SLOT.findall(template)
        if sorted(slots) != sorted(values) or len(set(slots)) != len(slots):
            raise ValueError(
                f"{template!r}: the slots {slots} need one model value each, got {sorted(values)}"
            )
        found = stated(prose, template)
        if not found:
            problems.append(f"{template!r}: not found in the prose")
        for numbers in found:
            for slot, text in numbers.items():
                why = disagreement(text, values[slot])
                if why:
                    problems.append(f"{template!r}: {{{slot}}} {why}")
    return problems
