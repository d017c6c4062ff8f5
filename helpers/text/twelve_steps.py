"""The Twelve Steps document as the essay names it (P3): who, when, and NTI's note of 22 Feb 2020.

Also what we could read of its contents and of who signed it. The steps themselves are listed
only if the data file holds them as read from the published statement; we could read only its
opening section, so :func:`contents_markdown` says that instead of listing them from memory.
"""

from __future__ import annotations

from helpers.sources.facts import load_toml
from helpers.text import since_then as since_then_box
from helpers.text.markup import md

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
    return "\n".join(
        [
            f"**{md(doc['name'])}** - {md(doc['kind'])}, released {md(doc['released'])}.",
            "",
            f"- Convened by {md(', '.join(doc['convenors']))}, with their organisations: "
            f"{md(', '.join(doc['organizations']))}.",
            f"- {doc['signatories']} signatories from {doc['countries']} countries (NTI).",
            "",
            f"NTI's statement of {md(nti['date'])}, in its own words:",
            "",
            f"> {md(nti['not_a_peace_plan'])}",
            ">",
            f"> {md(nti['contested'])}",
        ]
    )


def ukrainian_voices() -> list[dict]:
    """Ukrainian critiques of the Twelve Steps, from the shared reading list (sourced op-eds)."""
    voices = [v for v in load_toml("reading_sources.toml")["voice"] if v.get("perspective") == "Ukrainian"]
    if not voices:
        raise ValueError("reading_sources.toml lists no Ukrainian voice on the Twelve Steps")
    return voices


def ukrainian_voices_markdown() -> str:
    """The Ukrainian critiques as a short list: who, where, when, what they argued, and a link."""
    lines = ["**Voices from Kyiv** (op-eds; each summary is ours, the link is the text):", ""]
    for v in ukrainian_voices():
        when = f", {v['date']}" if v.get("date") else ""
        lines.append(
            f"- {md(v['author'])}, “{md(v['title'])}”, *{md(v['outlet'])}*{md(when)}: "
            f"{md(v['what'])} <{v['url']}>"
        )
    return "\n".join(lines)


def since_then() -> list[dict]:
    """Events after the essay, from this file and the shared since_then.toml, in date order."""
    return since_then_box.events(SHARED_EVENTS, extra=load_toml(DATA)["since_then"])


def since_then_markdown() -> str:
    """The sourced "Since then" box for notebooks 07 and 08."""
    return since_then_box.markdown(SHARED_EVENTS, extra=load_toml(DATA)["since_then"])


def contents() -> dict:
    """What we could read of the statement: its groups of steps, its opening, and whether the
    steps are listed (a list must hold exactly twelve, each with its own source)."""
    rec = dict(load_toml(DATA)["contents"][0])
    steps = rec.get("steps", [])
    if rec["steps_listed"] and len(steps) != 12:
        raise ValueError(f"{DATA}: steps_listed is true but {len(steps)} steps are given, not 12")
    if not rec["steps_listed"] and steps:
        raise ValueError(f"{DATA}: steps are given but steps_listed is false")
    return rec


def criticised_steps() -> list[dict]:
    """Steps that critics singled out, in the critics' own description (attributed)."""
    steps = [dict(r) for r in load_toml(DATA)["criticised_step"]]
    bad = [r["step"] for r in steps if not 1 <= r["step"] <= 12]
    if bad:
        raise ValueError(f"{DATA}: criticised_step numbers {bad} are not steps 1-12")
    return steps


def contents_markdown() -> str:
    """What the Twelve Steps contain, as far as we could read them, with the critics' reading of
    two steps; says plainly why the twelve are not listed."""
    rec = contents()
    lines = [
        f"The statement says its steps address four kinds of concern, in its words "
        f"“{md(rec['groups_quote'])}”. **Our summary of its opening:** {md(rec['opening'])}",
        "",
    ]
    if rec["steps_listed"]:
        lines += [f"{n}. {md(step)}" for n, step in enumerate(rec["steps"], start=1)]
    else:
        lines.append(f"**Why the twelve steps are not listed here:** {md(rec['why_not_listed'])}")
    lines += [
        "",
        "Two steps, as a Ukrainian critic described them (our paraphrase of his description, "
        "not the statement's text):",
        "",
    ]
    lines += [f"- Step {r['step']}: {md(r['what'])} ({md(r['critic'])})." for r in criticised_steps()]
    lines += ["", f"*Read the statement itself: <{_first_url(rec['source'])}>.*"]
    return "\n".join(lines)


def signatories() -> dict:
    """The signatories: NTI's counts and what a news report said of the Ukrainians among them."""
    return dict(load_toml(DATA)["signatories"][0])


def signatories_markdown() -> str:
    """Who signed, as far as we could check it (no names: we could not read the list)."""
    rec = signatories()
    return (
        f"**Who signed.** {rec['count']} signatories from {rec['countries']} countries "
        f"(NTI). {md(rec['ukrainians'])} {md(rec['note'])}"
    )


def _first_url(source: str) -> str:
    """The first URL in a source string (the page a student should open)."""
    for word in source.split():
        if word.startswith("https://"):
            return word.rstrip(";,")
    raise ValueError(f"no https URL in source {source!r}")
