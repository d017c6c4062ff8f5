"""Packaging hygiene: every package helpers/ imports is declared, and no package is pinned twice."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata

from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
REQUIREMENT_FILES = ["requirements.txt", "requirements-dev.txt", "benchmarks/requirements.txt"]


def _name(requirement: str) -> str:
    """The normalised distribution name of a requirement such as 'Pillow>=10' or 'nbgitpuller==1.3.0'."""
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9._-]+", requirement).group(0)).lower()


def imported_top_level(folder) -> dict[str, set[str]]:
    """Top-level modules imported anywhere under ``folder`` -> the files that import them."""
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                found.setdefault(name.split(".")[0], set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_third_party_import_in_helpers_is_a_declared_dependency():
    declared = {_name(r) for r in PYPROJECT["project"]["dependencies"]}
    for extra in PYPROJECT["project"].get("optional-dependencies", {}).values():
        declared |= {_name(r) for r in extra}
    providers = metadata.packages_distributions()
    missing = []
    for module, files in sorted(imported_top_level(ROOT / "helpers").items()):
        if module in sys.stdlib_module_names or module in ("helpers", "__future__"):
            continue
        dists = {_name(d) for d in providers.get(module, [module])}
        if not dists & declared:
            missing.append(f"{module} (distribution {sorted(dists)}, imported in {sorted(files)[:3]})")
    assert not missing, "imported by helpers/ but not in pyproject.toml's dependencies: " + "; ".join(missing)


def test_the_check_sees_an_undeclared_import(tmp_path):
    """The import scan finds imports inside functions too (where helpers import PIL and IPython)."""
    (tmp_path / "m.py").write_text(
        "def f():\n    from PIL import Image\n    import contourpy.util\n", encoding="utf-8"
    )
    import tests.test_packaging as me

    original = me.ROOT
    me.ROOT = tmp_path
    try:
        assert set(imported_top_level(tmp_path)) == {"PIL", "contourpy"}
    finally:
        me.ROOT = original


def test_no_package_is_pinned_in_two_requirements_files():
    seen: dict[str, str] = {}
    twice = []
    for name in REQUIREMENT_FILES:
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            line = line.split("#")[0].strip()
            if not line or line.startswith("-"):
                continue
            package = _name(line)
            if package in seen:
                twice.append(f"{package} in {seen[package]} and {name}")
            seen[package] = name
    assert not twice, "; ".join(twice)
