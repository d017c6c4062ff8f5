"""Reading the essay: a paragraph reader with glossary terms marked, a forgiving search, and
the occurrences of "Europe", "the EU", "NATO", "Euro-Atlantic" and "the collective".

Built on :mod:`helpers.sources.essay` (the seed parsed once): nothing here re-reads the seed. Search
ignores case and treats curly quotes and dashes as the straight ones a reader types, but always
returns the seed's own characters.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from helpers.sources import essay, facts
from helpers.text.markup import md

# Characters a reader cannot easily type, mapped one-to-one (so positions survive) to ASCII.
_TYPOGRAPHY = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)


def normalise(text: str) -> str:
    """Lower-case, straight quotes and hyphens, same length as `text` (so offsets carry over)."""
    out = []
    for ch in text.translate(_TYPOGRAPHY):
        low = ch.lower()
        out.append(low if len(low) == 1 else ch)
    return "".join(out)


def _normalise_query(query: str) -> str:
    return " ".join(normalise(query).split())


# --- summaries and the paragraph reader -----------------------------------------------------


@cache
def summaries() -> dict[str, str]:
    """Our one-line summary of each paragraph (labelled as ours wherever shown)."""
    data = facts.load_toml("paragraph_summaries.toml")
    records = data["summary"]
    table = {rec["id"]: rec["text"] for rec in records}
    ids = essay.paragraph_ids()
    if set(table) != set(ids) or len(records) != len(ids):
        raise ValueError(f"paragraph_summaries.toml must summarise each of {', '.join(ids)} once")
    return {pid: table[pid] for pid in ids}


@dataclass(frozen=True)
class Mark:
    """A glossary term found in a paragraph: where, which term, and the seed's own characters."""

    start: int
    end: int
    term: str
    text: str


def glossary_marks(pid: str) -> list[Mark]:
    """Glossary terms in paragraph `pid`, leftmost first, each widened to whole words; where
    matches overlap the longer wins."""
    text = essay.paragraph(pid)
    found = []
    for term in essay.glossary():
        for pattern in term.patterns:
            for m in re.finditer(pattern, text, flags=re.IGNORECASE):
                start, end = _whole_words(text, m.start(), m.end())
                found.append(Mark(start, end, term.name, text[start:end]))
    found.sort(key=lambda k: (k.start, -(k.end - k.start)))
    chosen: list[Mark] = []
    for mark in found:
        if not chosen or mark.start >= chosen[-1].end:
            chosen.append(mark)
    return chosen


def _whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a match to whole words, so "Track II" inside "Track III" marks all of "Track III"."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _wrap(text: str, spans: list[tuple[int, int, str]]) -> str:
    """HTML of `text` with each (start, end, opening tag) span wrapped; spans must not overlap."""
    out, pos = [], 0
    for start, end, tag in spans:
        out.append(html.escape(text[pos:start]))
        name = tag.split()[0].strip("<>")
        out.append(f"{tag}{html.escape(text[start:end])}</{name}>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def paragraph_html(pid: str) -> str:
    """The paragraph verbatim, glossary terms marked (hover for the gloss), and our summary."""
    text = essay.paragraph(pid)
    terms = {t.name: t for t in essay.glossary()}
    marks = glossary_marks(pid)
    spans = [
        (m.start, m.end, f'<mark title="{html.escape(m.term)}: {html.escape(terms[m.term].explanation)}">')
        for m in marks
    ]
    names = list(dict.fromkeys(m.term for m in marks))
    glossary_list = "".join(
        f"<li><b>{html.escape(n)}</b>: {html.escape(terms[n].explanation)}</li>" for n in names
    )
    return (
        f"<h4>{pid} (the essay's text, verbatim from the seed)</h4>"
        f'<blockquote style="font-size:1.05em;line-height:1.5">{_wrap(text, spans)}</blockquote>'
        f"<p><b>Our one-line summary</b> (ours, not the author's): "
        f"{html.escape(summaries()[pid])}</p>"
        + (
            f"<p><b>Glossary terms marked here</b></p><ul>{glossary_list}</ul>"
            if names
            else "<p><i>No glossary term in this paragraph.</i></p>"
        )
    )


def paragraph_description(pid: str) -> str:
    """Plain-text account of the reader's view, for screen readers."""
    terms = list(dict.fromkeys(m.term for m in glossary_marks(pid)))
    listed = ", ".join(terms) if terms else "none"
    return (
        f"Paragraph {pid} of the essay shown verbatim, with our one-line summary: "
        f"{summaries()[pid]} Glossary terms marked: {listed}."
    )


# --- search ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One occurrence of a search string: paragraph, the sentence it is in, and the seed's text."""

    pid: str
    sentence: str
    start: int  # offset of the match within the sentence
    end: int
    text: str  # the matched characters exactly as in the seed


def search(query: str) -> list[Hit]:
    """Every occurrence of `query` in P1-P11, in page order, ignoring case and typography.

    "collective security", "Collective Security" and 'international relations' typed with
    straight quotes all find the seed's text. ValueError on an empty query.
    """
    if not isinstance(query, str) or not query.strip():
        raise ValueError("type a word or phrase to search for (the query is empty)")
    needle = _normalise_query(query)
    hits = []
    for pid in essay.paragraph_ids():
        for sentence in essay.split_sentences(essay.paragraph(pid)):
            hay = normalise(sentence)
            start = hay.find(needle)
            while start >= 0:
                end = start + len(needle)
                hits.append(Hit(pid, sentence, start, end, sentence[start:end]))
                start = hay.find(needle, end)
    return hits


def search_html(query: str) -> str:
    """The search result as HTML: a count per paragraph and each sentence with the match marked."""
    if not query.strip():
        return "<p><i>Type a word or phrase above (for example <code>Milan</code>).</i></p>"
    hits = search(query)
    if not hits:
        hint = shorter_form(query)
        extra = ""
        if hint:
            stem, forms = hint
            extra = (
                f"<p>But the shorter “{html.escape(stem)}” does occur, as "
                + ", ".join(f"“{html.escape(f)}”" for f in forms)
                + ": try it, and read how the essay puts it.</p>"
            )
        return (
            f"<p><b>“{html.escape(query.strip())}” does not occur in the essay</b> "
            "(P1-P11; case, curly quotes and dashes ignored).</p>" + extra
        )
    per = {}
    for hit in hits:
        per.setdefault(hit.pid, []).append(hit)
    head = (
        f"<p><b>{len(hits)} occurrence{'s' if len(hits) != 1 else ''}</b> in "
        f"{len(per)} paragraph{'s' if len(per) != 1 else ''}: "
        + ", ".join(f"{pid} ({len(h)})" for pid, h in per.items())
        + "</p>"
    )
    items = []
    for pid, pid_hits in per.items():
        seen = {}
        for hit in pid_hits:
            seen.setdefault(hit.sentence, []).append((hit.start, hit.end, "<mark>"))
        for sentence, spans in seen.items():
            items.append(f"<li><b>{pid}</b>: {_wrap(sentence, spans)}</li>")
    return head + "<ul>" + "".join(items) + "</ul>"


def shorter_form(query: str, max_cut: int = 3) -> tuple[str, list[str]] | None:
    """For a query that is not found, the longest shorter stem (cutting up to `max_cut` letters
    off the end, keeping at least four) that does occur, and the words it occurs in.

    "Ukraine" is absent but "Ukrain" finds "Ukrainian": a search for a name can miss the
    adjective, and a reader should not conclude from one miss that a subject is absent.
    """
    word = query.strip()
    if search(word) if word else True:
        return None
    for cut in range(1, max_cut + 1):
        stem = word[:-cut]
        if len(stem.strip()) < 4:
            break
        hits = search(stem)
        if hits:
            forms = []
            for hit in hits:
                end = hit.end
                while end < len(hit.sentence) and hit.sentence[end].isalnum():
                    end += 1
                forms.append(hit.sentence[hit.start : end])
            return stem, list(dict.fromkeys(forms))
    return None


def search_description(query: str) -> str:
    """Plain-text account of a search result."""
    if not query.strip():
        return "No search yet: the box is empty."
    hits = search(query)
    if not hits:
        hint = shorter_form(query)
        more = f" The shorter '{hint[0]}' occurs, as {', '.join(hint[1])}." if hint else ""
        return f"The text '{query.strip()}' does not occur in paragraphs P1-P11.{more}"
    pids = ", ".join(dict.fromkeys(h.pid for h in hits))
    times = "once" if len(hits) == 1 else f"{len(hits)} times"
    return f"'{query.strip()}' occurs {times}, in {pids}."


ESSAY_YEAR = "2020"  # "written c. 2020": P3 discusses the Twelve Steps of February 2020

# --- "Which Europe?" ------------------------------------------------------------------------

# The names the essay slides between. Patterns are case-sensitive on purpose ("EU" is not "eu").
REFERENT_PATTERNS: dict[str, str] = {
    "Europe": r"\bEurope\b",
    "European": r"\bEuropean\b(?! Union)",
    "the EU": r"\bEU\b|\bEuropean Union\b",
    "NATO": r"\bNATO\b",
    "Euro-Atlantic": r"\bEuro-Atlantic\b",
    "collective": r"\bcollective\b(?! security)",
}


@dataclass(frozen=True)
class Occurrence:
    """One place where the essay names "Europe" or one of its neighbours in meaning."""

    key: str  # e.g. "P4#2": paragraph and the occurrence's number within it (1-based)
    pid: str
    label: str  # which name (a key of REFERENT_PATTERNS)
    text: str  # the words as in the seed
    sentence: str
    start: int  # offset within the sentence


def referent_occurrences() -> list[Occurrence]:
    """Every occurrence of the names in REFERENT_PATTERNS, in page order, numbered per paragraph.

    "European Union" counts as "the EU" only, and "collective security" (the concept being
    defined) is left out of "collective", so no word is counted twice.
    """
    out: list[Occurrence] = []
    for pid in essay.paragraph_ids():
        number = 0
        for sentence in essay.split_sentences(essay.paragraph(pid)):
            found = []
            for label, pattern in REFERENT_PATTERNS.items():
                for m in re.finditer(pattern, sentence):
                    found.append((m.start(), label, m.group(0)))
            for start, label, text in sorted(found):
                number += 1
                out.append(Occurrence(f"{pid}#{number}", pid, label, text, sentence, start))
    return out


@dataclass(frozen=True)
class Tagged:
    """An occurrence with our reading of what it refers to (an interpretation, labelled so)."""

    occurrence: Occurrence
    tag: str
    why: str
    exercise: bool


def referent_categories() -> list[str]:
    """The categories a reader sorts occurrences into (ours)."""
    return list(facts.load_toml("europe_tags.toml")["categories"])


@cache
def referent_tags() -> tuple[Tagged, ...]:
    """Every occurrence joined with our tag; ValueError if the data and the seed disagree."""
    data = facts.load_toml("europe_tags.toml")
    categories = set(data["categories"])
    table = {rec["key"]: rec for rec in data["occurrence"]}
    occurrences = referent_occurrences()
    keys = [o.key for o in occurrences]
    if sorted(table) != sorted(keys):
        extra, missing = sorted(set(table) - set(keys)), sorted(set(keys) - set(table))
        raise ValueError(f"europe_tags.toml is out of step with the seed: extra {extra}, missing {missing}")
    out = []
    for occ in occurrences:
        rec = table[occ.key]
        if rec["text"] != occ.text:
            raise ValueError(f"{occ.key}: data says {rec['text']!r}, the seed has {occ.text!r}")
        if rec["tag"] not in categories:
            raise ValueError(f"{occ.key}: tag {rec['tag']!r} is not one of {sorted(categories)}")
        out.append(Tagged(occ, rec["tag"], rec["why"], bool(rec["exercise"])))
    return tuple(out)


def exercise_statement(occ: Occurrence, width: int = 70) -> str:
    """A plain-text line for the sorting exercise: the name in brackets, with some context."""
    s = occ.sentence
    left = max(0, occ.start - width)
    right = min(len(s), occ.start + len(occ.text) + width)
    return (
        f"{occ.pid}: “{'…' if left else ''}{s[left : occ.start]}[{occ.text}]"
        f"{s[occ.start + len(occ.text) : right]}{'…' if right < len(s) else ''}”"
    )


def referent_exercise() -> tuple[dict[str, str], dict[str, str]]:
    """Items (statement -> our tag) and explanations for ``helpers.explorers.quiz.classify``."""
    items, why = {}, {}
    for t in referent_tags():
        if t.exercise:
            statement = exercise_statement(t.occurrence)
            items[statement] = t.tag
            why[statement] = t.why
    return items, why


def memberships() -> dict[str, dict[str, list[str]]]:
    """Who is in NATO and who in the EU today, among the states in actors.csv (a selection).

    Returns, for "NATO" and "the EU": "members", "only here" (not in the other body) and
    "nuclear" (members that the NPT counts as nuclear-weapon States; all five are in the file);
    for the EU also "only here in 2020", its members outside NATO when the essay was written.
    """
    states = [r for r in facts.load_csv("actors.csv") if r["kind"] == "state"]
    nato = {r["name"] for r in states if r["nato_accession"]}
    eu = {r["name"] for r in states if r["eu_accession"] and not r["eu_left"]}
    nato_since_essay = {r["name"] for r in states if r["nato_accession"][:4] > ESSAY_YEAR}
    nuclear = {r["name"] for r in states if r["nuclear_weapon_state"] == "yes"}
    order = [r["name"] for r in states]

    def listed(names: set[str]) -> list[str]:
        return [n for n in order if n in names]

    return {
        "NATO": {"members": listed(nato), "only here": listed(nato - eu), "nuclear": listed(nato & nuclear)},
        "the EU": {
            "members": listed(eu),
            "only here": listed(eu - nato),
            "nuclear": listed(eu & nuclear),
            "only here in 2020": listed(eu - (nato - nato_since_essay)),
        },
    }


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def memberships_markdown() -> str:
    """The two readings of "Europe" side by side, computed from actors.csv (sourced rows)."""
    table = memberships()
    lines = []
    for body, other in (("NATO", "the EU"), ("the EU", "NATO")):
        row = table[body]
        extra = [n for n in row.get("only here in 2020", []) if n not in row["only here"]]
        was = f"; when the essay was written, in {ESSAY_YEAR}, also {md(_and(extra))}" if extra else ""
        lines.append(
            f"- **If “Europe” is {body}**: it includes {md(_and(row['only here']))} "
            f"(in {body}, not in {other}{was}); its members that the NPT counts as "
            f"nuclear-weapon States: {md(_and(row['nuclear']))}."
        )
    lines.append(
        "\n*Computed from `helpers/data/actors.csv`, which holds a selection of states "
        "(not every member), each row with its source; all five NPT nuclear-weapon "
        "States are in it.*"
    )
    return "\n".join(lines)


# --- source criticism -----------------------------------------------------------------------


def byline() -> tuple[str, str]:
    """The author's name and affiliation as the page prints them (parsed from the seed)."""
    cap = essay.capture()
    return cap.author, cap.affiliation


def dating_markdown() -> str:
    """How we date the essay: P3 discusses the Twelve Steps, whose release is sourced data."""
    doc = facts.load_toml("twelve_steps.toml")["document"][0]
    mention = essay.quote("P3", "The Twelve Steps prepared in collaboration")
    return (
        f"P3 discusses the Twelve Steps: “{md(mention)}” ({mention.pid}). The document, "
        f"*{md(doc['name'])}*, was released in {md(doc['released'])} (source: {md(doc['source'])}). "
        "So the essay was written around or after February 2020; since it calls a major "
        'Russia-Europe conflict "completely impractical" and never mentions the full-scale '
        "invasion of Ukraine, almost certainly before February 2022. **Written c. 2020 (it "
        "discusses the Twelve Steps released in February 2020); later events are not in the "
        "text.**"
    )


def other_voices() -> list[dict]:
    """European and Ukrainian sources on the same questions, each with its source."""
    return [dict(v) for v in facts.load_toml("reading_sources.toml")["voice"]]


def voices_markdown() -> str:
    """The other voices as a Markdown list (title, author, outlet, date when shown, link)."""
    lines = []
    for v in other_voices():
        date = f", {md(v['date'])}" if v["date"] else ""
        lines.append(
            f"- **{md(v['perspective'])}** ({md(v['place'])}): {md(v['author'])}, "
            f"*{md(v['title'])}*, {md(v['outlet'])}{date}. {md(v['what'])} "
            f"[link]({v['url']})"
        )
    return "\n".join(lines)


# --- how the page was captured --------------------------------------------------------------


def capture_markdown() -> str:
    """What the seed holds besides the essay: chrome, the repeated block, the word variants."""
    cap = essay.capture()
    chrome = ", ".join(f"“{md(c)}”" for c in cap.chrome_top)
    rep = ", ".join(str(n) for n in cap.repeated_line_numbers)
    variants = "\n".join(
        f"  - {v.pid}: “{md(v.first)}” (first rendering) / “{md(v.second)}” (repeat)" for v in cap.variants
    )
    nav = ", ".join(f"“{md(n)}”" for n in cap.navigation)
    return (
        f"- **Page chrome before the essay**: {chrome}; then the byline "
        f"“{md(cap.author)}” and “{md(cap.affiliation)}”.\n"
        f"- **The essay**: {len(cap.paragraphs)} paragraphs, "
        f"{cap.paragraphs[0].pid}-{cap.paragraphs[-1].pid}.\n"
        f"- **A repeated block**: the page shows {', '.join(cap.repeated_covers)} a second time "
        f"(seed lines {rep}), split into lines differently and with "
        f"{len(cap.variants)} word-level differences:\n{variants}\n"
        f"- **After the essay**: the rating box again, a reader poll "
        f"(“{md(cap.poll.question)}”, {cap.poll.total} votes), and site navigation ({nav})."
    )
