"""Text alternatives for pictures: a short alt bound to the image, the long description as caption.

WCAG 2.1 1.1.1: every picture needs a text alternative that is tied to it. ``figure_html`` gives
``<figure><img alt="..."><figcaption>...</figcaption></figure>``: a screen reader announces the
image by its short alt (the title plus "described below") and reads the caption as the figure's
description; JupyterLab, Voila and static HTML exports all show it the same way. Explorers
(``helpers.explorers.widgets``) and static figures (``style.show``) both use it.
"""

from __future__ import annotations

import base64
import html
import struct

from matplotlib.figure import Figure

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
