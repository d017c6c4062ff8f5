"""The class pulse service without a hub: its tornado app in this process, a fake hub API beside it.

The fake hub answers ``GET /hub/api/user`` as JupyterHub does: the token's owner, groups and scopes,
or 403 for a token it does not know (expired or revoked). The service asks it through the real
``HubOAuth`` class, so identification, caching of the hub's answers and scope checks are the ones
that run on a hub. Each refusal is checked for its status, for a message that says what is wrong,
and for storing nothing.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
import threading
from unittest import mock

import pytest
import requests
from jupyterhub.services.auth import HubOAuth
from tornado import httpserver, web
from tornado.netutil import bind_sockets

from helpers.sources import predictions
from helpers.tools.pulse import app as pulse_app
from helpers.tools.pulse.store import Store, voter_id

SERVICE = "pulse"
ACCESS = f"access:services!service={SERVICE}"
PREFIX = f"/services/{SERVICE}/"
SECRET = b"test-secret-not-for-use"
COURSES = ("sf-a", "sf-b")
USERS = {  # token -> what the hub says about its owner
    "tok-ana": {"name": "ana", "groups": ["sf-a"], "scopes": [ACCESS]},
    "tok-ben": {"name": "ben", "groups": ["sf-a"], "scopes": [ACCESS]},
    "tok-cat": {"name": "cat", "groups": ["sf-b"], "scopes": [ACCESS]},
    "tok-teach": {"name": "teach", "groups": ["instructors"], "scopes": [ACCESS]},
    "tok-other-service": {"name": "dan", "groups": ["sf-a"], "scopes": ["access:services!service=grader"]},
}
Q = "04-indivisible"
OPTIONS = predictions.get(Q).options


class FakeHubUser(web.RequestHandler):
    def get(self):
        token = self.request.headers.get("Authorization", "").removeprefix("token ")
        if token not in USERS:
            self.set_status(403)
            self.finish({"status": 403, "message": "invalid or expired token"})
            return
        self.finish({"kind": "user", **USERS[token]})


class Running:
    """The service and the fake hub on two loopback ports, served from one background thread."""

    def __init__(self, tmp_path, rate: int = 5, courses=COURSES) -> None:
        self.db = tmp_path / "pulse.sqlite"
        self.store = Store(f"sqlite:///{self.db}")
        self.settings = pulse_app.Settings(secret=SECRET, courses=courses, rate_per_minute=rate)
        self.loop = asyncio.new_event_loop()
        hub_sock = bind_sockets(0, "127.0.0.1")
        svc_sock = bind_sockets(0, "127.0.0.1")
        self.hub_url = f"http://127.0.0.1:{hub_sock[0].getsockname()[1]}"
        self.url = f"http://127.0.0.1:{svc_sock[0].getsockname()[1]}{PREFIX}"
        started = threading.Event()

        def serve():
            asyncio.set_event_loop(self.loop)
            self.hub_auth = HubOAuth(
                api_url=f"{self.hub_url}/hub/api",
                api_token="service-token",
                oauth_client_id=f"service-{SERVICE}",
                base_url=PREFIX,
                access_scopes={ACCESS},
                cache_max_age=0,
            )
            application = pulse_app.make_app(self.store, self.settings, self.hub_auth, PREFIX)
            hub = web.Application([(r"/hub/api/user", FakeHubUser)])
            self.servers = [httpserver.HTTPServer(hub), httpserver.HTTPServer(application)]
            self.servers[0].add_sockets(hub_sock)
            self.servers[1].add_sockets(svc_sock)
            started.set()
            self.loop.run_forever()

        self.thread = threading.Thread(target=serve, daemon=True)
        self.thread.start()
        started.wait(10)
        self.http = requests.Session()
        self.http.trust_env = False

    def stop(self) -> None:
        def shut():
            for s in self.servers:
                s.stop()
            self.loop.stop()

        self.loop.call_soon_threadsafe(shut)
        self.thread.join(10)
        self.http.close()

    # -- requests as a kernel would send them ------------------------------------------------
    def call(self, method: str, path: str, token: str | None = "tok-ana", **kw) -> requests.Response:
        headers = kw.pop("headers", {})
        if token:
            headers["Authorization"] = f"token {token}"
        return self.http.request(
            method, self.url + path, headers=headers, timeout=10, allow_redirects=False, **kw
        )

    def submit(self, token="tok-ana", **body) -> requests.Response:
        body = {"question": Q, "option": OPTIONS[0], "course": "sf-a", **body}
        return self.call("POST", "api/submit", token, data=json.dumps(body))

    def control(self, action: str, question: str = Q, course: str = "sf-a", token="tok-teach"):
        return self.call(
            "POST",
            "api/control",
            token,
            data=json.dumps({"question": question, "action": action, "course": course}),
        )

    def spread(self, token="tok-ana", question: str = Q, course: str = "sf-a") -> requests.Response:
        return self.call("GET", "api/spread", token, params={"question": question, "course": course})


@pytest.fixture
def svc(tmp_path):
    running = Running(tmp_path)
    yield running
    running.stop()


def test_a_student_submits_and_resubmitting_replaces(svc):
    assert svc.submit().status_code == 409  # closed until the teacher opens it
    assert svc.control("open").json()["state"] == "open"
    r = svc.submit()
    assert r.status_code == 200, r.text
    assert r.json() == {"stored": True, "course": "sf-a", "question": Q, "round": 1, "option": OPTIONS[0]}
    assert svc.submit(option=1).status_code == 200  # by number, replacing the first answer
    assert svc.submit(token="tok-ben").status_code == 200
    assert svc.store.total_answers() == 2
    counts = svc.spread(token="tok-teach").json()["counts"]
    assert counts == [1, 1]


def test_the_spread_is_shown_to_students_only_after_the_reveal(svc):
    svc.control("open")
    svc.submit()
    early = svc.spread()
    assert early.status_code == 403 and "not revealed" in early.json()["error"]
    assert svc.spread(token="tok-teach").status_code == 200
    svc.control("reveal")
    shown = svc.spread()
    assert shown.status_code == 200 and shown.json()["counts"] == [1, 0]
    svc.control("hide")
    assert svc.spread().status_code == 403


def test_a_new_round_keeps_the_last_one_for_comparison_and_delete_removes_all(svc):
    svc.control("open")
    svc.submit()
    svc.submit(token="tok-ben", option=1)
    assert svc.control("reset").json()["round"] == 2
    svc.submit(option=1)  # ana changed her mind after the discussion
    spread = svc.spread(token="tok-teach").json()
    assert (spread["round"], spread["counts"], spread["previous"]) == (2, [0, 1], [1, 1])
    assert svc.store.total_answers() == 3
    assert svc.control("delete").json() == {
        "course": "sf-a",
        "question": Q,
        "state": "closed",
        "revealed": False,
        "round": 1,
    }
    assert svc.store.total_answers() == 0


BAD = {  # name: (request maker, expected status, words the error must contain)
    "unknown question": (lambda s: s.submit(question="99-nothing"), 404, "unknown question"),
    "unknown option text": (lambda s: s.submit(option="Maybe"), 400, "unknown option"),
    "option number out of range": (lambda s: s.submit(option=7), 400, "options are 0:"),
    "option as a boolean": (lambda s: s.submit(option=True), 400, "must be a string"),
    "closed question": (lambda s: s.submit(question="00-turkey", option="Inside both lines"), 409, "closed"),
    "oversized body": (
        lambda s: s.call("POST", "api/submit", data=b"{" + b" " * 5000 + b"}"),
        413,
        "at most 2048",
    ),
    "malformed JSON": (lambda s: s.call("POST", "api/submit", data=b"{question: 1"), 400, "JSON object"),
    "a JSON list": (lambda s: s.call("POST", "api/submit", data=b"[1, 2]"), 400, "JSON object"),
    "an unknown field": (lambda s: s.submit(score=3), 400, "unknown field"),
    "no token": (lambda s: s.submit(token=None), 401, "no valid hub token"),
    "an expired token": (lambda s: s.submit(token="tok-expired"), 401, "no valid hub token"),
    "a token not granted this service": (
        lambda s: s.submit(token="tok-other-service"),
        403,
        "did not grant access:services!service=pulse",
    ),
    "someone else's answer": (lambda s: s.submit(user="ben"), 403, "only your own"),
    "another course": (lambda s: s.submit(token="tok-cat"), 403, "not in the course 'sf-a'"),
    "an unknown course": (lambda s: s.submit(course="sf-z"), 404, "unknown course"),
    "the spread before the reveal": (lambda s: s.spread(), 403, "not revealed"),
    "another course's spread": (lambda s: s.spread(token="tok-cat"), 403, "not in the course"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_and_abuse_get_a_clear_4xx_and_store_nothing(svc, case):
    svc.control("open")
    make, status, words = BAD[case]
    before = svc.store.total_answers()
    r = make(svc)
    assert r.status_code == status, f"{case}: {r.status_code} {r.text}"
    assert words in r.json()["error"], r.json()
    assert svc.store.total_answers() == before


def test_more_than_the_rate_limit_is_refused_and_not_stored(svc):
    svc.control("open")
    for _ in range(svc.settings.rate_per_minute):
        assert svc.submit().status_code == 200
    r = svc.submit(option=1)
    assert r.status_code == 429 and "submissions in a minute" in r.json()["error"]
    assert svc.spread(token="tok-teach").json()["counts"] == [1, 0]  # the refused answer left no mark
    assert svc.submit(token="tok-ben").status_code == 200  # the limit is per student


def test_the_rate_limiter_forgets_after_a_minute():
    limiter = pulse_app.RateLimiter(2)
    assert limiter.allow("v", now=0) and limiter.allow("v", now=1)
    assert not limiter.allow("v", now=59.9)
    assert limiter.allow("v", now=60.5)


def role_problems(s: Running) -> list[str]:
    """What a student can do that only an instructor may, and what an instructor cannot do."""
    problems = []
    for token, allowed in (("tok-ana", False), ("tok-teach", True)):
        checks = {
            "open a question": s.control("open", token=token),
            "reveal": s.control("reveal", token=token),
            "reset a round": s.control("reset", token=token),
            "delete answers": s.control("delete", token=token),
            "download the CSV": s.call("GET", "api/counts.csv", token, params={"course": "sf-a"}),
            "see the live page": s.call("GET", "", token, params={"course": "sf-a"}),
        }
        for what, r in checks.items():
            if allowed and r.status_code != 200:
                problems.append(f"the instructor cannot {what}: {r.status_code}")
            if not allowed and r.status_code != 403:
                problems.append(f"a student can {what}: {r.status_code}")
    return problems


def test_only_instructors_control_download_and_watch(svc):
    assert role_problems(svc) == []


def test_a_planted_bug_skipping_the_instructor_check_is_caught(svc):
    with mock.patch.object(pulse_app.Base, "require_instructor", lambda self: None):
        problems = role_problems(svc)
    assert any("a student can open a question" in p for p in problems), problems
    assert any("a student can download the CSV" in p for p in problems), problems


def test_the_csv_has_counts_and_no_people(svc):
    svc.control("open")
    svc.submit()
    svc.submit(token="tok-ben")
    r = svc.call("GET", "api/counts.csv", "tok-teach", params={"course": "sf-a"})
    assert r.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows == [
        {
            "course": "sf-a",
            "question": Q,
            "round": "1",
            "option_number": "0",
            "option": OPTIONS[0],
            "count": "2",
        }
    ]
    assert "ana" not in r.text and voter_id(SECRET, "sf-a", "ana") not in r.text


def test_no_name_is_stored_only_a_keyed_hash_per_course(svc, tmp_path):
    svc.control("open")
    svc.submit()
    svc.control("open", question="00-turkey", course="sf-b")
    svc.submit(token="tok-cat", question="00-turkey", course="sf-b", option="Outside both lines")
    with sqlite3.connect(svc.db) as conn:
        dump = "\n".join(conn.iterdump())
        voters = [v for (v,) in conn.execute("SELECT voter FROM pulse_answers ORDER BY course")]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    for name in ("ana", "cat", "ben", "teach"):
        assert f"'{name}'" not in dump
    assert voters == [voter_id(SECRET, "sf-a", "ana"), voter_id(SECRET, "sf-b", "cat")]
    assert voter_id(SECRET, "sf-a", "ana") != voter_id(SECRET, "sf-b", "ana")
    assert voter_id(b"another key", "sf-a", "ana") != voter_id(SECRET, "sf-a", "ana")


def test_answers_survive_a_new_process_on_the_same_database(svc):
    svc.control("open")
    svc.submit(option=1)
    again = Store(f"sqlite:///{svc.db}")
    assert again.counts("sf-a", Q, 1, 2) == [0, 1]
    assert again.status("sf-a", Q).state == "open"


def test_the_live_page_for_the_instructor(svc):
    r = svc.call("GET", "", "tok-teach", params={"course": "sf-a", "question": Q})
    assert r.status_code == 200 and "text/html" in r.headers["Content-Type"]
    config = json.loads(r.text.split('id="config">')[1].split("</script>")[0])
    assert config["course"] == "sf-a" and config["question"] == Q and config["xsrf"]
    assert "setInterval(refresh, 2000)" in r.text
    assert svc.call("GET", "", "tok-ana").status_code == 403
    login = svc.call("GET", "", token=None)  # a browser without a session goes to the hub's OAuth
    assert login.status_code == 302 and "/hub/api/oauth2/authorize" in login.headers["Location"]


def test_a_forged_cookie_is_not_a_session(svc):
    """Only a cookie the service signed after the hub's OAuth identifies a browser."""
    r = svc.call(
        "POST",
        "api/control",
        token=None,
        data=json.dumps({"question": Q, "action": "open"}),
        headers={"Cookie": "service-pulse=forged", "Sec-Fetch-Mode": "cors"},
    )
    assert r.status_code == 401
    assert svc.store.status("sf-a", Q).state == "closed"


def test_one_course_for_everyone_when_no_courses_are_set(tmp_path):
    running = Running(tmp_path, courses=())
    try:
        running.control("open", course="class")
        assert running.submit(course="class").status_code == 200
        assert running.submit(token="tok-cat", course="class").status_code == 200
        assert (
            running.call(
                "POST", "api/submit", "tok-ben", data=json.dumps({"question": Q, "option": 0})
            ).status_code
            == 200
        )
        assert running.spread(token="tok-teach", course="class").json()["counts"] == [3, 0]
        assert running.submit(course="sf-a").status_code == 404
    finally:
        running.stop()


def test_questions_lists_every_prediction_with_its_state(svc):
    svc.control("open")
    body = svc.call("GET", "api/questions", params={"course": "sf-a"}).json()
    assert [q["id"] for q in body["questions"]] == list(predictions.all_predictions())
    assert {q["id"]: q["state"] for q in body["questions"]}[Q] == "open"
    assert body["instructor"] is False


def test_the_portable_upsert_replaces_too(tmp_path):
    """Databases other than SQLite and PostgreSQL use update-then-insert: still one row per voter."""
    store = Store(f"sqlite:///{tmp_path / 'other.sqlite'}")
    store.dialect = "other"
    store.answer("c", Q, 1, "v1", 0)
    store.answer("c", Q, 1, "v1", 1)
    store.answer("c", Q, 1, "v2", 1)
    assert store.counts("c", Q, 1, 2) == [0, 2] and store.total_answers() == 2


def test_purge_deletes_only_answers_past_the_retention_time(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'old.sqlite'}")
    store.answer("c", Q, 1, "old", 0)
    store.answer("c", Q, 1, "new", 1)
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE pulse_answers SET answered_at = answered_at - 31 * 86400 WHERE voter = 'old'"
        )
    assert store.purge(30) == 1
    assert store.counts("c", Q, 1, 2) == [0, 1]
