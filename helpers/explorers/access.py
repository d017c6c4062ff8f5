"""Accessible building blocks shared by explorers and quizzes (WCAG 2.1 AA, issue 16).

- :func:`figure_html` (from :mod:`helpers.figures.alt`): a picture as
  ``<figure><img alt><figcaption>``. ``ipywidgets.Image`` has no alt, and its ``tooltip``
  breaks the view in ipywidgets 8.1.9, so an explorer's picture is an HTML value holding a
  base64 PNG.
- :func:`style_widget`: one ``<style>`` block, scoped to the ``sf-a11y`` class that explorers and
  quizzes put on their outer box: a 3 px focus ring (8.3:1 on white), radio options that wrap
  instead of being clipped at 320 px, underlined links (also in the notebook's rendered Markdown
  and outputs, where the theme shows links by colour alone), and pictures that keep at least
  ``MIN_SCALE`` of their size at 200 % zoom (the figure box scrolls sideways instead).
"""

from __future__ import annotations

import ipywidgets as W

from helpers.figures.alt import MIN_SCALE, figure_html, png_size, short_alt  # noqa: F401 - re-exported

CLASS = "sf-a11y"
FOCUS = "#1A4F8B"  # focus ring and "Check" buttons: 8.3:1 on white, 3:1 and more on #EEEEEE
BUTTON_TEXT = "#FFFFFF"

CSS = f"""
.{CLASS} :focus-visible, .{CLASS} select:focus, .{CLASS} input:focus, .{CLASS} button:focus,
.{CLASS} [tabindex]:focus {{
  outline: 3px solid {FOCUS} !important; outline-offset: 2px;
}}
.{CLASS} .widget-radio-box-horizontal {{ flex-wrap: wrap; row-gap: 2px; }}
.{CLASS} .widget-radio-box-horizontal label {{ margin-right: 1.2em; white-space: nowrap; }}
.{CLASS} .widget-radio-box label {{ line-height: 1.4; }}
.{CLASS} .widget-radio-box input:checked {{ accent-color: {FOCUS}; }}
.{CLASS} .widget-radio-box label:has(input:checked) {{ font-weight: bold; }}
.{CLASS} .widget-dropdown {{ max-width: 100%; flex-wrap: wrap; }}
.{CLASS} .widget-dropdown select {{ max-width: 100%; min-width: 0; }}
.{CLASS} .widget-dropdown > .widget-label {{ white-space: normal; max-width: 100%; }}
.{CLASS} a, .jp-OutputArea-output a, .jp-RenderedHTMLCommon a {{
  text-decoration: underline !important;
}}
.{CLASS} .sf-figure {{ margin: 0; }}
.{CLASS} .widget-html-content {{ min-width: 0; max-width: 100%; }}
.{CLASS} .sf-figure-scroll {{ overflow-x: auto; max-width: 100%; }}
.{CLASS} .sf-figure img {{ display: block; height: auto; }}
.{CLASS} .sf-figure figcaption {{ font-size: 0.95em; line-height: 1.45; max-width: 60em; }}
"""


def html_widget(value: str = "", **kwargs) -> W.HTML:
    """An HTML widget with an empty tooltip (a None tooltip is rendered as ``title="null"``)."""
    return W.HTML(value, tooltip="", **kwargs)


def style_widget() -> W.HTML:
    """The project's accessibility CSS as an (invisible) HTML widget, placed in each explorer/quiz.

    A ``<style>`` element in an HTML widget's value is applied by the browser in JupyterLab and in
    Voila alike (no script runs). Every rule but the link underline is scoped to :data:`CLASS`; the
    underline also reaches the notebook's rendered Markdown, which is the project's own text.
    Repeating the block per explorer costs about 1.5 KB.
    """
    return html_widget(f"<style>{CSS}</style>", layout=W.Layout(display="none"))


def mark(box: W.Box) -> W.Box:
    """Put the project class on an outer box so the scoped CSS applies to what is inside it."""
    box.add_class(CLASS)
    return box


def format_number(value: float, step: float) -> str:
    """A slider value as text with as many decimals as its step has (0.05 -> '0.25')."""
    text = f"{step:.10f}".rstrip("0").rstrip(".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return f"{value:.{decimals}f}"
