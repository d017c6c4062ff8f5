"""A real JupyterHub on 127.0.0.1 for the classroom test: start it, talk to its REST API, stop it.

The hub uses configurable-http-proxy from ``.venv/node`` (installed by ``make test``), a test-only
authenticator (nobody logs in: every request carries a service token made for this run),
``SimpleLocalProcessSpawner`` with one home folder per student under the run's temporary folder,
and single-user servers from the project's ``.venv``. Everything it starts is stopped by
:meth:`Hub.stop`, which the test calls in ``finally`` and on SIGTERM.

As docs/jupyterhub.md asks of a course hub, every single-user server gets ``PYTHONPATH`` set to the
student's pulled checkout (``~/security-framings``), so kernels import ``helpers`` from the same
pull as the notebook, ahead of any ``helpers`` installed in the environment. Other tests add their
own hub settings with ``Hub(..., extra_config=...)`` (Python appended to the configuration file)
and ``Hub(..., environment=...)`` (more variables for every single-user server).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psutil
import pytest
import requests
import websocket

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
PROXY = ROOT / ".venv" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
SERVICE = "classroom-test"
CHECKOUT = "security-framings"  # the folder nbgitpuller clones into (helpers.tools.links.folder_name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def config_text(
    workdir: Path,
    token: str,
    ports: dict[str, int],
    extra_config: str = "",
    environment: dict[str, str] | None = None,
    checkout: str = CHECKOUT,
) -> str:
    """The hub's configuration for this run (written to ``workdir/jupyterhub_config.py``)."""
    args = ["--allow-root"] if os.geteuid() == 0 else []  # as root the server refuses to start
    env = {"TMPDIR": str(workdir / "tmp"), "MPLBACKEND": "Agg", **(environment or {})}
    return f"""
import os

c = get_config()  # noqa


def pulled_checkout(spawner):
    \"\"\"The student's pulled copy of the collection: first on the path of every kernel.

    Then the test runner's own PYTHONPATH, for servers that never pull (a kernel that has pulled
    imports helpers from the pull, which comes first).
    \"\"\"
    here = os.path.join(spawner.home_dir, {checkout!r})
    return os.pathsep.join([here, *filter(None, [os.environ.get("PYTHONPATH")])])


c.JupyterHub.bind_url = "http://127.0.0.1:{ports["public"]}"
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{ports["hub"]}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{ports["proxy_api"]}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.ConfigurableHTTPProxy.pid_file = {str(workdir / "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{workdir / "jupyterhub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(workdir / "cookie_secret")!r}
c.JupyterHub.pid_file = {str(workdir / "hub.pid")!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {secrets.token_hex(16)!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(workdir / "home" / "{username}")!r}
c.Spawner.cmd = [{str(VENV_BIN / "jupyterhub-singleuser")!r}]
c.Spawner.args = {args!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 240
c.Spawner.http_timeout = 180
c.Spawner.environment = {{**{env!r}, "PYTHONPATH": pulled_checkout}}
c.JupyterHub.services = [{{"name": "{SERVICE}", "api_token": {token!r}}}]
c.JupyterHub.load_roles = [{{
    "name": "classroom-admin",
    "scopes": ["admin:users", "admin:servers", "admin:server_state", "access:servers"],
    "services": ["{SERVICE}"],
}}]
c.JupyterHub.tornado_settings = {{"slow_spawn_timeout": 0}}  # answer 202 at once, then we poll
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
{extra_config}
"""


class Hub:
    """One JupyterHub process and the requests a course admin's script would make to it."""

    def __init__(
        self,
        workdir: Path,
        extra_config: str = "",
        environment: dict[str, str] | None = None,
        checkout: str = CHECKOUT,
    ) -> None:
        self.workdir = workdir
        self.extra_config, self.environment, self.checkout = extra_config, environment, checkout
        self.token = secrets.token_hex(24)  # 48 characters; the hub accepts at most 64
        self.ports = {"public": free_port(), "hub": free_port(), "proxy_api": free_port()}
        self.url = f"http://127.0.0.1:{self.ports['public']}"
        self.http = requests.Session()
        self.http.trust_env = False  # never through an HTTP proxy from the environment
        self.http.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=32))
        self.http.headers["Authorization"] = f"token {self.token}"
        self.process: subprocess.Popen | None = None
        self.seen: set[int] = set()  # every process the hub started, to be sure they all stop

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self, timeout: float = 90) -> None:
        (self.workdir / "tmp").mkdir(parents=True, exist_ok=True)
        (self.workdir / "home").mkdir(exist_ok=True)
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(
            config_text(
                self.workdir, self.token, self.ports, self.extra_config, self.environment, self.checkout
            ),
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        env.update(
            HOME=str(self.workdir),
            TMPDIR=str(self.workdir / "tmp"),
            PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}",
        )
        self.log = open(self.workdir / "hub.log", "wb")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [str(VENV_BIN / "jupyterhub"), "-f", str(config)],
            cwd=self.workdir,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if self.http.get(f"{self.url}/hub/api/", timeout=5).ok:
                    self._remember_children()
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"the hub did not answer within {timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        path = self.workdir / "hub.log"
        text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def _remember_children(self) -> None:
        if self.process and self.process.poll() is None:
            try:
                kids = psutil.Process(self.process.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                return
            self.seen.update(p.pid for p in kids)

    def stop(self) -> list[int]:
        """Stop every server, the proxy and the hub; returns the pids that had to be killed."""
        if self.process is None:
            return []
        self._remember_children()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # the hub stops its servers and its proxy
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        killed = []
        for pid in sorted(self.seen):
            try:
                proc = psutil.Process(pid)
                proc.kill()
                proc.wait(timeout=10)
                killed.append(pid)
            except psutil.NoSuchProcess:
                pass
        self.log.close()
        self.http.close()
        self.process = None
        return killed

    # -- REST API ----------------------------------------------------------------------------
    def api(self, method: str, path: str, **kw) -> requests.Response:
        response = self.http.request(method, f"{self.url}/hub/api{path}", timeout=60, **kw)
        if response.status_code >= 400:
            raise RuntimeError(f"{method} /hub/api{path} -> {response.status_code}: {response.text[:500]}")
        return response

    def create_user(self, name: str) -> None:
        self.api("POST", f"/users/{name}")

    def start_server(self, name: str) -> None:
        self.api("POST", f"/users/{name}/server")

    def server(self, name: str) -> dict | None:
        return self.api("GET", f"/users/{name}").json()["servers"].get("")

    def wait_ready(self, name: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            server = self.server(name)
            if server and server.get("ready"):
                self._remember_children()
                return
            if server is None or not server.get("pending") and not server.get("ready"):
                raise RuntimeError(f"{name}'s server failed to start:\n{self.log_tail()}")
            time.sleep(0.5)
        raise RuntimeError(f"{name}'s server was not ready within {timeout} s:\n{self.log_tail()}")

    def server_pid(self, name: str) -> int:
        return int(self.server(name)["state"]["pid"])

    # -- one student's server ----------------------------------------------------------------
    def user_get(self, name: str, path: str, **kw) -> requests.Response:
        response = self.http.get(f"{self.url}/user/{name}/{path}", timeout=120, **kw)
        response.raise_for_status()
        return response

    def pull(self, name: str, query: str, timeout: float = 120) -> list[dict]:
        """Run nbgitpuller's pull for this student and return its events up to 'finished'."""
        events = []
        with self.http.get(
            f"{self.url}/user/{name}/git-pull/api?{query}", stream=True, timeout=timeout
        ) as response:
            response.raise_for_status()
            for line in response.iter_lines(decode_unicode=True):
                if line and line.startswith("data:"):
                    event = json.loads(line[5:])
                    events.append(event)
                    if event.get("phase") in ("finished", "error"):
                        break
        return events

    def contents(self, name: str, path: str) -> dict:
        return self.user_get(name, f"api/contents/{path}", params={"content": 1}).json()

    def save(self, name: str, path: str, model: dict) -> None:
        url = f"{self.url}/user/{name}/api/contents/{path}"
        self.http.put(url, json=model, timeout=60).raise_for_status()

    def open_session(self, name: str, path: str) -> str:
        """Open the notebook as JupyterLab does (a session starts a kernel in its folder)."""
        body = {"path": path, "type": "notebook", "name": Path(path).name, "kernel": {"name": "python3"}}
        response = self.http.post(f"{self.url}/user/{name}/api/sessions", json=body, timeout=120)
        response.raise_for_status()
        return response.json()["kernel"]["id"]

    def restart_kernel(self, name: str, kernel_id: str) -> None:
        """Restart a kernel, as Kernel > Restart Kernel does (modules imported before are forgotten)."""
        url = f"{self.url}/user/{name}/api/kernels/{kernel_id}/restart"
        self.http.post(url, timeout=120).raise_for_status()

    def execute_notebook(
        self, name: str, kernel_id: str, cells: list[dict], cell_timeout: float = 180
    ) -> list[list[dict]]:
        """Run each code cell through the kernel's websocket; return each cell's outputs."""
        # With a session id, as JupyterLab connects (without one the server logs a warning).
        ws_url = (
            f"ws://127.0.0.1:{self.ports['public']}/user/{name}/api/kernels/{kernel_id}/channels"
            f"?session_id={uuid.uuid4().hex}"
        )
        try:
            ws = websocket.create_connection(
                ws_url, header=[f"Authorization: token {self.token}"], timeout=cell_timeout
            )
        except websocket.WebSocketConnectionClosedException as exc:
            raise WebsocketLost(f"during the websocket handshake, before any cell ran: {exc}") from exc
        code = [cell["source"] for cell in cells if cell["cell_type"] == "code"]
        outputs: list[list[dict]] = []
        try:
            for source in code:
                try:
                    outputs.append(_run_cell(ws, source, cell_timeout))
                except websocket.WebSocketConnectionClosedException as exc:
                    raise WebsocketLost(f"after {len(outputs)} of {len(code)} cells: {exc}") from exc
            return outputs
        finally:
            ws.close()


class WebsocketLost(websocket.WebSocketConnectionClosedException):
    """The kernel websocket's connection ended without a close frame; the message says when."""


def _run_cell(ws: websocket.WebSocket, code: str, timeout: float) -> list[dict]:
    msg_id = uuid.uuid4().hex
    ws.send(
        json.dumps(
            {
                "header": {
                    "msg_id": msg_id,
                    "msg_type": "execute_request",
                    "username": "student",
                    "session": uuid.uuid4().hex,
                    "version": "5.3",
                },
                "parent_header": {},
                "metadata": {},
                "channel": "shell",
                "buffers": [],
                "content": {
                    "code": code,
                    "silent": False,
                    "store_history": True,
                    "user_expressions": {},
                    "allow_stdin": False,
                    "stop_on_error": True,
                },
            }
        )
    )
    outputs: list[dict] = []
    idle = replied = False
    deadline = time.monotonic() + timeout
    while not (idle and replied):
        if time.monotonic() > deadline:
            raise TimeoutError(f"cell did not finish within {timeout} s: {code[:80]!r}")
        msg = _decode(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if msg["channel"] == "shell" and kind == "execute_reply":
            replied = True
            if msg["content"]["status"] == "error":
                outputs.append({"output_type": "error", **msg["content"]})
        elif kind == "status":
            idle = msg["content"]["execution_state"] == "idle"
        elif kind in ("stream", "display_data", "execute_result", "error"):
            outputs.append({"output_type": kind, **msg["content"]})
    return outputs


def _decode(frame: str | bytes) -> dict:
    """A kernel message from a websocket frame; binary frames carry widget buffers after the JSON."""
    if isinstance(frame, str):
        return json.loads(frame)
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 + 4 * i : 8 + 4 * i], "big") for i in range(count)]
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0] : end].decode("utf-8"))


def rss_mb(pid: int) -> tuple[float, float]:
    """Resident memory (MB) of a server process and, separately, of its kernels."""
    proc = psutil.Process(pid)
    kernels = sum(p.memory_info().rss for p in proc.children(recursive=True))
    return proc.memory_info().rss / 1e6, kernels / 1e6


def node_missing() -> str | None:
    """Why the classroom cannot run here (no Node.js), or None."""
    if shutil.which("node") is None:
        return "Node.js is absent: JupyterHub's proxy (configurable-http-proxy) needs it"
    return None


def require_proxy() -> None:
    """Skip without Node.js; fail if it is too old for the proxy or the proxy is not installed."""
    reason = node_missing()
    if reason:
        pytest.skip(reason)
    assert node_major() >= 20, "configurable-http-proxy 5 needs Node.js 20 or later"
    assert PROXY.exists(), f"{PROXY} is missing: `make test` installs it (target .venv/node/.installed)"


def node_major() -> int:
    """The major version of the Node.js on PATH (configurable-http-proxy 5 needs 20 or later)."""
    out = subprocess.run(["node", "--version"], capture_output=True, text=True, check=True).stdout
    return int(out.strip().lstrip("v").split(".")[0])
