"""Sourced text for notebook 05: notes from the voting-rule data, Turkey's place, "Since then".

Every fact comes from ``helpers/data`` (``voting_rules.toml``, ``nato_sweden_accession.csv``)
with its source; the voting power in Turkey's table is computed exactly by
``helpers.models.voting``. Text from the data is HTML-escaped.
"""

from __future__ import annotations

import html
from fractions import Fraction

from helpers.models import voting
from helpers.text import since_then

INDEX_NAMES = {"shapley_shubik": "Shapley-Shubik", "banzhaf": "Banzhaf (normalized)"}


def _esc(text: str) -> str:
    return html.escape(str(text), quote=False)


def fmt(value: Fraction, digits: int = 4) -> str:
    """A power value as a decimal, with the exact fraction when it is short."""
    if value.denominator <= 10_000:
        return f"{value.numerator}/{value.denominator} = {float(value):.{digits}f}"
    return f"{float(value):.{digits}f}"


def _check_index(index: str) -> None:
    if index not in INDEX_NAMES:
        raise ValueError(f"unknown index {index!r}; valid indices: {', '.join(INDEX_NAMES)}")


def turkey_line(rule_id: str, index: str) -> str:
    """Turkey's place under a rule: its power if a member, its sourced status if not (plain text)."""
    _check_index(index)
    game = voting.rule_game(rule_id)
    if "Turkey" in game.members:
        value = voting.index_values(voting.power(game), index)["Turkey"]
        since = next(
            (
                f" ({r['status'].removeprefix('member ')})"
                for r in voting.statuses("Turkey")
                if r["body"] == rule_id.upper()
            ),
            "",
        )
        return f"Turkey is a member{since}: {fmt(value)} of the power, a veto like every other member."
    body = "EU" if rule_id.startswith("eu_") else "UN Security Council"
    for record in voting.statuses("Turkey"):
        if record["body"] == body:
            return f"Turkey is not a member: {record['status']}. Power 0."
    return (
        "Turkey is not a permanent member; like any UN member it can be elected to one of the "
        "elected seats for two years (Art. 23), which carry the elected seats' power."
    )


def fact_markdown(fact_id: str) -> str:
    """A sourced fact from ``voting_rules.toml`` as a Markdown note, with its source."""
    record = voting.fact(fact_id)
    via = f" *Read via:* {_esc(record['read_via'])}." if record.get("read_via") else ""
    return (
        f"> {_esc(record['text'])}\n>\n> *Source:* {_esc(record['source'])} "
        f"(accessed {_esc(record['accessed'])}).{via}"
    )


def turkey_markdown(index: str = "shapley_shubik") -> str:
    """A Markdown table of Turkey's place and power under each rule."""
    _check_index(index)
    rows = [f"| rule | Turkey ({INDEX_NAMES[index]}) |", "| --- | --- |"]
    rows += [f"| {_esc(voting.rule(r)['name'])} | {_esc(turkey_line(r, index))} |" for r in voting.RULE_IDS]
    return "\n".join(rows)


def since_then_markdown() -> str:
    """The 'Since then' box: the sourced steps of Sweden's accession to NATO."""
    steps = [{**e, "text": e["event"] + "."} for e in voting.sweden_accession_events()]
    return since_then.markdown(
        (),
        extra=steps,
        intro=f"{since_then.INTRO[:-1]}: Sweden joins NATO.",
        outro="Under consensus any one member can hold up a decision; the chart below shows how long "
        "each approval took.",
    )
