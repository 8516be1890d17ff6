"""Fulfil any paid Checkout Session a webhook missed. Safe to run again."""

import re
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from payments import stripe_gateway
from payments.services import checkout_fulfil

_SINCE = re.compile(r"^(\d+)([dh])$")


def parse_since(value: str) -> timedelta:
    match = _SINCE.match(value)
    if not match:
        raise CommandError("--since takes a number of days or hours, like 3d or 12h.")
    amount, unit = int(match.group(1)), match.group(2)
    return timedelta(days=amount) if unit == "d" else timedelta(hours=amount)


class Command(BaseCommand):
    help = "List recent paid Checkout Sessions from Stripe and fulfil any we missed."

    def add_arguments(self, parser):
        parser.add_argument("--since", default="3d", help="How far back: 3d, 12h …")

    def handle(self, *args, since, **options):
        start = timezone.now() - parse_since(since)
        try:
            sessions = stripe_gateway.checkout_sessions_completed_since(start)
        except stripe_gateway.StripeError as error:
            raise CommandError(f"Stripe could not be reached: {error}") from error
        fulfilled = 0
        for session in sessions:
            if session.payment_status != "paid":
                continue
            order = checkout_fulfil(session=session)
            if order is None:
                self.stdout.write(f"Session {session.id}: names no order of ours.")
                continue
            fulfilled += 1
        self.stdout.write(
            f"Checked {len(sessions)} sessions since {start:%Y-%m-%d %H:%M} UTC; "
            f"{fulfilled} paid sessions are fulfilled."
        )
