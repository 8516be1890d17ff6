"""One wrk run, read back through its Lua ``done`` hook, and rounds merged.

wrk (Debian's package) keeps its connections alive and records every
request's latency. Its ``done`` hook prints the counts and the latency at
every 0.1 percentile as one JSON line, so the rounds of a page can be merged
into one distribution (each round weighted by the requests it served) rather
than averaging percentiles.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass

DONE_HOOK = """
done = function(summary, latency, requests)
  local e = summary.errors
  local p = {}
  for i = 1, 1000 do p[i] = latency:percentile(i / 10) end
  io.write(string.format(
    'BENCH-WRK {"requests": %d, "duration_us": %d, "status": %d, '
    .. '"connect": %d, "read": %d, "write": %d, "timeout": %d, '
    .. '"percentiles_us": [%s]}\\n',
    summary.requests, summary.duration, e.status,
    e.connect, e.read, e.write, e.timeout, table.concat(p, ",")))
end
"""


@dataclass(frozen=True)
class WrkRun:
    requests: int
    seconds: float
    status_errors: int  # responses other than 2xx and 3xx
    socket_errors: int  # connect, read, write, timeout
    percentiles_us: tuple[float, ...]  # 0.1 %, 0.2 %, … 100 %


def wrk_version() -> str:
    if not shutil.which("wrk"):
        return "wrk missing"
    out = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    return (out.stdout + out.stderr).split("[")[0].strip() or "wrk"


def wrk(url: str, *, headers: dict, seconds: float, connections: int, threads: int):
    """Load ``url`` for ``seconds``; the run's counts and latency distribution."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as hook:
        hook.write(DONE_HOOK)
        hook.flush()
        command = [
            "wrk", f"-t{min(threads, connections)}", f"-c{connections}",
            f"-d{seconds:g}s", "--timeout", "10s", "--latency", "-s", hook.name,
        ]  # fmt: skip
        for name, value in headers.items():
            command += ["-H", f"{name}: {value}"]
        out = subprocess.run(
            [*command, url], capture_output=True, text=True, check=True
        ).stdout
    line = next(x for x in out.splitlines() if x.startswith("BENCH-WRK "))
    data = json.loads(line.split(" ", 1)[1])
    return WrkRun(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        status_errors=data["status"],
        socket_errors=sum(data[k] for k in ("connect", "read", "write", "timeout")),
        percentiles_us=tuple(data["percentiles_us"]),
    )


def merged_percentile(runs: list[WrkRun], fraction: float) -> float:
    """The latency (ms) below which ``fraction`` of all the runs' requests fell."""
    points = sorted(
        (value, run.requests / len(run.percentiles_us))
        for run in runs
        for value in run.percentiles_us
    )
    total = sum(weight for _value, weight in points)
    if not total:
        return float("nan")
    reached = 0.0
    for value, weight in points:
        reached += weight
        if reached >= fraction * total - 1e-9:
            return value / 1000
    return points[-1][0] / 1000
