"""Mail sent after a payment changes something, through Django's tasks framework."""

from __future__ import annotations

from django.tasks import task
from django.urls import reverse

from core.mail import mail_send
from core.site_url import site_url
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
