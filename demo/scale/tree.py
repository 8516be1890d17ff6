"""The scale school's pages: courses, modules of about ten items, lessons, quizzes.

Pages go through Wagtail's tree API (``add_child``), published as created and
without revisions: the fastest way that still leaves a tree Wagtail's own
explorer and editor treat as theirs. Question and choice ids come from the
seeded generator, so the same seed gives the same quizzes.
"""

from __future__ import annotations

import math
import random
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from wagtail.models import Page

from courses.models import CourseIndexPage, CoursePage, ModulePage
from demo.scale import content
from lessons import grading
from lessons.models import LessonPage, QuizPage

ITEMS_PER_MODULE = 10
QUESTIONS_PER_CHECK = 5
POST_TEST_POOL = 12
POST_TEST_DRAW = 8


@dataclass
class QuestionModel:
    """How learners answer a question: difficulty, discrimination, distractors.

    A broken question (``broken`` set) ignores ability: it is answered right
    in ``broken[0]`` of the passed attempts and ``broken[1]`` of the failed
    ones, so those who do worst on the rest do best on it: what a wrongly
    keyed or ambiguous question looks like in item analysis.
    """

    difficulty: float
    discrimination: float
    distractors: list[tuple[str, float]]  # wrong choice id, weight
    broken: tuple[float, float] | None = None


@dataclass
class ScaleQuiz:
    page: QuizPage
    pool: list[dict]
    models: dict[str, QuestionModel]


@dataclass
class ScaleCourse:
    page: CoursePage
    items: list[Page]  # lessons and quizzes, in tree order
    required: list[bool]  # per item: not optional
    quizzes: dict[int, ScaleQuiz] = field(default_factory=dict)  # by item index


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _module_sizes(items: int) -> list[int]:
    modules = max(1, math.ceil(items / ITEMS_PER_MODULE))
    base, extra = divmod(items, modules)
    return [base + (1 if i < extra else 0) for i in range(modules)]


def courses_build(
    *, catalog: CourseIndexPage, items: int, rng: random.Random
) -> list[ScaleCourse]:
    """Create the three courses under ``catalog``, each with ``items`` items."""
    now = timezone.now()
    published = {"live": True, "first_published_at": now, "last_published_at": now}
    courses = []
    for number, (title, price, hours) in enumerate(content.COURSES, start=1):
        course_page = catalog.add_child(
            instance=CoursePage(
                title=title,
                slug=f"{content.SLUG_PREFIX}{number}",
                summary=f"{title}: a large course built by seed_scale.",
                learning_objectives=[
                    ("objective", f"Describe {topic}") for topic in content.TOPICS[:3]
                ],
                price_amount=price,
                currency="usd",
                ce_hours=Decimal(hours),
                **published,
            )
        )
        course = ScaleCourse(page=course_page, items=[], required=[])
        sizes = _module_sizes(items)
        for m, size in enumerate(sizes):
            topic = content.TOPICS[m % len(content.TOPICS)]
            module = course_page.add_child(
                instance=ModulePage(
                    title=f"Module {m + 1}: {topic.capitalize()}",
                    slug=f"module-{m + 1}",
                    summary=f"Lessons on {topic}.",
                    **published,
                )
            )
            last_module = m == len(sizes) - 1
            quiz_here = m % 2 == 1 or last_module or len(sizes) <= 2
            for i in range(size):
                if quiz_here and i == size - 1:
                    final = last_module
                    quiz = _quiz_add(module, topic, number, m, final, rng, published)
                    course.quizzes[len(course.items)] = quiz
                    course.items.append(quiz.page)
                    course.required.append(True)
                    continue
                optional = i == 4 and m % 4 == 3
                opening = content.LESSON_OPENINGS[
                    (m + i) % len(content.LESSON_OPENINGS)
                ]
                lesson = module.add_child(
                    instance=LessonPage(
                        title=f"{opening} {topic} ({m + 1}.{i + 1})",
                        slug=f"lesson-{m + 1}-{i + 1}",
                        summary=f"{opening} {topic}.",
                        is_optional=optional,
                        estimated_minutes=5 + (i % 4) * 5,
                        body=[
                            ("heading", {"text": topic.capitalize(), "level": "h2"}),
                            ("paragraph", f"<p>{opening} {topic}: the essentials.</p>"),
                        ],
                        **published,
                    )
                )
                course.items.append(lesson)
                course.required.append(not optional)
        courses.append(course)
    return courses


def _quiz_add(module, topic, course_number, m, final, rng, published) -> ScaleQuiz:
    size = POST_TEST_POOL if final else QUESTIONS_PER_CHECK
    bad = _bad_question(course_number, m, final)
    stream, models = _questions(topic, size, rng, bad=bad)
    page = module.add_child(
        instance=QuizPage(
            title="Final post-test" if final else f"Knowledge check: {topic}",
            slug="post-test" if final else "knowledge-check",
            summary=f"{size} questions on {topic}.",
            questions=stream,
            pass_mark=75 if final else 80,
            attempts_allowed=3 if final else 0,
            shuffle_questions=final,
            shuffle_choices=True,
            draw_count=POST_TEST_DRAW if final else 0,
            reveal_answers="once_passed" if final else "after_each",
            is_final_assessment=final,
            **published,
        )
    )
    page.refresh_from_db(fields=["questions"])
    pool = grading.pool_from_stream(page.questions)
    return ScaleQuiz(page=page, pool=pool, models=models)


def _bad_question(course_number: int, module_index: int, final: bool):
    """Two deliberately broken questions for item analysis to find.

    In the first knowledge check of the first course, a wrongly keyed question
    (about a quarter right, and stronger learners get it wrong more often);
    in the second course's, an ambiguous one (about two thirds right, but
    the weaker learners do better on it).
    """
    if module_index != 1 or final:
        return None
    return {1: (2, "miskeyed"), 2: (1, "ambiguous")}.get(course_number)


def _questions(topic, size, rng, *, bad):
    stream, models = [], {}
    for q in range(size):
        qid = _uid(rng)
        kind = ("single_choice", "single_choice", "multiple_select", "true_false")[
            q % 4
        ]
        difficulty = rng.gauss(-0.6, 0.9)
        discrimination = rng.uniform(0.6, 2.0)
        broken = None
        if bad and bad[0] == q:
            kind = "single_choice"
            broken = (0.03, 0.12) if bad[1] == "miskeyed" else (0.3, 0.75)
        if kind == "true_false":
            text = content.TRUE_FALSE_TEXTS[q % len(content.TRUE_FALSE_TEXTS)]
            answer = rng.choice(["true", "false"])
            stream.append(
                {
                    "type": kind,
                    "id": qid,
                    "value": {
                        "prompt": text.format(topic=topic),
                        "correct_answer": answer,
                        "explanation": "<p>See the lesson on this topic.</p>",
                    },
                }
            )
            wrong = "false" if answer == "true" else "true"
            models[qid] = QuestionModel(
                difficulty, discrimination, [(wrong, 1.0)], broken
            )
            continue
        texts = (
            content.SELECT_ALL_TEXTS
            if kind == "multiple_select"
            else content.QUESTION_TEXTS
        )
        right_count = 2 if kind == "multiple_select" else 1
        rights = rng.sample(content.RIGHT_ANSWERS, right_count)
        wrongs = rng.sample(content.WRONG_ANSWERS, 3)
        choices = [(t, True) for t in rights] + [(t, False) for t in wrongs]
        rng.shuffle(choices)
        items = [
            {"type": "item", "id": _uid(rng), "value": {"text": t, "is_correct": c}}
            for t, c in choices
        ]
        # One attractive distractor, the others rarely chosen.
        weights = [3.0, 1.0, 0.4]
        rng.shuffle(weights)
        distractors = [
            (item["id"], weights.pop())
            for item in items
            if not item["value"]["is_correct"]
        ]
        stream.append(
            {
                "type": kind,
                "id": qid,
                "value": {
                    "prompt": texts[q % len(texts)].format(topic=topic),
                    "choices": items,
                    "explanation": "<p>See the lesson on this topic.</p>",
                },
            }
        )
        models[qid] = QuestionModel(difficulty, discrimination, distractors, broken)
    return stream, models
