"""Learners, their profiles, enrollments, orders and refunds, in bulk."""

from __future__ import annotations

import random
from datetime import timedelta

from django.apps import apps
from django.contrib.auth.hashers import make_password

from allauth.account.models import EmailAddress

from accounts.models import ClinicianProfile, User
from courses.models import Enrollment, EnrollmentSource, EnrollmentStatus
from demo.scale import content
from demo.scale.bulk import rows_insert, timestamps_as_given
from demo.scale.plan import Learner, PlannedEnrollment
from demo.scale.tree import ScaleCourse


def learner_email(index: int) -> str:
    return f"learner{index + 1:05d}@{content.EMAIL_DOMAIN}"


def learners_create(*, learners: list[Learner], rng: random.Random) -> int:
    """Users (one password hash for all), verified addresses and profiles."""
    password = make_password(content.PASSWORD)
    users = []
    for learner in learners:
        users.append(
            User(
                email=learner_email(learner.index),
                first_name=rng.choice(content.FIRST_NAMES),
                last_name=rng.choice(content.LAST_NAMES),
                password=password,
                date_joined=learner.joined,
                announcement_emails=rng.random() > 0.08,
            )
        )
    rows_insert(User, users)
    for learner, user in zip(learners, users, strict=True):
        learner.pk = user.pk
    rows_insert(
        EmailAddress,
        (
            EmailAddress(user_id=u.pk, email=u.email, verified=True, primary=True)
            for u in users
        ),
    )
    profiles = []
    for user in users:
        profession, license_type = rng.choice(content.LICENSES)
        state = rng.choice(content.STATES)
        name = f"{user.first_name} {user.last_name}"
        profiles.append(
            ClinicianProfile(
                user_id=user.pk,
                name_on_certificate=f"{name}, {license_type}" if license_type else name,
                profession=profession,
                license_type=license_type,
                license_number=f"{state}{rng.randint(10000, 999999)}",
                license_state=state,
                created_at=user.date_joined,
                updated_at=user.date_joined,
            )
        )
    with timestamps_as_given(ClinicianProfile):
        rows_insert(ClinicianProfile, profiles)
    return len(users)


def enrollments_create(
    *, plan: list[PlannedEnrollment], courses: list[ScaleCourse]
) -> int:
    rows = []
    for e in plan:
        rows.append(
            Enrollment(
                user_id=e.learner.pk,
                course_id=courses[e.course].page.pk,
                status=EnrollmentStatus.REVOKED
                if e.revoked_at
                else EnrollmentStatus.ACTIVE,
                source=EnrollmentSource.PURCHASE if e.paid else EnrollmentSource.FREE,
                completed_at=e.evaluated_at,
                revoked_at=e.revoked_at,
                revoke_reason="Refunded in full." if e.revoked_at else "",
                created_at=e.created_at,
                updated_at=e.revoked_at or e.evaluated_at or e.created_at,
            )
        )
    with timestamps_as_given(Enrollment):
        rows_insert(Enrollment, rows)
    for e, row in zip(plan, rows, strict=True):
        e.pk = row.pk
    return len(rows)


def orders_create(
    *,
    plan: list[PlannedEnrollment],
    courses: list[ScaleCourse],
    refunded_by: User | None,
    rng: random.Random,
) -> tuple[int, int]:
    """A paid order per purchase; full refunds revoked, partial ones kept access.

    Returns (orders, refunds).
    """
    Order = apps.get_model("payments", "Order")  # noqa: N806
    Refund = apps.get_model("payments", "Refund")  # noqa: N806
    orders, refunds = [], []
    for n, e in enumerate(p for p in plan if p.paid):
        price = courses[e.course].page.price_amount
        discount = price // 5 if rng.random() < 0.1 else 0
        paid = price - discount
        refunded = {"full": paid, "partial": paid // 2}.get(e.refund, 0)
        status = {"full": "refunded", "partial": "partially_refunded"}.get(
            e.refund, "paid"
        )
        created = e.created_at - timedelta(minutes=rng.uniform(2, 30))
        refund_at = e.revoked_at or e.created_at + timedelta(days=rng.uniform(1, 20))
        order = Order(
            user_id=e.learner.pk,
            course_id=courses[e.course].page.pk,
            amount=price,
            currency="usd",
            discount_amount=discount,
            amount_paid=paid,
            amount_refunded=refunded,
            status=status,
            refund_access={"full": "revoke", "partial": "keep"}.get(e.refund, ""),
            checkout_session_id=f"cs_scale_{n + 1:07d}",
            payment_intent_id=f"pi_scale_{n + 1:07d}",
            paid_at=e.created_at,
            created_at=created,
            updated_at=refund_at if e.refund else e.created_at,
        )
        orders.append(order)
        if e.refund:
            refunds.append((order, refunded, e.refund == "full", refund_at))
    with timestamps_as_given(Order, Refund):
        rows_insert(Order, orders)
        rows_insert(
            Refund,
            (
                Refund(
                    order_id=order.pk,
                    amount=amount,
                    revoke_access=revoke,
                    stripe_refund_id=f"re_scale_{order.pk}",
                    requested_by=refunded_by,
                    reason="Asked for a refund.",
                    status="made",  # settled at Stripe (payments.RefundStatus)
                    created_at=at,
                    updated_at=at,
                )
                for order, amount, revoke, at in refunds
            ),
        )
    return len(orders), len(refunds)
