"""Run the class pulse as the hub starts it: ``python -m helpers.tools.pulse [--port N]``.

Configured by the environment the hub gives a managed service (``JUPYTERHUB_API_TOKEN``,
``JUPYTERHUB_API_URL``, ``JUPYTERHUB_SERVICE_URL``, ``JUPYTERHUB_SERVICE_PREFIX``,
``JUPYTERHUB_CLIENT_ID``) and by these, all optional:

- ``PULSE_DB_URL``: an SQLAlchemy URL (default: SQLite ``pulse.sqlite`` in ``PULSE_DATA_DIR``);
- ``PULSE_DATA_DIR``: where the SQLite file and a generated secret live (default: the working
  directory, which is the hub's unless the service config sets ``cwd``);
- ``PULSE_SECRET``: the key of the voters' hashes (default: a random key kept in
  ``PULSE_DATA_DIR/pulse_secret``, made on first start). Keep it fixed: a new key makes every
  student a new voter, so an answer sent again would count twice;
- ``PULSE_COURSES``: comma-separated hub group names, one per course (default: one course,
  ``class``, open to every user the hub lets in);
- ``PULSE_INSTRUCTORS_GROUP`` (default ``instructors``), ``PULSE_RATE_PER_MINUTE`` (default 20),
  ``PULSE_RETENTION_DAYS`` (default 30; answers older than this are deleted hourly),
  ``PULSE_AUTH_CACHE_SECONDS`` (default 300, JupyterHub's own default: how long the hub's answer
  about a token, including the user's groups, is reused; a revoked token or a changed group
  takes effect within this time).
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import sys
from pathlib import Path
from urllib.parse import urlsplit

from jupyterhub.services.auth import HubOAuth
from tornado import httpserver, ioloop

from helpers.tools.pulse.app import Settings, make_app
from helpers.tools.pulse.store import Store

log = logging.getLogger("pulse")


def secret(data_dir: Path) -> bytes:
    """PULSE_SECRET, or the key kept in ``data_dir/pulse_secret`` (made once, readable by us only)."""
    if os.environ.get("PULSE_SECRET"):
        return os.environ["PULSE_SECRET"].encode()
    path = data_dir / "pulse_secret"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


def settings_from_env(data_dir: Path) -> Settings:
    courses = tuple(c.strip() for c in os.environ.get("PULSE_COURSES", "").split(",") if c.strip())
    return Settings(
        secret=secret(data_dir),
        courses=courses,
        instructors_group=os.environ.get("PULSE_INSTRUCTORS_GROUP", "instructors"),
        rate_per_minute=int(os.environ.get("PULSE_RATE_PER_MINUTE", "20")),
        retention_days=float(os.environ.get("PULSE_RETENTION_DAYS", "30")),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.tools.pulse", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--port", type=int, help="port to listen on (default: from JUPYTERHUB_SERVICE_URL)")
    parser.add_argument("--ip", help="address to listen on (default: from JUPYTERHUB_SERVICE_URL)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="[pulse %(asctime)s] %(message)s")
    if not os.environ.get("JUPYTERHUB_API_TOKEN"):
        print(
            "The class pulse runs as a JupyterHub service: start it from the hub's configuration "
            "(see docs/jupyterhub.md); JUPYTERHUB_API_TOKEN is not set.",
            file=sys.stderr,
        )
        return 2
    service_url = urlsplit(os.environ.get("JUPYTERHUB_SERVICE_URL", "http://127.0.0.1:10101"))
    port = args.port or service_url.port
    ip = args.ip or service_url.hostname or "127.0.0.1"
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/pulse/")
    data_dir = Path(os.environ.get("PULSE_DATA_DIR", ".")).resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(os.environ.get("PULSE_DB_URL") or f"sqlite:///{data_dir / 'pulse.sqlite'}")
    settings = settings_from_env(data_dir)
    hub_auth = HubOAuth(base_url=prefix, cache_max_age=int(os.environ.get("PULSE_AUTH_CACHE_SECONDS", "300")))
    app = make_app(store, settings, hub_auth, prefix)
    server = httpserver.HTTPServer(app, xheaders=True, max_body_size=64 * 1024)
    server.listen(port, ip)
    gone = store.purge(settings.retention_days)
    log.info(
        "listening on %s:%s%s (database %s, %d old answers purged)",
        ip,
        port,
        prefix,
        store.engine.url.render_as_string(hide_password=True),
        gone,
    )
    ioloop.PeriodicCallback(lambda: store.purge(settings.retention_days), 3600 * 1000).start()
    ioloop.IOLoop.current().start()
    return 0


if __name__ == "__main__":
    sys.exit(main())
