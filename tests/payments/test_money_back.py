"""When the money goes back: the CE certificate, and refunds submitted twice.

Policy (docs/OPERATIONS.md, Refunds): a lost dispute revokes the course's valid
certificate ("Payment disputed and lost"); on a refund the instructor chooses,
default keep; a won dispute restores nothing. A refund form submitted twice
refunds once and says so, never 500.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.messages import get_messages

import pytest

from courses.models import Certificate, CertificateStatus, Enrollment
from payments import admin_views
from payments.models import Refund
from tests.payments import events

AMOUNT = 24900


@pytest.fixture
def paid_purchase(purchase, stripe_double, webhook):
    session = stripe_double.mark_paid(purchase.session_id)
    webhook.deliver(events.session_event("completed", session))
    purchase.order.refresh_from_db()
    purchase.session = session
    return purchase


@pytest.fixture
def certificate(paid_purchase) -> Certificate:
    """The buyer finished the course and holds its certificate."""
    order = paid_purchase.order
    enrollment = Enrollment.objects.get(user=order.user, course=order.course)
    return Certificate.objects.create(
        enrollment=enrollment,
        serial="PRC-MONY-BACK",
        learner_name="Maria L. Gómez, LCSW",
        course_title=order.course.title,
        completed_on=datetime.date(2026, 11, 1),
        ce_hours=Decimal("6.00"),
        provider_name="Practicum Academy",
    )


def _url(order) -> str:
    return f"/admin/payments/orders/{order.pk}/refund/"


def _form(order, **overrides) -> dict:
    data = {
        "amount": "249",
        "revoke_access": "yes",
        "revoke_certificate": "no",  # checked when the form opens
        "reason": "",
        "refunded_before": str(order.amount_refunded),
    }
    data.update(overrides)
    return data


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _status(certificate) -> str:
    certificate.refresh_from_db()
    return certificate.status


# Disputes --------------------------------------------------------------------------


def _dispute(webhook, purchase, kind: str):
    webhook.deliver(
        events.dispute_event(
            kind, payment_intent=purchase.session["payment_intent"], amount=AMOUNT
        )
    )


def test_a_lost_dispute_revokes_the_certificate(webhook, paid_purchase, certificate):
    _dispute(webhook, paid_purchase, "created")
    assert _status(certificate) == CertificateStatus.VALID  # open: not yet decided

    _dispute(webhook, paid_purchase, "lost")

    assert _status(certificate) == CertificateStatus.REVOKED
    assert certificate.revoke_reason == (
        f"Payment disputed and lost (order {paid_purchase.order.number})"
    )
    assert certificate.revoked_at is not None


def test_a_lost_dispute_tells_the_learner_once(webhook, paid_purchase, certificate):
    from django.core import mail

    _dispute(webhook, paid_purchase, "lost")
    _dispute(webhook, paid_purchase, "lost")  # a second copy under another id

    revoked = [m for m in mail.outbox if certificate.serial in m.body]
    assert len(revoked) == 1
    assert revoked[0].to == [certificate.enrollment.user.email]
    assert "revoked" in revoked[0].subject.lower()


def test_a_duplicated_lost_dispute_changes_nothing_more(
    webhook, paid_purchase, certificate
):
    lost = events.dispute_event(
        "lost", payment_intent=paid_purchase.session["payment_intent"], amount=AMOUNT
    )
    webhook.deliver(lost)
    certificate.refresh_from_db()
    revoked_at = certificate.revoked_at

    webhook.deliver(lost)  # Stripe redelivers the same event
    webhook.deliver(  # and a second copy under another id
        events.dispute_event(
            "lost",
            payment_intent=paid_purchase.session["payment_intent"],
            amount=AMOUNT,
        )
    )

    certificate.refresh_from_db()
    assert certificate.revoked_at == revoked_at
    assert Certificate.objects.filter(enrollment=certificate.enrollment).count() == 1


def test_a_won_dispute_keeps_the_certificate(webhook, paid_purchase, certificate):
    _dispute(webhook, paid_purchase, "created")

    _dispute(webhook, paid_purchase, "won")

    assert _status(certificate) == CertificateStatus.VALID


# Refunds: the instructor chooses ----------------------------------------------------


def test_the_refund_form_offers_the_certificate_choice_only_when_one_is_valid(
    instructor_client, paid_purchase
):
    order = paid_purchase.order

    without = instructor_client.get(_url(order)).content.decode()
    Enrollment.objects.get(user=order.user, course=order.course)
    certificate = Certificate.objects.create(
        enrollment=Enrollment.objects.get(user=order.user, course=order.course),
        serial="PRC-SHOW-CHCE",
        learner_name="Maria",
        course_title=order.course.title,
        completed_on=datetime.date(2026, 11, 1),
        ce_hours=Decimal("6.00"),
    )
    with_certificate = instructor_client.get(_url(order)).content.decode()

    assert "Keep the certificate valid" not in without
    assert "Keep the certificate valid" in with_certificate
    assert f"Revoke the certificate ({certificate.serial})" in with_certificate


def test_a_refund_keeps_the_certificate_by_default(
    instructor_client, paid_purchase, stripe_double, certificate
):
    order = paid_purchase.order

    response = instructor_client.post(_url(order), _form(order))

    assert response.status_code == 302
    assert _status(certificate) == CertificateStatus.VALID
    assert Refund.objects.get(order=order).revoke_certificate is False


def test_a_refund_that_revokes_the_certificate_records_why(
    instructor_client, paid_purchase, stripe_double, certificate
):
    order = paid_purchase.order

    response = instructor_client.post(
        _url(order),
        _form(order, amount="100", revoke_certificate="yes", reason="Never started."),
    )

    assert response.status_code == 302
    assert _status(certificate) == CertificateStatus.REVOKED
    assert certificate.revoke_reason == (
        f"Refunded (order {order.number}): Never started."
    )
    assert Refund.objects.get(order=order).revoke_certificate is True
    assert f"Certificate {certificate.serial} was revoked." in " ".join(
        _messages(response)
    )


# Refunds submitted twice --------------------------------------------------------------


def test_a_partial_refund_submitted_twice_refunds_once(
    instructor_client, paid_purchase, stripe_double
):
    order = paid_purchase.order
    form = _form(order, amount="50", revoke_access="no")
    instructor_client.post(_url(order), form)

    response = instructor_client.post(_url(order), form)  # the same form, again

    assert response.status_code == 302
    assert Refund.objects.filter(order=order).count() == 1
    order.refresh_from_db()
    assert order.amount_refunded == 5000
    assert (
        f"{order.number} was refunded while this form was open ($50.00 refunded in "
        "all), so nothing more was refunded. Check the order before refunding again."
        in _messages(response)
    )


def test_a_refund_that_lost_the_race_says_so(
    instructor_client, paid_purchase, stripe_double, monkeypatch
):
    # Given the view read the order before a parallel full refund committed
    order = paid_purchase.order
    stale = type(order).objects.get(pk=order.pk)
    instructor_client.post(_url(order), _form(order))
    monkeypatch.setattr(admin_views, "get_object_or_404", lambda queryset, pk: stale)

    # When this request, which still saw $249.00 to refund, posts a form
    # without the "already refunded" field (an older form, or none at all)
    response = instructor_client.post(
        _url(order), {"amount": "249", "revoke_access": "yes"}
    )

    # Then nothing more is refunded, and she is told, not shown an error page
    assert response.status_code == 302
    assert Refund.objects.filter(order=order).count() == 1
    assert any("nothing more was refunded" in m for m in _messages(response))
