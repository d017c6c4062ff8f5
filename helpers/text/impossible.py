"""Sourced text blocks for notebook 07: the OSCE sentences as read, in Markdown and in HTML.

The texts and how they were read come from ``data/osce_texts.toml`` through
:mod:`helpers.models.osce`; everything taken from the data is escaped here, so a stray ``<`` or
``&`` in a source cannot turn into markup.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from helpers.models import osce
from helpers.sources.facts import load_toml
from helpers.text.markup import md

_STRUCK = '<s style="color:#595959">{}</s>'  # dark enough for 4.5:1 on white


def paragraph_html(kept: Iterable[str]) -> str:
    """The Istanbul sentences in order, kept ones in full, dropped ones struck through (HTML)."""
    kept = osce.check_ids(kept)
    table = osce.sentences()
    parts = ["<p><b>Istanbul Charter (1999), para. 8</b></p><p>"]
    for sid in osce.ISTANBUL_IDS:
        words = html.escape(table[sid].display)
        parts.append(words + " " if sid in kept else _STRUCK.format(words) + " ")
    parts.append("</p>")
    astana = table[osce.ASTANA_ID]
    words = html.escape(astana.display)
    parts.append("<p><b>Astana (2010), para. 3, first sentence</b><br>")
    parts.append(words if osce.ASTANA_ID in kept else _STRUCK.format(words))
    parts.append("</p>")
    parts.append(
        f'<p style="font-size:0.9em"><i>How the text was read:</i> {html.escape(osce.reading_note())}</p>'
    )
    return "".join(parts)


def texts_markdown() -> str:
    """The texts as read, each sentence numbered, with how they were read said plainly."""
    table = osce.sentences()
    lines = ["**Charter for European Security (Istanbul, 1999), para. 8**, sentence by sentence:", ""]
    for sid in osce.ISTANBUL_IDS:
        s = table[sid]
        lines.append(f"{s.position}. {md(s.display)}")
    astana = table[osce.ASTANA_ID]
    lines += [
        "",
        f"**Astana Commemorative Declaration (2010), para. 3**, first sentence: {md(astana.text)}",
        "",
        f"*How the text was read:* {md(osce.reading_note())}",
        "",
        *indivisible_markdown(),
    ]
    return "\n".join(lines)


def indivisible_markdown() -> list[str]:
    """Where the word "indivisible" does occur, and the older source of the right to choose.

    Para. 8 itself lacks the word, but the same documents use it; saying only the first half would
    suggest that Russia's "indivisible security" has no OSCE wording behind it. Texts come from
    the ``indivisible``, ``paris_1990`` and ``helsinki_1975`` records of the data file.
    """
    data = load_toml(osce.DATA)
    found = {r["id"]: r for r in data["indivisible"]}
    paris = data["paris_1990"][0]
    helsinki = data["helsinki_1975"][0]
    lines = [
        "*Check for yourself:* the word “indivisible” does not occur in para. 8 above, but it is "
        "OSCE language, and NATO uses it of its own members:",
        "",
    ]
    lines += [f"- {md(r['document'])}: “{md(r['text'])}”" for r in found.values()]
    lines += [
        "",
        f"Astana's para. 3 adds that security is “inseparably linked”, and the "
        f"{md(paris['document'])} had already promised “{md(paris['fragment'])}”. The right the "
        f"West quotes is older too: in the {md(helsinki['document'])}, "
        f"{md(helsinki['paraphrase'])} ({md(helsinki['gap'])}.)",
    ]
    return lines
