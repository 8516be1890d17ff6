"""Mail sent after a payment changes something, through Django's tasks framework."""

from __future__ import annotations

from django.tasks import task
from django.urls import reverse

from core.mail import mail_send
from core.site_url import site_url
from courses.models import Enrollment, EnrollmentStatus
from payments.models import Order


@task()
def order_confirmation_send(order_id: int) -> None:
    """Email the learner that their purchase gave them access to the course."""
    order = Order.objects.select_related("user", "course").get(pk=order_id)
    mail_send(
        "payments/email/order_confirmation",
        to=[order.user.email],
        context={
            "order": order,
            "course": order.course,
            "user": order.user,
            "course_url": site_url(order.course.url),
            "receipt_url": site_url(reverse("payments:receipt", args=[order.pk])),
        },
    )


@task()
def refund_notice_send(order_id: int, amount: int) -> None:
    """Tell the learner that ``amount`` (minor units) of their order was refunded.

    Says whether they keep the course, as it stands once the refund is recorded.
    """
    order = Order.objects.select_related("user", "course").get(pk=order_id)
    keeps_access = Enrollment.objects.filter(
        user=order.user, course=order.course, status=EnrollmentStatus.ACTIVE
    ).exists()
    mail_send(
        "payments/email/refund_notice",
        to=[order.user.email],
        context={
            "order": order,
            "course": order.course,
            "user": order.user,
            "amount": amount,
            "keeps_access": keeps_access,
            "course_url": site_url(order.course.url),
            "receipt_url": site_url(reverse("payments:receipt", args=[order.pk])),
        },
    )
