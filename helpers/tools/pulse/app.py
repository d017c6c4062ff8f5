"""The class pulse: a JupyterHub service that collects every student's prediction, then shows the spread.

The hub starts it (``c.JupyterHub.services``, see ``docs/jupyterhub.md``) and its proxy routes
``/services/pulse/`` to it. Nobody logs in here: every request is identified by the hub. A
student's kernel sends its server's token (``JUPYTERHUB_API_TOKEN``) in the Authorization header;
a browser goes through the hub's OAuth and then carries a cookie. Either way the service asks the
hub who it is (``HubOAuth``; answers cached for ``PULSE_AUTH_CACHE_SECONDS``) and needs the scope
``access:services!service=<name>``.

Students submit their own answer to an open question (one per question and round; sending again
replaces it) and see the spread only after the teacher reveals it. Members of the instructors
group open and close questions, reveal, start a new round, delete a question's answers, download
the counts as CSV, and watch the live page at the service's URL. Names are never stored: a voter
is an HMAC of (course, user name) keyed with ``PULSE_SECRET``.

Every refusal is a 4xx with a JSON body ``{"error": ...}`` and stores nothing.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import json
import os
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field

from jupyterhub.services.auth import HubOAuth, HubOAuthCallbackHandler, HubOAuthenticated
from tornado import web

from helpers.sources import predictions
from helpers.tools.pulse.page import LIVE_PAGE
from helpers.tools.pulse.store import ACTIONS, Store, voter_id

MAX_BODY = 2048  # bytes: a submission is about 100
SINGLE_COURSE = "class"


@dataclass
class Settings:
    """Everything the service is configured with (from the environment, see :func:`from_env`)."""

    secret: bytes
    courses: tuple[str, ...] = ()  # hub group names; empty: one course, "class", for every user
    instructors_group: str = "instructors"
    rate_per_minute: int = 20
    retention_days: float = 30.0
    questions: dict[str, predictions.Prediction] = field(default_factory=predictions.all_predictions)

    def course_ids(self) -> tuple[str, ...]:
        return self.courses or (SINGLE_COURSE,)


class RateLimiter:
    """At most ``limit`` submissions per voter in any 60 seconds (kept in memory)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        times = self.seen[key]
        while times and now - times[0] >= 60:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        return True


class PulseError(web.HTTPError):
    """A refusal with a message meant for the person who sent the request."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status, reason=None)
        self.message = message


class Base(HubOAuthenticated, web.RequestHandler):
    """Identifies the caller through the hub before any handler runs; errors answer as JSON."""

    def initialize(self, store: Store, settings: Settings, hub_auth: HubOAuth, limiter: RateLimiter) -> None:
        self.store, self.pulse, self.limiter = store, settings, limiter
        self.hub_auth = hub_auth

    async def prepare(self) -> None:
        model = await self.hub_auth.get_user(self, sync=False)
        if model and not self.hub_auth.check_scopes(self.hub_auth.access_scopes, model):
            raise PulseError(
                403,
                f"{model.get('name')} may not use this service: the hub did not "
                f"grant {', '.join(sorted(self.hub_auth.access_scopes))}",
            )
        self.user = model
        if model is None and self.needs_user:
            self.no_user()

    needs_user = True

    def no_user(self) -> None:
        raise PulseError(
            401,
            "no valid hub token: send 'Authorization: token <JUPYTERHUB_API_TOKEN>' "
            "or log in through the hub",
        )

    def get_current_user(self):  # tornado's hook; prepare() has done the work
        return getattr(self, "user", None)

    # -- who may do what ---------------------------------------------------------------------
    def is_instructor(self) -> bool:
        return self.pulse.instructors_group in (self.user or {}).get("groups", [])

    def course(self, value: str | None) -> str:
        """The course asked for, if the caller belongs to it (403 otherwise)."""
        course = value or self.pulse.course_ids()[0]
        if course not in self.pulse.course_ids():
            known = ", ".join(self.pulse.course_ids())
            raise PulseError(404, f"unknown course {course!r}; courses here: {known}")
        if self.pulse.courses and course not in self.user.get("groups", []) and not self.is_instructor():
            raise PulseError(403, f"{self.user['name']} is not in the course {course!r}")
        return course

    def require_instructor(self) -> None:
        if not self.is_instructor():
            group = self.pulse.instructors_group
            raise PulseError(403, f"only members of the hub group {group!r} may do this")

    def question(self, qid: str | None) -> predictions.Prediction:
        if not qid or qid not in self.pulse.questions:
            known = ", ".join(self.pulse.questions)
            raise PulseError(404, f"unknown question {qid!r}; questions are {known}")
        return self.pulse.questions[qid]

    def body(self, allowed: set[str]) -> dict:
        if len(self.request.body) > MAX_BODY:
            raise PulseError(413, f"the request body is {len(self.request.body)} bytes; at most {MAX_BODY}")
        try:
            data = json.loads(self.request.body or b"")
        except (ValueError, UnicodeDecodeError):
            raise PulseError(400, "the body must be a JSON object") from None
        if not isinstance(data, dict):
            raise PulseError(400, "the body must be a JSON object")
        extra = set(data) - allowed
        if extra:
            raise PulseError(
                400, f"unknown field(s) {', '.join(sorted(extra))}; fields are {', '.join(sorted(allowed))}"
            )
        if any(not isinstance(v, str | int) or isinstance(v, bool) for v in data.values()):
            raise PulseError(400, "every field must be a string (or an option's number)")
        return data

    # -- answers -----------------------------------------------------------------------------
    def write_json(self, data) -> None:
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(data))

    def write_error(self, status_code: int, **kwargs) -> None:
        error = kwargs.get("exc_info", (None, None, None))[1]
        message = getattr(error, "message", None) or getattr(error, "log_message", None) or self._reason
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps({"error": message, "status": status_code}))


class SubmitHandler(Base):
    """POST {"question": id, "option": text or number, "course": optional} -> the stored answer."""

    async def post(self) -> None:
        data = self.body({"question", "option", "course", "user"})
        if "user" in data and data["user"] != self.user["name"]:
            raise PulseError(403, "you can submit only your own prediction")
        course = self.course(data.get("course"))
        question = self.question(data.get("question"))
        option = data.get("option")
        if isinstance(option, int) and 0 <= option < len(question.options):
            index = option
        elif isinstance(option, str) and option in question.options:
            index = question.options.index(option)
        else:
            raise PulseError(
                400,
                f"unknown option {option!r} for {question.id}; options are "
                + "; ".join(f"{i}: {o}" for i, o in enumerate(question.options)),
            )
        status = self.store.status(course, question.id)
        if status.state != "open":
            raise PulseError(409, f"the question {question.id} is closed: the teacher opens it in class")
        voter = voter_id(self.pulse.secret, course, self.user["name"])
        if not self.limiter.allow(voter):
            raise PulseError(
                429,
                f"more than {self.pulse.rate_per_minute} submissions in a minute; "
                "wait a little and send again",
            )
        self.store.answer(course, question.id, status.round, voter, index)
        self.write_json(
            {
                "stored": True,
                "course": course,
                "question": question.id,
                "round": status.round,
                "option": question.options[index],
            }
        )


class SpreadHandler(Base):
    """GET ?question=id&course=c -> counts per option; students only after the reveal."""

    def get(self) -> None:
        course = self.course(self.get_argument("course", None))
        question = self.question(self.get_argument("question", None))
        status = self.store.status(course, question.id)
        if not status.revealed and not self.is_instructor():
            raise PulseError(403, f"the spread of {question.id} is not revealed yet")
        counts = self.store.counts(course, question.id, status.round, len(question.options))
        previous = (
            self.store.counts(course, question.id, status.round - 1, len(question.options))
            if status.round > 1
            else None
        )
        self.write_json(
            {
                "course": course,
                "question": question.id,
                "text": question.question,
                "options": list(question.options),
                "counts": counts,
                "total": sum(counts),
                "previous": previous,
                "round": status.round,
                "state": status.state,
                "revealed": status.revealed,
            }
        )


class QuestionsHandler(Base):
    """GET ?course=c -> every question's state (for the widget and the live page)."""

    def get(self) -> None:
        course = self.course(self.get_argument("course", None))
        rows = self.store.statuses(course, self.pulse.questions)
        self.write_json(
            {
                "course": course,
                "instructor": self.is_instructor(),
                "questions": [
                    {
                        "id": s.question,
                        "notebook": self.pulse.questions[s.question].notebook,
                        "question": self.pulse.questions[s.question].question,
                        "state": s.state,
                        "revealed": s.revealed,
                        "round": s.round,
                    }
                    for s in rows
                ],
            }
        )


class ControlHandler(Base):
    """POST {"question": id, "action": open|close|reveal|hide|reset|delete, "course": c}: instructors."""

    def post(self) -> None:
        self.require_instructor()
        data = self.body({"question", "action", "course"})
        course = self.course(data.get("course"))
        question = self.question(data.get("question"))
        action = data.get("action")
        if action not in ACTIONS:
            raise PulseError(400, f"unknown action {action!r}; actions are {', '.join(ACTIONS)}")
        s = self.store.act(course, question.id, action)
        self.write_json(
            {
                "course": course,
                "question": s.question,
                "state": s.state,
                "revealed": s.revealed,
                "round": s.round,
            }
        )


class CsvHandler(Base):
    """GET ?course=c -> question, round, option, count as CSV (instructors)."""

    def get(self) -> None:
        self.require_instructor()
        course = self.course(self.get_argument("course", None))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["course", "question", "round", "option_number", "option", "count"])
        for qid, rnd, option, count in self.store.all_counts(course):
            text = self.pulse.questions[qid].options[option] if qid in self.pulse.questions else ""
            writer.writerow([course, qid, rnd, option, text, count])
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="pulse-{course}.csv"')
        self.finish(out.getvalue())


class PageHandler(Base):
    """The live page (instructors): bars per option, refreshed every 2 s, for a projector."""

    needs_user = False

    def no_user(self) -> None:  # a browser without a session goes through the hub's OAuth
        pass

    def get(self) -> None:
        if self.user is None:
            self.redirect(self.get_login_url())
            return
        if not self.is_instructor():
            raise PulseError(
                403,
                f"the live page is for members of the hub group "
                f"{self.pulse.instructors_group!r}; students answer in their notebooks",
            )
        course = self.course(self.get_argument("course", None))
        qid = self.get_argument("question", None)
        if qid is not None:
            self.question(qid)
        config = {
            "course": course,
            "question": qid,
            "xsrf": self.xsrf_token.decode("ascii"),
            "questions": [
                {"id": p.id, "notebook": p.notebook, "question": p.question}
                for p in self.pulse.questions.values()
            ],
        }
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        # JSON inside <script type="application/json">: only "</" could end the element early.
        self.finish(LIVE_PAGE.replace("__CONFIG__", json.dumps(config).replace("</", "<\\/")))


class CallbackHandler(HubOAuthCallbackHandler):
    """The end of the hub's OAuth dance: sets the cookie, then back to the live page."""

    def initialize(self, hub_auth: HubOAuth) -> None:
        self.hub_auth = hub_auth


class HealthHandler(web.RequestHandler):
    """GET -> {"ok": true}: no identity needed, nothing about answers."""

    def get(self) -> None:
        self.finish({"ok": True, "pid": os.getpid()})


def make_app(store: Store, settings: Settings, hub_auth: HubOAuth, prefix: str) -> web.Application:
    """The tornado application under ``prefix`` (e.g. ``/services/pulse/``)."""
    kw = {
        "store": store,
        "settings": settings,
        "hub_auth": hub_auth,
        "limiter": RateLimiter(settings.rate_per_minute),
    }
    return web.Application(
        [
            (prefix, PageHandler, kw),
            (prefix + "oauth_callback", CallbackHandler, {"hub_auth": hub_auth}),
            (prefix + "api/submit", SubmitHandler, kw),
            (prefix + "api/spread", SpreadHandler, kw),
            (prefix + "api/questions", QuestionsHandler, kw),
            (prefix + "api/control", ControlHandler, kw),
            (prefix + "api/counts.csv", CsvHandler, kw),
            (prefix + "health", HealthHandler),
        ],
        cookie_secret=hmac.new(settings.secret, b"cookie", hashlib.sha256).digest(),
    )
