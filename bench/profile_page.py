"""Where one page's time goes, in process: CPU per request, cProfile, includes.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mine \\
        .venv/bin/python bench/profile_page.py lesson            # demo learner
    ... bench/profile_page.py lesson --scale --top 40            # seed_scale's learner
    ... bench/profile_page.py quiz --includes                    # time per include

The database must hold the demo academy (``manage.py seed_demo``; ``--scale``
also ``seed_scale``); nothing is written but what the pages write. Pages are
the ones ``make bench`` measures (``speed_pages.py``): home-learner, lesson,
course, quiz, dashboard, and the visitors' home-visitor, catalog, sales,
preview. Runs under ``config.settings.test`` with its local-memory cache
unless ``DJANGO_SETTINGS_MODULE`` says otherwise (production settings with
Redis need their environment: see ``loopback.production_env``). Figures
only: cProfile inflates Python time about twofold, so read its shares.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import os
import pstats
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", help="home-learner, lesson, course, quiz, dashboard…")
    parser.add_argument("-n", "--requests", type=int, default=300)
    parser.add_argument("--scale", action="store_true", help="seed_scale's learner")
    parser.add_argument("--top", type=int, default=30, help="cProfile rows")
    parser.add_argument(
        "--includes", action="store_true", help="CPU per template include and tag"
    )
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from speed_pages import demo_pages, scale_pages

    pages = scale_pages()[0] if args.scale else demo_pages()
    page = {p.kind: p for p in pages}[args.page]
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    if page.user:
        client.force_login(get_user_model().objects.get(email=page.user))
    for _ in range(20):
        client.get(page.url)  # warm every cache
    timings = _include_timer() if args.includes else None
    cpu = []
    profile = cProfile.Profile()
    for _ in range(args.requests):
        started = time.process_time()
        client.get(page.url)
        cpu.append((time.process_time() - started) * 1000)
    print(f"{page.label} {page.url}: {statistics.median(cpu):.2f} ms CPU (median)")
    if timings is not None:
        _print_includes(timings, args.requests)
        return
    for _ in range(args.requests):
        profile.runcall(client.get, page.url)
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(args.top)


def _include_timer():
    """Wrap includes and simple tags to add up their own CPU time."""
    from django.template import library, loader_tags

    own = collections.Counter()
    stack: list[float] = []

    def wrap(cls, name_of):
        original = cls.render

        def render(self, context):
            started = time.process_time()
            stack.append(0.0)
            try:
                return original(self, context)
            finally:
                spent = time.process_time() - started
                own[name_of(self, context)] += spent - stack.pop()
                if stack:
                    stack[-1] += spent

        cls.render = render

    wrap(
        loader_tags.IncludeNode,
        lambda node, context: f"include {node.template.resolve(context)}",
    )
    wrap(library.SimpleNode, lambda node, context: f"tag {node.func.__name__}")
    return own


def _print_includes(own, requests: int) -> None:
    for name, seconds in own.most_common(20):
        print(f"  {seconds * 1000 / requests:6.3f} ms  {name}")


if __name__ == "__main__":
    main()
