"""The "Since then" boxes: dated, sourced events after the essay (written c. 2020).

One renderer for every notebook. The events are the shared ones of ``helpers/data/since_then.toml``
(all of them, or those on chosen dates) and, where a notebook has its own, records from its data
file (the Twelve Steps' ``[[since_then]]``, the steps of Sweden's accession to NATO). Every box
prints an event the same way: its date in words, the text, and its source with the date accessed,
all escaped as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from helpers.sources.facts import load_toml
from helpers.text.markup import md

FILE = "since_then.toml"
INTRO = "**Since then** (the essay was written c. 2020; these events are not in it):"
PRECISIONS = ("day", "month")


def events(dates: Iterable[str] | None = None, extra: Iterable[Mapping] = ()) -> list[dict]:
    """The shared events (all, or those on ``dates``) and the ``extra`` records, in date order.

    A record has ``date`` (ISO), ``text``, ``source`` and ``accessed``, and may have ``precision``
    ("day", the default, or "month"). A date with no shared event raises ``ValueError`` naming the
    dated events.
    """
    shared = {e["date"]: dict(e) for e in load_toml(FILE)["event"]}
    if dates is None:
        chosen = list(shared.values())
    else:
        dates = tuple(dates)
        missing = [d for d in dates if d not in shared]
        if missing:
            raise ValueError(
                f"no 'since then' event dated {', '.join(missing)}; dated events are {', '.join(shared)}"
            )
        chosen = [shared[d] for d in dates]
    return sorted(chosen + [dict(e) for e in extra], key=lambda e: e["date"])


def when(event: Mapping) -> str:
    """The event's date in words: "24 February 2022", or "September 2022" to the month."""
    precision = event.get("precision", "day")
    if precision not in PRECISIONS:
        raise ValueError(f"unknown precision {precision!r}; valid precisions are {', '.join(PRECISIONS)}")
    day = dt.date.fromisoformat(event["date"])
    return f"{day:%B %Y}" if precision == "month" else f"{day.day} {day:%B %Y}"


def item(event: Mapping) -> str:
    """One event as a Markdown list item, its source and access date inline."""
    return (
        f"- **{when(event)}**: {md(event['text'])} *Source:* {md(event['source'])} "
        f"(accessed {md(event['accessed'])})"
    )


def markdown(
    dates: Iterable[str] | None = None, *, extra: Iterable[Mapping] = (), intro: str = INTRO, outro: str = ""
) -> str:
    """The "Since then" box: ``intro`` (none if empty: the notebook's own cell introduces the
    list), one item per event of :func:`events`, then ``outro`` if given."""
    lines = [intro, ""] if intro else []
    lines += [item(e) for e in events(dates, extra)]
    if outro:
        lines += ["", outro]
    return "\n".join(lines)
