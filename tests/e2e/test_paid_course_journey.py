"""The demo learner buys the paid CE course and leaves with a valid certificate.

Twice, once for each way to pay: the offline test checkout (DEBUG, no Stripe
key) and Stripe Checkout, played by the local Stripe double
(tests/payments/stripe_double.py) that the real SDK is pointed at, with the
payment confirmed by a signed webhook posted to the live server.

In the browser: the purchase, the first lesson ("Mark complete and
continue"), the post-test (answered from the attempt's own key), the
evaluation, the certificate, its PDF and its verification page. Between the
first lesson and the post-test the learner's other lessons and knowledge
checks go through the services, as the views do. The course asks for time on
task (80% of its CE hours, 50% of each lesson's minutes): each lesson is
given as open in the learner's browser for its estimated minutes
(test_time_on_task.py proves the heartbeat that measures it).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.e2e.test_quiz_journey import expect_completed

pytestmark = [
    pytest.mark.e2e,
    # See test_signup_journey.py for why both are needed.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NAME_ON_CERTIFICATE = "Jordan A. Ellis, LCSW"
LICENSE_NUMBER = "LIC-JOURNEY-42"


@pytest.fixture
def stripe_double():
    from tests.payments.stripe_double import StripeDouble

    double = StripeDouble().start()
    yield double
    double.stop()


def offline_payments(settings) -> None:
    """The offline test checkout: DEBUG on, no Stripe key."""
    settings.DEBUG = True
    settings.STRIPE_SECRET_KEY = ""


def stripe_payments(settings, double) -> None:
    """Stripe, played by the double: the real SDK pointed at it, test keys."""
    from tests.payments.support import STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET

    settings.STRIPE_API_BASE = double.url
    settings.STRIPE_SECRET_KEY = STRIPE_SECRET_KEY
    settings.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET
    # The course page's form goes on to Stripe Checkout: here, the double
    # (config/settings/base.py lets forms go on to Stripe's own origin).
    csp = settings.SECURE_CSP
    settings.SECURE_CSP = {**csp, "form-action": [*csp["form-action"], double.url]}


def buy_offline(page) -> None:
    page.get_by_role("button", name=re.compile(r"^Buy the course")).click()
    expect(page.get_by_text("TEST PAYMENT — no money moves.")).to_be_visible()
    page.get_by_role("button", name="Pay (test)").click()


def buy_with_stripe(page, demo, double, playwright) -> None:
    """Pay on the double's "hosted page"; Stripe's signed webhook confirms it
    before the browser comes back to the success page."""
    from payments.models import Order, OrderStatus
    from tests.payments import events
    from tests.payments.support import STRIPE_WEBHOOK_SECRET, WEBHOOK_URL

    page.get_by_role("button", name=re.compile(r"^Buy the course")).click()
    expect(page).to_have_url(re.compile(re.escape(double.url) + r"/c/pay/cs_"))
    session_id = page.url.rsplit("/", 1)[-1]
    order = Order.objects.get(user__email=demo.learner_email, course=demo.paid_course)
    assert order.status != OrderStatus.PAID

    session = double.mark_paid(session_id)
    body = events.body_of(events.session_event("completed", session))
    stripe = playwright.request.new_context()  # a client of its own, no cookies
    try:
        response = stripe.post(
            demo.url(WEBHOOK_URL),
            data=body,
            headers={
                "Content-Type": "application/json",
                "Stripe-Signature": events.sign(body, STRIPE_WEBHOOK_SECRET),
            },
        )
        assert response.status == 200, response.text()
    finally:
        stripe.dispose()
    order.refresh_from_db()
    assert order.status == OrderStatus.PAID  # the webhook alone fulfilled it

    page.goto(session["success_url"].replace("{CHECKOUT_SESSION_ID}", session_id))


def give_lesson_time(user, course) -> None:
    """Each lesson as open in the learner's browser for its estimated minutes."""
    from django.utils import timezone

    from courses.models import LessonTime
    from lessons.models import LessonPage

    now = timezone.now()
    for lesson in LessonPage.objects.live().descendant_of(course):
        LessonTime.objects.update_or_create(
            user=user,
            page_id=lesson.pk,
            defaults={
                "course": course,
                "first_opened_at": now - timedelta(minutes=lesson.estimated_minutes),
            },
        )


def finish_all_but_the_post_test(user, course) -> None:
    """Every other lesson and knowledge check, in order, through the services."""
    from wagtail.models import Page

    from lessons.models import LessonPage, QuizPage
    from lessons.services import quiz_attempt_start, quiz_attempt_submit
    from lessons.time_on_task import lesson_complete
    from tests.lessons.quiz_factories import right_answers

    for item in Page.objects.live().descendant_of(course).order_by("path").specific():
        if isinstance(item, LessonPage):
            lesson_complete(user=user, lesson=item, course=course)
        elif isinstance(item, QuizPage) and not item.is_final_assessment:
            attempt = quiz_attempt_start(user=user, quiz=item, course=course)
            assert quiz_attempt_submit(attempt=attempt, answers=right_answers(attempt))


def take_the_post_test(page, demo, user, course):
    """Start the post-test and answer each drawn question from its own key."""
    from lessons.models import QuizAttempt, QuizPage

    post_test = (
        QuizPage.objects.live().descendant_of(course).get(is_final_assessment=True)
    )
    page.goto(demo.url(post_test))
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("heading", name="Attempt 1")).to_be_visible()
    attempt = QuizAttempt.objects.get(user=user, quiz=post_test, submitted_at=None)
    assert len(attempt.snapshot) == 18
    for question in attempt.snapshot:
        for choice_id in question["correct"]:
            page.locator(
                f'input[name="q-{question["id"]}"][value="{choice_id}"]'
            ).check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("100% (18 of 18 correct)")).to_be_visible()
    expect(page.get_by_text("You passed.")).to_be_visible()


def evaluate(page, course) -> None:
    page.get_by_role("link", name="Evaluate the course").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    for index in range(len(course.learning_objectives)):
        page.locator(f'input[name="objective_{index}"][value="5"]').check()
    for name in ("relevance", "content_quality", "instructor_effectiveness"):
        page.locator(f'input[name="{name}"][value="4"]').check()
    page.locator('input[name="hours_spent"]').fill("20")
    page.locator('input[name="name_on_certificate"]').fill(NAME_ON_CERTIFICATE)
    page.locator('input[name="license_type"]').fill("LCSW")
    page.locator('input[name="license_number"]').fill(LICENSE_NUMBER)
    page.locator('select[name="license_state"]').select_option("TX")
    page.get_by_role("button", name=re.compile("Submit the evaluation")).click()


def check_certificate(page, course, certificate, tmp_path) -> None:
    from pypdf import PdfReader

    expect(page).to_have_url(
        re.compile(re.escape(f"/certificates/{certificate.serial}/") + "$")
    )
    main = page.locator("main")
    expect(main).to_contain_text(NAME_ON_CERTIFICATE)
    expect(main).to_contain_text(certificate.serial)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download the PDF")).click()
    path = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(path)
    text = " ".join(p.extract_text() or "" for p in PdfReader(path).pages)
    text = re.sub(r"\s+", " ", text)
    assert certificate.serial in text
    assert NAME_ON_CERTIFICATE in text

    page.locator(f'a[href$="/certificates/verify/{certificate.serial}/"]').first.click()
    expect(page).to_have_url(
        re.compile(re.escape(f"/certificates/verify/{certificate.serial}/") + "$")
    )
    expect(main).to_contain_text("Valid")
    expect(main).to_contain_text(course.title)
    expect(main).not_to_contain_text(LICENSE_NUMBER)


@pytest.mark.parametrize("gateway", ["offline", "stripe"])
def test_learner_buys_the_paid_course_and_earns_its_certificate(
    page, demo, settings, request, tmp_path, mailoutbox, gateway
):
    from django.contrib.auth import get_user_model

    from courses.models import Certificate, Enrollment, EnrollmentStatus
    from courses.selectors import first_item_of
    from lessons.models import LessonPage
    from payments.models import Order, OrderStatus
    from tests.payments.support import confirmations_to

    course = demo.paid_course
    user = get_user_model().objects.get(email=demo.learner_email)
    first = first_item_of(course=course).specific
    demo.log_in(page.context, demo.learner_email)

    # Buys the course from its page, and lands in its first lesson.
    if gateway == "offline":
        offline_payments(settings)
        page.goto(demo.url(course))
        buy_offline(page)
    else:
        double = request.getfixturevalue("stripe_double")
        stripe_payments(settings, double)
        page.goto(demo.url(course))
        buy_with_stripe(page, demo, double, request.getfixturevalue("playwright"))
    expect(page).to_have_url(demo.url(first))
    expect(page.get_by_role("status")).to_contain_text("Payment received")
    order = Order.objects.get(user=user, course=course)
    assert order.status == OrderStatus.PAID
    assert order.is_test == (gateway == "offline")
    assert Enrollment.objects.get(user=user, course=course).status == (
        EnrollmentStatus.ACTIVE
    )
    assert len(confirmations_to(mailoutbox, user)) == 1  # webhook and page: once

    # Reads the first lesson and goes on to the next.
    give_lesson_time(user, course)
    lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
    assert lessons[0].pk == first.pk
    second = lessons[1]  # the first module starts with lessons
    page.get_by_role("button", name="Mark complete and continue").click()
    expect(page).to_have_url(demo.url(second))
    expect_completed(page, first.title)

    finish_all_but_the_post_test(user, course)
    take_the_post_test(page, demo, user, course)
    evaluate(page, course)

    certificate = Certificate.objects.get(
        enrollment__user=user, enrollment__course=course
    )
    check_certificate(page, course, certificate, tmp_path)
