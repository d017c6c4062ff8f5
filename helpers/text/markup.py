"""Escaping for the text blocks: data goes into Markdown and HTML as text, never as markup.

Jupyter's Markdown renderer passes HTML through, so a ``<`` or ``&`` in a data file would
otherwise become markup in a notebook. Every text module puts data through :func:`md` (for
Markdown) or ``html.escape`` (for HTML); the Markdown the module writes itself is left alone.
"""

from __future__ import annotations

import html


def md(value: object) -> str:
    """``value`` as text for Markdown: ``&``, ``<`` and ``>`` escaped, quotes left readable."""
    return html.escape(str(value), quote=False)
