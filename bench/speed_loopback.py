"""The loopback half of ``make bench``: each page loaded by wrk, CPU from /proc.

For each school: gunicorn is started under production settings (see
loopback.py), every page's status is checked once, every page is warmed up,
then wrk loads the pages one after the other, ``--rounds`` times over, so a
slow minute of the machine falls on all pages rather than on one. Each run is
bracketed by /proc readings (proc_cpu.py) and ends when the server is idle.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from loopback import (
    PROXY_HEADERS,
    collect_static,
    flush_redis,
    free_port,
    gunicorn,
    production_env,
    session_cookies,
)
from proc_cpu import CpuMeter, CpuTime
from wrk import merged_percentile, wrk


@dataclass(frozen=True)
class Loopback:
    status: int  # of one request before the load
    cpu: CpuTime  # over every round
    served: int  # requests gunicorn logged while loaded (the divisor)
    requests: int  # requests wrk completed
    seconds: float
    errors: int  # non-2xx/3xx responses and socket errors
    p50_ms: float
    p99_ms: float

    @property
    def cpu_ms(self) -> float:
        return self.cpu.total_ms / max(self.served, 1)

    @property
    def db_ms(self) -> float:
        return self.cpu.db_ms / max(self.served, 1)

    @property
    def redis_ms(self) -> float:
        return self.cpu.redis_ms / max(self.served, 1)


def measure_loopback(args, pages, connection, tmpdir: Path, school: str, progress):
    """Per page kind, its ``Loopback`` figures.

    Starts gunicorn, checks every page's status, warms up, then loads the pages
    in interleaved rounds; gunicorn is stopped however this ends.
    """
    database = connection.settings_dict["NAME"]
    static_root = tmpdir / "static"
    if not static_root.exists():
        progress("collectstatic into a temporary STATIC_ROOT (manifest storage)")
        collect_static(
            production_env(
                database=database,
                redis_url=args.redis_url,
                static_root=str(static_root),
                port=0,
            )
        )
    port = free_port()
    env = production_env(
        database=database,
        redis_url=args.redis_url,
        static_root=str(static_root),
        port=port,
    )
    flush_redis(args.redis_url)
    name, sessions = session_cookies(env, sorted({p.user for p in pages if p.user}))
    cookies = {email: f"{name}={key}" for email, key in sessions.items()}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        own_backend = cursor.fetchone()[0]
    options = {"workers": args.workers, "threads": args.threads, "tmpdir": tmpdir}
    with (
        gunicorn(env, port=port, **options) as server,
        CpuMeter(
            server_pid=server.process.pid, database=database, exclude={own_backend}
        ) as meter,
    ):
        base = f"http://127.0.0.1:{port}"

        def load(page, seconds):
            headers = dict(PROXY_HEADERS)
            if page.user:
                headers["Cookie"] = cookies[page.user]
            return wrk(
                base + page.url,
                headers=headers,
                seconds=seconds,
                connections=args.connections,
                threads=args.wrk_threads,
            )

        progress(f"{school}: gunicorn on port {port}; each page's status:")
        status = {}
        for page in pages:
            status[page.kind] = server.get(page.url, cookies.get(page.user))
            progress(f"  {status[page.kind]}  {page.label}  {page.url}")
        for page in pages:
            load(page, args.warmup_seconds)
        meter.settled(server.access_log.count)
        runs = defaultdict(list)
        cpu = defaultdict(lambda: CpuTime(0, 0))
        served = defaultdict(int)
        for round_ in range(1, args.rounds + 1):
            for page in pages:
                before = server.access_log.count()
                snapshot = meter.snapshot()
                run = load(page, args.duration)
                meter.settled(server.access_log.count)
                spent = meter.since(snapshot)
                count = server.access_log.count() - before
                served[page.kind] += count
                cpu[page.kind] += spent
                runs[page.kind].append(run)
                progress(
                    f"  round {round_}/{args.rounds}  {page.label}: "
                    f"{run.requests / run.seconds:.0f} req/s, "
                    f"{spent.total_ms / max(count, 1):.1f} ms CPU/request"
                )
    return {
        page.kind: Loopback(
            status=status[page.kind],
            cpu=cpu[page.kind],
            served=served[page.kind] or sum(r.requests for r in runs[page.kind]),
            requests=sum(r.requests for r in runs[page.kind]),
            seconds=sum(r.seconds for r in runs[page.kind]),
            errors=sum(r.status_errors + r.socket_errors for r in runs[page.kind]),
            p50_ms=merged_percentile(runs[page.kind], 0.50),
            p99_ms=merged_percentile(runs[page.kind], 0.99),
        )
        for page in pages
    }
