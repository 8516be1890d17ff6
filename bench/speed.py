"""``make bench``: what the pages people see cost, in process and over loopback.

    make bench                                   # the whole run, ~16 minutes
    make bench BENCH_ARGS="--skip-scale --duration 2 --rounds 2"
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/practicum \\
        .venv/bin/python bench/speed.py --scale-learners 1000 --scale-items 40

Builds a throwaway PostgreSQL database (``<name>_bench`` beside DATABASE_URL's),
seeds the demo academy and times its pages twice: in process (Django's test
client: median and queries), then over loopback (gunicorn under production
settings, loaded by wrk: CPU per request of gunicorn and PostgreSQL read from
/proc, req/s, p50, p99, errors), each against the signed-in home page. Then it
adds the scale school (``seed_scale``) and measures a scale learner's pages
the same way, against the same pages on the demo school. Figures only:
nothing passes or fails. See bench/README.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import replace
from io import StringIO
from pathlib import Path

from database import bench_database  # bench/ is on sys.path when run as a script
from speed_loopback import measure_loopback
from speed_pages import demo_pages, measure_in_process, scale_pages
from speed_report import print_header, print_table

# (flags, default, help): the defaults are the method.
OPTIONS = [
    (("-n", "--requests"), 100, "in process: timed requests per page"),
    (("--warmup",), 10, "in process: untimed requests per page first"),
    (("--duration",), 5.0, "loopback: seconds of load per page and round"),
    (("--rounds",), 3, "loopback: rounds, every page once per round"),
    (("--connections",), 16, "loopback: wrk connections"),
    (("--wrk-threads",), 2, "loopback: wrk threads"),
    (("--warmup-seconds",), 2.0, "loopback: untimed load per page first"),
    (("--workers",), 2, "loopback: gunicorn worker processes"),
    (("--threads",), 4, "loopback: gunicorn threads per worker"),
    (("--scale-learners",), 10_000, "seed_scale --learners"),
    (("--scale-items",), 200, "seed_scale --items"),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    for flags, default, text in OPTIONS:
        parser.add_argument(
            *flags, type=type(default), default=default, help=f"{text} ({default:,})"
        )
    parser.add_argument(
        "--skip-loopback", action="store_true", help="in process only (no gunicorn)"
    )
    parser.add_argument(
        "--skip-scale", action="store_true", help="the demo academy only"
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        help="the Redis database gunicorn caches in, FLUSHED before each start "
        "(default: $BENCH_REDIS_URL, else redis://127.0.0.1:6379/9)",
    )
    return parser.parse_args()


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main() -> None:
    args = parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("make bench runs on PostgreSQL: set DATABASE_URL=postgres://…")
    if not args.skip_loopback and not shutil.which("wrk"):
        sys.exit("The loopback run needs wrk: apt-get install wrk, or --skip-loopback")
    # A TERM (a CI timeout, kill) unwinds like Ctrl-C: gunicorn stops, the
    # throwaway database is dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tmpdir = Path(tempfile.mkdtemp(prefix="practicum-speed-"))
    try:
        with bench_database(in_place=False) as connection:
            logging.getLogger("django.request").setLevel(logging.CRITICAL)
            for name in ("wagtail", "django.tasks", "django_tasks"):
                logging.getLogger(name).setLevel(logging.WARNING)
            run(args, connection, tmpdir)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def run(args, connection, tmpdir: Path) -> None:
    from django.core.management import call_command

    print_header(args, connection)
    started = time.perf_counter()
    call_command("seed_demo", stdout=StringIO())
    analyze(connection)
    progress(f"seed_demo: {time.perf_counter() - started:.1f} s")
    pages = demo_pages()
    demo = measure(args, pages, connection, tmpdir, "demo academy")
    print_table("Demo academy:", pages, demo, reference=demo, args=args)
    if args.skip_scale:
        return
    started = time.perf_counter()
    call_command(
        "seed_scale",
        learners=args.scale_learners,
        items=args.scale_items,
        stdout=StringIO(),
    )
    analyze(connection)
    seconds = time.perf_counter() - started
    progress(f"seed_scale: {seconds:.1f} s")
    pages, note = scale_pages()
    progress(note)
    # The demo learner's pages again, in the same rounds as the scale learner's:
    # each ratio compares two pages measured side by side, not two phases.
    again = [
        replace(page, kind=f"{DEMO}{page.kind}", label=f"{page.label} (demo)")
        for page in demo_pages()
        if page.user
    ]
    both = measure(args, pages + again, connection, tmpdir, "scale school")
    title = (
        f"Scale school ({args.scale_learners:,} learners, {args.scale_items} items "
        f"per course), against the same page of the demo learner, measured in the "
        f"same rounds:\n{note}"
    )
    print_table(
        title,
        pages,
        _part(both, demo=False),
        reference=_part(both, demo=True),
        args=args,
    )


DEMO = "demo:"


def _part(results, *, demo: bool):
    """(in process, loopback) of the scale pages, or of the demo ones re-keyed."""
    return tuple(
        None
        if figures is None
        else {
            kind.removeprefix(DEMO): value
            for kind, value in figures.items()
            if kind.startswith(DEMO) == demo
        }
        for figures in results
    )


def analyze(connection) -> None:
    """Fresh planner statistics, and no autovacuum catching up during a run."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def measure(args, pages, connection, tmpdir, school: str):
    """(in process, loopback or None) per page kind."""
    progress(f"{school}: in process, {args.requests} requests per page")
    in_process = measure_in_process(
        pages, requests=args.requests, warmup=args.warmup, connection=connection
    )
    if args.skip_loopback:
        return in_process, None
    loopback = measure_loopback(args, pages, connection, tmpdir, school, progress)
    return in_process, loopback


if __name__ == "__main__":
    main()
