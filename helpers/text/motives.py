"""Sourced text for notebook 06: Hobbes's passage and the warhead table (its "Since then" box is
:func:`helpers.text.since_then.markdown`).

Every fact comes from ``helpers/data`` (``hobbes.toml``, ``warheads_2025.csv``) with its source;
data text is HTML-escaped.
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
