"""After the last required item, the learner is told what is left and led to it.

A passed quiz's result page names the next item, or the evaluation (or the
certificate) once the course is finished; so does completing the last lesson.

The CE course (``tests/courses/ce_support.py``): Lesson one, Lesson two,
Further reading (optional), Post-test (the final assessment, last).
"""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

import pytest

from courses.services import course_completion_attempt
from lessons.models import QuizAttempt
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    ce_course_build,
    enroll,
    evaluate,
    final_take,
    lessons_complete,
    profile_fill,
)
from tests.lessons.quiz_factories import (
    QuizPageFactory,
    content_of,
    post_data,
    right_answers,
    wrong_answers,
)

pytestmark = pytest.mark.django_db

FINISHED = "You have finished the course. Next: evaluate it to receive your certificate"


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


@pytest.fixture
def clinician(ce):
    user = UserFactory(email="clinician@example.com")
    enroll(user, ce)
    return user


@pytest.fixture
def client_for(clinician) -> Client:
    client = Client()
    client.force_login(clinician)
    return client


def take(client, user, quiz, *, right: bool = True) -> str:
    """Start and submit an attempt through the pages; the result page's text."""
    client.post(quiz.url + "start/")
    attempt = QuizAttempt.objects.get(user=user, quiz=quiz, submitted_at__isnull=True)
    answers = right_answers(attempt) if right else wrong_answers(attempt)
    response = client.post(quiz.url + "submit/", post_data(answers))
    return re.sub(r"\s+", " ", content_of(client.get(response["Location"])))


def test_passing_the_last_quiz_leads_to_the_evaluation(client_for, clinician, ce):
    # Given a learner who completed every required lesson
    lessons_complete(clinician, ce)

    # When they pass the post-test
    text = take(client_for, clinician, ce.final)

    # Then the result says the course is finished and links to the evaluation
    assert "You passed." in text
    assert FINISHED in text
    evaluation_url = reverse("course_evaluation", args=[ce.course.pk])
    assert f'href="{evaluation_url}"' in text


def test_passing_again_after_the_certificate_links_to_it(client_for, clinician, ce):
    # Given a learner who already holds the course's certificate
    lessons_complete(clinician, ce)
    final_take(clinician, ce)
    profile_fill(clinician)
    evaluate(clinician, ce)
    certificate = course_completion_attempt(user=clinician, course=ce.course)

    # When they take the post-test again and pass
    text = take(client_for, clinician, ce.final)

    # Then the result links to their certificate
    certificate_url = reverse("certificate_detail", args=[certificate.serial])
    assert f'href="{certificate_url}"' in text
    assert "evaluate it to receive your certificate" not in text


def test_passing_the_last_quiz_with_lessons_left_links_to_the_first_left(
    client_for, clinician, ce
):
    # Given a learner who skipped straight to the post-test
    # When they pass it
    text = take(client_for, clinician, ce.final)

    # Then the result names what is left and links to the first required item left
    assert FINISHED not in text
    assert "2 of 3 required items are still to do" in text
    assert f'href="{ce.lessons[0].url}"' in text


def test_passing_a_quiz_mid_course_links_to_the_next_item(course_index, db):
    # Given a quiz followed by a lesson
    ce = ce_course_build(parent=course_index)
    module = ce.lessons[0].get_parent()
    quiz = QuizPageFactory(parent=module, title="Check", slug="check")
    quiz.move(ce.lessons[1], pos="left")  # Lesson one, Check, Lesson two, …
    user = UserFactory()
    enroll(user, ce)
    client = Client()
    client.force_login(user)

    # When the learner passes it
    text = take(client, user, quiz.specific_class.objects.get(pk=quiz.pk))

    # Then the result links to the item after it
    assert f'href="{ce.lessons[1].url}">Next: Lesson two' in text
    assert FINISHED not in text


def test_a_failed_attempt_offers_no_next_step(client_for, clinician, ce):
    lessons_complete(clinician, ce)

    text = take(client_for, clinician, ce.final, right=False)

    assert FINISHED not in text
    assert "Next:" not in text


def test_completing_the_last_required_lesson_leads_to_the_evaluation(
    client_for, clinician, ce
):
    # Given a learner who passed the post-test and completed Lesson one
    final_take(clinician, ce)
    client_for.post(reverse("item_completion", args=[ce.lessons[0].pk]))

    # When they mark Lesson two, the last required item, complete
    response = client_for.post(
        reverse("item_completion", args=[ce.lessons[1].pk]), follow=True
    )

    # Then they land on the course page, told what is next, with the link
    assert response.redirect_chain == [(ce.course.url, 302)]
    text = re.sub(r"\s+", " ", content_of(response))
    assert FINISHED in text
    evaluation_url = reverse("course_evaluation", args=[ce.course.pk])
    assert f'href="{evaluation_url}"' in text


def test_completing_an_optional_lesson_after_finishing_says_nothing_new(
    client_for, clinician, ce
):
    # Given a learner who finished every required item
    lessons_complete(clinician, ce)
    final_take(clinician, ce)

    # When they mark the optional reading complete
    response = client_for.post(
        reverse("item_completion", args=[ce.optional.pk]), follow=True
    )

    # Then they go on as usual (to the post-test), not told again they finished
    assert response.redirect_chain == [(ce.final.url, 302)]
    assert FINISHED not in content_of(response)
