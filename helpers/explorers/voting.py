"""Notebook 05's explorers: voting power under five rules, a measured "monopoly", the Council
redesigned; and its two quizzes.

Each ``render_*`` function computes the exact power (``helpers.models.voting``, cached per game)
once per change and derives the picture, the description and the side text from that result.
Every number a quiz states is computed from the same model.
"""

from __future__ import annotations

import html
from fractions import Fraction

from helpers.explorers import quiz
from helpers.explorers import widgets as wd
from helpers.figures import voting as figures
from helpers.models import voting
from helpers.text.voting import INDEX_NAMES, fmt, turkey_line

QUOTA_KINDS = {
    "charter": "the Charter's number",
    "majority": "a simple majority",
    "two_thirds": "two-thirds",
    "all": "all seats (unanimity)",
}
"""What each kind of quota is called (ids from ``helpers.models.voting.QUOTA_KIND_IDS``)."""


def rule_options() -> dict[str, str]:
    """{label: rule id} for a control, in the notebook's order."""
    return {voting.rule(r)["name"]: r for r in voting.RULE_IDS}


def _council_sizes() -> dict[str, int]:
    return {
        f"{voting.council_defaults(r)[0]} seats ({figures.rule_label(r)})": voting.council_defaults(r)[0]
        for r in ("unsc_1945", "unsc_1965")
    }


_INDEX_OPTIONS = {v: k for k, v in INDEX_NAMES.items()}

RULES_CONTROLS = (
    wd.dropdown("rule", "Voting rule:", rule_options(), default="unsc_1965"),
    wd.toggle("index", "Power index:", _INDEX_OPTIONS),
)
MONOPOLY_CONTROLS = (
    wd.toggle("index", "Power index:", _INDEX_OPTIONS),
    wd.slider("k", "Top members counted (k):", 1, 10, 1, 5),
)
COUNCIL_CONTROLS = (
    wd.toggle("seats", "Council size:", _council_sizes(), default=11),
    wd.slider("permanent", "Seats with a veto:", 0, 5, 1, 5),
    wd.dropdown("quota", "Votes needed:", {v: k for k, v in QUOTA_KINDS.items()}, default="charter"),
)


def _check_index(index: str) -> None:
    if index not in INDEX_NAMES:
        raise ValueError(f"unknown index {index!r}; valid indices: {', '.join(INDEX_NAMES)}")


def _ease_text(result: voting.Power) -> str:
    ease = result.ease
    one_in = 1 / float(ease)
    return (
        f"{float(ease):.2%} of all {result.coalitions:,} possible coalitions win (about 1 in {one_in:,.0f})"
        if ease >= Fraction(1, 10**4)
        else f"only {result.winning:,} of {result.coalitions:,} possible coalitions win (1 in {one_in:,.0f})"
    )


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>"


# ---------------------------------------------------------------- the rules explorer


def rule_axis_top(rule: str) -> float:
    """One value-axis top for a rule under both indices (and its population shares), so that
    switching the index keeps the axis and only the bars move."""
    result = voting.power(voting.rule_game(rule))
    top = max(float(v) for ix in INDEX_NAMES for v in voting.index_values(result, ix).values())
    if rule == "eu_qmv":
        shares = voting.eu_population_shares()
        top = max(top, max(shares.values()) / sum(shares.values()))
    return max(0.05, top * 1.25)


def render_rules(rule: str, index: str) -> wd.View:
    """Power of every member under one rule: picture, description and side text from one result."""
    _check_index(index)
    record = voting.rule(rule)
    game = voting.rule_game(rule)
    result = voting.power(game)
    values = voting.index_values(result, index)
    order = sorted(range(len(game.members)), key=lambda i: (-values[game.members[i]], i))
    names = tuple(game.members[i] for i in order)
    n = len(names)
    population = None
    if rule == "eu_qmv":
        shares = voting.eu_population_shares()
        total = sum(shares.values())
        population = tuple(shares[m] / total for m in names)
    heights = tuple(float(values[m]) for m in names)
    picture = figures.RulesPicture(rule, index, names, heights, rule_axis_top(rule), population)
    kind = record["kind"]
    if kind == "council":
        p = next(values[m] for m in game.members if m in game.vetoes)
        e = next(values[m] for m in game.members if m not in game.vetoes)
        detail = (
            f"Each permanent member (blue, solid) holds {fmt(p)}; each elected member "
            f"(orange, hatched) holds {fmt(e)}."
        )
    elif kind == "unanimity":
        turkey = (
            " Turkey's bar (vermillion, cross-hatched) is the same as every other."
            if "Turkey" in game.members
            else ""
        )
        detail = f"All {n} bars are equal: every member holds {fmt(values[names[0]])}.{turkey}"
    else:
        top3 = ", ".join(f"{m} {float(values[m]):.3f}" for m in names[:3])
        detail = (
            f"Power rises with population but less than in proportion: largest {top3}; "
            f"smallest {names[-1]} {float(values[names[-1]]):.4f}. Black diamonds mark each "
            f"member's population share ({names[0]} {population[0]:.3f})."
        )
    description = (
        f"Bar chart of the {INDEX_NAMES[index]} voting power of each of the {n} members under "
        f"{record['name']}, largest first, with a dashed line at equal shares (1/{n}). {detail}"
    )
    items = [f"Members: {n}; veto players: {len(result.vetoes)}", f"Ease of passing: {_ease_text(result)}"]
    if kind == "council":
        items.append(f"One permanent seat has {float(p / e):,.0f} times the power of one elected seat")
    items.append(turkey_line(rule, index))
    text = (
        f"<p><b>{html.escape(record['name'])}</b></p>"
        f"<p style='font-size:0.95em'>{html.escape(record['note'])}</p>{_list(items)}"
    )
    return wd.View(picture, description, text)


# ---------------------------------------------------------------- the monopoly explorer


def render_monopoly(index: str, k: int) -> wd.View:
    """Share of all power held by the k most powerful members, for each rule."""
    _check_index(index)
    k = int(k)
    rows = tuple(voting.monopoly_table(index, k))
    picture = figures.MonopolyPicture(index, k, rows)
    parts = [f"{figures.rule_label(r)} {float(s):.1%} (equal: {float(e):.1%})" for r, s, e in rows]
    description = (
        f"Horizontal bars, one per rule, of the share of all {INDEX_NAMES[index]} power held by "
        f"{picture.top_words()}, with a black line where that share would be if every member had "
        "equal power: " + "; ".join(parts) + "."
    )
    return wd.View(picture, description)


# ---------------------------------------------------------------- the Council redesigned


def _change_text(old: Fraction, new: Fraction) -> str:
    if old == new:
        return f"{float(new):.4f} (unchanged)"
    rel = f" ({float((new - old) / old):+.0%})" if old else ""
    return f"{float(old):.4f} to {float(new):.4f}{rel}"


def changes_sentence(design: voting.CouncilDesign) -> str:
    """How one seat of each kind changed from the 1945 text, in words."""
    if design.is_reference:
        return "this design is the 1945 text itself."
    changes = voting.change_from_1945(design)
    if not changes:
        return "no seat kind is shared with the 1945 text."
    parts = [
        f"one {kind} seat, {INDEX_NAMES[ix]}: {_change_text(old, new)}"
        for (kind, ix), (old, new) in changes.items()
    ]
    return "change from the 1945 text: " + "; ".join(parts) + "."


def council_text(design: voting.CouncilDesign) -> str:
    """Side text (HTML): ratio of permanent to elected power, their share, ease of passing."""
    items = []
    if design.ratio("shapley_shubik") is not None:
        for ix, name in INDEX_NAMES.items():
            items.append(f"{name}: one permanent seat = {float(design.ratio(ix)):,.1f} elected seats")
    elif design.permanent_power and design.elected_power is not None:
        items.append("Elected seats are dummies here: they can never change an outcome.")
    if design.permanent:
        items.append(
            "Share of all power held by the permanent seats: "
            + ", ".join(f"{n} {float(design.permanent_share[ix]):.1%}" for ix, n in INDEX_NAMES.items())
        )
    items.append(f"Ease of passing: {_ease_text(design.result)}")
    change = changes_sentence(design)
    items.append(change[0].upper() + change[1:])
    head = (
        f"{design.seats} seats, {design.permanent} with a veto, {design.quota} votes needed "
        f"({QUOTA_KINDS[design.quota_kind]})"
    )
    return f"<p><b>This design:</b> {html.escape(head)}</p>{_list(items)}"


def render_council(seats: int, permanent: int, quota: str) -> wd.View:
    """One permanent and one elected seat under a design of the Council, against 1945."""
    design = voting.council_design(int(seats), int(permanent), quota)
    reference = voting.council_design(*voting.REFERENCE_DESIGN)
    parts = []
    for label in ("permanent", "elected"):
        powers = getattr(design, f"{label}_power")
        if powers is None:
            parts.append(f"There is no {label} seat.")
        else:
            parts.append(
                f"One {label} seat: Shapley-Shubik {fmt(powers['shapley_shubik'])}, "
                f"Banzhaf {fmt(powers['banzhaf'])}."
            )
    description = (
        f"Two bar charts for a council of {design.seats} seats, {design.permanent} of them "
        f"permanent with a veto, needing {design.quota} votes. Each shows the Shapley-Shubik power "
        "(blue, solid) and the normalized Banzhaf power (orange, hatched) of one seat. "
        + " ".join(parts)
        + " Dashed outlines show the same seats under the 1945 Charter text (11 seats, 5 vetoes, "
        "7 votes); "
        + changes_sentence(design)
        + " Each axis keeps one of a few fixed scales, so changes between designs can be "
        "compared by eye."
    )
    return wd.View(figures.CouncilPicture(design, reference), description, council_text(design))


# ---------------------------------------------------------------- the accession timeline


def accession_view() -> wd.View:
    """Sweden's accession as a static picture with its description (sourced dates)."""
    picture = figures.accession_picture()
    parts = [
        f"{who}: {'at most ' if k == 0 else ''}{(end - start).days} days"
        for k, (who, start, end) in enumerate(picture.waits)
    ]
    description = (
        f"Horizontal bars from Sweden's application on {picture.waits[0][1].isoformat()} to each "
        f"approval: {'; '.join(parts)}. Dotted vertical lines mark Finland joining NATO on "
        f"{picture.finland.isoformat()} and Sweden joining on {picture.sweden.isoformat()}. Under "
        "consensus, each of the last two approvals could hold up the whole decision."
    )
    return wd.View(picture, description)


# ---------------------------------------------------------------- quizzes (numbers computed)


def enlargement_quiz() -> quiz.MultipleChoice:
    """Did the 1965 enlargement raise or lower one elected seat's power? (Both indices.)"""
    old = voting.council_design(11, 5, "charter").elected_power
    new = voting.council_design(15, 5, "charter").elected_power
    falls_ss = new["shapley_shubik"] < old["shapley_shubik"]
    rises_bz = new["banzhaf"] > old["banzhaf"]
    answer = {
        (True, True): "fell by Shapley-Shubik, rose by Banzhaf",
        (True, False): "fell under both indices",
        (False, True): "rose under both indices",
    }.get((falls_ss, rises_bz), "did not change")
    return quiz.multiple_choice(
        "In 1965 the Council went from 11 seats (7 votes needed) to 15 (9 needed). "
        "One elected seat's power...",
        [
            "fell under both indices",
            "rose under both indices",
            "fell by Shapley-Shubik, rose by Banzhaf",
            "did not change",
        ],
        answer=answer,
        explanation=(
            f"Shapley-Shubik: {fmt(old['shapley_shubik'])} to {fmt(new['shapley_shubik'])}. "
            f"Normalized Banzhaf: {fmt(old['banzhaf'])} to {fmt(new['banzhaf'])}. "
            "The two indices weigh the same swings differently."
        ),
    )


def turkey_quiz() -> quiz.MultipleChoice:
    """Under which rule does Turkey hold as much voting power as the United States?"""
    nato = voting.power(voting.rule_game("nato"))
    if nato.shapley_shubik["Turkey"] != nato.shapley_shubik["United States"]:
        raise ValueError("the NATO rule in the data no longer gives Turkey and the US equal power")
    return quiz.multiple_choice(
        "Under which rule does Turkey hold exactly as much voting power as the United States?",
        [
            figures.rule_label("unsc_1965"),
            figures.rule_label("nato"),
            figures.rule_label("eu_qmv"),
            "none of them",
        ],
        answer=figures.rule_label("nato"),
        explanation=(
            f"Under consensus every member can block, so all {len(nato.members)} hold "
            f"{fmt(nato.shapley_shubik['Turkey'])}. Turkey has no permanent seat in the Council "
            "and, not being an EU member, no vote in the EU."
        ),
    )


def show_accession() -> None:
    """Display the accession timeline in a notebook: a fresh figure, its description beneath."""
    from helpers.explorers import access

    view = accession_view()
    access.show(view.fig, view.description)


#: What this module draws, for the picture checks' registry (``tests/pictures.py``).
EXPLORERS = {
    "rules": (RULES_CONTROLS, render_rules),
    "monopoly": (MONOPOLY_CONTROLS, render_monopoly),
    "council": (COUNCIL_CONTROLS, render_council),
}
FIGURES = {"accession": figures.accession_picture}
