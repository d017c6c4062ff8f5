"""Repository hygiene: clean notebooks in the house template, verbatim quotes, ruff, the catalog."""

from __future__ import annotations

import ast
import re

import nbformat
import pytest

from helpers.sources import catalog, essay
from tests.conftest import NOTEBOOKS, ROOT

TEMPLATE = (
    "## In 10 seconds",
    "## What the essay says",
    "## See it",
    "## What changed and why",
    "## Another view",
    "## For discussion",
    "## Sources",
)
# An essay quotation in prose: “...” or "..." followed by its paragraph id, e.g. “...” (P7).
PROSE_QUOTE = re.compile(r'[“"]([^“”"]{3,}?)[”"]\s*\((P\d{1,2})\)')


def _cells(path):
    return nbformat.read(path, as_version=4).cells


def quote_calls(source: str) -> list[tuple[str, str]]:
    """The (paragraph id, text) of every quote("P..", "...") call with literal arguments."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name == "quote":
                args = node.args
                assert len(args) == 2 and all(isinstance(a, ast.Constant) for a in args), (
                    "quote() must be called with two literal strings so the test can check it: "
                    + ast.unparse(node)
                )
                found.append((args[0].value, args[1].value))
    return found


def prose_quotes(text: str) -> list[tuple[str, str]]:
    """Quotes followed by a paragraph id; a quote may wrap across lines (whitespace collapsed)."""
    return [(pid, " ".join(quoted.split())) for quoted, pid in PROSE_QUOTE.findall(text)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_committed_without_outputs(path):
    for cell in _cells(path):
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name} has outputs; clear them before committing"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_follows_the_template(path):
    cells = _cells(path)
    assert cells[0].cell_type == "markdown" and cells[0].source.startswith("# ")
    headings = [
        line
        for c in cells
        if c.cell_type == "markdown"
        for line in c.source.splitlines()
        if line.startswith("## ")
    ]
    positions = []
    for wanted in TEMPLATE:
        hits = [i for i, h in enumerate(headings) if h.startswith(wanted)]
        assert hits, f"{path.name} lacks the section {wanted!r}"
        positions.append(hits[0])
    assert positions == sorted(positions), f"{path.name}: template sections out of order"
    prose = "".join(c.source for c in cells if c.cell_type == "markdown").lower()
    assert "written c. 2020" in prose, f"{path.name} must say the essay was written c. 2020"
    # The model answers follow the discussion questions, collapsed.
    index = next(i for i, c in enumerate(cells) if c.source.startswith("## For discussion"))
    questions = re.findall(r"^\d+\. ", cells[index].source, flags=re.M)
    assert len(questions) == 3, f"{path.name}: 'For discussion' needs exactly three questions"
    answers = cells[index + 1]
    assert answers.cell_type == "markdown" and answers.source.startswith("**Model answers**")
    # Collapsed twice over: the cell's source is hidden, and the rendered answers sit in a
    # <details> block, because running a cell (Run All) renders it in full.
    assert "<details>" in answers.source and "</details>" in answers.source
    assert "hide-input" in answers.metadata.get("tags", [])
    assert answers.metadata.get("jupyter", {}).get("source_hidden") is True


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_quote_in_a_notebook_is_verbatim(path):
    calls, prose = [], []
    for cell in _cells(path):
        if cell.cell_type == "code":
            calls += quote_calls(cell.source)
        else:
            prose += prose_quotes(cell.source)
    assert len(calls) >= 2, f"{path.name}: 'What the essay says' needs at least two quote() calls"
    for pid, text in calls:
        essay.quote(pid, text)  # raises ValueError naming the problem
    for pid, text in prose:
        assert text in essay.paragraph(pid), f"{path.name}: “{text}” is not verbatim in {pid}"


def test_quotes_in_docs_are_verbatim():
    for doc in sorted((ROOT / "docs").glob("**/*.md")) + [ROOT / "README.md"]:
        if doc.exists():
            for pid, text in prose_quotes(doc.read_text(encoding="utf-8")):
                assert text in essay.paragraph(pid), f"{doc.name}: “{text}” is not verbatim in {pid}"


def test_quote_checkers_catch_a_misquote():
    assert quote_calls('quote("P7", "Collective security refers to")') == [
        ("P7", "Collective security refers to")
    ]
    assert prose_quotes("as he puts it, “he wants Milan” (P5).") == [("P5", "he wants Milan")]
    with pytest.raises(AssertionError, match="literal strings"):
        quote_calls("quote(pid, text)")


def test_catalog_matches_notebooks_and_readme():
    listed = {e.path for e in catalog.NOTEBOOKS}
    present = {f"notebooks/{p.name}" for p in NOTEBOOKS}
    assert present == listed, f"missing: {sorted(listed - present)}; unlisted: {sorted(present - listed)}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert catalog.markdown_table() in readme, "README's notebook table differs from helpers.sources.catalog"


def test_network_guard_refuses_remote_hosts_and_allows_loopback():
    import socket

    from tests import netguard

    with pytest.raises(netguard.NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80), timeout=1)  # TEST-NET-1: never routable
    with pytest.raises(netguard.NetworkBlocked):
        socket.socket().connect(("pypi.org", 443))
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    with socket.create_connection(server.getsockname(), timeout=1):
        pass
    server.close()
