"""The predict-then-flip moments as data: well formed, one or more per notebook, tied to real controls.

The control check runs each notebook's code cells in this process with ``Explorer`` replaced by
a recorder: it notes the names of the controls each explorer is built with and builds nothing,
so the check is quick and needs no kernel. A prediction whose control no explorer in its
notebook declares fails, so a renamed control cannot leave a question pointing at nothing.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from functools import cache
from unittest import mock

import pytest

from helpers.explorers import widgets
from helpers.sources import predictions
from helpers.sources.facts import load_toml
from tests.conftest import NOTEBOOKS, ROOT

STEMS = [p.stem for p in NOTEBOOKS]


class _Recorded(Exception):
    pass


@cache
def explorer_controls(stem: str) -> frozenset[str]:
    """Names of every control the notebook's explorers are built with (nothing is drawn)."""
    names: set[str] = set()

    def record(self, controls=(), *args, **kwargs):
        names.update(c.name for c in controls)
        raise _Recorded  # the explorer is never built; later cells that use it fail harmlessly

    nb = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    namespace: dict = {}
    with mock.patch.object(widgets.Explorer, "__init__", record), contextlib.redirect_stdout(io.StringIO()):
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                with contextlib.suppress(Exception):
                    exec("".join(cell["source"]), namespace)  # noqa: S102 - our own notebooks
    return frozenset(names)


def test_every_record_is_sourced_and_loads():
    every = predictions.all_predictions()
    assert len(every) >= len(STEMS)
    raw = load_toml(predictions.FILE)["prediction"]
    assert [r["id"] for r in raw] == list(every), "ids must be unique (a duplicate would vanish here)"
    for p in every.values():
        assert p.source.strip() and p.accessed.strip()
        assert len(p.options) >= 2 and all(o.strip() for o in p.options)
        assert len(set(p.options)) == len(p.options)


def test_every_notebook_has_a_prediction():
    asked = {p.notebook for p in predictions.all_predictions().values()}
    assert asked == set(STEMS), f"notebooks without a prediction: {sorted(set(STEMS) - asked)}"


@pytest.mark.parametrize("pid", list(predictions.all_predictions()))
def test_the_control_exists_in_the_notebooks_explorers(pid):
    p = predictions.get(pid)
    assert p.notebook in STEMS, f"{pid}: no notebook {p.notebook!r}"
    controls = explorer_controls(p.notebook)
    assert controls, f"{p.notebook}: no explorer was built (the recorder saw no controls)"
    assert p.control in controls, f"{pid}: {p.control!r} is not a control of {p.notebook}: {sorted(controls)}"


def test_the_control_check_can_fail():
    """A made-up control name is not found (the recorder really reads the notebook)."""
    assert "club" in explorer_controls("00_start_here")
    assert "no_such_control" not in explorer_controls("00_start_here")


GOOD = """
[[prediction]]
id = "x-1"
notebook = "00_start_here"
question = "Which?"
options = ["a", "b"]
control = "club"
flip = "Flip it."
source = "this collection's own question"
accessed = "2026-12-02"
"""


@pytest.mark.parametrize(
    "change, message",
    [
        (('id = "x-1"', 'id = "X 1"'), "must be 1-40 characters"),
        (('options = ["a", "b"]', 'options = ["a"]'), "at least two"),
        (('options = ["a", "b"]', 'options = ["a", ""]'), "non-empty"),
        (('options = ["a", "b"]', 'options = ["a", "a"]'), "repeat"),
        (('control = "club"', 'control = "two words"'), "not a control name"),
        (('flip = "Flip it."\n', ""), "lacks flip"),
        (('flip = "Flip it."', 'flip = "Flip it."\ncolour = "red"'), "unknown field"),
        (('accessed = "2026-12-02"', 'accessed = ""'), "no accessed"),
    ],
)
def test_malformed_records_are_refused(change, message):
    assert predictions.parse(GOOD)["x-1"].options == ("a", "b")
    with pytest.raises(ValueError, match=message):
        predictions.parse(GOOD.replace(*change))


def test_duplicate_ids_and_unknown_ids_are_refused():
    with pytest.raises(ValueError, match="used twice"):
        predictions.parse(GOOD + GOOD)
    with pytest.raises(ValueError, match="valid ids are 00-turkey"):
        predictions.get("no-such-question")
    assert [p.id for p in predictions.for_notebook("02_collective_or_international")] == [
        "02-states-move",
        "02-claude",
    ]


PULSE_CALL = re.compile(r'^pulse\.ask\("([a-z0-9-]+)"\)$')


@pytest.mark.parametrize("stem", STEMS)
def test_each_prediction_has_one_pulse_cell_in_its_notebook(stem):
    """A one-line cell ``pulse.ask("<id>")`` asks each of the notebook's predictions, once."""
    nb = json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
    code = ["".join(c["source"]).strip() for c in nb["cells"] if c["cell_type"] == "code"]
    asked = [m.group(1) for src in code if (m := PULSE_CALL.match(src))]
    stray = [src for src in code if "pulse.ask(" in src and not PULSE_CALL.match(src)]
    assert not stray, f'{stem}: a pulse cell must be the one line pulse.ask("<id>"): {stray}'
    assert asked == [p.id for p in predictions.for_notebook(stem)], f"{stem} asks {asked}"
