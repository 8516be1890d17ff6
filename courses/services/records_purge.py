"""Writes: remove the CE records of deleted accounts once their retention has run.

What ``docs/RECORDS.md`` promises: CE records are kept for
``CE_RECORD_RETENTION_YEARS`` after completion, including those of learners
who deleted their account (anonymised by ``accounts.services.account_delete``:
email ``deleted-<id>@deleted.invalid``). Past that period, the records of those
anonymised accounts are removed: certificates (corrected copies before the
originals they replace), the course evaluation, quiz attempts (their grants
go with them), lesson completions, then the enrollment; and their
accommodation requests and grievances received before the cutoff. A learner who still
has an account keeps every record: it is her transcript. Orders are financial
records and are never touched here; nor is the anonymised account itself,
which orders still point at.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import DateTimeField
from django.db.models.functions import Coalesce
from django.utils import timezone

from courses.models import (
    Certificate,
    CourseEvaluation,
    Enrollment,
    ItemCompletion,
    LearnerRequest,
)
from courses.signals import learner_course_records_purge

DELETED_EMAIL_DOMAIN = "@deleted.invalid"


@dataclass
class PurgedEnrollment:
    """One anonymised learner's records in one course, past retention."""

    learner: str
    course: str
    completed_on: datetime.date | None
    enrolled_on: datetime.date
    certificates: list[str] = field(default_factory=list)
    evaluations: int = 0
    quiz_attempts: int = 0
    lesson_completions: int = 0


@dataclass
class PurgeReport:
    cutoff: datetime.date
    years: int
    dry_run: bool
    enrollments: list[PurgedEnrollment] = field(default_factory=list)
    learner_requests: list[str] = field(default_factory=list)

    def total(self, attribute: str) -> int:
        if attribute == "certificates":
            return sum(len(e.certificates) for e in self.enrollments)
        return sum(getattr(e, attribute) for e in self.enrollments)


def retention_cutoff(*, today: datetime.date, years: int) -> datetime.date:
    """The first day still inside the retention period (29 February → 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def enrollments_past_retention(*, cutoff: datetime.date):
    """Enrollments of anonymised accounts completed before ``cutoff``; one never
    completed counts from the day it was made."""
    start = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time()))
    return (
        Enrollment.objects.filter(user__email__endswith=DELETED_EMAIL_DOMAIN)
        .annotate(
            record_date=Coalesce(
                "completed_at", "created_at", output_field=DateTimeField()
            )
        )
        .filter(record_date__lt=start)
        .select_related("user", "course")
        .order_by("record_date", "pk")
    )


@transaction.atomic
def ce_records_purge(
    *,
    dry_run: bool,
    today: datetime.date | None = None,
    years: int | None = None,
) -> PurgeReport:
    """Remove (or, with ``dry_run``, only list) CE records past retention.

    Only anonymised accounts, only enrollments whose completion date (else
    enrollment date) is before ``today`` minus ``years``
    (``CE_RECORD_RETENTION_YEARS``). One transaction: all or nothing. The
    order follows the ``PROTECT`` foreign keys. Nothing is sent outward.
    Idempotent: a second run finds nothing.
    """
    years = settings.CE_RECORD_RETENTION_YEARS if years is None else years
    today = today or timezone.localdate()
    cutoff = retention_cutoff(today=today, years=years)
    report = PurgeReport(cutoff=cutoff, years=years, dry_run=dry_run)
    for enrollment in enrollments_past_retention(cutoff=cutoff).select_for_update(
        of=("self",)
    ):
        certificates = Certificate.objects.filter(enrollment=enrollment)
        evaluations = CourseEvaluation.objects.filter(enrollment=enrollment)
        completions = ItemCompletion.objects.filter(
            user=enrollment.user_id, course=enrollment.course_id
        )
        report.enrollments.append(
            PurgedEnrollment(
                learner=enrollment.user.email,
                course=enrollment.course.title,
                completed_on=(
                    timezone.localdate(enrollment.completed_at)
                    if enrollment.completed_at
                    else None
                ),
                enrolled_on=timezone.localdate(enrollment.created_at),
                certificates=list(
                    certificates.order_by("issued_at").values_list("serial", flat=True)
                ),
                evaluations=evaluations.count(),
                quiz_attempts=_other_records_purge(enrollment, dry_run=dry_run).get(
                    "quiz_attempts", 0
                ),
                lesson_completions=completions.count(),
            )
        )
        if dry_run:
            continue
        _certificates_delete(certificates)
        evaluations.delete()
        completions.delete()
        enrollment.delete()
    requests = learner_requests_past_retention(cutoff=cutoff)
    report.learner_requests = [str(r) for r in requests.select_related("user")]
    if not dry_run:
        requests.delete()
    return report


def learner_requests_past_retention(*, cutoff: datetime.date):
    """Accommodation requests and grievances of anonymised accounts received
    before ``cutoff``."""
    start = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time()))
    return LearnerRequest.objects.filter(
        user__email__endswith=DELETED_EMAIL_DOMAIN, created_at__lt=start
    ).order_by("created_at", "pk")


def _other_records_purge(enrollment: Enrollment, *, dry_run: bool) -> dict[str, int]:
    """What other apps keep of the learner in the course (``courses.signals``):
    deleted by their receivers unless ``dry_run``; the counts, added up by name."""
    counts: dict[str, int] = {}
    for _receiver, found in learner_course_records_purge.send(
        sender=Enrollment,
        user_id=enrollment.user_id,
        course_id=enrollment.course_id,
        dry_run=dry_run,
    ):
        for name, count in (found or {}).items():
            counts[name] = counts.get(name, 0) + count
    return counts


def _certificates_delete(certificates) -> None:
    """Corrected copies first: a certificate is deleted once nothing replaces it."""
    while True:
        leaves = certificates.filter(replaced_by__isnull=True)
        if not leaves.exists():
            return
        leaves.delete()
