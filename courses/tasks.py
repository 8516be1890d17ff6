"""Mail about certificates, sent after commit through Django's tasks framework.

Issued, revoked and corrected: each a template prefix under
``templates/courses/email/``.
"""

from __future__ import annotations

from email.utils import parseaddr

from django.conf import settings
from django.tasks import task
from django.urls import reverse

from core.mail import mail_send
from core.site_url import site_url
from courses.models import Certificate


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
