"""The machine line and the tables ``make bench`` prints.

Plain text with aligned columns, to read in a terminal and paste into the
README. Ratios compare pages of one run only: absolute figures move with
the machine and whatever else it runs; ratios much less.
"""

from __future__ import annotations

import os
import platform
import subprocess
from importlib.metadata import version

from loopback import ROOT
from wrk import wrk_version


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _commit() -> str:
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)

    commit = git("rev-parse", "--short", "HEAD").stdout.strip() or "unknown"
    return commit + ("+changes" if git("diff", "--quiet", "HEAD").returncode else "")


def print_header(args, connection) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0].split()[0]
    cpus = len(os.sched_getaffinity(0))
    print(
        f"Practicum make bench · {cpus} CPUs ({_cpu_model()}) · PostgreSQL {postgres}"
        f" · Python {platform.python_version()} · Django {version('django')}"
        f" · Wagtail {version('wagtail')} · gunicorn {version('gunicorn')}"
        f" · {wrk_version()} · commit {_commit()}"
    )
    print(
        f"in process: Django test client, {os.environ['DJANGO_SETTINGS_MODULE']}, "
        f"median of {args.requests} requests after {args.warmup}"
    )
    if not args.skip_loopback:
        print(
            f"loopback: gunicorn -k gthread {args.workers}×{args.threads}, keep-alive,"
            f" production settings, Redis cache; wrk {args.connections} connections,"
            f" {args.rounds} interleaved rounds × {args.duration:g} s per page;"
            " CPU = gunicorn + PostgreSQL backends (/proc) per request served;"
            " Redis/req = the Redis server's, apart"
        )


COLUMNS = [  # (heading, width)
    ("page", 0), ("status", 6), ("queries", 7), ("median", 8), ("×", 5),
    ("CPU/req", 8), ("×", 5), ("PG/req", 7), ("Redis/req", 9), ("req/s", 6),
    ("p50", 7),
    ("p99", 7), ("errors", 6),
]  # fmt: skip


def _ratio(value: float, reference: float | None) -> str:
    return f"{value / reference:.2f}" if reference else "—"


def print_table(title, pages, results, *, reference, args) -> None:
    """One row per page; × is against the reference (see the title)."""
    in_process, loopback = results
    ref_in, ref_loop = reference
    same_school = results is reference
    width = max(len(page.label) for page in pages)
    print()
    print(title)
    heading = f"{'page':<{width}}"
    for name, size in COLUMNS[1:]:
        name = name.replace("×", "×home" if same_school else "×demo")
        heading += f"  {name:>{size}}"
    print(heading)
    print("-" * len(heading))
    for page in pages:
        # The demo's reference is its signed-in home page; the scale school's
        # pages are held against the same kind of page on the demo.
        kind = "home-learner" if same_school else page.kind
        mine = in_process[page.kind]
        queries = str(mine.queries)
        if not same_school and page.kind in ref_in:
            queries = f"{mine.queries}/{ref_in[page.kind].queries}"
        ref_median = ref_in[kind].median_ms if kind in ref_in else None
        cells = [
            str(mine.status), queries, f"{mine.median_ms:.1f}ms",
            _ratio(mine.median_ms, ref_median),
        ]  # fmt: skip
        if loopback:
            run = loopback[page.kind]
            ref_cpu = ref_loop[kind].cpu_ms if ref_loop and kind in ref_loop else None
            cells += [
                f"{run.cpu_ms:.1f}ms", _ratio(run.cpu_ms, ref_cpu),
                f"{run.db_ms:.1f}ms", f"{run.redis_ms:.1f}ms",
                f"{run.requests / run.seconds:.0f}",
                f"{run.p50_ms:.0f}ms", f"{run.p99_ms:.0f}ms", str(run.errors),
            ]  # fmt: skip
            if run.status != mine.status:
                cells[0] = f"{mine.status}/{run.status}"
        else:
            cells += ["—"] * 8
        row = f"{page.label:<{width}}"
        for cell, (_name, size) in zip(cells, COLUMNS[1:], strict=True):
            row += f"  {cell:>{size}}"
        print(row)
    what = "the signed-in home page" if same_school else "the same page on the demo"
    print(
        f"× = against {what}; queries of one request"
        + ("" if same_school else " (scale/demo)")
        + "; status in process (/ over loopback when it differs);"
        + " PG/req = PostgreSQL's part of CPU/req; Redis/req = the Redis server's"
        + " CPU per request, not in CPU/req"
    )
