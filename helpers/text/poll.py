"""The page's poll as text (notebook 09): the Markdown table of the data file, as the seed gives it."""

from __future__ import annotations

from helpers.models import poll


def poll_markdown() -> str:
    """The page's poll as a Markdown table, exactly as the data file (and the seed) give it."""
    page = poll.page_poll()
    rows = "\n".join(f"| {a} | {s} |" for a, s in zip(page.answers, page.shown_as, strict=True))
    return (
        f"**{page.question}**\n\n| answer | votes (share shown on the page) |\n"
        f"| --- | --- |\n{rows}\n\nTotal: {page.total} votes. The page's rating box: "
        f"“{page.rating_shown_as}”."
    )
