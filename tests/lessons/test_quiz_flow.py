"""Taking a quiz through its pages: start, resume, submit, results, limits, history.

The quiz sits in the free course's module after a lesson; the learner is
enrolled. Its routes: ``""`` (the quiz), ``start/``, ``submit/`` and
``attempts/<n>/`` (a submitted attempt's result).
"""

from __future__ import annotations

import pytest

from courses.models import ItemCompletion
from lessons.models import QuizAttempt, QuizAttemptGrant, QuizPage
from lessons.services import QuizError, quiz_attempt_start, quiz_attempt_submit
from tests.accounts.factories import UserFactory
from tests.lessons.quiz_factories import (
    MULTIPLE_PROMPT,
    SINGLE_PROMPT,
    QuizPageFactory,
    content_of,
    post_data,
    right_answers,
    single_choice,
    wrong_answers,
)

OUT_OF_ATTEMPTS = "You have used all the attempts allowed for this quiz."


@pytest.fixture
def quiz(lesson):
    return QuizPageFactory(
        parent=lesson.get_parent(), title="Knowledge check", slug="check"
    )


def start(client, quiz, **kwargs):
    return client.post(quiz.url + "start/", **kwargs)


def open_attempt(user, quiz) -> QuizAttempt:
    return QuizAttempt.objects.get(user=user, quiz=quiz, submitted_at__isnull=True)


def take(client, user, quiz, *, right: bool):
    """Start (or resume) and submit an attempt, all right or all wrong."""
    start(client, quiz)
    attempt = open_attempt(user, quiz)
    answers = right_answers(attempt) if right else wrong_answers(attempt)
    return client.post(quiz.url + "submit/", post_data(answers))


# Starting and resuming -------------------------------------------------------


def test_starting_opens_attempt_one_and_shows_its_questions(
    quiz, enrolled_client, enrolled_learner
):
    # Given an enrolled learner on a quiz they never took
    # When they start it
    response = start(enrolled_client, quiz)

    # Then they are sent back to the quiz, which shows attempt 1's questions
    assert response.status_code == 302
    assert response["Location"] == quiz.url
    attempt = open_attempt(enrolled_learner, quiz)
    assert attempt.number == 1
    assert attempt.question_count == 3
    page = enrolled_client.get(quiz.url)
    content = content_of(page)
    assert "Attempt 1" in content
    assert SINGLE_PROMPT in content
    assert "Submit answers" in content


def test_starting_twice_resumes_the_open_attempt(
    quiz, enrolled_client, enrolled_learner
):
    # Given an open attempt
    start(enrolled_client, quiz)
    first = open_attempt(enrolled_learner, quiz)

    # When the learner starts again (a second click, another tab)
    start(enrolled_client, quiz)

    # Then the same attempt is used, with the same questions
    attempts = QuizAttempt.objects.filter(user=enrolled_learner, quiz=quiz)
    assert attempts.count() == 1
    assert attempts.get().snapshot == first.snapshot


def test_start_must_be_posted(quiz, enrolled_client, enrolled_learner):
    response = enrolled_client.get(quiz.url + "start/")

    assert response.status_code == 405
    assert not QuizAttempt.objects.filter(user=enrolled_learner).exists()


def test_a_learner_not_enrolled_cannot_start(quiz, learner, learner_client):
    response = start(learner_client, quiz)

    assert response.status_code == 403
    assert not QuizAttempt.objects.filter(user=learner).exists()


def test_a_visitor_cannot_start_or_submit(quiz, client):
    assert start(client, quiz).status_code == 403
    assert client.post(quiz.url + "submit/").status_code == 403
    assert not QuizAttempt.objects.exists()


# Submitting ------------------------------------------------------------------


def test_submitting_right_answers_shows_a_pass(quiz, enrolled_client, enrolled_learner):
    # Given an open attempt
    start(enrolled_client, quiz)

    # When the learner submits every right answer
    response = take(enrolled_client, enrolled_learner, quiz, right=True)

    # Then they land on the attempt's result: 100%, passed
    assert response.status_code == 302
    assert response["Location"] == quiz.url + "attempts/1/"
    attempt = QuizAttempt.objects.get(user=enrolled_learner, quiz=quiz)
    assert (attempt.score_percent, attempt.passed) == (100, True)
    content = content_of(enrolled_client.get(response["Location"]))
    assert "100% (3 of 3 correct)" in content
    assert "You passed." in content


def test_submitting_wrong_answers_shows_the_score_and_not_passed(
    quiz, enrolled_client, enrolled_learner
):
    response = take(enrolled_client, enrolled_learner, quiz, right=False)

    content = content_of(enrolled_client.get(response["Location"]))
    assert "0% (0 of 3 correct)" in content
    assert "You did not reach the pass mark of 80% this time." in content


def test_a_passed_quiz_is_completed(course, quiz, enrolled_client, enrolled_learner):
    # Given a learner who has not completed the quiz
    assert not ItemCompletion.objects.filter(user=enrolled_learner).exists()

    # When they pass it
    take(enrolled_client, enrolled_learner, quiz, right=True)

    # Then the quiz is completed, in its course
    completion = ItemCompletion.objects.get(user=enrolled_learner)
    assert (completion.page_id, completion.course_id) == (quiz.pk, course.pk)


def test_a_failed_quiz_is_not_completed(quiz, enrolled_client, enrolled_learner):
    take(enrolled_client, enrolled_learner, quiz, right=False)

    assert not ItemCompletion.objects.filter(user=enrolled_learner).exists()


def test_a_pass_after_a_fail_completes_once(quiz, enrolled_client, enrolled_learner):
    take(enrolled_client, enrolled_learner, quiz, right=False)
    take(enrolled_client, enrolled_learner, quiz, right=True)
    take(enrolled_client, enrolled_learner, quiz, right=True)

    assert ItemCompletion.objects.filter(user=enrolled_learner).count() == 1


def test_submitting_twice_is_refused(quiz, enrolled_client, enrolled_learner):
    # Given an attempt submitted with wrong answers
    start(enrolled_client, quiz)
    attempt = open_attempt(enrolled_learner, quiz)
    enrolled_client.post(quiz.url + "submit/", post_data(wrong_answers(attempt)))

    # When the same form is posted again, now with the right answers
    response = enrolled_client.post(
        quiz.url + "submit/", post_data(right_answers(attempt)), follow=True
    )

    # Then it is refused and the recorded result stands
    assert "There is no open attempt to submit." in content_of(response)
    attempt.refresh_from_db()
    assert (attempt.correct_count, attempt.passed) == (0, False)
    assert QuizAttempt.objects.filter(user=enrolled_learner).count() == 1


def test_the_service_refuses_to_grade_a_submitted_attempt_again(
    course, quiz, enrolled_learner
):
    attempt = quiz_attempt_start(user=enrolled_learner, quiz=quiz, course=course)
    quiz_attempt_submit(attempt=attempt, answers=wrong_answers(attempt))

    with pytest.raises(QuizError, match="already been submitted"):
        quiz_attempt_submit(attempt=attempt, answers=right_answers(attempt))

    attempt.refresh_from_db()
    assert attempt.passed is False


def test_submit_without_an_open_attempt_is_refused(quiz, enrolled_client):
    response = enrolled_client.post(quiz.url + "submit/", follow=True)

    assert "There is no open attempt to submit." in content_of(response)
    assert not QuizAttempt.objects.exists()


def test_submit_must_be_posted(quiz, enrolled_client, enrolled_learner):
    start(enrolled_client, quiz)

    response = enrolled_client.get(quiz.url + "submit/")

    assert response.status_code == 405
    assert open_attempt(enrolled_learner, quiz).is_open


# Attempt limits --------------------------------------------------------------


@pytest.fixture
def limited_quiz(quiz) -> QuizPage:
    quiz.attempts_allowed = 2
    quiz.save_revision().publish()
    return QuizPage.objects.get(pk=quiz.pk)


def test_a_third_attempt_is_refused_when_two_are_allowed(
    limited_quiz, enrolled_client, enrolled_learner
):
    # Given two failed attempts at a quiz that allows two
    take(enrolled_client, enrolled_learner, limited_quiz, right=False)
    take(enrolled_client, enrolled_learner, limited_quiz, right=False)

    # When the learner tries to start a third
    response = start(enrolled_client, limited_quiz, follow=True)

    # Then they are told they are out of attempts, and no attempt opens
    content = content_of(response)
    assert OUT_OF_ATTEMPTS in content
    assert "Contact your instructor if you need another." in content
    assert "Try again" not in content
    assert QuizAttempt.objects.filter(user=enrolled_learner).count() == 2


def test_the_quiz_page_counts_the_attempts_left(
    limited_quiz, enrolled_client, enrolled_learner
):
    assert "You have 2 attempts left." in content_of(
        enrolled_client.get(limited_quiz.url)
    )

    take(enrolled_client, enrolled_learner, limited_quiz, right=False)

    assert "You have 1 attempt left." in content_of(
        enrolled_client.get(limited_quiz.url)
    )


def test_a_grant_of_one_more_attempt_allows_exactly_one_more(
    limited_quiz, enrolled_client, enrolled_learner, instructor
):
    # Given a learner out of attempts
    take(enrolled_client, enrolled_learner, limited_quiz, right=False)
    take(enrolled_client, enrolled_learner, limited_quiz, right=False)

    # When the instructor grants one more
    QuizAttemptGrant.objects.create(
        user=enrolled_learner,
        quiz=limited_quiz,
        extra_attempts=1,
        reason="Was interrupted",
        granted_by=instructor,
    )

    # Then a third attempt opens, and a fourth does not
    take(enrolled_client, enrolled_learner, limited_quiz, right=False)
    assert QuizAttempt.objects.filter(user=enrolled_learner).count() == 3
    response = start(enrolled_client, limited_quiz, follow=True)
    assert OUT_OF_ATTEMPTS in content_of(response)
    assert QuizAttempt.objects.filter(user=enrolled_learner).count() == 3


def test_a_grant_for_another_learner_does_not_count(
    limited_quiz, enrolled_client, enrolled_learner
):
    take(enrolled_client, enrolled_learner, limited_quiz, right=False)
    take(enrolled_client, enrolled_learner, limited_quiz, right=False)
    QuizAttemptGrant.objects.create(
        user=UserFactory(), quiz=limited_quiz, extra_attempts=5
    )

    start(enrolled_client, limited_quiz)

    assert QuizAttempt.objects.filter(user=enrolled_learner).count() == 2


def test_an_open_attempt_is_resumed_even_at_the_limit(
    limited_quiz, enrolled_client, enrolled_learner
):
    # Given one submitted attempt and the second one open
    take(enrolled_client, enrolled_learner, limited_quiz, right=False)
    start(enrolled_client, limited_quiz)
    second = open_attempt(enrolled_learner, limited_quiz)

    # When the learner starts again
    start(enrolled_client, limited_quiz)

    # Then the open second attempt is resumed, not refused or duplicated
    assert open_attempt(enrolled_learner, limited_quiz).pk == second.pk
    assert QuizAttempt.objects.filter(user=enrolled_learner).count() == 2


def test_unlimited_attempts_never_run_out(quiz, enrolled_client, enrolled_learner):
    for _ in range(4):
        take(enrolled_client, enrolled_learner, quiz, right=False)

    content = content_of(enrolled_client.get(quiz.url))

    assert "Try again" in content
    assert "attempts left" not in content
    assert QuizAttempt.objects.filter(user=enrolled_learner).count() == 4


# History and results ---------------------------------------------------------


def test_the_quiz_page_lists_the_attempt_history(
    quiz, enrolled_client, enrolled_learner
):
    take(enrolled_client, enrolled_learner, quiz, right=False)
    take(enrolled_client, enrolled_learner, quiz, right=True)

    content = content_of(enrolled_client.get(quiz.url))

    assert "Your attempts" in content
    assert f'href="{quiz.url}attempts/1/"' in content
    assert f'href="{quiz.url}attempts/2/"' in content
    assert "Not passed" in content
    assert "Passed" in content


def test_a_learner_cannot_see_another_learners_result(
    course, quiz, enrolled_learner, enrolled_client
):
    # Given another enrolled learner's submitted attempt 1
    from courses.models import EnrollmentSource
    from courses.services import enrollment_grant

    other = UserFactory()
    enrollment_grant(user=other, course=course, source=EnrollmentSource.FREE)
    attempt = quiz_attempt_start(user=other, quiz=quiz, course=course)
    quiz_attempt_submit(attempt=attempt, answers=right_answers(attempt))

    # When this learner asks for attempt 1
    response = enrolled_client.get(quiz.url + "attempts/1/")

    # Then there is nothing to see
    assert response.status_code == 404


def test_an_open_attempt_has_no_result_page(quiz, enrolled_client):
    start(enrolled_client, quiz)

    assert enrolled_client.get(quiz.url + "attempts/1/").status_code == 404


def test_a_visitor_gets_no_result_page(quiz, client, enrolled_client, enrolled_learner):
    take(enrolled_client, enrolled_learner, quiz, right=True)

    response = client.get(quiz.url + "attempts/1/")

    assert response.status_code == 403
    assert SINGLE_PROMPT not in content_of(response)


# Snapshots -------------------------------------------------------------------


def _edit_quiz(quiz: QuizPage) -> None:
    """The instructor rewrites the single-choice prompt and deletes a choice."""
    quiz = QuizPage.objects.get(pk=quiz.pk)
    data = quiz.questions.raw_data
    for question in data:
        if question["type"] == "single_choice":
            question["value"]["prompt"] = "REWRITTEN PROMPT"
        if question["type"] == "multiple_select":
            question["value"]["choices"] = [
                c
                for c in question["value"]["choices"]
                if c["value"]["text"] != "Medical records"
            ]
    quiz.questions = list(data)
    quiz.save_revision().publish()


def test_editing_the_quiz_does_not_rewrite_a_submitted_attempt(
    quiz, enrolled_client, enrolled_learner
):
    # Given a submitted attempt and its result page
    response = take(enrolled_client, enrolled_learner, quiz, right=True)
    result_url = response["Location"]
    attempt = QuizAttempt.objects.get(user=enrolled_learner)
    before = content_of(enrolled_client.get(result_url))

    # When the instructor edits a prompt and deletes a choice
    _edit_quiz(quiz)

    # Then the attempt keeps what the learner saw, and its result page is unchanged
    stored = QuizAttempt.objects.get(pk=attempt.pk)
    assert stored.snapshot == attempt.snapshot
    assert (stored.correct_count, stored.passed) == (3, True)
    after = content_of(enrolled_client.get(result_url))
    assert SINGLE_PROMPT in after
    assert "REWRITTEN PROMPT" not in after
    assert "Medical records" in after
    assert after.count("Medical records") == before.count("Medical records")


def test_an_attempt_open_during_an_edit_is_graded_as_it_was_drawn(
    quiz, enrolled_client, enrolled_learner
):
    # Given an open attempt whose multiple-select needs "Medical records"
    start(enrolled_client, quiz)
    attempt = open_attempt(enrolled_learner, quiz)

    # When the instructor deletes that choice, then the learner submits
    _edit_quiz(quiz)
    content = content_of(enrolled_client.get(quiz.url))
    response = enrolled_client.post(
        quiz.url + "submit/", post_data(right_answers(attempt))
    )

    # Then the form still showed the drawn version and the answers grade right
    assert SINGLE_PROMPT in content and "Medical records" in content
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.correct_count, attempt.passed) == (3, True)


def test_a_new_attempt_after_an_edit_uses_the_new_questions(
    quiz, enrolled_client, enrolled_learner
):
    take(enrolled_client, enrolled_learner, quiz, right=False)
    _edit_quiz(quiz)

    start(enrolled_client, quiz)

    prompts = [q["prompt"] for q in open_attempt(enrolled_learner, quiz).snapshot]
    assert "REWRITTEN PROMPT" in prompts
    multiple = next(
        q
        for q in open_attempt(enrolled_learner, quiz).snapshot
        if q["prompt"] == MULTIPLE_PROMPT
    )
    assert [c["text"] for c in multiple["choices"]] == [
        "School records",
        "The juror list",
    ]


def test_changing_the_pass_mark_does_not_regrade_an_open_attempt(
    quiz, enrolled_client, enrolled_learner
):
    # Given an attempt started at a pass mark of 80%
    start(enrolled_client, quiz)
    attempt = open_attempt(enrolled_learner, quiz)
    quiz.pass_mark = 30
    quiz.save_revision().publish()

    # When the learner submits one right answer of three (33%)
    answers = wrong_answers(attempt)
    first = attempt.snapshot[0]
    answers[first["id"]] = first["correct"]
    enrolled_client.post(quiz.url + "submit/", post_data(answers))

    # Then it is graded against the 80% it started with
    attempt.refresh_from_db()
    assert (attempt.score_percent, attempt.pass_mark, attempt.passed) == (
        33,
        80,
        False,
    )


# Ugly paths ------------------------------------------------------------------


def test_question_text_that_tries_to_inject_script_is_escaped(
    module, enrolled_client, enrolled_learner
):
    # Given a quiz whose prompt and answer carry markup
    payload = (
        '<script src="https://evil.example/x.js"></script><img src=x onerror=alert(1)>'
    )
    quiz = QuizPageFactory(
        parent=module,
        slug="xss",
        questions=[single_choice(f"Q {payload}", [(payload, True), ("Safe", False)])],
    )

    # When the learner opens it and sees the result
    start(enrolled_client, quiz)
    form = enrolled_client.get(quiz.url).content.decode()
    response = take(enrolled_client, enrolled_learner, quiz, right=True)
    result = enrolled_client.get(response["Location"]).content.decode()

    # Then the markup is shown as text, never as tags
    for html in (form, result):
        assert "evil.example" in html
        assert '<script src="https://evil.example' not in html
        assert "<img src=x" not in html
        assert "&lt;script" in html


@pytest.fixture
def preview_quiz(module):
    return QuizPageFactory(parent=module, slug="preview-check", is_free_preview=True)


@pytest.mark.parametrize(
    ("method", "path"),
    [("post", "start/"), ("post", "submit/"), ("get", "attempts/1/")],
)
def test_a_visitor_on_a_free_preview_quiz_gets_no_server_error(
    preview_quiz, client, method, path
):
    # A free-preview quiz lets visitors through the gate; its routes must then
    # cope with an anonymous user (a 500 here is a bug, not a refusal).
    client.raise_request_exception = False

    response = getattr(client, method)(preview_quiz.url + path)

    assert response.status_code in (302, 403, 404), response.status_code
    assert not QuizAttempt.objects.exists()
