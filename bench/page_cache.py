"""Time a visitor's page from the page cache against the same page rendered.

    .venv/bin/python bench/page_cache.py            # SQLite under /tmp
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> \\
        .venv/bin/python bench/page_cache.py        # <name>_bench beside it

Seeds the demo academy into a throwaway database (bench/database.py), then,
for the home page and both course sales pages, sends N requests of each kind
through Django's test client: a *hit* (the page in the cache), a *miss* (the
cache purged before each request, as a publish does: rendered, then stored) and *off*
(``PAGE_CACHE_ENABLED = False``). Prints the median wall time, the median CPU
time of this process and the queries of one request. Figures only.
"""

from __future__ import annotations

import argparse
import statistics
import time
from io import StringIO

from database import bench_database  # bench/ is on sys.path when run as a script


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--requests", type=int, default=200)
    args = parser.parse_args()
    with bench_database(in_place=False) as connection:
        from django.core.management import call_command

        call_command("seed_demo", stdout=StringIO())
        run(args.requests, connection)


def run(n: int, connection) -> None:
    from django.conf import settings
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from core.page_generation import page_generation_bump
    from courses.models import CoursePage

    free = CoursePage.objects.live().get(slug="mitigation-101")
    paid = CoursePage.objects.live().get(slug="foundations-of-mitigation-practice")
    pages = [("home", "/"), ("free course", free.url), ("paid course", paid.url)]
    kinds = ["hit", "miss", "off"]
    print(
        f"Visitor pages, {connection.vendor}, {settings.CACHES['default']['BACKEND']}"
        f", {n} requests each, in process: median wall / CPU ms, queries"
    )
    print(f"{'page':<12}" + "".join(f"{kind:>24}" for kind in kinds))
    for label, url in pages:
        cells = []
        for kind in kinds:
            settings.PAGE_CACHE_ENABLED = kind != "off"
            client = Client()
            client.get(url)  # warm Wagtail's site and content-type caches
            wall, cpu = [], []
            for _ in range(n):
                if kind == "miss":
                    page_generation_bump()  # as a publish would, untimed
                w0, c0 = time.perf_counter(), time.process_time()
                response = client.get(url)
                cpu.append((time.process_time() - c0) * 1000)
                wall.append((time.perf_counter() - w0) * 1000)
            assert response.headers.get("X-Page-Cache") == (
                None if kind == "off" else kind
            ), (label, kind, response.headers.get("X-Page-Cache"))
            if kind == "miss":
                page_generation_bump()
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            cells.append(
                f"{statistics.median(wall):.2f} / {statistics.median(cpu):.2f}"
                f" / {len(queries)}q"
            )
        print(f"{label:<12}" + "".join(f"{cell:>24}" for cell in cells))
    settings.PAGE_CACHE_ENABLED = True


if __name__ == "__main__":
    main()
