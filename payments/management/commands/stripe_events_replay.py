"""Process again the Stripe events that failed or were never processed."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from payments.models import StripeEvent
from payments.webhooks import EventOutcome, stripe_events_replay


def parse_moment(value: str) -> datetime:
    """``2026-12-04`` (midnight, local time) or ``2026-12-04T16:00`` (local time)."""
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(
                "--since takes a date or a date and time, like 2026-12-04 or "
                "2026-12-04T16:00."
            )
        moment = datetime(day.year, day.month, day.day)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


class Command(BaseCommand):
    help = (
        "Process again the stored Stripe events that failed or were never "
        "processed: all of them, those named by id, or those received since a time."
    )

    def add_arguments(self, parser):
        parser.add_argument("event_ids", nargs="*", help="Stripe event ids (evt_…).")
        parser.add_argument(
            "--since", help="Only events received since: 2026-12-04 or 2026-12-04T16:00"
        )

    def handle(self, *args, event_ids, since, **options):
        moment = parse_moment(since) if since else None
        unknown = set(event_ids) - set(
            StripeEvent.objects.filter(event_id__in=event_ids).values_list(
                "event_id", flat=True
            )
        )
        for event_id in sorted(unknown):
            self.stdout.write(f"{event_id}: no such event was ever received.")
        done = stripe_events_replay(event_ids=event_ids, since=moment)
        for record, outcome in done:
            line = f"{record.event_id} ({record.type}): {outcome}"
            if outcome in (EventOutcome.FAILED, EventOutcome.MALFORMED):
                line += f" again. {record.error}"
            self.stdout.write(line)
        failed = sum(
            1
            for _record, outcome in done
            if outcome in (EventOutcome.FAILED, EventOutcome.MALFORMED)
        )
        self.stdout.write(
            f"Replayed {len(done)} event(s): {len(done) - failed} settled, "
            f"{failed} still failing."
        )
        if failed:
            raise CommandError(f"{failed} event(s) still fail; see above.")
