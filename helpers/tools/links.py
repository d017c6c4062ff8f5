"""Class links: one nbgitpuller link per notebook for a course's JupyterHub, and the Binder links.

A course admin runs ``python -m helpers.tools.links --hub https://hub.example.edu`` and pastes the
links into the course page. Clicking one makes the student's server pull (or update) the
collection and opens that notebook; nothing is installed per student. A hub URL that cannot
work (no scheme, a page inside the hub, a query string...) is refused with a clear message.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

from helpers.sources import catalog

DEFAULT_REPO = "https://github.com/security-framings/security-framings"
DEFAULT_BRANCH = "main"
_BRANCH = re.compile(r"^[A-Za-z0-9._/-]+$")
# Paths that belong to pages inside a hub, not to its base URL.
_INNER = ("hub", "user", "user-redirect", "lab", "tree", "git-pull", "services")


@dataclass(frozen=True)
class Link:
    """The links for one notebook."""

    stem: str
    title: str
    nbgitpuller: str
    binder: str


def check_hub(hub: str) -> str:
    """The hub's base URL without a trailing slash; ``ValueError`` says what is wrong with it."""
    hub = hub.strip()
    parts = urlsplit(hub)
    if parts.scheme not in ("http", "https"):
        raise ValueError(
            f"hub URL {hub!r} must start with https:// (or http:// for a hub on this machine), "
            "e.g. https://hub.example.edu"
        )
    if not parts.hostname:
        raise ValueError(f"hub URL {hub!r} has no host name; e.g. https://hub.example.edu")
    if parts.query or parts.fragment:
        raise ValueError(
            f"hub URL {hub!r} must not carry a query (?...) or a fragment (#...): "
            "give the hub's base address only"
        )
    if parts.username or parts.password:
        raise ValueError(f"hub URL {hub!r} must not contain a user name or password")
    segments = [s for s in parts.path.split("/") if s]
    inner = next((s for s in segments if s in _INNER), None)
    if inner is not None:
        kept = "/".join(segments[: segments.index(inner)])
        base = f"{parts.scheme}://{parts.netloc}/{kept}".rstrip("/")
        raise ValueError(
            f"hub URL {hub!r} points at a page inside the hub (/{inner}/...); "
            f"give its base address instead, e.g. {base}"
        )
    try:
        parts.port  # noqa: B018 - raises on a port that is not a number in range
    except ValueError as exc:
        raise ValueError(f"hub URL {hub!r} has a bad port: {exc}") from None
    return hub.rstrip("/")


def _check_branch(branch: str) -> str:
    if not branch or not _BRANCH.match(branch) or ".." in branch or branch.startswith("-"):
        raise ValueError(f"branch {branch!r} is not a valid git branch name (e.g. main)")
    return branch


def _check_repo(repo: str) -> str:
    parts = urlsplit(repo)
    if parts.scheme not in ("https", "http", "file") or (parts.scheme != "file" and not parts.hostname):
        raise ValueError(
            f"repository URL {repo!r} must be an https:// (or file://) git URL, e.g. {DEFAULT_REPO}"
        )
    if parts.query or parts.fragment:
        raise ValueError(f"repository URL {repo!r} must not carry a query or a fragment")
    return repo.rstrip("/")


def folder_name(repo: str) -> str:
    """The folder nbgitpuller clones into when no targetpath is given: the repository's name."""
    return _check_repo(repo).split("/")[-1]


def nbgitpuller_link(hub: str, stem: str, repo: str = DEFAULT_REPO, branch: str = DEFAULT_BRANCH) -> str:
    """A link that pulls the collection into the student's server and opens one notebook."""
    hub, repo, branch = check_hub(hub), _check_repo(repo), _check_branch(branch)
    entry = catalog.entry(stem)
    query = urlencode(
        {
            "repo": repo,
            "branch": branch,
            "urlpath": f"lab/tree/{folder_name(repo)}/{entry.path}",
        }
    )
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def binder_link(stem: str, repo: str = DEFAULT_REPO, branch: str = DEFAULT_BRANCH) -> str:
    """The mybinder.org link that opens one notebook in JupyterLab (GitHub or any git host)."""
    repo, branch = _check_repo(repo), _check_branch(branch)
    if repo.startswith("file:"):
        raise ValueError("Binder cannot build from a file:// repository; give its public URL")
    entry = catalog.entry(stem)
    parts = urlsplit(repo)
    path = parts.path.strip("/").removesuffix(".git")
    if parts.hostname == "github.com" and path.count("/") == 1:
        spec = f"gh/{path}/{quote(branch, safe='')}"
    else:
        spec = f"git/{quote(repo, safe='')}/{quote(branch, safe='')}"
    return f"https://mybinder.org/v2/{spec}?{urlencode({'urlpath': f'lab/tree/{entry.path}'}, safe='/')}"


def links(
    hub: str, repo: str = DEFAULT_REPO, branch: str = DEFAULT_BRANCH, root: Path | None = None
) -> list[Link]:
    """The links for every notebook in the catalog that exists in ``root`` (all if root is None)."""
    out = []
    for e in catalog.NOTEBOOKS:
        if root is not None and not (root / e.path).exists():
            continue
        out.append(
            Link(
                e.stem,
                e.title,
                nbgitpuller_link(hub, e.stem, repo, branch),
                binder_link(e.stem, repo, branch),
            )
        )
    return out


def pulse_link(hub: str, service: str = "pulse") -> str:
    """The teacher's live page of the class pulse service on this hub (docs/jupyterhub.md)."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9._-]*", service):
        raise ValueError(f"service name {service!r} must be lower-case letters, digits, '.', '_' or '-'")
    return f"{check_hub(hub)}/services/{service}/"


def as_markdown(rows: list[Link]) -> str:
    """The links as a Markdown table for a course page."""
    lines = ["| notebook | on the course hub | on Binder |", "| --- | --- | --- |"]
    lines += [f"| {r.stem} {r.title} | [open]({r.nbgitpuller}) | [open]({r.binder}) |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.tools.links",
        description="Print an nbgitpuller link per notebook for your JupyterHub, and Binder links.",
    )
    parser.add_argument("--hub", required=True, help="the hub's base URL, e.g. https://hub.example.edu")
    parser.add_argument("--branch", default=DEFAULT_BRANCH, help="git branch to pull (default: main)")
    parser.add_argument("--repo", default=DEFAULT_REPO, help=f"git repository (default: {DEFAULT_REPO})")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument(
        "--pulse-service", default="pulse", help="name of the class pulse service on the hub (default: pulse)"
    )
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[2]
    try:
        rows = links(args.hub, args.repo, args.branch, root=root if (root / "notebooks").is_dir() else None)
        teacher = pulse_link(args.hub, args.pulse_service)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    live = f"For the teacher: the class pulse's live page (hub group 'instructors'): {teacher}"
    if args.markdown:
        print(as_markdown(rows))
        print(live, file=sys.stderr)  # not for the students' course page
        return 0
    for r in rows:
        print(f"{r.stem}  {r.title}\n  hub:    {r.nbgitpuller}\n  binder: {r.binder}")
    print(f"\n{live}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
