"""Presentation mode: one notebook in Voilà (prose, figures and controls; no code) for projecting.

``make present NB=02`` runs ``python -m helpers.tools.present 02``: Voilà executes the notebook on a
fresh kernel and serves it on http://127.0.0.1:8866 so a teacher can project the controls alone.
The collapsed model answers are left out of the page (``--with-answers`` keeps them), so the room
sees the discussion questions but not the answers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

from helpers.sources import catalog

ROOT = Path(__file__).resolve().parents[2]
# A cell whose source starts with this is a notebook's hidden "**Model answers**" cell.
MODEL_ANSWERS = r"\*\*Model answers\*\*"


def voila_executable() -> str:
    """The ``voila`` next to this Python (the project's .venv), or a clear error."""
    here = Path(sys.executable).parent / "voila"
    found = str(here) if here.exists() else shutil.which("voila")
    if not found:
        raise ValueError(
            "Voilà is not installed in this environment: `make present` installs it "
            "(it is in requirements-dev.txt)"
        )
    return found


def voila_command(
    target: Path, port: int = 8866, open_browser: bool = True, with_answers: bool = False
) -> list[str]:
    """The command that serves ``target`` (a notebook, or a folder of them) on 127.0.0.1 only."""
    command = [
        voila_executable(),
        str(target),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--strip_sources=True",
        "--theme=light",
    ]
    if not open_browser:
        command.append("--no-browser")
    if not with_answers:
        command.append(f"--RegexRemovePreprocessor.patterns={MODEL_ANSWERS}")
    return command


def notebook_path(name: str) -> Path:
    """The notebook file for a catalog stem or number ("02"); ValueError if unknown or absent."""
    entry = catalog.entry(name)
    path = ROOT / entry.path
    if not path.exists():
        present = [e.stem[:2] for e in catalog.NOTEBOOKS if (ROOT / e.path).exists()]
        raise ValueError(f"{entry.path} is not in this copy yet; present: {', '.join(present)}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.tools.present", description="Show one notebook in Voilà for projecting."
    )
    parser.add_argument("notebook", help="notebook number or name, e.g. 02")
    parser.add_argument("--port", type=int, default=8866)
    parser.add_argument("--no-browser", action="store_true", help="do not open a browser tab")
    parser.add_argument("--with-answers", action="store_true", help="show the model answers too")
    args = parser.parse_args(argv)
    try:
        command = voila_command(
            notebook_path(args.notebook), args.port, not args.no_browser, args.with_answers
        )
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"Presenting {Path(command[1]).name} at http://127.0.0.1:{args.port}/ (Ctrl+C stops it)")
    sys.stdout.flush()
    os.execv(command[0], command)
    return 0  # not reached: the process is now Voilà


if __name__ == "__main__":
    sys.exit(main())
