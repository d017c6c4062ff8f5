"""The class pulse on a real JupyterHub: 30 students at once, the service killed mid-round, a kernel.

The hub (``hub.py``) starts the pulse service itself (``c.JupyterHub.services`` with a command
and a URL) and routes ``/services/pulse/`` to it through configurable-http-proxy. Every request
below goes through that proxy and is identified by the hub:

1. 30 students (real hub users, each with an API token of their own; no servers) submit to three
   questions at once. Each reply's time is measured; the teacher's counts must equal what was sent.
2. The service process is killed (SIGKILL) while the round is open. Every student then sends one
   answer again, retrying until the service answers, as a client does after a lost reply; a third
   of them change their mind. The hub must have started a new service process, and the counts
   must equal each student's last answer: nothing committed lost, nothing counted twice.
3. One student's server runs notebook 00 in a kernel; the pulse cell's widget commits through the
   proxy with the server's own token, and the teacher's view counts it.

The teacher watches the live page in Chromium (logged in through the hub's OAuth) during the
round; the screenshot is ``test-artifacts/pulse-live-30-students.png``. The summary line is
``class pulse: students=30 questions=3 sent=90 stored=90 lost=0 ...``.
"""

from __future__ import annotations

import json
import os
import random
import re
import secrets
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from helpers.sources import predictions
from tests.classroom import hub as classroom
from tests.classroom.conftest import RESULTS

ROOT = classroom.ROOT
STUDENTS = [f"pupil{i:02d}" for i in range(1, 31)]
TEACHER = "teacher"
KERNEL_STUDENT = "kernelpupil"
QUESTIONS = ["00-turkey", "04-indivisible", "09-times-100"]
COURSE = "class"
ARTIFACTS = ROOT / "test-artifacts"


def pulse_config(port: int, data_dir: Path, public: str, password: str) -> str:
    """What a course admin adds to jupyterhub_config.py (docs/jupyterhub.md), plus test-only roles."""
    env = {"PYTHONPATH": str(ROOT), "PULSE_DATA_DIR": str(data_dir), "PULSE_RATE_PER_MINUTE": "20"}
    return f"""
c.JupyterHub.services.append({{
    "name": "pulse",
    "url": "http://127.0.0.1:{port}",
    "command": [{sys.executable!r}, "-m", "helpers.tools.pulse"],
    "cwd": {str(data_dir)!r},
    "environment": {env!r},
    "oauth_no_confirm": True,
    "display": False,
}})
c.JupyterHub.extra_user_scopes = {{"access:services!service=pulse"}}
c.Spawner.server_token_scopes = [
    "users:activity!user", "access:servers!server", "access:services!service=pulse"]
c.Spawner.environment["PULSE_URL"] = "{public}/services/pulse/"
# Test only: the test's own service makes users' tokens and the instructors group, reads the pid.
c.JupyterHub.load_roles.append({{
    "name": "pulse-test-admin",
    "scopes": ["tokens", "admin:groups", "read:services", "list:services"],
    "services": ["{classroom.SERVICE}"],
}})
c.DummyAuthenticator.password = {password!r}
"""


class Student:
    """One person with a hub token of their own, talking to the service through the proxy."""

    def __init__(self, hub: classroom.Hub, name: str) -> None:
        self.name = name
        body = {"scopes": ["access:services!service=pulse"], "note": "class pulse test", "expires_in": 3600}
        self.token = hub.api("POST", f"/users/{name}/tokens", json=body).json()["token"]
        self.url = f"{hub.url}/services/pulse/"
        self.http = requests.Session()
        self.http.trust_env = False
        self.http.headers["Authorization"] = f"token {self.token}"

    def submit(self, question: str, option: str) -> tuple[int, float]:
        start = time.perf_counter()
        try:
            r = self.http.post(
                self.url + "api/submit",
                data=json.dumps({"question": question, "option": option}),
                timeout=30,
            )
            status = r.status_code
        except requests.ConnectionError:
            status = 0
        return status, (time.perf_counter() - start) * 1000

    def spread(self, question: str) -> dict:
        r = self.http.get(self.url + "api/spread", params={"question": question}, timeout=30)
        r.raise_for_status()
        return r.json()

    def control(self, question: str, action: str) -> dict:
        body = json.dumps({"question": question, "action": action})
        r = self.http.post(self.url + "api/control", data=body, timeout=30)
        r.raise_for_status()
        return r.json()


def choice(i: int, question: str, changed: bool = False) -> str:
    """A spread that is not uniform, so the bars differ."""
    options = predictions.get(question).options
    weights = [0, 0, 0, 1, 1, 2, 0, 1, 3, 0]  # mostly the first option, some the second...
    index = (weights[i % len(weights)] + (1 if changed else 0)) % len(options)
    return options[index]


def service_pid(hub: classroom.Hub) -> int:
    return int(hub.api("GET", "/services/pulse").json().get("pid") or 0)


def wait_for_service(hub: classroom.Hub, timeout: float, not_pid: int = 0) -> float:
    """Seconds until the service answers through the proxy (from a process other than ``not_pid``)."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            r = hub.http.get(f"{hub.url}/services/pulse/health", timeout=5)
            if r.ok and r.json().get("pid") != not_pid:
                return time.monotonic() - start
        except (requests.RequestException, ValueError):
            pass
        time.sleep(0.25)
    raise RuntimeError(f"the pulse service did not answer within {timeout} s:\n{hub.log_tail()}")


def burst(people: list[Student], jobs: list[tuple[int, str, str]], spread_s: float = 1.0) -> list[tuple]:
    """Send every (student index, question, option) within ``spread_s`` seconds, at seeded random
    moments as a room clicking does; returns (…, status, ms) with ms timed from each send."""
    moments = random.Random(17).sample(range(len(jobs)), len(jobs))  # a shuffled order of sends
    start = time.perf_counter() + 0.2  # every thread is waiting by then

    def one(args):
        (i, question, option), slot = args
        time.sleep(max(0.0, start + spread_s * slot / len(jobs) - time.perf_counter()))
        return (i, question, option, *people[i].submit(question, option))

    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        return list(pool.map(one, zip(jobs, moments, strict=True)))


def service_times_ms(log: str) -> list[float]:
    """The service's own time per stored answer, from tornado's access log in the hub's log."""
    found = re.findall(r"200 POST /services/pulse/api/submit \([^)]*\) ([0-9.]+)ms", log)
    return [float(ms) for ms in found]


def resend_until_stored(student: Student, question: str, option: str, deadline: float) -> int:
    """One resubmission, retried while the service is away; returns the attempts it took."""
    attempts = 0
    while time.monotonic() < deadline:
        attempts += 1
        status, _ms = student.submit(question, option)
        if status == 200:
            return attempts
        assert status in (0, 502, 503, 504), f"{student.name}: unexpected {status} while resending"
        time.sleep(0.5)
    raise AssertionError(f"{student.name}'s answer was never stored again")


def expected_counts(answers: dict[tuple[int, str], str], question: str) -> list[int]:
    options = predictions.get(question).options
    counts = [0] * len(options)
    for (_i, q), option in answers.items():
        if q == question:
            counts[options.index(option)] += 1
    return counts


def compare(teacher: Student, answers: dict) -> tuple[int, int, int]:
    """(stored, lost, counted twice) over the three questions, from the teacher's view."""
    stored = lost = twice = 0
    for q in QUESTIONS:
        counts = teacher.spread(q)["counts"]
        want = expected_counts(answers, q)
        stored += sum(counts)
        lost += sum(max(0, w - c) for w, c in zip(want, counts, strict=True))
        twice += sum(max(0, c - w) for w, c in zip(want, counts, strict=True))
    return stored, lost, twice


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


def live_page(hub: classroom.Hub, password: str, question: str):
    """Chromium logged in as the teacher through the hub's OAuth, on the live page."""
    from tests.browser import lab

    reason = lab.unavailable_reason()
    if reason:
        return None, reason
    context_manager = lab.chromium()
    context = context_manager.__enter__()
    page = context.new_page()
    page.goto(f"{hub.url}/services/pulse/?question={question}")
    page.fill("#username_input", TEACHER)
    page.fill("#password_input", password)
    page.click("#login_submit")
    try:
        page.wait_for_selector("#bars .row", timeout=30_000)
    except Exception:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "pulse-live-failed.png"))
        text = page.text_content("body") or ""
        context_manager.__exit__(None, None, None)
        raise AssertionError(f"the live page did not show bars at {page.url}: {text[:500]}") from None
    return (context_manager, page), None


def axe_violations(page) -> list[str] | None:
    """axe-core's WCAG 2.1 A/AA violations on the live page (None when axe-core is not installed)."""
    from tests.browser import axe

    source = axe.axe_source()
    if source is None:
        return None
    page.add_script_tag(path=str(source))
    return page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},
             resultTypes: ['violations']})).violations.map(v => v.id + ' x' + v.nodes.length)""",
        axe.TAGS,
    )


def test_class_pulse_30_students_a_killed_service_and_a_kernel(tmp_path, stop_on_sigterm):
    classroom.require_proxy()
    data_dir = tmp_path / "pulse"
    data_dir.mkdir()
    password = secrets.token_hex(12)
    port = classroom.free_port()
    hub = classroom.Hub(tmp_path / "hub")
    (tmp_path / "hub").mkdir()
    hub.extra_config = pulse_config(port, data_dir, hub.url, password)
    browser = None
    shot = ARTIFACTS / "pulse-live-30-students.png"
    try:
        hub.start()
        wait_for_service(hub, timeout=60)
        for name in [TEACHER, KERNEL_STUDENT, *STUDENTS]:
            hub.create_user(name)
        hub.api("POST", "/groups/instructors")
        hub.api("POST", "/groups/instructors/users", json={"users": [TEACHER]})
        teacher = Student(hub, TEACHER)
        people = [Student(hub, name) for name in STUDENTS]
        for q in QUESTIONS:
            assert teacher.control(q, "open")["state"] == "open"

        browser, why_not = live_page(hub, password, QUESTIONS[0])

        # 1. Everyone at once: 30 students x 3 questions.
        jobs = [(i, q, choice(i, q)) for i in range(len(people)) for q in QUESTIONS]
        t0 = time.perf_counter()
        first = burst(people, jobs)
        burst_s = time.perf_counter() - t0
        refused = [r for r in first if r[3] != 200]
        assert not refused, f"refused in the burst: {refused[:5]}"
        answers = {(i, q): option for i, q, option, _s, _ms in first}
        # The same 90 again (each student confirms all three): the hub's answers are cached now.
        warm = burst(people, jobs)
        assert all(r[3] == 200 for r in warm), [r for r in warm if r[3] != 200][:5]
        time.sleep(0.5)  # the service's access log reaches the hub's log
        service_ms = service_times_ms((tmp_path / "hub" / "hub.log").read_text(errors="replace"))
        stored, lost, twice = compare(teacher, answers)
        assert (stored, lost, twice) == (90, 0, 0), (stored, lost, twice)
        if browser:
            ARTIFACTS.mkdir(exist_ok=True)
            page = browser[1]
            page.wait_for_function(
                "document.querySelector('#total').textContent.startsWith('30 answers')", timeout=10_000
            )
            page.screenshot(path=str(shot), full_page=True)
            shown_total = page.text_content("#total")
            axe_problems = axe_violations(page)

        # 2. The service dies mid-round; the hub brings it back; everyone sends once more.
        old_pid = service_pid(hub)
        assert old_pid > 0
        killed_at = time.monotonic()
        os.kill(old_pid, signal.SIGKILL)
        deadline = time.monotonic() + 120
        resend = [(i, QUESTIONS[i % 3], choice(i, QUESTIONS[i % 3], changed=i % 3 == 0)) for i in range(30)]
        with ThreadPoolExecutor(max_workers=30) as pool:
            attempts = list(
                pool.map(lambda j: resend_until_stored(people[j[0]], j[1], j[2], deadline), resend)
            )
        back_s = wait_for_service(hub, timeout=5, not_pid=old_pid) + time.monotonic() - killed_at
        new_pid = service_pid(hub)
        assert new_pid not in (0, old_pid), "the hub did not start a new service process"
        assert "Service pulse exited" in (tmp_path / "hub" / "hub.log").read_text(errors="replace")
        for i, q, option in resend:
            answers[(i, q)] = option
        stored, lost, twice = compare(teacher, answers)

        # 3. A student's kernel runs notebook 00; its pulse widget commits through the proxy.
        hub.start_server(KERNEL_STUDENT)
        hub.wait_ready(KERNEL_STUDENT, timeout=240)
        notebook = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
        hub.save(
            KERNEL_STUDENT, "00_start_here.ipynb", {"type": "notebook", "format": "json", "content": notebook}
        )
        kernel = hub.open_session(KERNEL_STUDENT, "00_start_here.ipynb")
        before = teacher.spread("00-turkey")["counts"]
        pick = predictions.get("00-turkey").options[1]
        click = (
            "from helpers.explorers.pulse import Pulse\n"
            "w = next(p for p in Pulse.instances if p.prediction.id == '00-turkey')\n"
            f"w.choice.value = {pick!r}\n"
            "w.commit_button.click()\n"
            "print('PULSE-LINE', w.line.value)\n"
        )
        cells = [{**c, "source": "".join(c["source"])} for c in notebook["cells"]]
        cells.append({"cell_type": "code", "source": click})
        outputs = hub.execute_notebook(KERNEL_STUDENT, kernel, cells)
        errors = [o for outs in outputs for o in outs if o["output_type"] == "error"]
        assert not errors, [f"{e['ename']}: {e['evalue']}" for e in errors]
        line = "".join(o.get("text", "") for o in outputs[-1] if o["output_type"] == "stream")
        assert "Sent to the class" in line, line
        after = teacher.spread("00-turkey")["counts"]
        index = predictions.get("00-turkey").options.index(pick)
        assert after[index] == before[index] + 1 and sum(after) == sum(before) + 1, (before, after)
    finally:
        if browser:
            context_manager = browser[0]
            context_manager.__exit__(None, None, None)
        hub.stop()

    latencies = [ms for *_rest, ms in first]
    summary = (
        f"class pulse: students={len(people)} questions={len(QUESTIONS)} sent={len(first)} "
        f"stored={stored} lost={lost} twice={twice} p95_ms={p95(latencies):.0f} "
        f"(first contact: the hub identifies each token) warm_p95_ms={p95([r[4] for r in warm]):.0f} "
        f"service_p95_ms={p95(service_ms[:90]):.0f} warm_service_p95_ms={p95(service_ms[90:180]):.0f} "
        f"burst_s={burst_s:.2f} restart_s={back_s:.1f} resent={len(resend)} "
        f"retries={sum(attempts) - len(attempts)} kernel_widget=counted"
    )
    print("\n" + summary)
    RESULTS["class_pulse"] = summary
    RESULTS["class_pulse_screenshot"] = str(shot) if browser else f"not taken: {why_not}"
    if browser:
        RESULTS["class_pulse_page_total"] = shown_total
        RESULTS["class_pulse_page_axe"] = "axe-core not installed" if axe_problems is None else axe_problems
        assert not axe_problems, f"axe-core on the live page: {axe_problems}"
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "pulse_classroom.json").write_text(
        json.dumps({"summary": summary, "latencies_ms": latencies, "attempts": attempts}, indent=1),
        encoding="utf-8",
    )
    assert (stored, lost, twice) == (90, 0, 0), summary


def test_the_lost_and_twice_counts_can_fail():
    """compare() reports an answer missing from the teacher's counts and one counted twice."""

    class Teacher:
        def __init__(self, counts):
            self.counts = counts

        def spread(self, question):
            return {"counts": self.counts[question]}

    answers = {(i, q): choice(i, q) for i in range(3) for q in QUESTIONS}
    right = {q: expected_counts(answers, q) for q in QUESTIONS}
    assert compare(Teacher(right), answers) == (9, 0, 0)
    wrong = {q: list(c) for q, c in right.items()}
    wrong[QUESTIONS[0]][0] -= 1  # one answer lost
    wrong[QUESTIONS[1]][1] += 1  # one counted twice
    assert compare(Teacher(wrong), answers) == (9, 1, 1)
