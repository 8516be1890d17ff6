"""Mail about certificates, sent after commit through Django's tasks framework."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from courses.models import Certificate


@task()
def certificate_issued_send(certificate_id: int) -> None:
    """Tell the learner their certificate is ready, with its verification link."""
    certificate = Certificate.objects.select_related("enrollment__user").get(
        pk=certificate_id
    )
    context = {
        "certificate": certificate,
        "certificate_url": settings.SITE_URL
        + reverse("certificate_detail", args=[certificate.serial]),
        "verify_url": settings.SITE_URL
        + reverse("certificate_verify", args=[certificate.serial]),
    }
    send_mail(
        subject=render_to_string(
            "courses/email/certificate_issued_subject.txt", context
        ).strip(),
        message=render_to_string(
            "courses/email/certificate_issued_message.txt", context
        ),
        from_email=None,
        recipient_list=[certificate.enrollment.user.email],
    )
