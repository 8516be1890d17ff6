"""Time the pages most people see, in process, and count their queries.

    DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/pages.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/practicum \\
        DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --in-place      # the dev database, as it is

Seeds the demo academy (``seed_demo``) into a temporary database (a SQLite file
under /tmp, or ``<name>_bench`` beside the PostgreSQL database named by
DATABASE_URL), then sends N requests per page through Django's test client and
prints the median, p95 and p99 in milliseconds and the queries per request.
Figures only: nothing here passes or fails. See bench/README.md.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from io import StringIO

from database import bench_database  # bench/ is on sys.path when run as a script


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "-n", "--requests", type=int, default=200, help="timed requests per page"
    )
    parser.add_argument(
        "--warmup", type=int, default=10, help="untimed requests per page first"
    )
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="use the configured database as it is (seed_demo runs; it is "
        "idempotent) instead of a temporary one",
    )
    return parser.parse_args()


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    index = max(
        0, min(len(sorted_values) - 1, round(fraction * len(sorted_values)) - 1)
    )
    return sorted_values[index]


def main() -> None:
    args = parse_args()
    with bench_database(in_place=args.in_place) as connection:
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        started = time.perf_counter()
        call_command("seed_demo", stdout=StringIO())
        seed_s = time.perf_counter() - started
        run(args, connection.vendor, seed_s, Client, CaptureQueriesContext, connection)


def run(args, vendor, seed_s, Client, CaptureQueriesContext, connection) -> None:
    from django.contrib.auth import get_user_model

    from courses.models import CoursePage
    from lessons.models import LessonPage

    free = CoursePage.objects.live().get(slug="mitigation-101")
    paid = CoursePage.objects.live().get(slug="foundations-of-mitigation-practice")
    lessons = LessonPage.objects.live().descendant_of(free).order_by("path")
    preview = (
        lessons.filter(is_free_preview=True).first()
        or LessonPage.objects.live()
        .descendant_of(paid)
        .filter(is_free_preview=True)
        .first()
    )
    gated = lessons.filter(is_free_preview=False).first()

    visitor = Client(raise_request_exception=False)
    learner = Client(raise_request_exception=False)
    learner.force_login(get_user_model().objects.get(email="learner@example.com"))

    pages = [
        ("home", visitor, "/"),
        ("catalog", visitor, "/courses/"),
        ("course (visitor)", visitor, free.url),
        ("course (learner)", learner, free.url),
        ("paid course (visitor)", visitor, paid.url),
    ]
    if preview:
        pages.append(("preview lesson (visitor)", visitor, preview.url))
    if gated:
        pages.append(("lesson (enrolled learner)", learner, gated.url))
        pages.append(("lesson refused (visitor)", visitor, gated.url))
    pages.append(("dashboard (learner)", learner, "/dashboard/"))

    print(
        f"Practicum page timings: {vendor}, {args.requests} requests per page "
        f"after {args.warmup} warm-up, in process (Django test client); "
        f"seed_demo took {seed_s:.1f} s"
    )
    header = (
        f"{'page':<27} {'status':>6} {'median':>8} {'p95':>8} {'p99':>8} {'queries':>8}"
    )
    print(header)
    print("-" * len(header))
    # 403s and 500s would log a line per request; the status column shows them.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    for label, client, url in pages:
        for _ in range(args.warmup):
            client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        query_count = len(queries)  # before the next request resets the log
        durations = []
        for _ in range(args.requests):
            started = time.perf_counter()
            client.get(url)
            durations.append((time.perf_counter() - started) * 1000)
        durations.sort()
        print(
            f"{label:<27} {response.status_code:>6} "
            f"{statistics.median(durations):>6.1f}ms "
            f"{percentile(durations, 0.95):>6.1f}ms "
            f"{percentile(durations, 0.99):>6.1f}ms "
            f"{query_count:>8}"
        )
    print(
        "\nstatus is that of one request (403 is the call to action a visitor sees "
        "on a lesson they may not read); queries are counted on the same request."
    )


if __name__ == "__main__":
    main()
