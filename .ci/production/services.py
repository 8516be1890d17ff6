"""The production parts of the scenario, each on its own port in one temp folder.

PostgreSQL (its own cluster, initdb + pg_ctl), Redis, moto's S3 server, two
gunicorn instances of config.settings.production behind Debian's nginx, and
one ``manage.py db_worker``. Nothing here touches the machine's own services:
every process is started by ``Stack`` and stopped by ``Stack.stop``.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PYTHON = str(REPO / ".venv" / "bin" / "python")
BIN = REPO / ".venv" / "bin"
PG_PORT, REDIS_PORT, S3_PORT, PROXY_PORT = 55432, 56379, 55000, 58080
APP_PORTS = (58001, 58002)
BUCKET = "practicum-media"
WEBHOOK_SECRET = "whsec_scenario"  # noqa: S105 (a throwaway, for this scenario)

NGINX_CONF = """
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
  access_log {tmp}/nginx-access.log;
  client_body_temp_path {tmp}/nginx-body;
  proxy_temp_path {tmp}/nginx-proxy;
  fastcgi_temp_path {tmp}/nginx-fastcgi;
  uwsgi_temp_path {tmp}/nginx-uwsgi;
  scgi_temp_path {tmp}/nginx-scgi;
  upstream practicum {{
    server 127.0.0.1:{a} max_fails=1 fail_timeout=3s;
    server 127.0.0.1:{b} max_fails=1 fail_timeout=3s;
    keepalive 16;
  }}
  server {{
    listen 127.0.0.1:{proxy};
    location / {{
      proxy_pass http://practicum;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # Retry on the other instance only what is safe: nginx never resends a
      # POST (non_idempotent is not listed).
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 2;
      client_max_body_size 50m;
    }}
  }}
}}
"""


def pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        sys.exit(f"no {name} under /usr/lib/postgresql/*/bin")
    return found[-1]


def wait_port(port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.2)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing answered on port {port} within {seconds} s")


class Stack:
    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.procs: dict[str, subprocess.Popen] = {}
        self.as_postgres = os.geteuid() == 0  # initdb refuses to run as root
        self.pgdata = tmp / "pg"
        self.mail_web = tmp / "mail-web"
        self.mail_worker = tmp / "mail-worker"

    # -- environments

    def environment(self, *, mail: Path) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.tmp),
            "PYTHONUNBUFFERED": "1",
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "scenario-" + "x" * 60,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": f"http://127.0.0.1:{PROXY_PORT}",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{PG_PORT}/practicum",
            "EMAIL_URL": f"filemail:///{mail}",
            "STRIPE_SECRET_KEY": "sk_test_scenario",
            "STRIPE_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "TASKS_BACKEND": "database",
            "SECURE_SSL_REDIRECT": "false",  # TLS is left out of the scenario
            "STATIC_ROOT": str(self.tmp / "static"),
            "AWS_STORAGE_BUCKET_NAME": BUCKET,
            "AWS_S3_ENDPOINT_URL": f"http://127.0.0.1:{S3_PORT}",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "scenario",
            "AWS_SECRET_ACCESS_KEY": "scenario",
            "LOG_LEVEL": "WARNING",
        }

    def web_env(self) -> dict[str, str]:
        return self.environment(mail=self.mail_web)

    def manage(self, *args: str, env: dict | None = None, check=True) -> str:
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=REPO,
            env=env or self.web_env(),
            capture_output=True,
            text=True,
            timeout=180,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)}:\n{result.stderr[-3000:]}")
        return result.stdout

    def manage_in_background(self, *args: str) -> subprocess.Popen:
        log = open(self.tmp / f"{args[0]}.log", "ab")  # noqa: SIM115 (kept open)
        return subprocess.Popen(
            [PYTHON, "manage.py", *args], cwd=REPO, env=self.web_env(),
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def shell(self, code: str) -> str:
        return self.manage("shell", "-c", code).strip()

    # -- processes

    def start(self, name: str, argv: list[str], env=None, port: int | None = None):
        log = open(self.tmp / f"{name}.log", "ab")  # noqa: SIM115 (kept open)
        self.procs[name] = subprocess.Popen(
            argv,
            cwd=REPO,
            env=env or self.web_env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.record(f"pid {self.procs[name].pid}")
        if port:
            wait_port(port)

    def record(self, line: str) -> None:
        """For ``run``'s trap, should this driver die before ``stop``."""
        if os.environ.get("SCENARIO_PIDS"):
            with open(os.environ["SCENARIO_PIDS"], "a") as pids:
                pids.write(line + "\n")

    def kill(self, name: str, sig=signal.SIGTERM) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=5)

    def _pg(self, *args: str) -> None:
        argv = [pg_bin(args[0]), *args[1:]]
        if self.as_postgres:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        subprocess.run(argv, check=True, capture_output=True, timeout=120)

    def postgres_start(self) -> None:
        if not self.pgdata.exists():
            self.pgdata.mkdir()
            if self.as_postgres:
                shutil.chown(self.pgdata, "postgres")
            self._pg("initdb", "-D", str(self.pgdata), "-U", "postgres",
                     "--auth=trust", "--no-sync")  # fmt: skip
        self.record(f"pg {self.pgdata}")
        self.postgres("start")
        subprocess.run(
            [pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(PG_PORT), "-U",
             "postgres", "practicum"], check=False, capture_output=True,
        )  # fmt: skip

    def postgres(self, action: str) -> None:
        # A throwaway cluster: no fsync (a clean restart still checkpoints first).
        options = (
            f"-p {PG_PORT} -c listen_addresses=127.0.0.1 -k {self.pgdata}"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        log = str(self.pgdata / "server.log")
        self._pg("pg_ctl", "-D", str(self.pgdata), "-o", options, "-l", log,
                 "-w", "-m", "fast", action)  # fmt: skip

    def redis_start(self) -> None:
        self.start(
            "redis",
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--dir", str(self.tmp)],
            port=REDIS_PORT,
        )  # fmt: skip

    def s3_start(self) -> None:
        self.start(
            "moto",
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(S3_PORT)],
            port=S3_PORT,
        )
        import boto3

        boto3.client(
            "s3",
            endpoint_url=f"http://127.0.0.1:{S3_PORT}",
            region_name="us-east-1",
            aws_access_key_id="scenario",
            aws_secret_access_key="scenario",
        ).create_bucket(Bucket=BUCKET)

    def app_start(self, index: int) -> None:
        port = APP_PORTS[index]
        self.start(
            f"app{index}",
            [str(BIN / "gunicorn"), "config.wsgi", "-k", "gthread", "--threads", "4",
             "-w", "2", "--bind", f"127.0.0.1:{port}", "--timeout", "30",
             "--graceful-timeout", "5"],
            port=port,
        )  # fmt: skip

    def worker_start(self) -> None:
        """The worker under a supervisor that restarts it (systemd's
        ``Restart=always``, docs/DEPLOY.md): db_worker exits when PostgreSQL
        goes away, and the queue waits in the database meanwhile."""
        env = self.environment(mail=self.mail_worker)
        worker = f"{PYTHON} manage.py db_worker --queue-name '*' --interval 0.2"
        loop = (
            f"while true; do {worker}; echo 'worker exited: restarting'; sleep 1; done"
        )
        self.start("worker", ["bash", "-c", loop], env=env)

    def worker_restarts(self) -> int:
        log = (self.tmp / "worker.log").read_text()
        return log.count("worker exited: restarting")

    def nginx_start(self) -> None:
        conf = self.tmp / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                tmp=self.tmp, a=APP_PORTS[0], b=APP_PORTS[1], proxy=PROXY_PORT
            )
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        argv = [nginx, "-c", str(conf), "-p", str(self.tmp), "-e",
                str(self.tmp / "nginx-error.log"), "-g", "daemon off;"]  # fmt: skip
        self.start("nginx", argv, port=PROXY_PORT)

    def stop(self) -> None:
        for name in list(self.procs)[::-1]:
            self.kill(name)
        if (self.pgdata / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self.postgres("stop")
        if os.environ.get("SCENARIO_PIDS"):  # all stopped: nothing for the trap
            open(os.environ["SCENARIO_PIDS"], "w").close()
