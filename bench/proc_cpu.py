"""CPU time of the app server and of its PostgreSQL backends, read from /proc.

Throughput over loopback swings with whatever else the machine runs; the CPU
time the server and the database spend per request hardly does
(STACK-NOTES.md, "Measuring CPU per request"). This meter sums ``utime +
stime`` (fields 14 and 15 of ``/proc/<pid>/stat``, in clock ticks) of:

- the gunicorn master and every process whose parent it is (its workers);
- every PostgreSQL client backend connected to the benchmark's database (its
  process title names the database), and the parallel workers those start;
- apart, the Redis server (``redis-server``): the shared cache that now
  answers much of what the database used to. It is not in CPU/req (the
  issue's measure: the app server and the database), and it counts whatever
  else uses that Redis server meanwhile.

Backends come and go while a load runs (``CONN_MAX_AGE`` closes a connection
after a minute, a worker may be replaced), so a thread scans ``/proc`` a few
times a second and keeps the last reading of every process it has seen: a
process that exits between two scans loses at most one interval of its time.
Autovacuum, the checkpointer and other databases' backends are not counted.
"""

from __future__ import annotations

import os
import re
import threading
import time
from dataclasses import dataclass

TICK_MS = 1000 / os.sysconf("SC_CLK_TCK")
# "postgres: 15/main: postgres practicum_bench 127.0.0.1(40312) idle": the
# cluster name is optional, then user, database, client address.
BACKEND_TITLE = re.compile(
    r"^postgres: (?:\S+: )?\S+ (?P<db>\S+) (?:\S+\(\d+\)|\[local\])(?: |$)"
)
IDLE_MS = 20  # per half second: heartbeats, not requests
PARALLEL_TITLE = re.compile(r"^postgres: (?:\S+: )?parallel worker for PID (\d+)")


@dataclass(frozen=True)
class CpuTime:
    """Milliseconds of CPU: the app server, the database, and Redis apart."""

    app_ms: float
    db_ms: float
    redis_ms: float = 0.0

    @property
    def total_ms(self) -> float:
        """The app server's and the database's (Redis is not counted in)."""
        return self.app_ms + self.db_ms

    def __add__(self, other: CpuTime) -> CpuTime:
        return CpuTime(
            self.app_ms + other.app_ms,
            self.db_ms + other.db_ms,
            self.redis_ms + other.redis_ms,
        )


def _read_stat(pid: str) -> tuple[int, int, int, str] | None:
    """(ppid, starttime, utime + stime, comm) of a process, None if it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            raw = f.read().decode(errors="replace")
    except OSError:
        return None
    # comm is in parentheses and may hold spaces: split after the last ")".
    comm = raw[raw.index("(") + 1 : raw.rindex(")")]
    fields = raw[raw.rindex(")") + 2 :].split()
    # fields[0] is field 3 (state): field N is fields[N - 3].
    return int(fields[1]), int(fields[19]), int(fields[11]) + int(fields[12]), comm


def _title(pid: str) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().split(b"\0")[0].decode(errors="replace").strip()
    except OSError:
        return ""


class CpuMeter:
    """Scan /proc in a thread; ``snapshot()`` and ``since()`` bracket a load run."""

    def __init__(
        self, *, server_pid: int, database: str, exclude: set[int], interval=0.2
    ):
        self.server_pid = server_pid
        self.database = database
        self.exclude = {str(pid) for pid in exclude}
        self.interval = interval
        self._ignored: set[str] = set()
        self._kind: dict[tuple[str, int], str] = {}  # (pid, start) -> app | db
        self._ticks: dict[tuple[str, int], int] = {}  # last reading
        self._lock = threading.Lock()
        self._scanning = threading.Lock()  # one scan at a time
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> CpuMeter:
        self.scan()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.wait(self.interval):
            self.scan()

    def _classify(self, pid: str, ppid: int, comm: str) -> str | None:
        """app, db, redis, None (not ours), or "" (a backend still starting up)."""
        if pid in self.exclude:
            return None
        if int(pid) == self.server_pid or ppid == self.server_pid:
            return "app"
        if comm == "redis-server":
            return "redis"
        if comm != "postgres":
            return None
        title = _title(pid)
        if not title.startswith("postgres:"):
            return ""  # just forked: its title comes a moment later
        match = BACKEND_TITLE.match(title)
        if match:
            return "db" if match["db"] == self.database else None
        leader = PARALLEL_TITLE.match(title)
        if leader:
            with self._lock:
                ours = any(k[0] == leader[1] for k in self._kind)
            return "db" if ours else None
        return None

    def scan(self) -> None:
        """Read every process of ours once; remember the others to skip them."""
        with self._scanning:
            self._scan()

    def _scan(self) -> None:
        for pid in os.listdir("/proc"):
            if not pid.isdigit() or pid in self._ignored:
                continue
            stat = _read_stat(pid)
            if stat is None:
                continue
            ppid, start, ticks, comm = stat
            key = (pid, start)
            with self._lock:
                kind = self._kind.get(key)
            if kind is None:
                kind = self._classify(pid, ppid, comm)
                if kind is None:
                    self._ignored.add(pid)
                    continue
                if not kind:
                    continue
            with self._lock:
                self._kind[key] = kind
                self._ticks[key] = ticks

    def snapshot(self) -> dict[tuple[str, int], int]:
        self.scan()
        with self._lock:
            return dict(self._ticks)

    def since(self, snapshot: dict[tuple[str, int], int]) -> CpuTime:
        """CPU spent since ``snapshot`` (processes born since count in full)."""
        self.scan()
        spent = {"app": 0, "db": 0, "redis": 0}
        with self._lock:
            for key, ticks in self._ticks.items():
                spent[self._kind[key]] += ticks - snapshot.get(key, 0)
        return CpuTime(
            spent["app"] * TICK_MS, spent["db"] * TICK_MS, spent["redis"] * TICK_MS
        )

    def settled(self, served, quiet=0.5, limit=30.0) -> None:
        """Wait until the server and its backends are idle and ``served()`` holds.

        When the load tool stops, requests it cut off are still being answered;
        their CPU belongs to this run, so the run ends when that work does.
        """
        deadline = time.monotonic() + limit
        before, count = self.snapshot(), served()
        while time.monotonic() < deadline:
            time.sleep(quiet)
            now, new_count = self.snapshot(), served()
            busy = sum(
                ticks - before.get(key, 0)
                for key, ticks in now.items()
                if self._kind[key] != "redis"  # shared: other clients may use it
            )
            if new_count == count and busy * TICK_MS <= IDLE_MS:
                return
            before, count = now, new_count
