"""Sourced text for notebook 04: the OSCE sentences each side tends to quote.

The sentences and the source each was read from live in ``helpers/data/osce_texts.toml``; this
module only arranges them as Markdown. Text from the data is HTML-escaped, so a ``<`` or ``&``
in a record shows as itself.
"""

from __future__ import annotations

import html

from helpers.sources import facts

#: Sentences of Istanbul para. 8 that notebook 04 shows, by their id in the data file.
NOTEBOOK_SENTENCES = ("free_to_choose", "not_at_expense")


def osce_sentences() -> dict[str, dict]:
    """The para. 8 records by id, in the order of the data file."""
    return {r["id"]: r for r in facts.load_toml("osce_texts.toml")["istanbul_para8"]}


def osce_position(sentence_id: str) -> int:
    """Which sentence of para. 8 (1-based) a record is, as the data file records it."""
    records = osce_sentences()
    if sentence_id not in records:
        raise ValueError(f"unknown OSCE sentence {sentence_id!r}; valid sentences: {', '.join(records)}")
    return int(records[sentence_id]["position"])


def osce_para8_markdown(ids: tuple[str, ...] = NOTEBOOK_SENTENCES) -> str:
    """Sentences of the OSCE Istanbul Charter (1999), para. 8, as a block quote with the source
    each was read from; only sentences read in full. Each is numbered by its place in para. 8,
    so "sentence 5" means the same here as in notebook 07."""
    records = osce_sentences()
    for i in ids:
        if i not in records:
            raise ValueError(f"unknown OSCE sentence {i!r}; valid sentences: {', '.join(records)}")
        if not records[i].get("verbatim_full") or not records[i].get("text", "").strip():
            raise ValueError(f"OSCE sentence {i!r} was not read in full and cannot be quoted")
    quote = "\n>\n".join(
        f"> ({osce_position(i)}) {html.escape(records[i]['text'], quote=False)}" for i in ids
    )
    distinct = list(dict.fromkeys(records[i]["source"] for i in ids))
    # A source that another one repeats and extends is shown once, in its longer form.
    sources = "; ".join(
        html.escape(s, quote=False) for s in distinct if not any(o != s and o.startswith(s) for o in distinct)
    )
    return (
        f"{quote}\n>\n> — OSCE Charter for European Security (Istanbul, 1999), para. 8 "
        f"(numbers: the sentence's place in the paragraph)\n\n*Text as read from:* {sources}"
    )
