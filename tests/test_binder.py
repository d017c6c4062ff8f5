"""Binder, checked with Binder's own build engine: repo2docker's plan replayed, every notebook run.

mybinder.org builds the repository with repo2docker. ``repo2docker --no-build`` prints the plan (a
Dockerfile) without a container engine. This test copies the checkout, asks for that plan, and
replays the plan's steps that touch the repository (those after the repository is copied in) in a
fresh environment of the Python that ``runtime.txt`` names, with the copy as the working directory,
as the image build would. Then it runs every notebook from ``notebooks/`` in kernels of that
environment, offline, and checks that ``helpers`` came from the environment's site-packages (not
from the checkout, and not from the shared development environment).

Before the seed travelled in the package (commit 2097e00), this test failed on all ten notebooks
with ``FileNotFoundError: .../site-packages/seeds/000_...txt``: the plan's last step,
``pip install .``, replaces the editable install of ``requirements.txt`` with a regular one.

One liberty is taken: ``--no-cache-dir`` is dropped from the pip commands so that pip may use this
machine's cache; what gets installed is the same.
"""

from __future__ import annotations

import inspect
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests import netguard
from tests.conftest import ROOT
from tests.test_install import clean_env, copy_checkout

pytestmark = [pytest.mark.notebook, pytest.mark.slow]

PREFIX_VARS = ("${KERNEL_PYTHON_PREFIX}", "${NB_PYTHON_PREFIX}")

# Runs inside the replayed environment (its own nbclient, its own kernel): every notebook top to
# bottom, offline, then one cell that says where helpers and the seed were loaded from.
RUNNER = r"""
import json, sys, time
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

prelude, check = sys.argv[1], sys.argv[2]
results = {}
for path in sorted(Path.cwd().glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    nb.cells.insert(0, nbformat.v4.new_code_cell(prelude))
    nb.cells.append(nbformat.v4.new_code_cell(check))
    start = time.perf_counter()
    errors = []
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(Path.cwd())}}).execute()
    except CellExecutionError:
        pass  # the error output is in the cell; collected below
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
    for index, cell in enumerate(nb.cells[1:], start=1):
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                errors.append(f"cell {index}: {out.ename}: {out.evalue}")
    where = "".join(o.get("text", "") for o in nb.cells[-1].get("outputs", []) if o.output_type == "stream")
    results[path.name] = {"errors": errors, "where": where.strip().splitlines(),
                          "seconds": round(time.perf_counter() - start, 1)}
print("BINDER-RESULTS " + json.dumps(results))
"""

CHECK = (
    "import sys, helpers\nfrom helpers.sources import essay\n"
    "print('EXECUTABLE', sys.executable)\nprint('HELPERS', helpers.__file__)\n"
    "print('SEED', essay.seed_path())\n"
)


def runtime_python(repo: Path) -> str:
    """The interpreter named by runtime.txt (``python-3.11`` -> ``python3.11``) on this machine."""
    text = (repo / "runtime.txt").read_text(encoding="utf-8").strip()
    match = re.fullmatch(r"python-(\d+\.\d+)", text)
    assert match, f"runtime.txt should read like 'python-3.11', not {text!r}"
    return match.group(1)


def build_plan(repo: Path) -> tuple[str, str]:
    """repo2docker's plan for ``repo``: (Dockerfile, log)."""
    exe = Path(sys.executable).parent / "repo2docker"
    if not exe.exists():
        pytest.fail("repo2docker is not installed: `pip install -r requirements-dev.txt` pins it")
    result = subprocess.run(
        [
            str(exe),
            "--no-build",
            "--no-run",
            "--debug",
            "--user-name",
            "jovyan",
            "--user-id",
            "1000",
            str(repo),
        ],
        cwd=repo.parent,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


def dockerfile_instructions(dockerfile: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    out, pending = [], ""
    for raw in dockerfile.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line, pending = pending + line, ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    return out


def repository_steps(dockerfile: str) -> list[str]:
    """The RUN commands from the first copy of repository content (``src/``) to the end.

    Steps before that line set up the base image (apt packages, conda); they do not read the
    repository. The steps after it are what the repository's files ask for.
    """
    steps, seen_src = [], False
    for word, args in dockerfile_instructions(dockerfile):
        if word == "COPY" and re.search(r"(^|\s)src/", args):
            seen_src = True
        elif seen_src and word == "RUN":
            steps.append(args)
    return steps


def replay(steps: list[str], repo: Path, env_dir: Path, env: dict[str, str]) -> list[list[str]]:
    """Run each step with the environment's prefix substituted; only pip installs are known steps."""
    done = []
    for step in steps:
        command = step
        for var in PREFIX_VARS:
            command = command.replace(var, str(env_dir))
        argv = [a for a in shlex.split(command) if a != "--no-cache-dir"]
        if argv[:2] != [str(env_dir / "bin" / "pip"), "install"]:
            pytest.fail(f"the plan has a step this test cannot replay: {step!r}")
        result = subprocess.run(
            [*argv, "--quiet"], cwd=repo, env=env, capture_output=True, text=True, timeout=600
        )
        assert result.returncode == 0, f"{step!r} failed:\n{result.stderr[-3000:]}"
        done.append(argv)
    return done


def run_binder(source: Path, work: Path) -> dict:
    """Plan, replay and run the notebooks of the repository at ``source``; return what happened."""
    repo = copy_checkout_from(source, work / "repo")
    dockerfile, log = build_plan(repo)
    version = runtime_python(repo)
    assert f"python={version}" in log or f"py-{version}" in dockerfile, (
        f"repo2docker did not plan Python {version} from runtime.txt:\n{log}"
    )
    steps = repository_steps(dockerfile)
    assert steps, f"no install steps after the repository is copied in:\n{dockerfile}"

    python = shutil.which(f"python{version}")
    assert python, f"runtime.txt names Python {version}; python{version} is not on PATH"
    env_dir = work / "srv" / "notebook"
    subprocess.run([python, "-m", "venv", str(env_dir)], check=True, env=clean_env(), timeout=300)
    home = work / "home"
    home.mkdir()
    env = clean_env(
        PATH=f"{env_dir / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}", HOME=str(home), MPLBACKEND="Agg"
    )
    for name in list(env):
        if name.startswith("JUPYTER") or name.startswith("IPYTHON"):
            del env[name]
    start = time.perf_counter()
    replayed = replay(steps, repo, env_dir, env)
    install_s = time.perf_counter() - start

    prelude = inspect.getsource(netguard) + "\ninstall()\n"
    start = time.perf_counter()
    result = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", RUNNER, prelude, CHECK],
        cwd=repo / "notebooks",
        env=env,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    run_s = time.perf_counter() - start
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("BINDER-RESULTS ")), None)
    assert line, f"the notebook runner failed:\n{result.stderr[-3000:]}"
    return {
        "steps": replayed,
        "env": env_dir,
        "install_s": install_s,
        "run_s": run_s,
        "notebooks": json.loads(line.removeprefix("BINDER-RESULTS ")),
    }


def copy_checkout_from(source: Path, dest: Path) -> Path:
    if source == ROOT:
        return copy_checkout(dest)
    shutil.copytree(source, dest, symlinks=True, ignore=shutil.ignore_patterns(".git"))
    return dest


def test_binder_plan_replayed_runs_every_notebook(tmp_path):
    outcome = run_binder(ROOT, tmp_path)
    notebooks = outcome["notebooks"]
    expected = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert sorted(notebooks) == expected
    assert [argv[2:] for argv in outcome["steps"]] == [["-r", "requirements.txt"], ["."]], (
        "repo2docker's plan changed; read it and update this test and the README"
    )
    failed = {name: r["errors"] for name, r in notebooks.items() if r["errors"]}
    assert not failed, "\n".join(f"{name}: {errs[:3]}" for name, errs in failed.items())
    site = str(outcome["env"].resolve())
    for name, r in notebooks.items():
        where = dict(line.split(" ", 1) for line in r["where"])
        assert where["EXECUTABLE"].startswith(str(outcome["env"])), f"{name}: kernel {where['EXECUTABLE']}"
        assert where["HELPERS"].startswith(site) and "site-packages" in where["HELPERS"], (
            f"{name}: helpers from {where['HELPERS']}, not the installed package"
        )
        assert where["SEED"].startswith(site), f"{name}: seed from {where['SEED']}"
    print(
        f"\nBinder replay: {len(outcome['steps'])} steps in {outcome['install_s']:.0f} s; "
        f"{len(notebooks)} of {len(expected)} notebooks ran in {outcome['run_s']:.0f} s"
    )
