"""``manage.py seed_demo``: the demo's knowledge checks and post-test."""

from __future__ import annotations

from django.contrib.auth import get_user_model

import pytest

from courses.models import (
    ItemCompletion,
    ModulePage,
)
from demo.content_files import academy_read
from lessons import grading
from lessons.models import LessonPage, QuizPage
from lessons.services import quiz_attempt_start, quiz_attempt_submit
from tests.demo.academy import (
    FREE,
    LEARNER,
    PASSWORD,
    children_of,
    course,
    paid_modules,
    seed,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_academy")]


# Quizzes -------------------------------------------------------------------

KNOWLEDGE_CHECK_TITLES = [
    "Knowledge check: what mitigation is",
    "Knowledge check: ethics and role clarity",
    "Knowledge check: records",
    "Knowledge check: life-history interviewing",
    "Knowledge check: trauma and development",
    "Knowledge check: mental-health screening",
    "Knowledge check: building the narrative",
    "Knowledge check: mitigation at every stage",
]


def quiz_prompts() -> list[str]:
    """Every question's prompt, as the content files give them."""
    return [
        value["prompt"]
        for item in academy_read().items()
        if item.kind == "quiz"
        for _kind, value, _where in item.streams["questions"]
    ]


def test_every_module_ends_with_exactly_one_quiz():
    modules = ModulePage.objects.all()
    assert modules.count() == 10
    for module in modules:
        items = children_of(module)
        quizzes = [item for item in items if isinstance(item, QuizPage)]
        assert quizzes == [items[-1]], module.slug
        assert quizzes[0].live, module.slug
    assert QuizPage.objects.count() == 10


def test_free_course_knowledge_check_settings():
    quiz = QuizPage.objects.descendant_of(course(FREE)).get()
    assert quiz.slug == "knowledge-check"
    assert quiz.title == "Knowledge check: the role"
    assert len(quiz.questions) == 5
    assert {block.block_type for block in quiz.questions} == {
        "single_choice",
        "multiple_select",
        "true_false",
    }
    assert (quiz.pass_mark, quiz.attempts_allowed, quiz.reveal_answers) == (
        80,
        0,
        "after_each",
    )
    assert not quiz.is_final_assessment
    assert not quiz.is_free_preview


def test_paid_modules_one_to_eight_end_with_a_knowledge_check():
    quizzes = [children_of(module)[-1] for module in paid_modules()[:8]]

    assert [quiz.title for quiz in quizzes] == KNOWLEDGE_CHECK_TITLES
    for quiz in quizzes:
        assert quiz.slug == "knowledge-check"
        assert 4 <= len(quiz.questions) <= 6, quiz.title
        assert len({block.block_type for block in quiz.questions}) >= 2, quiz.title
        assert quiz.pass_mark == 80
        assert quiz.attempts_allowed == 0
        assert quiz.reveal_answers == "after_each"
        assert quiz.shuffle_choices
        assert quiz.draw_count == 0
        assert not quiz.is_final_assessment
    kinds = {block.block_type for quiz in quizzes for block in quiz.questions}
    assert kinds == {"single_choice", "multiple_select", "true_false"}


def test_the_capstone_ends_with_the_final_post_test():
    capstone = paid_modules()[-1]
    items = children_of(capstone)
    post_test = items[-1]

    assert capstone.slug == "capstone"
    assert not any(item.slug == "knowledge-check" for item in items)
    assert post_test.slug == "post-test"
    assert post_test.title == "Final post-test"
    assert post_test.is_final_assessment
    assert len(post_test.questions) == 27
    # Two from each module's three: every attempt has ethics questions (module 2)
    assert (post_test.draw_count, post_test.draw_per_section) == (0, 2)
    assert post_test.questions_per_attempt == 18
    sections = [block.value["section"] for block in post_test.questions]
    assert len(set(sections)) == 9
    assert all(sections.count(section) == 3 for section in sections)
    assert "Module 2: Ethics, confidentiality and role clarity" in sections
    assert post_test.pass_mark == 75
    assert post_test.attempts_allowed == 3
    assert post_test.reveal_answers == "once_passed"
    assert post_test.shuffle_questions
    assert post_test.shuffle_choices
    assert post_test.author_credentials == "Dana Whitfield, LCSW, MSW"
    assert QuizPage.objects.filter(is_final_assessment=True).get() == post_test
    intro = post_test.intro
    for rule in ("75%", "fourteen of the eighteen", "two", "three"):
        assert rule in intro, rule
    assert "CE certificate" in intro


def test_every_post_test_attempt_has_two_questions_from_each_module():
    # Over many attempts' seeds, never a module left out (the ethics hours
    # claimed rest on module 2), never a question twice.
    post_test = QuizPage.objects.get(is_final_assessment=True)
    pool = grading.pool_from_stream(post_test.questions)
    for number in range(300):
        drawn = grading.draw(
            pool,
            seed=number,
            shuffle_questions=True,
            shuffle_choices=True,
            draw_count=post_test.draw_count,
            draw_per_section=post_test.draw_per_section,
        )
        sections = [question["section"] for question in drawn]
        assert len({question["id"] for question in drawn}) == len(drawn) == 18
        assert {sections.count(section) for section in sections} == {2}
        assert len(set(sections)) == 9


def test_every_quiz_validates_and_explains_every_answer():
    stream_block = QuizPage._meta.get_field("questions").stream_block
    for quiz in QuizPage.objects.all():
        stream_block.clean(quiz.questions)  # one right answer per single choice
        quiz.full_clean()
        assert quiz.summary and quiz.intro, quiz.url_path
        for block in quiz.questions:
            assert block.id, quiz.url_path
            assert block.value["explanation"].source.startswith("<p>"), block.id
            if block.block_type != "true_false":
                choices = block.value["choices"].bound_blocks
                assert all(choice.id for choice in choices)
                assert 3 <= len(choices) <= 5, block.value["prompt"]


def test_no_question_is_asked_twice_across_the_academy():
    prompts = quiz_prompts()

    assert len(prompts) == 5 + 45 + 27  # free check, eight paid checks, post-test
    assert len(set(prompts)) == len(prompts)


def test_a_second_run_adds_missing_quizzes_after_the_lessons():
    """A demo seeded before quizzes existed gets them, last in each module."""
    for quiz in QuizPage.objects.all():
        quiz.delete()

    output = seed()

    assert "Created this run: 10 pages." in output
    for module in ModulePage.objects.all():
        items = children_of(module)
        assert isinstance(items[-1], QuizPage), module.slug
        assert all(isinstance(item, LessonPage) for item in items[:-1])


def test_a_second_run_restores_a_deleted_lesson_in_its_place():
    module = ModulePage.objects.get(slug="records")
    order = [item.slug for item in children_of(module)]
    LessonPage.objects.child_of(module).get(slug="going-back-generations").delete()
    LessonPage.objects.child_of(module).order_by("path").first().delete()

    output = seed()

    assert "Created this run: 2 pages." in output
    assert [item.slug for item in children_of(module)] == order
    assert order[-1] == "knowledge-check"


def test_a_learner_passes_the_free_knowledge_check_through_the_services():
    learner = get_user_model().objects.get(email=LEARNER)
    quiz = QuizPage.objects.descendant_of(course(FREE)).get()

    attempt = quiz_attempt_start(user=learner, quiz=quiz, course=course(FREE))
    answers = {question["id"]: question["correct"] for question in attempt.snapshot}
    attempt = quiz_attempt_submit(attempt=attempt, answers=answers)

    assert len(attempt.snapshot) == 5
    assert attempt.passed is True
    assert attempt.score_percent == 100
    assert ItemCompletion.objects.filter(user=learner, page_id=quiz.pk).exists()


def test_the_demo_learner_opens_and_starts_the_free_knowledge_check(client):
    quiz = QuizPage.objects.descendant_of(course(FREE)).get()
    assert client.login(email=LEARNER, password=PASSWORD)

    before = client.get(quiz.url)
    started = client.post(quiz.url + "start/")
    page = client.get(quiz.url).content.decode()

    assert before.status_code == 200
    assert "at least four of five right" in before.content.decode()
    assert started.status_code == 302
    assert page.count('class="quiz__question"') == 5
    assert "is_correct" not in page
