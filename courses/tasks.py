"""Mail about enrollments and certificates, sent after commit as tasks."""

from __future__ import annotations

from django.tasks import task
from django.urls import reverse

from core.mail import mail_send
from core.site_url import site_url
from courses.models import Certificate, Enrollment


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
