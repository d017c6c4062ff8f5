"""Security Framings: helpers for notebooks on Bordachev's essay.

Import the submodules you need (``from helpers.sources.essay import quote``); nothing runs on import.

``__version__`` is the version of these helpers (pyproject.toml reads it from here). Each notebook
starts with ``helpers.require("X.Y.Z")``: raise both together when a notebook starts to use a new
or changed helper, so a kernel with older helpers stops with one clear line instead of an
``ImportError`` or ``AttributeError`` further down.
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.3.0"


class HelpersTooOld(RuntimeError):
    """The kernel's helpers are older than the notebook needs; the message says what to do."""

    def _render_traceback_(self) -> list[str]:
        # IPython shows these lines in place of a traceback: the one line is the whole story.
        return [str(self)]


def _parse(version: str) -> tuple[int, ...]:
    parts = version.split(".") if isinstance(version, str) else []
    if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
        raise ValueError(
            f"a helpers version is written like '0.2.0' (one to three whole numbers "
            f"separated by dots), not {version!r}"
        )
    numbers = tuple(int(p) for p in parts)
    return numbers + (0,) * (3 - len(numbers))


def require(version: str) -> None:
    """Stop with one line saying what to do if these helpers are older than ``version``.

    On a JupyterHub the helpers come from the same pulled folder as the notebook, so they can be
    older only if the kernel started before the latest pull (or on an old install): pulling again
    and restarting the kernel fixes both.
    """
    if _parse(__version__) >= _parse(version):
        return
    where = Path(__file__).resolve().parent
    raise HelpersTooOld(
        f"This notebook needs helpers {version} or newer, but this kernel has helpers {__version__} "
        f"(from {where}). To fix it: pull the collection again (click the class link, or run "
        f"`git pull` in your copy), then restart the kernel (Kernel > Restart Kernel) and run the "
        f"notebook from the top."
    )
