"""The package's layers, read from the source (AST), so an import in the wrong direction fails a test.

models <- figures <- explorers <- notebooks: a model imports no figure, widget or plotting library;
a figure imports no explorer; sources (the essay, the facts) and text (sourced Markdown) are usable
by every layer and import neither figures nor explorers. tools (command-line programs) may use
everything. And no module imports another module's private name (``_name``), by ``from ... import``
or by attribute (``module._name``).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "helpers"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "seeds" not in p.parts)

# What each layer may import from the package (itself included), and which outside packages it may not.
ALLOWED = {
    "sources": {"sources"},
    "models": {"models", "sources"},
    "text": {"text", "sources", "models"},
    "figures": {"figures", "models", "sources", "text"},
    "explorers": {"explorers", "figures", "models", "sources", "text"},
}
FORBIDDEN_OUTSIDE = {
    "models": {"matplotlib", "ipywidgets", "IPython"},
    "sources": {"matplotlib", "ipywidgets"},
}
LAYERS = {"models", "figures", "explorers", "text", "sources", "tools"}


def layer(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else ""


def dotted(path: Path) -> str:
    return ".".join(("helpers", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def imports(path: Path) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [a.name for a in node.names], node.lineno))
    return found


def problems(path: Path) -> list[str]:
    """Everything in ``path`` that breaks the rules of this module's docstring."""
    found, mine = [], layer(path)
    aliases: set[str] = set()
    for module, names, line in imports(path):
        top = module.split(".")[0]
        if top in FORBIDDEN_OUTSIDE.get(mine, ()):
            found.append(f"{path.name}:{line} ({mine}) imports {module}")
        if top != "helpers":
            continue
        target = module.split(".")
        target_layer = target[1] if len(target) > 1 else ""
        if target_layer == "" and names:  # from helpers import figures -> the layer named
            for name in names:
                if mine in ALLOWED and name in LAYERS and name not in ALLOWED[mine]:
                    found.append(f"{path.name}:{line} ({mine}) imports helpers.{name}")
        elif mine in ALLOWED and target_layer not in ALLOWED[mine] and target_layer not in ("", "tools"):
            found.append(f"{path.name}:{line} ({mine}) imports {module}")
        elif mine in ALLOWED and target_layer == "tools":
            found.append(f"{path.name}:{line} ({mine}) imports {module}")
        for name in names:
            if name.startswith("_") and not name.startswith("__") and module != dotted(path):
                found.append(f"{path.name}:{line} imports the private name {module}.{name}")
            elif len(target) > 1:
                aliases.add(name)
        if not names:
            aliases.add(module.split(".")[-1])
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
        ):
            found.append(f"{path.name}:{node.lineno} reads the private name {node.value.id}.{node.attr}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_follow_the_layers(path):
    assert problems(path) == []


def test_the_check_finds_a_wrong_direction_and_a_private_name(tmp_path, monkeypatch):
    fake = tmp_path / "helpers"
    (fake / "models").mkdir(parents=True)
    bad = fake / "models" / "bad.py"
    bad.write_text(
        "import matplotlib\nfrom helpers.figures import style\n"
        "from helpers.models.layout import _bump\nfrom helpers.models import layout\n"
        "x = layout._GX\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    found = problems(bad)
    assert len(found) == 4, found
    assert any("imports matplotlib" in p for p in found)
    assert any("imports helpers.figures" in p for p in found)
    assert any("private name helpers.models.layout._bump" in p for p in found)
    assert any("layout._GX" in p for p in found)
