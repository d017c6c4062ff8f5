"""Sourced words beside the framings of notebooks 00, 02 and 03: a state's memberships, the
Partnership for Peace, and the cases that test the collective's homogeneity.

The pictures' data are in :mod:`helpers.models.framings`; these are the sentences a student reads.
Every fact comes from ``helpers/data`` (``actors.csv``, ``partnerships.csv``, ``interactions.csv``)
with its source; data text is escaped for Markdown (:func:`status` is plain text, for callers that
escape it for HTML).
"""

from __future__ import annotations

from helpers.models import framings
from helpers.sources import facts
from helpers.text.markup import md


def homogeneity_evidence() -> str:
    """Sourced cases that test the claim that NATO and the EU are uniquely homogeneous (P7)."""
    table = facts.actors()
    rows = {r["id"]: r for r in framings.interactions()}
    uk = table["GBR"]
    uk_source = next(part for part in uk.source.split("; ") if "Withdrawal" in part)
    s400, sweden = rows["s400"], rows["sweden_delay"]
    lines = [
        f"- The {md(uk.name)} left the EU on {md(uk.eu_left)} (source: {md(uk_source)}).",
        f"- {md(s400['issue'])}: a NATO member bought a Russian air-defence system and was "
        f"sanctioned by its main ally (source: {md(s400['source'])}).",
        f"- {md(sweden['issue'])} ({md(sweden['start'])}-{md(sweden['end'])}): under NATO's consensus "
        f"rule one member could hold up the collective's enlargement (source: {md(sweden['source'])}).",
    ]
    return "\n".join(lines)


def partnership_markdown() -> str:
    """States that cooperated with NATO without belonging to it (Partnership for Peace, sourced)."""
    table = facts.actors()
    rows = facts.load_csv("partnerships.csv")
    items = [f"{table[r['id']].name} ({r['joined']}{'; ' + r['note'] if r['note'] else ''})" for r in rows]
    return md(
        f"Partnership for Peace partners among the states drawn: {'; '.join(items)}. "
        f"(source: {rows[0]['source']}, accessed {rows[0]['accessed']})"
    )


def status(actor_id: str) -> str:
    """One line on a state's memberships, candidacies, NATO course and partnerships, dated, as
    plain text (:func:`status_markdown` for Markdown).

    The line names the data files it comes from; their full citations are in the notebook's
    Sources list (the line sits beside a picture, where a page of citations would bury it).
    """
    a = facts.actor(actor_id)
    bits = []
    if a.nato_accession:
        bits.append(f"NATO member since {a.nato_accession}")
    if a.eu_accession:
        bits.append(f"EU member since {a.eu_accession}" + (f", left {a.eu_left}" if a.eu_left else ""))
    if a.eu_candidate_since:
        bits.append(f"EU candidate since {a.eu_candidate_since}")
    if a.nato_course:
        bits.append(a.nato_course)
    files = ["actors.csv"]
    for row in facts.load_csv("partnerships.csv"):
        if row["id"] == actor_id:
            # The note carries the end of a partnership (e.g. Russia's, suspended in 2014).
            bits.append(
                f"NATO {row['programme']} partner from {row['joined']}"
                + (f" ({row['note']})" if row["note"] else "")
            )
            files.append("partnerships.csv")
    where = " and ".join(dict.fromkeys(files))
    return f"{a.name}: {'; '.join(bits) or 'in neither NATO nor the EU'} (sourced in {where}; see Sources)."


def status_markdown(actor_id: str) -> str:
    """:func:`status` escaped for Markdown."""
    return md(status(actor_id))
