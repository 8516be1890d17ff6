"""Time the Stripe webhook handler in process: p50, p95, p99.

    DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/webhook.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/practicum \\
        DJANGO_SETTINGS_MODULE=config.settings.test .venv/bin/python bench/webhook.py

Creates a throwaway test database (Django's ``create_test_db``: in memory for
SQLite, ``<name>_bench`` beside the PostgreSQL database named by DATABASE_URL),
builds a paid course and N pending orders, then POSTs signed
``checkout.session.completed`` events through Django's test client: first one
per order (each fulfils: order locked and paid, enrollment created, the
confirmation email rendered and sent to memory), then the same events again
(duplicates: signature checked, event id found, nothing done), then unknown
event types (signature checked, ignored). Prints the median, p95 and p99 in
milliseconds and the queries per request. Figures only: nothing here passes
or fails. The signature check (HMAC-SHA256 over the body) is part of each
figure, as it is in production; no network is involved.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEBHOOK_SECRET = "whsec_bench_practicum"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "-n", "--orders", type=int, default=300, help="distinct orders to fulfil"
    )
    parser.add_argument(
        "--duplicates",
        type=int,
        default=300,
        help="redeliveries of already processed events",
    )
    parser.add_argument(
        "--warmup", type=int, default=10, help="untimed fulfilments first"
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
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

    import django

    django.setup()

    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    # "testserver" becomes an allowed host, email goes to memory, DEBUG is off.
    setup_test_environment(debug=False)
    settings.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
    settings.STRIPE_SECRET_KEY = "sk_test_bench"  # the offline gateway stays off
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # never called by the webhook

    if connection.vendor != "sqlite":  # beside, never over, pytest's test database
        name = settings.DATABASES["default"]["NAME"]
        settings.DATABASES["default"].setdefault("TEST", {})["NAME"] = f"{name}_bench"
    test_db_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, serialize=False
    )
    try:
        run(args, connection.vendor)
    finally:
        connection.creation.destroy_test_db(test_db_name, verbosity=0)


def build_orders(count: int):
    """A paid course under a fresh page tree, and ``count`` pending orders."""
    from django.contrib.auth import get_user_model

    from wagtail.models import Page, Site

    from core.models import HomePage
    from courses.models import CourseIndexPage, CoursePage, ModulePage
    from lessons.models import LessonPage
    from payments.services import order_create

    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Practicum", slug="practicum-bench", hero_heading="Practicum"
        )
    )
    Site.objects.update(root_page=home)
    index = home.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = index.add_child(
        instance=CoursePage(
            title="Bench Course",
            slug="bench-course",
            summary="A course to time payments with.",
            price_amount=24900,
            currency="usd",
        )
    )
    module = course.add_child(instance=ModulePage(title="Module", slug="module"))
    module.add_child(instance=LessonPage(title="Lesson", slug="lesson"))

    users = get_user_model().objects
    orders = []
    for n in range(count):
        user = users.create_user(email=f"bench{n}@example.com", password="x")
        orders.append(order_create(user=user, course=course))
    return orders


def completed_event(order, n: int) -> dict:
    session_id = f"cs_test_bench_{n:06d}"
    return {
        "id": f"evt_bench_{n:06d}",
        "object": "event",
        "api_version": "2026-10-28.endive",
        "created": int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": "checkout.session.completed",
        "data": {
            "object": {
                "id": session_id,
                "object": "checkout.session",
                "amount_subtotal": order.amount,
                "amount_total": order.amount,
                "client_reference_id": str(order.pk),
                "currency": order.currency,
                "customer_email": order.user.email,
                "metadata": {"order_id": str(order.pk)},
                "mode": "payment",
                "payment_intent": f"pi_bench_{n:06d}",
                "payment_status": "paid",
                "status": "complete",
                "url": None,
            }
        },
    }


def run(args, vendor: str) -> None:
    from django.core import mail
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    import stripe

    from courses.models import Enrollment
    from payments.models import Order, OrderStatus, StripeEvent

    total = args.warmup + args.orders
    orders = build_orders(total)
    bodies = [
        json.dumps(completed_event(order, n), indent=2)
        for n, order in enumerate(orders)
    ]
    client = Client()

    def post(body: str, *, count_queries: bool = False) -> tuple[float, int, int]:
        """One signed delivery: (milliseconds, status, queries or -1)."""
        signature = stripe.WebhookSignature.generate_signature_header(
            body, WEBHOOK_SECRET
        )
        if count_queries:  # the query log slows a request a little: not timed
            with CaptureQueriesContext(connection) as queries:
                response = send(body, signature)
            return 0.0, response.status_code, len(queries)
        started = time.perf_counter()
        response = send(body, signature)
        return (time.perf_counter() - started) * 1000, response.status_code, -1

    def send(body: str, signature: str):
        return client.post(
            "/payments/stripe/webhook/",
            data=body,
            content_type="application/json",
            headers={"Stripe-Signature": signature},
        )

    def ignored_body(n: int) -> str:
        event = {
            "id": f"evt_bench_ignored_{n:06d}",
            "object": "event",
            "type": "customer.created",
            "data": {"object": {"id": f"cus_{n}", "object": "customer"}},
        }
        return json.dumps(event)

    # Queries per request, counted once each on untimed requests.
    queries = {
        "fresh": post(bodies[0], count_queries=True)[2],
        "duplicate": post(bodies[0], count_queries=True)[2],
        "ignored": post(ignored_body(-1), count_queries=True)[2],
    }
    for body in bodies[1 : args.warmup]:
        post(body)

    rows = []
    fresh = [post(body) for body in bodies[args.warmup :]]
    rows.append(("first delivery (fulfils)", fresh, queries["fresh"]))
    duplicates = [
        post(bodies[args.warmup + n % args.orders]) for n in range(args.duplicates)
    ]
    rows.append(("duplicate (already stored)", duplicates, queries["duplicate"]))
    ignored = [post(ignored_body(n)) for n in range(args.duplicates)]
    rows.append(("unknown type (ignored)", ignored, queries["ignored"]))

    paid = Order.objects.filter(status=OrderStatus.PAID).count()
    print(
        f"Stripe webhook handler, in process (Django test client), {vendor}: "
        f"{args.orders} orders fulfilled after {args.warmup} warm-up, "
        f"{args.duplicates} duplicates, {args.duplicates} ignored events"
    )
    header = (
        f"{'delivery':<28} {'n':>5} {'status':>7} {'median':>8} {'p95':>8} "
        f"{'p99':>8} {'max':>8} {'queries':>8}"
    )
    print(header)
    print("-" * len(header))
    for label, samples, query_count in rows:
        durations = sorted(s[0] for s in samples)
        statuses = ",".join(str(s) for s in sorted({s[1] for s in samples}))
        print(
            f"{label:<28} {len(samples):>5} {statuses:>7} "
            f"{statistics.median(durations):>6.1f}ms "
            f"{percentile(durations, 0.95):>6.1f}ms "
            f"{percentile(durations, 0.99):>6.1f}ms "
            f"{durations[-1]:>6.1f}ms {query_count:>8}"
        )
    every = sorted(s[0] for _, samples, _ in rows[:2] for s in samples)
    print(
        f"\nall webhook deliveries (first + duplicates, n={len(every)}): "
        f"p50 {statistics.median(every):.1f} ms, "
        f"p95 {percentile(every, 0.95):.1f} ms, p99 {percentile(every, 0.99):.1f} ms"
    )
    print(
        f"check: {paid} orders paid, "
        f"{Enrollment.objects.count()} enrollments, "
        f"{StripeEvent.objects.count()} events stored, "
        f"{len(mail.outbox)} confirmation emails"
    )


if __name__ == "__main__":
    main()
