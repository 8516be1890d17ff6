"""A learner buys the paid demo course through the offline test checkout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_learner_buys_the_paid_course_and_lands_in_its_first_lesson(
    page, demo, settings
):
    from courses.models import Enrollment, EnrollmentStatus
    from courses.selectors import first_item_of
    from payments.models import Order, OrderStatus

    # Given offline test payments (DEBUG on, no Stripe key) and the demo learner
    settings.DEBUG = True
    settings.STRIPE_SECRET_KEY = ""
    course = demo.paid_course
    first = first_item_of(course=course).specific
    demo.log_in(page.context, demo.learner_email)

    # When they buy the course from its page
    page.goto(demo.url(course))
    page.get_by_role("button", name=re.compile(r"^Buy the course")).click()
    expect(page.get_by_text("TEST PAYMENT — no money moves.")).to_be_visible()
    expect(page.get_by_role("heading", level=1, name="Test payment")).to_be_visible()
    page.get_by_role("button", name="Pay (test)").click()

    # Then they land in the first lesson, enrolled, with a paid order
    expect(page).to_have_url(demo.url(first))
    expect(page.get_by_role("heading", level=1, name=first.title)).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Payment received")
    enrollment = Enrollment.objects.get(user__email=demo.learner_email, course=course)
    assert enrollment.status == EnrollmentStatus.ACTIVE
    order = Order.objects.get(user__email=demo.learner_email, course=course)
    assert order.status == OrderStatus.PAID
    assert order.is_test and order.amount_paid == course.price_amount
