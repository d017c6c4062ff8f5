"""Other views for the "Another view" sections of notebooks 01-08, both ways.

The critics of the essay live in ``reading_sources.toml`` (shown by
:func:`helpers.text.reading.voices_markdown`). This module shows the rest of the conversation
from ``other_views.toml``: scholars who share part of the essay's diagnosis, or who put another
cause than concepts first, a second Russian voice (so the essay reads as *one* Russian view), the
Twelve Steps' own convenors, and Ukraine's view in its own documents. Each record carries our
paraphrase (labelled as ours), the page we read, and a note when we could read only a copy or a
report; the renderer prints all three, so a student can see how far each summary can be trusted.
"""

from __future__ import annotations

import re
from functools import cache

from helpers.sources import facts

DATA = "other_views.toml"
NOTEBOOKS = ("01", "02", "03", "04", "05", "06", "07", "08")
REQUIRED = (
    "id",
    "stance",
    "notebooks",
    "author",
    "title",
    "year",
    "publisher",
    "url",
    "summary",
    "overlap",
    "source",
    "accessed",
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: Stance key -> the heading a student reads, in the order the groups are shown.
STANCES = {
    "diagnosis": "Shares part of the essay's diagnosis",
    "cause": "Puts another cause than concepts first",
    "russian": "Another Russian voice",
    "convenors": "The Twelve Steps' own convenors",
    "ukraine": "Ukraine, in its own documents",
}


@cache
def _load() -> tuple[dict, ...]:
    """The checked records (ValueError names what is wrong and the valid choices)."""
    data = facts.load_toml(DATA)
    stances = STANCES
    records = []
    seen = set()
    for number, rec in enumerate(data["view"], start=1):
        missing = [k for k in REQUIRED if not str(rec.get(k, "")).strip()]
        if missing:
            raise ValueError(f"{DATA}: view {number} lacks {', '.join(missing)}")
        if rec["id"] in seen:
            raise ValueError(f"{DATA}: the id {rec['id']!r} occurs twice")
        seen.add(rec["id"])
        if rec["stance"] not in stances:
            raise ValueError(
                f"{DATA}: {rec['id']} has stance {rec['stance']!r}; valid stances: {', '.join(stances)}"
            )
        wrong = [n for n in rec["notebooks"] if n not in NOTEBOOKS]
        if wrong:
            raise ValueError(f"{DATA}: {rec['id']} names notebooks {wrong}; valid: {', '.join(NOTEBOOKS)}")
        where = rec["source"] + rec.get("read_via", "")
        if not rec["url"].startswith("https://") or rec["url"] not in where:
            raise ValueError(f"{DATA}: {rec['id']}: the url must be https and appear in source or read_via")
        if not _DATE.match(rec["accessed"]):
            raise ValueError(f"{DATA}: {rec['id']}: accessed must be a date YYYY-MM-DD")
        records.append(dict(rec))
    return tuple(records)


def views(notebook: str | None = None) -> list[dict]:
    """All views, or those shown in `notebook` ("01".."08"), in file order."""
    records = _load()
    if notebook is None:
        return [dict(r) for r in records]
    if notebook not in NOTEBOOKS:
        raise ValueError(f"unknown notebook {notebook!r}; valid: {', '.join(NOTEBOOKS)}")
    return [dict(r) for r in records if notebook in r["notebooks"]]


def view_markdown(rec: dict) -> str:
    """One view as a Markdown list item: who, what, our summary, our reading, the page read."""
    copy = f" *{rec['read_via']}*" if rec.get("read_via") else ""
    year = "" if rec["year"] in rec["publisher"] else f", {rec['year']}"
    return (
        f"- {rec['author']}, *{rec['title']}* ({rec['publisher']}{year}). "
        f"**Our summary:** {rec['summary']} **Where it meets the essay (our reading):** "
        f"{rec['overlap']} [The page we read]({rec['url']}).{copy}"
    )


def views_markdown(notebook: str) -> str:
    """The views for one notebook, grouped under their stance, in the order of the stances."""
    chosen = views(notebook)
    if not chosen:
        raise ValueError(f"{DATA} lists no view for notebook {notebook}")
    lines = []
    for key, heading in STANCES.items():
        group = [r for r in chosen if r["stance"] == key]
        if group:
            lines += [f"**{heading}**", ""] + [view_markdown(r) for r in group] + [""]
    lines.append(
        "*Summaries are ours, written from the pages linked; where we could read only "
        "a copy or a report, the entry says so. Sources: `helpers/data/other_views.toml`.*"
    )
    return "\n".join(lines)


def sources_markdown(notebook: str) -> str:
    """The sources of this notebook's views, one whole citation per view (for 'Sources')."""
    lines = []
    for rec in views(notebook):
        via = f" Read via: {rec['read_via']}" if rec.get("read_via") else ""
        lines.append(
            f"- `other_views.toml` ({rec['id']}): {rec['source']}.{via} (accessed {rec['accessed']})"
        )
    return "\n".join(lines)
