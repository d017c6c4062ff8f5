"""A class of ten on a real JupyterHub: each student pulls the collection and runs a notebook.

The hub, its proxy and ten single-user servers run on 127.0.0.1 (see ``hub.py``). Each student
pulls this repository through nbgitpuller from a local ``file://`` clone (no network), opens
notebook 02 (00 while 02 is not yet committed) and runs it through the server's kernel API.
Times to ready and memory per server are printed in the summary and written to
``test-artifacts/classroom.json``. One student edits the notebook; then the teacher pushes a
change to a helper function (and raises the helpers version), the notebook that uses it, and the
README. Every student pulls again: the edit must survive, the teacher's changes must arrive, a kernel
started before the pull must say in one line that its helpers are too old, and after a kernel
restart every student's notebook must show the changed helper's output, imported from the pulled
checkout (``~/security-framings/helpers``), not from the environment (issue 13: a pull brings the
helpers; no image rebuild).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

from helpers.tools import links
from tests.classroom import hub as classroom
from tests.classroom.conftest import RESULTS
from tests.test_hygiene import quote_calls

ROOT = classroom.ROOT
STUDENTS = [f"student{i:02d}" for i in range(1, 11)]
PREFERRED = ("02_collective_or_international", "00_start_here")
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
EDIT_MARK = "My own note, written during the seminar: keep this."
TEACHER_MARK = "Teacher's update pushed after the first pull."
HELPER_MARK = "as revised by the teacher after the first pull"
ATTRIBUTION = '— Bordachev, {self.pid}"'  # the end of Quotation._repr_markdown_ in helpers/sources/essay.py
NEW_CELL = 'from helpers.sources.essay import quote\n\nquote("P7", "Collective security refers to")'
PROBE = (
    "import helpers\nprint('HELPERS-FROM', helpers.__file__)\nprint('HELPERS-VERSION', helpers.__version__)"
)


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def make_upstream(parent: Path) -> Path:
    """A local clone of this repository, as a course's git remote (branch ``main``)."""
    dest = parent / "security-framings"
    if (ROOT / ".git").exists():
        try:
            _git("clone", "--quiet", "--no-hardlinks", str(ROOT), str(dest), cwd=parent)
            _git("checkout", "--quiet", "-B", "main", cwd=dest)
            return dest
        except subprocess.CalledProcessError:  # e.g. git refuses a repository owned by another user
            shutil.rmtree(dest, ignore_errors=True)
    # No usable git history: commit the checkout's files to a fresh repository.
    shutil.copytree(
        ROOT,
        dest,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "__pycache__", ".*_cache", ".hypothesis", "test-artifacts"
        ),
    )
    _git("init", "--quiet", "-b", "main", cwd=dest)
    _git("add", "-A", cwd=dest)
    _git(
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@localhost",
        "commit",
        "--quiet",
        "-m",
        "snapshot",
        cwd=dest,
    )
    return dest


def next_version(version: str) -> str:
    major, minor, _patch = (int(p) for p in version.split("."))
    return f"{major}.{minor + 1}.0"


def teacher_pushes(upstream: Path, notebook: str) -> tuple[str, str]:
    """The teacher's second commit: a changed helper, the notebook that uses it, a README line.

    Returns the helpers version before and after.
    """
    readme = upstream / "README.md"
    readme.write_text(readme.read_text(encoding="utf-8") + f"\n{TEACHER_MARK}\n", encoding="utf-8")
    init = upstream / "helpers" / "__init__.py"
    text = init.read_text(encoding="utf-8")
    old = re.search(r'^__version__ = "(\d+\.\d+\.\d+)"$', text, flags=re.M).group(1)
    new = next_version(old)
    init.write_text(text.replace(f'__version__ = "{old}"', f'__version__ = "{new}"'), encoding="utf-8")
    essay = upstream / "helpers" / "sources" / "essay.py"
    text = essay.read_text(encoding="utf-8")
    assert text.count(ATTRIBUTION) == 1, f"{ATTRIBUTION!r} is no longer in essay.py once: update this test"
    essay.write_text(text.replace(ATTRIBUTION, ATTRIBUTION[:-1] + f' ({HELPER_MARK})"'), encoding="utf-8")
    nb_path = upstream / notebook
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    first = next(c for c in nb["cells"] if c["cell_type"] == "code")
    source = "".join(first["source"])
    assert f'helpers.require("{old}")' in source, f"{notebook}'s first code cell does not require {old}"
    first["source"] = source.replace(f'helpers.require("{old}")', f'helpers.require("{new}")')
    # Right after the version check (a student's own cells at the end are not touched).
    nb["cells"].insert(
        nb["cells"].index(first) + 1,
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "teacher-new-cell",
            "metadata": {},
            "outputs": [],
            "source": NEW_CELL,
        },
    )
    nb_path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _git(
        "-c",
        "user.name=teacher",
        "-c",
        "user.email=teacher@localhost",
        "commit",
        "--quiet",
        "-am",
        "teacher's update: a helper changed, and the notebook that uses it",
        cwd=upstream,
    )
    return old, new


def probe_helpers(hub: classroom.Hub, name: str, kernel: str) -> dict[str, str]:
    """Which helpers the student's kernel imported: file and version."""
    (outs,) = hub.execute_notebook(name, kernel, [{"cell_type": "code", "source": PROBE}])
    text = "".join(o.get("text", "") for o in outs if o["output_type"] == "stream")
    found = dict(line.split(" ", 1) for line in text.splitlines() if line.startswith("HELPERS-"))
    assert len(found) == 2, f"{name}: the probe printed {outs}"
    return {"file": found["HELPERS-FROM"], "version": found["HELPERS-VERSION"]}


def expected_helpers(hub: classroom.Hub, name: str) -> Path:
    return (hub.workdir / "home" / name / classroom.CHECKOUT / "helpers" / "__init__.py").resolve()


def pull_query_and_path(hub_url: str, upstream: Path, stem: str) -> tuple[str, str]:
    """From the class link helpers.tools.links makes: the git-pull API query and the notebook's path."""
    link = links.nbgitpuller_link(hub_url, stem, repo=upstream.as_uri(), branch="main")
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    path = query.pop("urlpath").removeprefix("lab/tree/")
    return urlencode(query), path


def check_outputs(name: str, cells: list[dict], outputs: list[list[dict]]) -> list[str]:
    """Problems with one student's run: errors, stderr, missing quotes or widgets."""
    problems = []
    code = [c for c in cells if c["cell_type"] == "code"]
    assert len(outputs) == len(code)
    for index, (cell, outs) in enumerate(zip(code, outputs, strict=True), start=1):
        for out in outs:
            if out["output_type"] == "error":
                problems.append(f"{name} code cell {index}: {out['ename']}: {out['evalue']}")
            elif out["output_type"] == "stream" and out["name"] == "stderr":
                problems.append(f"{name} code cell {index} wrote to stderr: {out['text'][:200]}")
        shown = json.dumps([o.get("data", o.get("text", "")) for o in outs], ensure_ascii=False)
        for _pid, text in quote_calls(cell["source"]):
            if json.dumps(text, ensure_ascii=False)[1:-1] not in shown:
                problems.append(f"{name} code cell {index}: the quote {text!r} is not in its output")
    if not any(WIDGET_VIEW in o.get("data", {}) for outs in outputs for o in outs):
        problems.append(f"{name}: no widget was displayed")
    return problems


def run_student(hub: classroom.Hub, name: str, query: str, path: str, started: float) -> dict:
    asked = time.monotonic()
    hub.start_server(name)
    hub.wait_ready(name, timeout=240)
    ready = time.monotonic() - asked
    t0 = time.monotonic()
    events = hub.pull(name, query)
    pulled = time.monotonic() - t0
    assert events and events[-1].get("phase") == "finished", f"{name}'s pull: {events[-3:]}"
    notebook = hub.contents(name, path)
    assert notebook["type"] == "notebook", f"{name} did not get {path}"
    cells = notebook["content"]["cells"]
    t0 = time.monotonic()
    kernel = hub.open_session(name, path)
    outputs, reconnects, losses, kernel = run_with_one_reconnect(hub, name, path, kernel, cells)
    run_s = time.monotonic() - t0
    helpers_seen = probe_helpers(hub, name, kernel)
    return {
        "name": name,
        "ready_s": round(ready, 1),
        "reconnects": reconnects,
        "losses": losses,
        "ready_after_first_s": round(asked - started + ready, 1),
        "pull_s": round(pulled, 1),
        "run_s": round(run_s, 1),
        "done_s": round(time.monotonic() - started, 1),
        "helpers": helpers_seen,
        "kernel": kernel,
        "cells": cells,
        "outputs": outputs,
    }


def run_with_one_reconnect(hub, name, path, kernel, cells):
    """Run the notebook; if the kernel websocket is lost, record how and run it once more."""
    reconnects, losses = 0, []
    while True:
        t0 = time.monotonic()
        try:
            return hub.execute_notebook(name, kernel, cells), reconnects, losses, kernel
        except classroom.websocket.WebSocketConnectionClosedException as exc:
            # Seen once in a full `make test` on the 2-core machine; its cause is not known (not
            # reproduced in three runs on 2026-12-02, one with three extra busy processes). A loss
            # without a close frame comes from the proxy ending the connection, the server
            # aborting it (an error while opening the kernel channels), or a process dying; the
            # report keeps when it happened (handshake or after how many cells) and the hub's
            # log lines, so a recurrence names its cause. A second loss fails the test.
            losses.append(
                {
                    "error": str(exc),
                    "after_s": round(time.monotonic() - t0, 1),
                    "log": [
                        ln
                        for ln in hub.log_tail(400).splitlines()
                        if re.search(r"error|warn|traceback|exception|closed|\[E |\[W ", ln, flags=re.I)
                    ][-20:],
                }
            )
            if reconnects:
                raise
            reconnects += 1
            kernel = hub.open_session(name, path)


def new_cell_outputs(run: dict) -> list[dict]:
    """The outputs of the cell the teacher added (found by its source)."""
    code = [c for c in run["cells"] if c["cell_type"] == "code"]
    index = next((i for i, c in enumerate(code) if c["source"] == NEW_CELL), None)
    assert index is not None, f"{run['name']} did not get the teacher's new cell"
    return run["outputs"][index]


def second_pull(hub: classroom.Hub, first: dict, query: str, path: str) -> dict:
    """Pull again, show what the kernel started before the pull says, restart it, run again."""
    name, kernel = first["name"], first["kernel"]
    events = hub.pull(name, query)
    assert events[-1].get("phase") == "finished", f"{name}'s second pull: {events[-3:]}"
    cells = hub.contents(name, path)["content"]["cells"]
    check = next(c for c in cells if c["cell_type"] == "code")
    (outs,) = hub.execute_notebook(name, kernel, [check])  # the kernel still has the old helpers
    # The error comes twice: on iopub (what JupyterLab shows) and in the execute_reply.
    errors = [o for o in outs if o["output_type"] == "error" and "status" not in o]
    assert len(errors) == 1 and errors[0]["ename"] == "HelpersTooOld", f"{name}: {outs}"
    assert len(errors[0]["traceback"]) == 1, f"{name}: more than one line: {errors[0]['traceback']}"
    hub.restart_kernel(name, kernel)
    t0 = time.monotonic()
    outputs, reconnects, losses, kernel = run_with_one_reconnect(hub, name, path, kernel, cells)
    run_s = time.monotonic() - t0
    return {
        "name": name,
        "cells": cells,
        "outputs": outputs,
        "run_s": round(run_s, 1),
        "reconnects": reconnects,
        "losses": losses,
        "helpers": probe_helpers(hub, name, kernel),
        "stale_message": errors[0]["traceback"][0],
    }


def test_a_class_of_ten_pulls_and_runs_the_notebook(tmp_path, stop_on_sigterm):
    classroom.require_proxy()
    assert shutil.which("git"), "git is missing: nbgitpuller (and this test) need it"
    upstream = make_upstream(tmp_path)
    stem = next(s for s in PREFERRED if (upstream / "notebooks" / f"{s}.ipynb").exists())
    hub = classroom.Hub(tmp_path / "hub")
    (tmp_path / "hub").mkdir()
    pool = ThreadPoolExecutor(max_workers=len(STUDENTS))
    try:
        t_start = time.monotonic()
        hub.start()
        hub_up = time.monotonic() - t_start
        query, path = pull_query_and_path(hub.url, upstream, stem)
        started = time.monotonic()
        for name in STUDENTS:
            hub.create_user(name)
        runs = list(pool.map(lambda n: run_student(hub, n, query, path, started), STUDENTS))
        problems = [p for r in runs for p in check_outputs(r["name"], r["cells"], r["outputs"])]
        assert not problems, "\n".join(problems)

        memory = {}
        for name in STUDENTS:
            pid = hub.server_pid(name)
            server_mb, kernels_mb = classroom.rss_mb(pid)
            memory[name] = {"pid": pid, "server_mb": round(server_mb), "kernel_mb": round(kernels_mb)}
        assert len({m["pid"] for m in memory.values()}) == len(STUDENTS), "servers share a process"

        for r in runs:  # kernels import helpers from the student's pulled checkout, not the environment
            assert Path(r["helpers"]["file"]).resolve() == expected_helpers(hub, r["name"]), (
                f"{r['name']}'s kernel imported {r['helpers']['file']}"
            )

        # One student edits the notebook; the teacher changes a helper and the notebook using it.
        student = STUDENTS[0]
        model = hub.contents(student, path)
        model["content"]["cells"].append(
            {"cell_type": "markdown", "metadata": {}, "source": EDIT_MARK, "id": "student-note"}
        )
        hub.save(student, path, {"type": "notebook", "format": "json", "content": model["content"]})
        old, new = teacher_pushes(upstream, f"notebooks/{stem}.ipynb")
        assert all(r["helpers"]["version"] == old for r in runs)
        seconds = list(pool.map(lambda r: second_pull(hub, r, query, path), runs))

        cells = hub.contents(student, path)["content"]["cells"]
        assert any(c["source"] == EDIT_MARK for c in cells), "the student's edit was lost on pull"
        readme = hub.contents(student, str(Path(path).parent.parent / "README.md"))["content"]
        assert TEACHER_MARK in readme, "the teacher's change did not arrive with the second pull"
        stale = seconds[0]["stale_message"]
        assert stale.startswith(
            f"This notebook needs helpers {new} or newer, but this kernel has helpers {old}"
        ), stale
        problems = [p for r in seconds for p in check_outputs(r["name"], r["cells"], r["outputs"])]
        assert not problems, "\n".join(problems)
        for r in seconds:
            assert r["helpers"]["version"] == new, f"{r['name']} still has helpers {r['helpers']}"
            assert Path(r["helpers"]["file"]).resolve() == expected_helpers(hub, r["name"])
            shown = json.dumps(new_cell_outputs(r), ensure_ascii=False)
            assert HELPER_MARK in shown, f"{r['name']}: the new cell showed {shown[:300]}"

        RESULTS.update(
            {
                "notebook": f"{stem}.ipynb",
                "students": len(STUDENTS),
                "hub_start_s": round(hub_up, 1),
                "all_ready_s": max(r["ready_after_first_s"] for r in runs),
                "all_ran_notebook_s": max(r["done_s"] for r in runs),
                "per_student": [
                    {k: v for k, v in r.items() if k not in ("cells", "outputs")} | memory[r["name"]]
                    for r in runs
                ],
                "edit_survived_second_pull": True,
                "helper_update": {
                    "before": old,
                    "after": new,
                    "students": len(seconds),
                    "imported_from": f"~/{classroom.CHECKOUT}/helpers (PYTHONPATH set by the spawner)",
                    "new_output_shown": sum(
                        HELPER_MARK in json.dumps(new_cell_outputs(r), ensure_ascii=False) for r in seconds
                    ),
                    "stale_kernel_said": stale,
                    "second_run_s": max(r["run_s"] for r in seconds),
                },
            }
        )
    finally:
        killed = hub.stop()  # first, so that students' threads still waiting fail fast
        pool.shutdown(wait=True, cancel_futures=True)
    survivors = [
        pid
        for pid in hub.seen
        if classroom.psutil.pid_exists(pid)
        and classroom.psutil.Process(pid).status() != classroom.psutil.STATUS_ZOMBIE
    ]
    assert not survivors, f"processes still running after stop: {survivors}"
    RESULTS["processes_stopped"] = len(hub.seen)
    RESULTS["had_to_kill"] = len(killed)


def test_output_checks_catch_errors_stderr_missing_quotes_and_widgets():
    """check_outputs can fail: each kind of problem it looks for is reported."""
    cells = [
        {"cell_type": "code", "source": 'quote("P7", "Collective security refers to")'},
        {"cell_type": "code", "source": "explorer"},
    ]
    good = [
        [
            {
                "output_type": "display_data",
                "data": {"text/markdown": "> Collective security refers to the security ..."},
            }
        ],
        [{"output_type": "display_data", "data": {WIDGET_VIEW: {"model_id": "x"}}}],
    ]
    assert check_outputs("ana", cells, good) == []
    bad = [
        [{"output_type": "stream", "name": "stderr", "text": "DeprecationWarning: ..."}],
        [{"output_type": "error", "ename": "ValueError", "evalue": "unknown actor", "traceback": []}],
    ]
    problems = check_outputs("ana", cells, bad)
    assert any("wrote to stderr" in p for p in problems)
    assert any("ValueError: unknown actor" in p for p in problems)
    assert any("is not in its output" in p for p in problems)
    assert any("no widget was displayed" in p for p in problems)
