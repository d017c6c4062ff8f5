"""Class links: nbgitpuller links a hub understands, Binder links, and clear errors for bad URLs."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from helpers.sources import catalog
from helpers.tools import links
from tests.conftest import ROOT

HUB = "https://hub.example.edu"


def test_nbgitpuller_link_carries_repo_branch_and_the_notebook_path():
    link = links.nbgitpuller_link(HUB + "/", "02", branch="spring-2027")
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == (
        "https",
        "hub.example.edu",
        "/hub/user-redirect/git-pull",
    )
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {
        "repo": links.DEFAULT_REPO,
        "branch": "spring-2027",
        # nbgitpuller clones into a folder named after the repository when no targetpath is given
        "urlpath": "lab/tree/security-framings/notebooks/02_collective_or_international.ipynb",
    }


def test_hub_under_a_path_prefix_keeps_the_prefix():
    link = links.nbgitpuller_link("http://127.0.0.1:8000/course-a/", "00_start_here")
    assert link.startswith("http://127.0.0.1:8000/course-a/hub/user-redirect/git-pull?")


def test_folder_name_follows_the_repository_name():
    assert links.folder_name("https://gitlab.example.org/dept/sf-fork.git") == "sf-fork.git"
    assert links.folder_name("file:///srv/courses/security-framings/") == "security-framings"


def test_binder_links_for_github_and_other_hosts():
    assert links.binder_link("00") == (
        "https://mybinder.org/v2/gh/security-framings/security-framings/main"
        "?urlpath=lab/tree/notebooks/00_start_here.ipynb"
    )
    other = links.binder_link("05", repo="https://gitlab.example.org/dept/sf.git", branch="main")
    assert other.startswith(
        "https://mybinder.org/v2/git/https%3A%2F%2Fgitlab.example.org%2Fdept%2Fsf.git/main?"
    )
    with pytest.raises(ValueError, match="Binder cannot build"):
        links.binder_link("00", repo="file:///srv/sf")


def test_readme_badge_is_the_binder_link_for_00():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert links.binder_link("00_start_here") in readme


@pytest.mark.parametrize(
    "bad, says",
    [
        ("hub.example.edu", "must start with https://"),
        ("ftp://hub.example.edu", "must start with https://"),
        ("https://", "no host name"),
        ("https://hub.example.edu/hub/login", "page inside the hub"),
        ("https://hub.example.edu/user/ana/lab", "page inside the hub"),
        ("https://hub.example.edu/?next=x", "query"),
        ("https://ana:secret@hub.example.edu", "user name or password"),
        ("https://hub.example.edu:70000", "bad port"),
    ],
)
def test_bad_hub_urls_are_refused_with_a_reason(bad, says):
    with pytest.raises(ValueError, match=says):
        links.check_hub(bad)


def test_inner_page_error_suggests_the_base_address():
    with pytest.raises(ValueError, match=r"e\.g\. https://hub\.example\.edu/course$"):
        links.check_hub("https://hub.example.edu/course/hub/home")


def test_bad_branch_repo_and_notebook_are_refused():
    with pytest.raises(ValueError, match="valid git branch"):
        links.nbgitpuller_link(HUB, "00", branch="main; rm -rf")
    with pytest.raises(ValueError, match="repository URL"):
        links.nbgitpuller_link(HUB, "00", repo="git@github.com:x/y.git")
    with pytest.raises(ValueError, match="unknown notebook '42'"):
        links.nbgitpuller_link(HUB, "42")


def test_links_cover_every_catalogued_notebook_present():
    rows = links.links(HUB, root=ROOT)
    present = [e.stem for e in catalog.NOTEBOOKS if (ROOT / e.path).exists()]
    assert [r.stem for r in rows] == present and present
    assert len(links.links(HUB)) == len(catalog.NOTEBOOKS)
    table = links.as_markdown(rows)
    assert table.count("\n") == len(rows) + 1


def test_command_line_prints_links_and_fails_clearly(capsys):
    assert links.main(["--hub", HUB]) == 0
    out = capsys.readouterr().out
    assert "hub:    https://hub.example.edu/hub/user-redirect/git-pull?" in out
    assert "binder: https://mybinder.org/v2/gh/" in out
    assert links.main(["--hub", "hub.example.edu"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "error: hub URL 'hub.example.edu' must start with https://" in captured.err
