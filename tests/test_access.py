"""Accessibility of the widget layer (issue 16): names, states, text alternatives, contrast.

These run without a browser on the widgets' Python side; tests/browser/test_axe.py checks the
rendered pages with axe-core and a keyboard.
"""

from __future__ import annotations

import html.parser

import ipywidgets as W
import pytest

from helpers.explorers import access, quiz, widgets
from helpers.figures import style as plots
from helpers.figures.text import contrast_ratio


class _Figure(html.parser.HTMLParser):
    """Collects the tags of a figure's HTML: is the image inside <figure> with alt and caption?"""

    def __init__(self):
        super().__init__()
        self.stack, self.imgs, self.caption = [], [], ""

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "img":
            self.imgs.append((dict(attrs), list(self.stack)))
            self.stack.pop()

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()

    def handle_data(self, data):
        if "figcaption" in self.stack:
            self.caption += data


def _parse(markup: str) -> _Figure:
    parser = _Figure()
    parser.feed(markup)
    return parser


def _render(kind, size=1):
    fig = plots.new_figure(3, 2)
    fig.add_subplot().plot([0, size], [0, 1], linestyle="-" if kind == "solid" else "--")
    return widgets.View(fig, f"A {kind} line of size {size}.", alt="A line")


CONTROLS = [widgets.toggle("kind", "Kind:", ["solid", "dashed"]), widgets.slider("size", "Size:", 0, 3, 1, 1)]


def test_explorer_picture_is_a_figure_with_alt_and_caption():
    ex = widgets.Explorer(CONTROLS, _render, title="Lines")
    parsed = _parse(ex.picture.value)
    [(attrs, stack)] = parsed.imgs
    assert "figure" in stack and attrs["alt"] == "A line (described below)"
    assert attrs["src"].startswith("data:image/png;base64,")
    assert "A solid line of size 1." in parsed.caption
    ex.set(kind="dashed")
    parsed = _parse(ex.picture.value)
    assert "A dashed line of size 1." in parsed.caption and ex.png[:4] == b"\x89PNG"


def test_alt_falls_back_to_the_figure_title_then_the_first_sentence():
    def titled(kind, size):
        view = _render(kind, size)
        view.fig.axes[0].set_title("Seats by rule")
        return widgets.View(view.fig, "Bars. More text.")

    [(attrs, _)] = _parse(widgets.Explorer(CONTROLS, titled).picture.value).imgs
    assert attrs["alt"] == "Seats by rule (described below)"
    untitled = widgets.Explorer(
        CONTROLS,
        lambda kind, size: widgets.View(
            _render(kind, size).fig,
            "Collective security, seen from Brussels (EU and NATO). A line encloses...",
        ),
    )
    [(attrs, _)] = _parse(untitled.picture.value).imgs
    assert attrs["alt"] == "Collective security, seen from Brussels (EU and NATO) (described below)"


def test_a_figure_without_alt_or_description_is_refused():
    png = plots.to_png(_render("solid").fig)
    with pytest.raises(ValueError, match="alt"):
        access.figure_html(png, " ", "described")
    with pytest.raises(ValueError, match="description"):
        access.figure_html(png, "A line", "")


def test_static_show_emits_an_accessible_figure(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append((obj, raw)))
    fig = plots.new_figure(3, 2)
    fig.add_subplot().set_title("Seats and votes")
    access.show(fig, "Bars of seats.")
    [(bundle, raw)] = shown
    assert raw and set(bundle) == {"text/html", "image/png", "text/plain"}
    [(attrs, stack)] = _parse(bundle["text/html"]).imgs
    assert attrs["alt"] == "Seats and votes (described below)" and "figure" in stack
    assert "Bars of seats." in _parse(bundle["text/html"]).caption
    assert bundle["text/plain"].startswith("Seats and votes (described below)")


def _every_widget(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _every_widget(child)


def test_every_control_is_named_and_exposes_its_state():
    ex = widgets.Explorer(
        [
            *CONTROLS,
            widgets.dropdown("d", "Seen from:", ["a", "b"]),
            widgets.checkbox("c", "Show"),
            widgets.text("t", "Find:"),
        ],
        lambda **v: widgets.View(None, "text only"),
        title="All kinds",
    )
    controls = [
        w for w in _every_widget(ex.widget) if isinstance(w, W.ValueWidget) and not isinstance(w, W.HTML)
    ]
    assert len(controls) == 5
    for w in controls:
        assert w.description.strip(), f"{type(w).__name__} has no name"
        assert not isinstance(w, (W.ToggleButtons, W.IntSlider, W.FloatSlider)), (
            f"{type(w).__name__} exposes no state or name to a screen reader"
        )
    for w in _every_widget(ex.widget):  # labelled widgets render a None tooltip as title="null"
        if hasattr(w, "description"):
            assert w.tooltip is not None, f"{type(w).__name__} would show title=null"
    assert "sf-a11y" in ex.widget._dom_classes


def test_classify_pickers_are_named_and_statements_numbered():
    q = quiz.classify("Sort them.", {"first one": "A", "second one": "B"}, ["A", "B"])
    names = [p.description for p in q.pickers.values()]
    assert names == ["Statement 1:", "Statement 2:"]
    texts = [w.value for w in _every_widget(q.widget) if isinstance(w, W.HTML)]
    assert "1. first one" in texts and "2. second one" in texts
    assert "sf-a11y" in q.widget._dom_classes


def test_check_buttons_and_focus_ring_have_contrast():
    mc = quiz.multiple_choice("Q?", ["a", "b"], "a", "because")
    style = mc.button.style
    assert contrast_ratio(style.text_color, style.button_color) >= 4.5
    for behind in ("#FFFFFF", "#EEEEEE"):  # page and button backgrounds
        assert contrast_ratio(access.FOCUS, behind) >= 3
    assert "outline: 3px solid" in access.CSS


def test_slider_values_become_a_named_dropdown_with_every_step():
    control = widgets.slider("p", "p: A's chance", 0.0, 1.0, 0.05, 0.5)
    built = widgets.build(control)
    assert built.description == "p: A's chance"
    assert set(control.values) <= {v for _, v in built.options}
