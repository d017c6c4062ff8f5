"""The Twelve Steps document as the essay names it (P3): who, when, and NTI's note of 22 Feb 2020.

Nothing here lists or summarises the steps themselves; the essay does not, and neither do we.
"""

from __future__ import annotations

from helpers.sources.facts import load_toml

DATA = "twelve_steps.toml"
#: Dated events from the shared "Since then" file that bear on the Twelve Steps' setting.
SHARED_EVENTS = ("2022-02-24", "2023-04-04", "2024-03-07")


def document() -> dict:
    """The document's name, kind, release, convenors, organisations and signatory counts."""
    return dict(load_toml(DATA)["document"][0])


def nti_statement() -> dict:
    """NTI's statement of 22 February 2020 (verbatim sentences and source)."""
    return dict(load_toml(DATA)["nti_statement"][0])


def document_markdown() -> str:
    """A short Markdown card: what the document is, who convened it, what NTI added."""
    doc, nti = document(), nti_statement()
    return "\n".join([
        f"**{doc['name']}** - {doc['kind']}, released {doc['released']}.",
        "",
        f"- Convened by {', '.join(doc['convenors'])}, with their organisations: "
        f"{', '.join(doc['organizations'])}.",
        f"- {doc['signatories']} signatories from {doc['countries']} countries (NTI).",
        "",
        f"NTI's statement of {nti['date']}, in its own words:",
        "",
        f"> {nti['not_a_peace_plan']}",
        ">",
        f"> {nti['contested']}",
    ])


def ukrainian_voices() -> list[dict]:
    """Ukrainian critiques of the Twelve Steps, from the shared reading list (sourced op-eds)."""
    voices = [v for v in load_toml("reading_sources.toml")["voice"]
              if v.get("perspective") == "Ukrainian"]
    if not voices:
        raise ValueError("reading_sources.toml lists no Ukrainian voice on the Twelve Steps")
    return voices


def ukrainian_voices_markdown() -> str:
    """The Ukrainian critiques as a short list: who, where, when, what they argued, and a link."""
    lines = ["**Voices from Kyiv** (op-eds; each summary is ours, the link is the text):", ""]
    for v in ukrainian_voices():
        when = f", {v['date']}" if v.get("date") else ""
        lines.append(f"- {v['author']}, “{v['title']}”, *{v['outlet']}*{when}: {v['what']} "
                     f"<{v['url']}>")
    return "\n".join(lines)


def since_then() -> list[dict]:
    """Events after the essay, from this file and the shared since_then.toml, in date order."""
    own = list(load_toml(DATA)["since_then"])
    shared = [e for e in load_toml("since_then.toml")["event"] if e["date"] in SHARED_EVENTS]
    missing = set(SHARED_EVENTS) - {e["date"] for e in shared}
    if missing:
        raise ValueError(f"since_then.toml lacks the events dated {sorted(missing)}")
    return sorted(own + shared, key=lambda e: e["date"])


def since_then_markdown() -> str:
    """The sourced "Since then" box for notebook 08."""
    lines = ["**Since then** (the essay was written c. 2020; these events are not in it):", ""]
    lines += [f"- **{e['date']}**: {e['text']}" for e in since_then()]
    return "\n".join(lines)
