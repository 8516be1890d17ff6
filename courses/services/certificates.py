"""Writes for completion: the evaluation, the certificate, revoke and reissue."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import ClinicianProfile, User
from courses.ce_coverage import approvals_covering
from courses.certificate_serials import serial_new
from courses.completion import course_completion_facts
from courses.models import (
    Approval,
    CECredit,
    Certificate,
    CertificateStatus,
    CourseEvaluation,
    CoursePage,
    Enrollment,
)
from courses.tasks import (
    certificate_corrected_send,
    certificate_issued_send,
    certificate_revoked_send,
)


class EvaluationAlreadySubmitted(ValueError):
    """The enrollment's evaluation is stored already (a double submit)."""


class CertificateNotValid(ValueError):
    """Only a valid certificate can be revoked or reissued; this one is not (now)."""


def evaluation_submit(*, enrollment: Enrollment, data: dict) -> CourseEvaluation:
    """Store the learner's course evaluation once; a second submission is refused.

    ``data`` holds ``objective_ratings`` (objective text → 1–5), ``relevance``,
    ``content_quality``, ``instructor_effectiveness``, ``hours_spent`` and
    ``comments``. A second submission, sequential or concurrent (the unique
    enrollment is the wall; ``get_or_create`` turns the concurrent insert's
    ``IntegrityError`` into finding the first), raises
    ``EvaluationAlreadySubmitted`` and changes nothing: the first one stands.
    """
    evaluation, created = CourseEvaluation.objects.get_or_create(
        enrollment=enrollment, defaults=data
    )
    if not created:
        raise EvaluationAlreadySubmitted("This course has already been evaluated.")
    return evaluation


def _approval_printed(approval: Approval) -> dict:
    return {
        "body": approval.body_name,
        "kind": approval.get_kind_display(),
        "provider_number": approval.provider_number,
        "period_start": approval.period_start.isoformat(),
        "period_end": approval.period_end.isoformat(),
        "statement": approval.statement,
    }


def _certificate_snapshot(
    *, enrollment: Enrollment, course: CoursePage, post_test_score: int | None
) -> dict:
    """What the certificate prints, decided now and never again.

    CE hours are awarded only when the course carries some and an approval
    covering its format is valid on the completion date; otherwise it is a
    certificate of completion with no hours and no credit lines, and
    ``ce_credit`` says which of the two reasons applies.
    """
    profile = ClinicianProfile.objects.filter(user=enrollment.user).first()
    instructor = str(course.instructor) if course.instructor else ""
    on = timezone.localdate(enrollment.completed_at or timezone.now())
    covering = approvals_covering(course=course, on=on) if course.offers_ce else []
    if not course.offers_ce:
        ce_credit = CECredit.NONE
    elif covering:
        ce_credit = CECredit.AWARDED
    else:
        ce_credit = CECredit.NOT_APPROVED
    awarded = ce_credit == CECredit.AWARDED
    return {
        "learner_name": (profile.name_on_certificate if profile else "")
        or enrollment.user.get_full_name()
        or enrollment.user.email,
        "license_type": profile.license_type if profile else "",
        "license_number": profile.license_number if profile else "",
        "license_state": profile.license_state if profile else "",
        "course_title": course.title,
        "ce_credit": ce_credit,
        "ce_hours": course.ce_hours if awarded else 0,
        "credits": (
            [[label, str(hours)] for label, hours in course.credit_lines()]
            if awarded
            else []
        ),
        "ce_format": course.get_ce_format_display() if course.ce_hours else "",
        "ce_level": course.get_ce_level_display() if course.ce_level else "",
        "approvals": [_approval_printed(approval) for approval in covering],
        "provider_name": settings.CE_PROVIDER_NAME,
        "instructor": instructor,
        "post_test_score": post_test_score,
    }


def course_completion_attempt(*, user: User, course: CoursePage) -> Certificate | None:
    """Complete the course and issue its certificate, if every condition holds.

    Conditions: an active enrollment, every required item complete, the final
    assessment passed, the evaluation submitted (a course without CE hours
    does not require it), the profile fields the certificate prints filled
    in, and the course's minimum time on task spent (``courses.time_on_task``;
    a heartbeat that brings the time over it calls this). Whether it awards
    CE hours is decided here too (``_certificate_snapshot``). Runs in one
    transaction with the enrollment row locked, so two simultaneous
    completions issue one certificate (the partial unique constraint is the
    last wall). Idempotent: returns the existing certificate. The email goes
    out on commit.
    """
    facts = course_completion_facts(user=user, course=course)
    if not facts.eligible:
        return None
    with transaction.atomic():
        enrollment = Enrollment.objects.select_for_update().get(pk=facts.enrollment.pk)
        existing = enrollment.certificates.filter(replaces__isnull=True).first()
        if existing is not None:
            return existing
        if enrollment.completed_at is None:
            enrollment.completed_at = timezone.now()
            enrollment.save(update_fields=["completed_at", "updated_at"])
        certificate = Certificate.objects.create(
            enrollment=enrollment,
            serial=serial_new(),
            completed_on=timezone.localdate(enrollment.completed_at),
            **_certificate_snapshot(
                enrollment=enrollment,
                course=course,
                post_test_score=facts.post_test_score,
            ),
        )
        transaction.on_commit(
            lambda: certificate_issued_send.enqueue(certificate.pk), robust=True
        )
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    """Mark a certificate revoked, saying why. The record is kept.

    Locks the certificate row; one that is no longer valid (revoked or
    reissued meanwhile, e.g. by a double submit) raises ``CertificateNotValid``
    and is left as it is. The learner is emailed on commit.
    """
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.status != CertificateStatus.VALID:
        raise CertificateNotValid("Only a valid certificate can be revoked.")
    certificate.status = CertificateStatus.REVOKED
    certificate.revoke_reason = reason[:255]
    certificate.revoked_at = timezone.now()
    certificate.save(update_fields=["status", "revoke_reason", "revoked_at"])
    transaction.on_commit(
        lambda: certificate_revoked_send.enqueue(certificate.pk), robust=True
    )
    return certificate


@transaction.atomic
def enrollment_certificates_revoke(
    *, enrollment: Enrollment, reason: str
) -> list[Certificate]:
    """Revoke every valid certificate of ``enrollment`` (money went back).

    Locks the certificates; those already revoked or replaced are left as
    they are, so calling it twice changes nothing more. Returns the
    certificates it revoked (none when there was nothing valid). The learner
    is emailed on commit for each, as for a revocation by hand.
    """
    revoked = []
    for certificate in Certificate.objects.select_for_update().filter(
        enrollment=enrollment, status=CertificateStatus.VALID
    ):
        certificate.status = CertificateStatus.REVOKED
        certificate.revoke_reason = reason[:255]
        certificate.revoked_at = timezone.now()
        certificate.save(update_fields=["status", "revoke_reason", "revoked_at"])
        revoked.append(certificate)
    for certificate in revoked:
        transaction.on_commit(
            lambda pk=certificate.pk: certificate_revoked_send.enqueue(pk), robust=True
        )
    return revoked


@transaction.atomic
def certificate_reissue(*, certificate: Certificate) -> Certificate:
    """Issue a corrected copy from the learner's current profile.

    The original is kept, marked ``reissued`` and linked to its copy; the copy
    has a new serial and prints that it is a corrected copy. Locks the
    original; one no longer valid (a double submit) raises
    ``CertificateNotValid`` and nothing is issued. The learner is emailed the
    copy on commit.
    """
    original = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if original.status != CertificateStatus.VALID:
        raise CertificateNotValid("Only a valid certificate can be reissued.")
    enrollment = original.enrollment
    fresh = _certificate_snapshot(
        enrollment=enrollment,
        course=enrollment.course,
        post_test_score=original.post_test_score,
    )
    # A correction fixes who it is for; what was earned stays as issued.
    copy = Certificate.objects.create(
        enrollment=enrollment,
        serial=serial_new(),
        replaces=original,
        completed_on=original.completed_on,
        **{
            **{
                key: getattr(original, key)
                for key in fresh
                if key
                not in (
                    "learner_name",
                    "license_type",
                    "license_number",
                    "license_state",
                )
            },
            "learner_name": fresh["learner_name"],
            "license_type": fresh["license_type"],
            "license_number": fresh["license_number"],
            "license_state": fresh["license_state"],
        },
    )
    original.status = CertificateStatus.REISSUED
    original.save(update_fields=["status"])
    transaction.on_commit(
        lambda: certificate_corrected_send.enqueue(copy.pk), robust=True
    )
    return copy
