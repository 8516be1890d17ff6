"""Mail sent after a payment changes something, through Django's tasks framework."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.tasks import task
from django.urls import reverse

from config.roles import INSTRUCTOR
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


def _sale_notice_recipients() -> list[str]:
    """Active instructors and administrators who have not turned sale emails off."""
    users = get_user_model().objects.filter(is_active=True, sale_notifications=True)
    users = users.filter(Q(is_superuser=True) | Q(groups__name=INSTRUCTOR)).distinct()
    return list(users.order_by("email").values_list("email", flat=True))


@task()
def sale_notice_send(order_id: int) -> None:
    """Email each instructor (and administrator) who wants it that a course sold.

    One email per person, so no one sees another's address. Enqueued on commit
    when an order first becomes paid, so a duplicated webhook sends nothing.
    """
    order = Order.objects.select_related("user__profile", "course").get(pk=order_id)
    learner = order.user
    profile = getattr(learner, "profile", None)
    learner_name = (
        learner.get_full_name() or (profile and profile.name_on_certificate) or ""
    )
    context = {
        "order": order,
        "course": order.course,
        "learner": learner,
        "learner_name": learner_name,
        "order_url": site_url(reverse("orders:inspect", args=[order.pk])),
    }
    for email in _sale_notice_recipients():
        mail_send("payments/email/sale_notice", to=[email], context=context)


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
