"""The prediction widget: alone it says no class is connected; on a hub it talks to the service.

The connected tests use the service and fake hub of ``test_pulse_service`` in this process, so
the widget's requests, the service's answers and the lines a student reads are all real.
"""

from __future__ import annotations

import socket
import threading
import time

import ipywidgets as W
import pytest

from helpers.explorers import pulse
from helpers.sources import predictions
from tests.test_pulse_service import Q, Running


def test_no_hub_no_client_and_no_network():
    assert pulse.Client.from_env({}) is None
    binder_like = {"JUPYTERHUB_API_TOKEN": "abc", "JUPYTERHUB_PUBLIC_HUB_URL": "https://hub.example/hub/"}
    assert pulse.Client.from_env(binder_like) is None  # a hub, but no class pulse configured
    client = pulse.Client.from_env(
        {"JUPYTERHUB_API_TOKEN": "abc", "PULSE_URL": "http://h/services/pulse", "PULSE_COURSE": "sf-a"}
    )
    assert client == pulse.Client("http://h/services/pulse/", "abc", "sf-a")


def test_alone_it_commits_locally_and_says_no_class_is_connected():
    widget = pulse.Pulse("00-turkey", client=None)
    assert "Choose an option first" in widget.commit()
    widget.choice.value = "Inside NATO, outside the EU"
    line = widget.commit()
    assert "No class is connected" in line and "Now flip the control" in line
    assert widget.committed == "Inside NATO, outside the EU"
    assert "No class is connected" in widget.show_spread()
    assert "No class is connected" in widget.widget.children[-1].value


def test_ask_builds_from_the_environment(monkeypatch):
    monkeypatch.delenv("PULSE_URL", raising=False)
    widget = pulse.ask("09-times-100")
    assert widget.client is None
    assert list(widget.choice.options) == list(predictions.get("09-times-100").options)
    with pytest.raises(ValueError, match="valid ids are"):
        pulse.ask("99-nothing")


def test_controls_are_named_for_assistive_technology():
    widget = pulse.Pulse("04-indivisible")
    assert isinstance(widget.choice, W.RadioButtons) and widget.choice.description == "Your prediction:"
    assert widget.choice.value is None  # nothing chosen for the student
    assert widget.commit_button.description == "Commit my prediction"
    assert widget.spread_button.description == "See the class's answers"


def test_the_spread_is_text_with_bars_beside_it():
    shown = pulse.spread_html(["yes", "no <b>"], [3, 1])
    assert "<b>3</b> (75%) yes" in shown and "<b>1</b> (25%) no &lt;b&gt;" in shown
    assert 'aria-hidden="true"' in shown and "4 in all" in shown


@pytest.fixture
def svc(tmp_path):
    running = Running(tmp_path)
    yield running
    running.stop()


def test_connected_commit_then_reveal_then_spread(svc):
    client = pulse.Client(svc.url, "tok-ana", "sf-a")
    widget = pulse.Pulse(Q, client)
    widget.choice.value = widget.prediction.options[1]
    assert "has not opened this question" in widget.commit()
    svc.control("open")
    assert "Sent to the class" in widget.commit() and "(round 1)" in widget.line.value
    assert "not revealed the class's answers yet" in widget.show_spread()
    svc.control("reveal")
    assert "has revealed" in widget.show_spread()
    assert "<b>1</b> (100%)" in widget.spread.value
    assert svc.store.total_answers() == 1


def test_a_refusal_is_one_line_not_an_exception(svc):
    widget = pulse.Pulse(Q, pulse.Client(svc.url, "tok-expired", "sf-a"))
    widget.choice.value = widget.prediction.options[0]
    assert "Not sent: no valid hub token" in widget.commit()
    assert "Could not get the class's answers: no valid hub token" in widget.show_spread()


def test_an_unreachable_service_is_reported_quickly():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens here
    widget = pulse.Pulse(Q, pulse.Client(f"http://127.0.0.1:{port}/services/pulse/", "t"))
    widget.choice.value = widget.prediction.options[0]
    assert "did not answer" in widget.commit()


def test_a_silent_service_times_out_instead_of_blocking():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    accepted = []
    threading.Thread(target=lambda: accepted.append(server.accept()), daemon=True).start()
    try:
        client = pulse.Client(f"http://127.0.0.1:{server.getsockname()[1]}/", "t", timeout=0.5)
        widget = pulse.Pulse(Q, client)
        widget.choice.value = widget.prediction.options[0]
        start = time.monotonic()
        line = widget.commit()
        assert time.monotonic() - start < 3
        assert "did not answer" in line and "kept here" in line
    finally:
        server.close()


def test_buttons_are_wide_enough_for_their_labels():
    """ipywidgets' default button width cuts 'Commit my prediction' short (seen in Chromium)."""
    widget = pulse.Pulse("00-turkey")
    assert widget.commit_button.layout.width == "auto" and widget.spread_button.layout.width == "auto"
