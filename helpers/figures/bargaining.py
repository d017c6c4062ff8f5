"""Figure and widget for notebook 04: the bargaining range appearing, shrinking or vanishing.

``bargaining_figure`` draws one :class:`helpers.models.bargaining.Bargain` on the line of A's
share of an abstract stake; ``render_bargaining`` is the pure render function behind the widget
whose controls are ``BARGAINING_CONTROLS``.
"""

from __future__ import annotations

from matplotlib.patches import Rectangle

from helpers.explorers import widgets as wd
from helpers.figures import style as plots
from helpers.figures.glyph_text import LABELPAD, boxed_text, path_label, path_ticks
from helpers.models import bargaining as bg
from helpers.sources import facts

SIDE_PAYMENT = 0.25  # the compensation (or linked issue) available in the "side payments" case

STAKE_LABELS = {
    "divisible": "Divisible: any split",
    "indivisible": "Indivisible: all or nothing",
    "side payments": f"Indivisible + side payment up to {SIDE_PAYMENT:.2f}",
}

BARGAINING_CONTROLS = (
    wd.slider("p", "p: A's chance of winning a war", 0.0, 1.0, 0.05, 0.5,
              tooltip="A's expected share of the stake if they fight"),
    wd.slider("cost_a", "c_A: cost of war to A", 0.0, 0.6, 0.05, 0.2),
    wd.slider("cost_b", "c_B: cost of war to B", 0.0, 0.6, 0.05, 0.2),
    wd.toggle("stake", "The stake is", {v: k for k, v in STAKE_LABELS.items()}, "divisible"),
    wd.checkbox("a_recognises_b", "A treats B's claim as negotiable", True),
    wd.checkbox("b_recognises_a", "B treats A's claim as negotiable", True),
)

_ROWS = ("A: better than war", "B: better than war", "Bargaining range", "On the table",
         "Deals possible")
SHORT = {"divisible": "divisible", "indivisible": "indivisible",
         "side payments": "indivisible + side payment"}


def _span(ax, y, lo, hi, color, hatch=""):
    """A horizontal bar from lo to hi on row y; a diamond when it has no length."""
    if hi - lo < 1e-6:
        ax.plot([lo], [y], marker="D", markersize=11, color=color, markeredgecolor="black",
                linestyle="none")
    else:  # add_artist: the limits are fixed, so skip add_patch's autoscaling
        ax.add_artist(Rectangle((lo, y - 0.275), hi - lo, 0.55, facecolor=color, edgecolor="black",
                                hatch=hatch, linewidth=1.0))


def _canvas():
    """The empty figure: rows, ticks and axis label drawn once (fixed margins, reused)."""
    fig = plots.new_figure(9.5, 4.6, layout=None)  # fixed margins: one draw per PNG, not two
    fig.subplots_adjust(left=0.2, right=0.97, bottom=0.14, top=0.9)
    ax = fig.add_subplot()
    ax.set_ylim(-0.6, len(_ROWS) - 0.1)
    ax.set_xlim(-0.02, 1.02)
    path_ticks(ax, "y", [len(_ROWS) - 1 - i for i in range(len(_ROWS))], _ROWS)
    path_ticks(ax, "x", [0, 0.25, 0.5, 0.75, 1.0], ["0", "0.25", "0.5", "0.75", "1"])
    path_label(ax, "x", "A's share of the abstract stake (B gets the rest)", LABELPAD + 3.5)
    return fig


@plots.house_style
def bargaining_figure(result: bg.Bargain) -> plots.FigureResult:
    """Five rows on A's share: what A accepts, what B accepts, their overlap, the table, deals."""
    pal = plots.PALETTE
    fig = plots.reusable_figure("bargaining", _canvas)
    ax = fig.axes[0]
    y = {name: len(_ROWS) - 1 - i for i, name in enumerate(_ROWS)}
    lo, hi = result.range
    a_min = max(0.0, result.p - result.cost_a)
    b_max = min(1.0, result.p + result.cost_b)
    _span(ax, y["A: better than war"], a_min, 1.0, pal["blue"], "//")
    _span(ax, y["B: better than war"], 0.0, b_max, pal["orange"], "\\\\")
    _span(ax, y["Bargaining range"], lo, hi, pal["bluish green"])
    for t0, t1 in result.on_table:
        _span(ax, y["On the table"], t0, t1, plots.GREY, "..")
    if not result.on_table:
        boxed_text(ax, "nothing: each side refuses the other's claim", (0.5, y["On the table"]),
                   size=11, va="center")
    for d0, d1 in result.deals:
        _span(ax, y["Deals possible"], d0, d1, pal["black"])
    if not result.deals:
        boxed_text(ax, "NONE: no split both prefer to war is on the table",
                   (0.5, y["Deals possible"]), size=12, weight="bold", va="center",
                   color=pal["vermillion"])
    ax.axvline(result.p, color=pal["reddish purple"], linestyle="--", linewidth=1.8)
    boxed_text(ax, f"p = {result.p:.2f}", (min(max(result.p, 0.06), 0.94), len(_ROWS) - 0.45),
               size=11, color=pal["reddish purple"])
    verdict = "A peaceful deal exists" if result.deals else "No peaceful deal in the model"
    plots.path_text(ax, f"{verdict} ({SHORT[result.stake]} stake)", (0.5, 1.0), ax.transAxes,
                    size=14, weight="bold", offset=(0, 3.2))
    return fig, describe(result)


def describe(result: bg.Bargain) -> str:
    """Plain-text account of the bargaining figure."""
    who = []
    if not result.a_recognises_b:
        who.append("A does not treat B's claim as negotiable, so A accepts only taking everything")
    if not result.b_recognises_a:
        who.append("B does not treat A's claim as negotiable, so B accepts only taking everything")
    lo, hi = result.range
    text = (
        f"With A's chance of winning p = {result.p:.2f}, A's cost of war {result.cost_a:.2f} and "
        f"B's {result.cost_b:.2f}, A prefers any share from {max(0.0, result.p - result.cost_a):.2f}"
        f" up to 1 to fighting, and B prefers any share for A from 0 up to "
        f"{min(1.0, result.p + result.cost_b):.2f}; the bargaining range is {lo:.2f} to {hi:.2f}. "
        f"The stake is {STAKE_LABELS[result.stake].lower()}. "
    )
    if who:
        text += "; ".join(who) + ". "
    return text + result.summary().split(". ", 1)[-1]


def render_bargaining(p: float, cost_a: float, cost_b: float, stake: str,
                      a_recognises_b: bool, b_recognises_a: bool) -> wd.View:
    """The widget's pure render function: model, figure, description and a one-line verdict."""
    result = bg.settle(p, cost_a, cost_b, stake, SIDE_PAYMENT, a_recognises_b, b_recognises_a)
    fig, description = bargaining_figure(result)
    if result.deals:
        verdict = "<b>Deal possible.</b> Some split on the table beats war for both sides."
    elif not result.on_table:
        verdict = ("<b>No deal.</b> With neither side recognising the other's claim, nothing is "
                   "left to offer, however costly war is.")
    else:
        verdict = ("<b>No deal.</b> War is costly, yet no split that both prefer to war is on "
                   "the table.")
    width = f"Width of the bargaining range: {result.width:.2f}."
    return wd.View(fig, description, f"<p>{verdict}</p><p>{width}</p>")


def osce_para8_markdown(ids: tuple[str, ...] = ("free_to_choose", "not_at_expense")) -> str:
    """Sentences of the OSCE Istanbul Charter (1999), para. 8, as a block quote with the source
    each was read from (``helpers/data/osce_texts.toml``); only sentences read in full."""
    records = {r["id"]: r for r in facts.load_toml("osce_texts.toml")["istanbul_para8"]}
    for i in ids:
        if i not in records:
            raise ValueError(f"unknown OSCE sentence {i!r}; valid sentences: {', '.join(records)}")
        if not records[i].get("verbatim_full") or not records[i].get("text", "").strip():
            raise ValueError(f"OSCE sentence {i!r} was not read in full and cannot be quoted")
    quote = "\n>\n".join(f"> {records[i]['text']}" for i in ids)
    distinct = list(dict.fromkeys(records[i]["source"] for i in ids))
    # A source that another one repeats and extends is shown once, in its longer form.
    sources = "; ".join(s for s in distinct if not any(o != s and o.startswith(s) for o in distinct))
    return (f"{quote}\n>\n> — OSCE Charter for European Security (Istanbul, 1999), para. 8\n\n"
            f"*Text as read from:* {sources}")
