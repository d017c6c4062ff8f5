"""A regular (not editable) install of the package is whole: the wheel carries the essay and the data.

Every other test imports ``helpers`` from the checkout. This one builds the wheel from a copy of the
checkout, installs it with ``--no-deps`` into a throwaway environment (the essay and the data files
need only the standard library), and quotes P7 from a directory outside any checkout. Without the
seed in the wheel, ``quote()`` fails with ``FileNotFoundError`` (issue 13: Binder's
``pip install .``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from helpers.sources.essay import SEED_NAME
from tests.conftest import ROOT

pytestmark = pytest.mark.slow

# What a build never needs from the working tree (and what would make the copy slow).
_SKIP = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*_cache",
    ".hypothesis",
    "test-artifacts",
    "node_modules",
    ".ipynb_checkpoints",
)

QUOTE_P7 = (
    "from helpers.sources import essay, facts\n"
    "q = essay.quote('P7', 'perfect examples of this. As the so-called')\n"
    "print('PID', q.pid)\n"
    "print('TEXT', ' '.join(str(q).split()))\n"
    "print('SEED', essay.seed_path())\n"
    "print('MODULE', essay.__file__)\n"
    "print('DATA', len(facts.data_files()))\n"
)


def clean_env(**extra: str) -> dict[str, str]:
    """The environment for a child Python that must not see the checkout or the shared venv."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
    }
    env.update(extra)
    return env


def copy_checkout(dest: Path) -> Path:
    """Copy the working tree (symbolic links kept as links, as git keeps them) into ``dest``."""
    shutil.copytree(ROOT, dest, symlinks=True, ignore=_SKIP)
    return dest


def build_wheel(src: Path, out: Path) -> Path:
    """Build the project's wheel from ``src`` with pip, the way ``pip install .`` does."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(src)],
        check=True,
        cwd=src,
        env=clean_env(),
        timeout=300,
    )
    wheels = sorted(out.glob("security_framings-*.whl"))
    assert len(wheels) == 1, f"expected one wheel, found {wheels}"
    return wheels[0]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("wheel")
    return build_wheel(copy_checkout(tmp / "src"), tmp / "dist")


def test_wheel_carries_the_seed_byte_for_byte_and_the_data(wheel):
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        seed = f"helpers/sources/seeds/{SEED_NAME}"
        assert seed in names, f"the wheel has no seed; it has {sorted(n for n in names if 'seed' in n)}"
        assert zf.read(seed) == (ROOT / "seeds" / SEED_NAME).read_bytes()
        data = {n for n in names if n.startswith("helpers/data/")}
    in_repo = {f"helpers/data/{p.name}" for p in (ROOT / "helpers" / "data").iterdir() if p.is_file()}
    assert in_repo <= data, f"data files missing from the wheel: {sorted(in_repo - data)}"


def test_wheel_names_its_licences(wheel):
    with zipfile.ZipFile(wheel) as zf:
        meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        meta = zf.read(meta_name).decode("utf-8")
        names = zf.namelist()
    assert "License-Expression: MIT" in meta.splitlines()
    for name in ("LICENSE", "LICENSE-content"):
        assert f"License-File: {name}" in meta.splitlines(), meta[:800]
        assert any(n.endswith(f".dist-info/licenses/{name}") for n in names), f"{name} is not in the wheel"
    content = (ROOT / "LICENSE-content").read_text(encoding="utf-8")
    assert "https://creativecommons.org/licenses/by/4.0/" in content and "seeds/README.md" in content


def test_installed_wheel_quotes_p7_from_outside_the_checkout(wheel, tmp_path):
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    # The shared pip installs into the new environment (--python): faster than bootstrapping pip.
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--quiet", str(wheel)],
        check=True,
        env=clean_env(),
        timeout=300,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(python), "-I", "-c", QUOTE_P7],
        cwd=elsewhere,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["PID"] == "P7"
    assert "perfect examples of this. As the so-called" in lines["TEXT"]
    site = str(env_dir.resolve())
    assert lines["MODULE"].startswith(site), f"helpers came from {lines['MODULE']}, not the new environment"
    assert lines["SEED"].startswith(site), f"the seed came from {lines['SEED']}"
    assert int(lines["DATA"]) >= 20
