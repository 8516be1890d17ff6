"""Gunicorn under production settings on a loopback port, for ``make bench``.

The app runs as it does in production (docs/DEPLOY.md): ``config.settings.
production``, gunicorn ``-k gthread`` with keep-alive, the access log on,
Redis as the cache, static files collected into a manifest (a temporary
``STATIC_ROOT``). Requests carry what the proxy in front would add
(``X-Forwarded-Proto: https``, ``X-Forwarded-For``), so HTTPS redirects,
secure cookies and allauth's per-IP limits behave as they do behind nginx.
Not used: ``--max-requests`` (a worker restart mid-run would land on one
page's figures).
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}

# Run under production settings: a session for each learner, saved by the
# configured session engine (db, cached_db, …) where gunicorn will read it.
SESSIONS_CODE = """
import json, sys
import django
django.setup()
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
cookies = {}
for email in sys.argv[1:]:
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    cookies[email] = client.cookies[settings.SESSION_COOKIE_NAME].value
print("BENCH-SESSIONS", json.dumps([settings.SESSION_COOKIE_NAME, cookies]))
"""


def database_url(name: str) -> str:
    """DATABASE_URL with its database name replaced by ``name``."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path=f"/{name}"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(*, database: str, redis_url: str, static_root: str, port: int):
    """The environment production settings require, pointed at the bench's own."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_", "STRIPE_", "SECURE_", "DEBUG"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"https://127.0.0.1:{port}",
        DATABASE_URL=database_url(database),
        EMAIL_URL="consolemail://",
        STRIPE_SECRET_KEY="sk_test_bench",
        STRIPE_WEBHOOK_SECRET="whsec_bench",
        REDIS_URL=redis_url,
        STATIC_ROOT=static_root,
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def collect_static(env: dict) -> None:
    """The manifest the production storage needs, into the temporary STATIC_ROOT."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def session_cookies(env: dict, emails: list[str]) -> tuple[str, dict[str, str]]:
    """(cookie name, {email: session key}) made under the production settings."""
    if not emails:
        return "sessionid", {}
    out = subprocess.run(
        [sys.executable, "-c", SESSIONS_CODE, *emails],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    line = next(x for x in out.splitlines() if x.startswith("BENCH-SESSIONS "))
    name, cookies = json.loads(line.split(" ", 1)[1])
    return name, cookies


class AccessLog:
    """Counts the lines gunicorn's access log gains: the requests it served."""

    def __init__(self, path: Path):
        path.touch()
        self.file = open(path, "rb")  # noqa: SIM115 (read as it grows)
        self.lines = 0

    def count(self) -> int:
        self.lines += self.file.read().count(b"\n")
        return self.lines


class Server:
    """A running gunicorn: its port, its master's pid, its access log."""

    def __init__(self, process: subprocess.Popen, port: int, log: Path, access: Path):
        self.process = process
        self.port = port
        self.log = log
        self.access_log = AccessLog(access)

    def log_tail(self, lines=30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def get(self, url: str, cookie: str | None = None) -> int:
        """One request as the proxy would send it: the status code."""
        headers = dict(PROXY_HEADERS)
        if cookie:
            headers["Cookie"] = cookie
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request("GET", url, headers=headers)
            response = conn.getresponse()
            response.read()
            return response.status
        finally:
            conn.close()

    def wait_healthy(self, limit=90.0) -> None:
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_tail()}")
            try:
                if self.get("/healthz/") == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer /healthz/:\n{self.log_tail()}")


@contextmanager
def gunicorn(env: dict, *, port: int, workers: int, threads: int, tmpdir: Path):
    """Start gunicorn, wait for /healthz/, and stop it however the run ends."""
    log, access = tmpdir / "gunicorn.log", tmpdir / f"access-{port}.log"
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi",
        "-k", "gthread", "--workers", str(workers), "--threads", str(threads),
        "--bind", f"127.0.0.1:{port}", "--keep-alive", "5", "--timeout", "30",
        "--access-logfile", str(access),
    ]  # fmt: skip
    with open(log, "ab") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the bench, which stops it
        )  # fmt: skip
    server = Server(process, port, log, access)
    try:
        server.wait_healthy()
        yield server
    finally:
        _stop(process)


def _stop(process: subprocess.Popen) -> None:
    """SIGINT (gunicorn's quick shutdown), then SIGKILL to its process group."""
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        with suppress(subprocess.TimeoutExpired):
            process.wait(timeout=15)
    with suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # workers left behind, if any
    process.wait()
