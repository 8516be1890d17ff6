"""Time the admin home and the instructor's reports on the demo and the scale school.

    DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/insight.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/practicum \\
        DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/insight.py
    .venv/bin/python bench/insight.py --in-place    # the database as it is

Builds a temporary database (a SQLite file under /tmp, or ``<name>_bench``
beside the PostgreSQL database named by DATABASE_URL), seeds the demo academy
(``seed_demo``) and times each page signed in as the demo instructor, then
adds the scale school (``seed_scale``) and times them again. Prints each
page's median time and the queries one request ran, for both schools side by
side. A report whose URL name does not resolve yet is skipped with a note.
Figures only: nothing here passes or fails. See bench/README.md.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from io import StringIO

from database import bench_database  # bench/ is on sys.path when run as a script

INSTRUCTOR = "instructor@example.com"
# (label, URL name, query string): the pages the instructor reads.
PAGES = [
    ("admin home (dashboard)", "wagtailadmin_home", ""),
    ("report: enrollments", "courses_report_enrollments", ""),
    ("report: progress", "courses_report_progress", ""),
    ("report: quiz attempts", "lessons_report_quiz_attempts", ""),
    ("report: item analysis", "lessons_report_item_analysis", ""),
    ("report: revenue", "payments_report_revenue", ""),
    ("CSV: enrollments (whole file)", "courses_report_enrollments", "?export=csv"),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "-n", "--requests", type=int, default=7, help="timed requests per page"
    )
    parser.add_argument(
        "--warmup", type=int, default=1, help="untimed requests per page first"
    )
    parser.add_argument(
        "--learners", type=int, default=10_000, help="seed_scale --learners"
    )
    parser.add_argument("--items", type=int, default=200, help="seed_scale --items")
    parser.add_argument(
        "--in-place",
        action="store_true",
        help="time the configured database as it is (seed_demo runs; it is "
        "idempotent), in one column, instead of building both schools",
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    with bench_database(in_place=args.in_place) as connection:
        # 403s and 500s would log a line per request; the status column shows
        # them.
        logging.getLogger("django.request").setLevel(logging.CRITICAL)
        for name in ("wagtail", "django.tasks", "django_tasks"):
            logging.getLogger(name).setLevel(logging.WARNING)
        run(args, connection)


def run(args, connection) -> None:
    from django.core.management import call_command

    from demo.scale.school import scale_school_exists

    started = time.perf_counter()
    call_command("seed_demo", stdout=StringIO())
    notes = [f"seed_demo took {time.perf_counter() - started:.1f} s"]
    pages = pages_resolved(notes)
    columns = []
    if args.in_place:
        label = "scale school" if scale_school_exists() else "this database"
        columns.append((label, measure(args, pages, connection)))
    else:
        columns.append(("demo school", measure(args, pages, connection)))
        out = StringIO()
        started = time.perf_counter()
        call_command("seed_scale", learners=args.learners, items=args.items, stdout=out)
        seconds = time.perf_counter() - started
        lines = out.getvalue().rstrip().splitlines()
        built = lines[-1].split(": ", 1)[-1].rstrip(".")
        notes.append(f"seed_scale took {seconds:.1f} s ({built}), of which:")
        notes += [f"  {line.strip()}" for line in lines if line.startswith("  ")]
        columns.append(("scale school", measure(args, pages, connection)))
    print_table(args, connection.vendor, pages, columns, notes)


def pages_resolved(notes: list[str]) -> list[tuple[str, str]]:
    """(label, URL) of each page whose URL name resolves; a note for the others."""
    from django.urls import NoReverseMatch, reverse

    pages = []
    for label, url_name, query in PAGES:
        try:
            pages.append((label, reverse(url_name) + query))
        except NoReverseMatch:
            notes.append(f"skipped {label}: the URL name {url_name} does not resolve")
    return pages


def fetch(client, url: str) -> tuple[int, int]:
    """One request, its body read to the end (streamed or not): status, bytes."""
    response = client.get(url)
    if response.streaming:
        size = sum(len(chunk) for chunk in response.streaming_content)
    else:
        size = len(response.content)
    response.close()
    return response.status_code, size


def measure(args, pages, connection) -> dict[str, tuple[int, float, int, int]]:
    """Per page label: (status, median ms, queries of one request, bytes)."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(email=INSTRUCTOR))
    results = {}
    for label, url in pages:
        for _ in range(args.warmup):
            fetch(client, url)
        with CaptureQueriesContext(connection) as queries:
            status, size = fetch(client, url)
        query_count = len(queries)  # before the next request resets the log
        durations = []
        for _ in range(args.requests):
            started = time.perf_counter()
            fetch(client, url)
            durations.append((time.perf_counter() - started) * 1000)
        results[label] = (status, statistics.median(durations), query_count, size)
    return results


def print_table(args, vendor, pages, columns, notes) -> None:
    print(
        f"Practicum insight timings: {vendor}, median of {args.requests} requests "
        f"per page after {args.warmup} warm-up, in process (Django test client), "
        f"signed in as {INSTRUCTOR}"
    )
    for note in notes:
        print(f"  {note}")
    header = f"{'page':<30}" + "".join(
        f" | {name:>12} {'queries':>7} {'status':>6}" for name, _results in columns
    )
    print()
    print(header)
    print("-" * len(header))
    for label, _url in pages:
        row = f"{label:<30}"
        for _name, results in columns:
            status, median, queries, size = results[label]
            row += f" | {median:>10.1f}ms {queries:>7} {status:>6}"
        print(row)
    csv = [label for label, _url in pages if label.startswith("CSV")]
    for label in csv:
        sizes = ", ".join(
            f"{name}: {results[label][3] / 1024:,.0f} KiB" for name, results in columns
        )
        print(f"\n{label} read to the end: {sizes}.")


if __name__ == "__main__":
    main()
