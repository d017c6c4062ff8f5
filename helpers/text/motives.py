"""Sourced text for notebook 06: Hobbes's passage, the "Since then" box, the warhead table.

Every fact comes from ``helpers/data`` (``hobbes.toml``, ``since_then.toml``,
``warheads_2025.csv``) with its source; data text is HTML-escaped.
"""

from __future__ import annotations

import html

from helpers.models import leveller as lv
from helpers.sources import facts


def _esc(text: str) -> str:
    return html.escape(str(text), quote=False)


def hobbes_markdown() -> str:
    """The Leviathan ch. 13 sentences, as block quotes with their source."""
    data = facts.load_toml("hobbes.toml")["passage"]
    lines = [f"> {_esc(p['text'])}" for p in data]
    return "\n>\n".join(lines) + f"\n>\n> — Hobbes, *Leviathan* (1651), ch. {_esc(data[0]['chapter'])}"


def since_then_markdown() -> str:
    """The sourced "Since then" box: events after the essay (c. 2020), one line each."""
    events = facts.load_toml("since_then.toml")["event"]
    lines = ["**Since then** (the essay was written c. 2020; these events are not in it):", ""]
    lines += [
        f"- **{_esc(e['date'])}**: {_esc(e['text'])} *Source:* {_esc(e['source'])} "
        f"(accessed {_esc(e['accessed'])})"
        for e in events
    ]
    return "\n".join(lines)


def might_markdown() -> str:
    """Warheads of Russia and of each choice of "Europe", for P1's "comparable military might".

    SIPRI's figures in the data are *total inventories* (retired warheads awaiting dismantlement
    included), and the table says so.
    """
    w = lv.load_warheads()
    russia = w[lv.RUSSIA]
    rows = [
        "| side | made up of | warheads, January 2025 (SIPRI estimates of total inventories, "
        "retired warheads included) | Russia's count divided by it |",
        "| --- | --- | --- | --- |",
        f"| Russia | | {russia:,} | 1.0 |",
    ]
    for label, members in lv.EUROPE_CHOICES.items():
        total = sum(w[m] for m in members)
        parts = " + ".join(f"{_esc(m)} {w[m]:,}" for m in members)
        rows.append(f'| "Europe": {_esc(label)} | {parts} | {total:,} | {russia / total:.1f} |')
    return "\n".join(rows)
