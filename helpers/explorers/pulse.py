"""The prediction widget: commit to a prediction, see the room's spread once revealed, then flip.

``ask("04-indivisible")`` shows the question from ``helpers/data/predictions.toml`` as a labelled
radio group and a "Commit my prediction" button. On a course hub that runs the class pulse
service (the hub sets ``PULSE_URL`` in every student's server; the server's own
``JUPYTERHUB_API_TOKEN`` identifies the student), committing sends the answer and "See the class's
answers" shows the spread after the teacher has revealed it. Anywhere else (Binder, ``make lab``,
the notebook tests) it works alone: the prediction is kept on the page and the widget says that no
class is connected. It never raises and never waits long: every call to the service has a short
timeout, and any failure is shown as one line under the buttons.
"""

from __future__ import annotations

import html
import json
import os
import urllib.error
import urllib.request
import weakref
from dataclasses import dataclass
from typing import Any, ClassVar

import ipywidgets as W

from helpers.explorers import access
from helpers.sources import predictions

TIMEOUT = 3.0  # seconds; a class waiting for a reply would rather see a message
_LABEL_STYLE = {"description_width": "initial"}


@dataclass(frozen=True)
class Reply:
    """What the service answered: HTTP status (0 if it could not be reached) and the JSON body."""

    status: int
    body: dict[str, Any]

    @property
    def error(self) -> str:
        return str(self.body.get("error", ""))


@dataclass(frozen=True)
class Client:
    """Talks to the class pulse service as this student (the server's hub token)."""

    url: str  # ends with "/"
    token: str
    course: str | None = None
    timeout: float = TIMEOUT

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Client | None:
        """The client for this kernel, or None when no class pulse is configured (no network then)."""
        env = os.environ if env is None else env
        url, token = env.get("PULSE_URL", "").strip(), env.get("JUPYTERHUB_API_TOKEN", "").strip()
        if not url or not token:
            return None
        return cls(url if url.endswith("/") else url + "/", token, env.get("PULSE_COURSE") or None)

    def _request(self, method: str, path: str, body: dict | None = None) -> Reply:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(
            self.url + path,
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never an HTTP proxy
        try:
            with opener.open(request, timeout=self.timeout) as response:
                return Reply(response.status, _json(response.read()))
        except urllib.error.HTTPError as error:
            return Reply(error.code, _json(error.read()))
        except (OSError, ValueError) as error:  # refused, timed out, bad URL
            reason = getattr(error, "reason", error)
            return Reply(0, {"error": f"the class pulse did not answer ({reason})"})

    def submit(self, question: str, option: str) -> Reply:
        body = {"question": question, "option": option}
        if self.course:
            body["course"] = self.course
        return self._request("POST", "api/submit", body)

    def spread(self, question: str) -> Reply:
        query = f"question={question}" + (f"&course={self.course}" if self.course else "")
        return self._request("GET", f"api/spread?{query}")


def _json(raw: bytes) -> dict[str, Any]:
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        return {"error": raw[:200].decode("utf-8", "replace")}
    return data if isinstance(data, dict) else {"error": str(data)[:200]}


def spread_html(options: tuple[str, ...] | list[str], counts: list[int]) -> str:
    """The class's answers as text (count and share per option) with a bar beside each."""
    total = sum(counts)
    most = max([1, *counts])
    rows = []
    for option, n in zip(options, counts, strict=True):
        share = round(100 * n / total) if total else 0
        bar = (
            f'<span aria-hidden="true" style="display:inline-block;height:0.9em;'
            f'width:{12 * n / most:.2f}em;background:#0072B2;margin-right:0.5em"></span>'
        )
        rows.append(f"<li>{bar}<b>{n}</b> ({share}%) {html.escape(option)}</li>")
    return (
        f"<p><b>The class's answers</b> ({total} in all):</p>"
        f'<ul style="list-style:none;padding-left:0;line-height:1.6">{"".join(rows)}</ul>'
    )


class Pulse:
    """One prediction: a radio group, a commit button, the spread on request, one status line."""

    # Every live widget, so a test driving a kernel can find the one a notebook cell displayed.
    instances: ClassVar[weakref.WeakSet] = weakref.WeakSet()

    def __init__(self, pid: str, client: Client | None = None) -> None:
        self.prediction = predictions.get(pid)
        Pulse.instances.add(self)
        self.client = client
        p = self.prediction
        self.choice = W.RadioButtons(
            options=list(p.options),
            value=None,
            description="Your prediction:",
            tooltip="",
            style=_LABEL_STYLE,
            layout=W.Layout(width="auto"),
        )
        self.commit_button = W.Button(
            description="Commit my prediction",
            # white on #1A4F8B, 8.3:1 (the "info" style is 3.5:1; issue 16)
            style={"button_color": access.FOCUS, "text_color": access.BUTTON_TEXT},
            tooltip="Commit to this answer before you flip the control",
            layout=W.Layout(width="auto"),  # the whole label, not "Commit my predi..."
        )
        self.spread_button = W.Button(
            description="See the class's answers",
            tooltip="Shown once the teacher reveals them",
            layout=W.Layout(width="auto"),
        )
        self.line = access.html_widget()
        self.spread = access.html_widget()
        self.committed: str | None = None
        self.commit_button.on_click(lambda _b: self.commit())
        self.spread_button.on_click(lambda _b: self.show_spread())
        where = (
            "Your answer goes to the class pulse."
            if client
            else "No class is connected: your prediction stays on this page."
        )
        self.widget = access.mark(
            W.VBox(
                [
                    access.style_widget(),
                    access.html_widget(f"<p><b>Predict, then flip.</b> {html.escape(p.question)}</p>"),
                    self.choice,
                    W.HBox([self.commit_button, self.spread_button]),
                    self.line,
                    self.spread,
                    access.html_widget(f'<p style="color:#333"><i>{html.escape(where)}</i></p>'),
                ]
            )
        )

    def _say(self, text: str) -> str:
        self.line.value = f'<p style="line-height:1.45">{html.escape(text)}</p>'
        return text

    def commit(self) -> str:
        """Commit the chosen option (send it if a class is connected); returns the line shown."""
        try:
            return self._commit()
        except Exception as error:  # the widget must never break the notebook
            return self._say(f"Something went wrong: {type(error).__name__}: {error}")

    def _commit(self) -> str:
        option = self.choice.value
        if option is None:
            return self._say("Choose an option first, then commit.")
        flip = f"Now flip the control: {self.prediction.flip}"
        if self.client is None:
            self.committed = option
            return self._say(f"Committed: “{option}”. No class is connected, so it stays here. {flip}")
        reply = self.client.submit(self.prediction.id, option)
        if reply.status == 200:
            self.committed = option
            return self._say(
                f"Sent to the class: “{option}” (round {reply.body.get('round', '?')}). "
                f"You can change it and commit again while the question is open. {flip}"
            )
        if reply.status == 409:
            return self._say(
                "The teacher has not opened this question (or has closed it). "
                "Your choice is kept here; commit again when it opens."
            )
        return self._say(f"Not sent: {reply.error or reply.status}. Your choice is kept here.")

    def show_spread(self) -> str:
        """Fetch and show the class's answers if revealed; returns the line shown."""
        try:
            if self.client is None:
                return self._say("No class is connected, so there are no class answers to show.")
            reply = self.client.spread(self.prediction.id)
            if reply.status == 200:
                self.spread.value = spread_html(reply.body["options"], reply.body["counts"])
                return self._say("The teacher has revealed the class's answers.")
            if reply.status == 403 and "not revealed" in reply.error:
                return self._say("The teacher has not revealed the class's answers yet.")
            return self._say(f"Could not get the class's answers: {reply.error or reply.status}.")
        except Exception as error:
            return self._say(f"Something went wrong: {type(error).__name__}: {error}")

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        return self.widget._repr_mimebundle_(**kwargs)


def ask(pid: str) -> Pulse:
    """The prediction widget for one predict-then-flip moment (an id in predictions.toml)."""
    return Pulse(pid, Client.from_env())
