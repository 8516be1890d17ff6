"""Mail about enrollments, invitations and certificates, sent after commit as tasks.

Each email is a template prefix under ``templates/courses/email/`` (see
``core/mail.py``): invitation, enrollment granted, certificate issued, revoked
and corrected, a learner's request received and answered.
"""

from __future__ import annotations

from email.utils import parseaddr

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from core.mail import mail_send
from core.site_url import site_url
from courses.models import (
    Certificate,
    Enrollment,
    Invitation,
    LearnerRequest,
    LearnerRequestKind,
)

# The policy pages seed_demo publishes (demo/content/pages/); the footer,
# course and certificate pages link to the same addresses.
GRIEVANCE_POLICY_PATH = "/grievance-policy/"
ACCOMMODATION_POLICY_PATH = "/accommodations/"


@task()
def certificate_issued_send(certificate_id: int) -> None:
    """Tell the learner their certificate is ready, with its verification link."""
    certificate = Certificate.objects.select_related("enrollment__user").get(
        pk=certificate_id
    )
    mail_send(
        "courses/email/certificate_issued",
        to=[certificate.enrollment.user.email],
        context={
            "certificate": certificate,
            "certificate_url": site_url(
                reverse("certificate_detail", args=[certificate.serial])
            ),
            "verify_url": site_url(
                reverse("certificate_verify", args=[certificate.serial])
            ),
        },
    )


@task()
def invitation_send(invitation_id: int) -> None:
    """Invite someone to sign up: the course is waiting for them once they verify.

    Sent once: an invitation already sent or accepted is skipped, and
    ``sent_at`` records the sending.
    """
    invitation = (
        Invitation.objects.select_related("course", "invited_by")
        .filter(pk=invitation_id, sent_at__isnull=True, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return
    inviter = invitation.invited_by
    signup_path = reverse("account_signup") + "?next=" + reverse("dashboard")
    url_parts = invitation.course.get_url_parts()  # None while it is not routable
    mail_send(
        "courses/email/invitation",
        to=[invitation.email],
        context={
            "invitation": invitation,
            "course": invitation.course,
            "inviter_name": (inviter.get_full_name() or inviter.email)
            if inviter
            else "",
            "provider_name": settings.CE_PROVIDER_NAME,
            "signup_url": site_url(signup_path),
            "login_url": site_url(reverse("account_login")),
            "course_url": site_url(url_parts[2]) if url_parts else "",
        },
    )
    Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )


@task()
def enrollment_granted_send(enrollment_id: int) -> None:
    """Tell the learner the instructor enrolled them, with a link to the course."""
    enrollment = Enrollment.objects.select_related("user", "course").get(
        pk=enrollment_id
    )
    mail_send(
        "courses/email/enrollment_granted",
        to=[enrollment.user.email],
        context={
            "enrollment": enrollment,
            "course_title": enrollment.course.title,
            "course_url": site_url(enrollment.course.url or "/"),
            "dashboard_url": site_url(reverse("dashboard")),
        },
    )


def _contact_email() -> str:
    """The address learners write to: the one our emails come from."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


@task()
def certificate_revoked_send(certificate_id: int) -> None:
    """Tell the learner their certificate was revoked, why, and whom to write to."""
    certificate = Certificate.objects.select_related("enrollment__user").get(
        pk=certificate_id
    )
    mail_send(
        "courses/email/certificate_revoked",
        to=[certificate.enrollment.user.email],
        context={
            "certificate": certificate,
            "verify_url": site_url(
                reverse("certificate_verify", args=[certificate.serial])
            ),
            "contact_email": _contact_email(),
        },
    )


@task()
def certificate_corrected_send(certificate_id: int) -> None:
    """Send the learner the corrected copy that replaces their certificate.

    The certificate email promises one ("reply to this email: we will issue a
    corrected copy"); this keeps the promise with links to the new one.
    """
    copy = Certificate.objects.select_related("enrollment__user", "replaces").get(
        pk=certificate_id
    )
    mail_send(
        "courses/email/certificate_corrected",
        to=[copy.enrollment.user.email],
        context={
            "certificate": copy,
            "replaces": copy.replaces,
            "certificate_url": site_url(
                reverse("certificate_detail", args=[copy.serial])
            ),
            "pdf_url": site_url(reverse("certificate_pdf", args=[copy.serial])),
            "verify_url": site_url(reverse("certificate_verify", args=[copy.serial])),
            "contact_email": _contact_email(),
        },
    )


def _learner_request_context(learner_request) -> dict:
    return {
        "learner_request": learner_request,
        "learner_name": (
            learner_request.user.get_full_name() or learner_request.user.email
        ),
        "provider_name": settings.CE_PROVIDER_NAME,
        "contact_email": _contact_email(),
        "policy_url": site_url(
            GRIEVANCE_POLICY_PATH
            if learner_request.kind == LearnerRequestKind.GRIEVANCE
            else ACCOMMODATION_POLICY_PATH
        ),
    }


@task()
def learner_request_received_send(learner_request_id: int) -> None:
    """Acknowledge an accommodation request or grievance, with a copy of it."""
    learner_request = LearnerRequest.objects.select_related("user", "course").get(
        pk=learner_request_id
    )
    mail_send(
        "courses/email/learner_request_received",
        to=[learner_request.user.email],
        context=_learner_request_context(learner_request),
    )


@task()
def learner_request_answered_send(learner_request_id: int) -> None:
    """Send the learner the instructor's answer to their request or grievance."""
    learner_request = LearnerRequest.objects.select_related("user", "course").get(
        pk=learner_request_id
    )
    mail_send(
        "courses/email/learner_request_answered",
        to=[learner_request.user.email],
        context=_learner_request_context(learner_request),
    )
