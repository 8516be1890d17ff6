"""Starting a purchase: the rules the checkout view used to hold.

``checkout_start`` decides what pressing "Buy" does (a free course, a course
the learner has, the offline test checkout, or Stripe Checkout), creates the
order and asks Stripe for a session. ``checkout_test_pay`` is the offline test
gateway's payment. Both are services: keyword-only, no request.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass

from accounts.models import User
from courses.models import CoursePage, Enrollment, EnrollmentStatus
from payments import stripe_gateway
from payments.models import Order
from payments.selectors import offline_payments_enabled
from payments.services import checkout_fulfil, order_create

logger = logging.getLogger(__name__)


class CheckoutKind(enum.StrEnum):
    FREE = "free"  # nothing to pay: the enroll page
    OWNED = "owned"  # the learner has the course already
    CONFIRM = "confirm"  # (GET) ready to pay: the confirmation page
    OFFLINE = "offline"  # the offline test checkout, for ``order``
    STRIPE = "stripe"  # Stripe Checkout, at ``url``
    UNREACHABLE = "unreachable"  # Stripe could not be asked; nobody was charged


@dataclass(frozen=True)
class Checkout:
    kind: CheckoutKind
    offline: bool = False
    order: Order | None = None
    url: str = ""


def checkout_state(*, user: User, course: CoursePage) -> Checkout:
    """What "Buy" would do now, without doing it (the confirmation page)."""
    if course.is_free:
        return Checkout(CheckoutKind.FREE)
    owned = Enrollment.objects.filter(
        user=user, course=course, status=EnrollmentStatus.ACTIVE
    ).exists()
    if owned:
        return Checkout(CheckoutKind.OWNED)
    return Checkout(CheckoutKind.CONFIRM, offline=offline_payments_enabled())


def checkout_start(
    *,
    user: User,
    course: CoursePage,
    success_url: str,
    cancel_url: Callable[[Order], str],
) -> Checkout:
    """Press "Buy": create a pending order, then a Checkout Session for it.

    No order is created for a free course or one the learner has. The order
    commits before Stripe is asked (no lock is held meanwhile); the session's
    id is written on it after. With the offline test gateway on, the order is
    a test order and no Stripe call is made. If Stripe cannot be asked, the
    pending order stays (it expires unpaid) and ``UNREACHABLE`` is returned.
    """
    state = checkout_state(user=user, course=course)
    if state.kind != CheckoutKind.CONFIRM:
        return state
    if state.offline:
        order = order_create(user=user, course=course, is_test=True)
        return Checkout(CheckoutKind.OFFLINE, offline=True, order=order)
    order = order_create(user=user, course=course)
    try:
        session = stripe_gateway.checkout_session_create(
            order_id=order.pk,
            course_title=course.title,
            amount=order.amount,
            currency=order.currency,
            customer_email=user.email,
            success_url=success_url,
            cancel_url=cancel_url(order),
        )
    except stripe_gateway.StripeError:
        logger.exception("Could not create a Checkout Session for order %s", order.pk)
        return Checkout(CheckoutKind.UNREACHABLE, order=order)
    Order.objects.filter(pk=order.pk).update(checkout_session_id=session.id)
    return Checkout(CheckoutKind.STRIPE, order=order, url=session.url)


def checkout_test_pay(*, order: Order) -> Order:
    """The offline test checkout's "Pay": the same fulfilment as Stripe's.

    Idempotent (a paid order is returned as it is). Only for test orders.
    """
    if order.is_paid:
        return order
    session = stripe_gateway.CheckoutSession(
        id=f"cs_test_offline_{order.pk}",
        order_id=order.pk,
        payment_status="paid",
        status="complete",
        payment_intent_id=f"pi_test_offline_{order.pk}",
        amount_total=order.amount,
        currency=order.currency,
    )
    fulfilled = checkout_fulfil(session=session)
    assert fulfilled is not None  # the session names this very order
    return fulfilled
