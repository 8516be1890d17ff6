"""``manage.py ce_records_purge [--dry-run]``: CE records past retention go.

See ``courses.services.records_purge`` and docs/RECORDS.md for what is removed
and what is kept.
"""

from django.core.management.base import BaseCommand

from courses.services.records_purge import ce_records_purge


class Command(BaseCommand):
    help = (
        "Remove the CE records (certificates, evaluations, quiz attempts, lesson "
        "completions, enrollments, accommodation requests and grievances) of "
        "deleted, anonymised accounts older than CE_RECORD_RETENTION_YEARS. "
        "Learners who still have an account keep their records; orders are never "
        "touched. Use --dry-run first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List what would be removed and change nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        report = ce_records_purge(dry_run=dry_run)
        self.stdout.write(
            f"Retention: {report.years} years. Records of deleted accounts completed "
            f"before {report.cutoff.isoformat()} are past it."
        )
        if not (report.enrollments or report.learner_requests):
            self.stdout.write("No CE records are past retention: nothing to do.")
            return
        verb = "Would remove" if dry_run else "Removed"
        for item in report.enrollments:
            when = (
                f"completed {item.completed_on.isoformat()}"
                if item.completed_on
                else f"enrolled {item.enrolled_on.isoformat()}, never completed"
            )
            serials = ", ".join(item.certificates) or "none"
            self.stdout.write(
                f"{verb}: {item.learner} · {item.course} · {when}: "
                f"certificates {serials}; {item.evaluations} evaluation(s), "
                f"{item.quiz_attempts} quiz attempt(s), "
                f"{item.lesson_completions} lesson completion(s), the enrollment."
            )
        for label in report.learner_requests:
            self.stdout.write(f"{verb}: {label}.")
        totals = (
            f"{len(report.enrollments)} enrollment(s), "
            f"{report.total('certificates')} certificate(s), "
            f"{report.total('evaluations')} evaluation(s), "
            f"{report.total('quiz_attempts')} quiz attempt(s), "
            f"{report.total('lesson_completions')} lesson completion(s), "
            f"{len(report.learner_requests)} accommodation request(s) or "
            "grievance(s)"
        )
        if dry_run:
            self.stdout.write(
                f"Dry run: nothing was changed. A real run would remove {totals}."
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Removed {totals}."))
