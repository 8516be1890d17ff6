"""Mail sent after a payment changes something, through Django's tasks framework."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string

from payments.models import Order


@task()
def order_confirmation_send(order_id: int) -> None:
    """Email the learner that their purchase gave them access to the course."""
    order = Order.objects.select_related("user", "course").get(pk=order_id)
    context = {
        "order": order,
        "course": order.course,
        "user": order.user,
        "site_url": settings.SITE_URL,
        "course_url": settings.SITE_URL + order.course.url,
    }
    subject = render_to_string(
        "payments/email/order_confirmation_subject.txt", context
    ).strip()
    send_mail(
        subject=subject,
        message=render_to_string(
            "payments/email/order_confirmation_message.txt", context
        ),
        from_email=None,
        recipient_list=[order.user.email],
    )
