"""Accessible building blocks shared by explorers and quizzes (WCAG 2.1 AA, issue 16).

- :func:`figure_html`: a picture as ``<figure><img alt><figcaption>`` (WCAG 2.1 1.1.1: a short
  alt bound to the image, the title plus "described below"; the long description as its caption;
  JupyterLab, Voila and static HTML exports show it alike). ``ipywidgets.Image`` has no alt, and
  its ``tooltip`` breaks the view in ipywidgets 8.1.9, so an explorer's picture is an HTML value
  holding a base64 PNG; :func:`show` displays a static picture the same way.
- :func:`style_widget`: one ``<style>`` block, scoped to the ``sf-a11y`` class that explorers and
  quizzes put on their outer box: a 3 px focus ring (8.3:1 on white), radio options that wrap
  instead of being clipped at 320 px, underlined links (also in the notebook's rendered Markdown
  and outputs, where the theme shows links by colour alone), and pictures that keep at least
  ``MIN_SCALE`` of their size at 200 % zoom (the figure box scrolls sideways instead).
"""

from __future__ import annotations

import base64
import html
import struct

import ipywidgets as W
from matplotlib.figure import Figure

from helpers.figures import engine
from helpers.figures import style as plots

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


MIN_SCALE = 0.6  # a picture never shrinks below this share of its pixel size; its box scrolls


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG (no PNG signature and IHDR header)")
    return struct.unpack(">II", png[16:24])


def short_alt(title: str) -> str:
    """The short text alternative: the figure's title and a pointer to the long description."""
    title = " ".join((title or "").split()).rstrip(".:")
    if title.endswith("(described below)"):  # already a short alt (e.g. from Picture.alt())
        return title
    return f"{title} (described below)" if title else "Figure (described below)"


def figure_html(
    png: bytes, alt: str, description: str, label: str = "Figure description", scale: float = MIN_SCALE
) -> str:
    """An accessible figure: the PNG with ``alt``, the description as its ``<figcaption>``.

    The image is at most its pixel width and at least ``scale`` of it; narrower than that (200 %
    zoom, a phone) the figure box scrolls sideways and can be focused to scroll by keyboard.
    """
    if not alt or not alt.strip():
        raise ValueError("a figure needs a short alt text (its title + 'described below')")
    if not description or not description.strip():
        raise ValueError("a figure needs a long description for its caption")
    width, height = png_size(png)
    data = base64.b64encode(png).decode("ascii")
    alt_attr = html.escape(" ".join(alt.split()), quote=True)
    least = int(width * scale)
    return (
        '<figure class="sf-figure" style="margin:0;max-width:100%;min-width:0">'
        '<div class="sf-figure-scroll" tabindex="0" style="overflow-x:auto;max-width:100%">'
        f'<img src="data:image/png;base64,{data}" alt="{alt_attr}" width="{width}" height="{height}" '
        f'style="display:block;width:100%;max-width:{width}px;min-width:{least}px;height:auto">'
        "</div>"
        '<figcaption style="font-size:0.95em;line-height:1.45;max-width:60em">'
        f"<b>{html.escape(label)}:</b> {html.escape(description)}</figcaption>"
        "</figure>"
    )


def first_sentence(text: str, limit: int = 140) -> str:
    """The first sentence of a description (cut at a word near ``limit``), for a fallback alt."""
    text = " ".join((text or "").split())
    for end in (". ", "? ", "! ", ": "):
        if end in text:
            text = text.split(end, 1)[0]
            break
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + "..."
    return text.rstrip(".")


def title_of(fig: Figure) -> str:
    """The figure's own title: its suptitle, else the first axes title, else ""."""
    sup = getattr(fig, "_suptitle", None)
    if sup is not None and sup.get_text().strip():
        return sup.get_text()
    for ax in fig.axes:
        for loc in ("center", "left", "right"):
            title = ax.get_title(loc)
            if title.strip():
                return title
    return ""


def show(picture: engine.Picture | Figure, description: str, alt: str = "") -> None:
    """Display a static picture (a Picture or a plain Figure) as an accessible ``<figure>``.

    The short alt is ``alt``, else the picture's title, else the description's first sentence;
    ``IPython.display.Image`` cannot carry it (JupyterLab's image renderer sets only src, width and
    height). The same output also carries the PNG and a plain-text alternative, for exports
    (LaTeX/PDF) and consoles that do not show HTML.
    """
    from IPython.display import display

    if isinstance(picture, engine.Picture):
        png, title = engine.png(picture), picture.title()
    else:
        png, title = plots.to_png(picture), title_of(picture)
    short = short_alt(alt or title or first_sentence(description))
    display(
        {
            "text/html": figure_html(png, short, description),
            "image/png": base64.b64encode(png).decode("ascii"),
            "text/plain": f"{short}\nFigure description: {description}",
        },
        raw=True,
    )
