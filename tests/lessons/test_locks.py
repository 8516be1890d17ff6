"""Sequential and drip locks, against the one access policy, with frozen time.

Time is frozen with ``time_machine``: the learner enrolls on ``ENROLLED_AT``
and the tests travel to days after it. Sessions are opened inside the travelled
time, so they have not expired in the future the test visits.

A locked item is refused (403) with the reason and, for drip, the date it
opens; it stays in the outline, unlinked, with that date or condition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.test import Client
from django.urls import reverse
from django.utils.formats import date_format

import pytest
import time_machine

from courses.access import Reason, item_access
from courses.models import EnrollmentSource
from courses.services import enrollment_grant
from tests.accounts.factories import UserFactory
from tests.courses.factories import CoursePageFactory, ModulePageFactory
from tests.lessons.factories import LessonPageFactory, body_marker
from tests.lessons.quiz_factories import (
    QuizPageFactory,
    content_of,
    post_data,
    right_answers,
    wrong_answers,
)

ENROLLED_AT = datetime(2031, 3, 1, 10, 0, tzinfo=UTC)
ENROLLED_ON = ENROLLED_AT.date()


def at(days: float = 0, **delta) -> time_machine.travel:
    """Travel to ``days`` after the enrollment, time frozen."""
    return time_machine.travel(ENROLLED_AT + timedelta(days=days, **delta), tick=False)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def shown(day: date) -> str:
    return date_format(day, "DATE_FORMAT")


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def outline_entry(html: str, title: str) -> str:
    """The outline's <li> for the item titled ``title`` (first one found)."""
    for entry in html.split('<li class="outline__item')[1:]:
        entry = entry.split("</li>")[0]
        if title in entry:
            return entry
    raise AssertionError(f"{title!r} is not in the outline")


# Sequential courses ----------------------------------------------------------


@dataclass
class Sequential:
    course: object
    items: dict
    learner: object


@pytest.fixture
def sequential(course_index) -> Sequential:
    """A sequential course::

    Module 1   A · B (optional) · C · D (quiz)
    Module 2   E · P (free preview)
    """
    course = CoursePageFactory(
        parent=course_index, title="In order", slug="in-order", is_sequential=True
    )
    one = ModulePageFactory(parent=course, title="First module", slug="one")
    two = ModulePageFactory(parent=course, title="Second module", slug="two")
    items = {
        "A": LessonPageFactory(parent=one, title="Lesson A", slug="a"),
        "B": LessonPageFactory(
            parent=one, title="Lesson B", slug="b", is_optional=True
        ),
        "C": LessonPageFactory(parent=one, title="Lesson C", slug="c"),
        "D": QuizPageFactory(parent=one, title="Quiz D", slug="d"),
        "E": LessonPageFactory(parent=two, title="Lesson E", slug="e"),
        "P": LessonPageFactory(
            parent=two, title="Lesson P", slug="p", is_free_preview=True
        ),
    }
    learner = UserFactory(email="in-order@example.com")
    enrollment_grant(user=learner, course=course, source=EnrollmentSource.FREE)
    return Sequential(course=course, items=items, learner=learner)


def mark_complete(client, page):
    response = client.post(reverse("item_completion", args=[page.pk]))
    assert response.status_code == 302, response.status_code


def test_the_first_item_of_a_sequential_course_is_open(sequential):
    response = client_for(sequential.learner).get(sequential.items["A"].url)

    assert response.status_code == 200


def test_the_next_required_item_is_refused_until_the_previous_is_complete(
    sequential,
):
    # Given a learner who has not completed lesson A
    client = client_for(sequential.learner)
    lesson_c = sequential.items["C"]

    # When they open lesson C
    response = client.get(lesson_c.url)

    # Then it is refused, names lesson A and links to it, and shows no content
    assert response.status_code == 403
    assert response.context["decision"].reason == Reason.PREVIOUS_INCOMPLETE
    text = content_of(response)
    assert "This course is taken in order" in text
    assert "Go to “Lesson A”" in text
    assert f'href="{sequential.items["A"].url}"' in text
    assert body_marker("c") not in text


def test_completing_the_previous_item_opens_the_next(sequential):
    client = client_for(sequential.learner)

    mark_complete(client, sequential.items["A"])

    response = client.get(sequential.items["C"].url)
    assert response.status_code == 200
    assert body_marker("c") in content_of(response)


def test_optional_items_do_not_block(sequential):
    # Given a learner who completed A but skipped the optional B
    client = client_for(sequential.learner)
    mark_complete(client, sequential.items["A"])

    # Then both B and C are open
    assert client.get(sequential.items["B"].url).status_code == 200
    assert client.get(sequential.items["C"].url).status_code == 200
    decision = item_access(user=sequential.learner, page=sequential.items["C"])
    assert decision.reason == Reason.ENROLLED


def test_an_optional_item_waits_for_the_required_one_before_it(sequential):
    decision = item_access(user=sequential.learner, page=sequential.items["B"])

    assert decision.reason == Reason.PREVIOUS_INCOMPLETE
    assert decision.item.previous.pk == sequential.items["A"].pk


def test_each_item_waits_only_for_the_one_just_before(sequential):
    # A complete, C not: the quiz D waits for C, naming C (not A)
    client = client_for(sequential.learner)
    mark_complete(client, sequential.items["A"])

    decision = item_access(user=sequential.learner, page=sequential.items["D"])

    assert decision.reason == Reason.PREVIOUS_INCOMPLETE
    assert decision.item.previous.pk == sequential.items["C"].pk


def test_the_lock_crosses_modules_and_a_quiz_must_be_passed(sequential):
    # Given A and C complete, and a failed attempt at quiz D
    client = client_for(sequential.learner)
    mark_complete(client, sequential.items["A"])
    mark_complete(client, sequential.items["C"])
    quiz = sequential.items["D"]
    client.post(quiz.url + "start/")
    attempt = quiz.attempts.get()
    client.post(quiz.url + "submit/", post_data(wrong_answers(attempt)))

    # Then lesson E, in the next module, is still locked
    assert client.get(sequential.items["E"].url).status_code == 403

    # When the learner passes the quiz, E opens
    client.post(quiz.url + "start/")
    attempt = quiz.attempts.get(submitted_at__isnull=True)
    client.post(quiz.url + "submit/", post_data(right_answers(attempt)))
    assert client.get(sequential.items["E"].url).status_code == 200


def test_uncompleting_locks_the_next_item_again(sequential):
    client = client_for(sequential.learner)
    mark_complete(client, sequential.items["A"])
    assert client.get(sequential.items["C"].url).status_code == 200

    client.post(
        reverse("item_completion", args=[sequential.items["A"].pk]),
        {"action": "uncomplete"},
    )

    assert client.get(sequential.items["C"].url).status_code == 403


def test_a_sequentially_locked_item_cannot_be_completed(sequential):
    client = client_for(sequential.learner)

    response = client.post(reverse("item_completion", args=[sequential.items["C"].pk]))

    assert response.status_code == 403
    assert not sequential.learner.completions.exists()


def test_a_sequentially_locked_quiz_cannot_be_started(sequential):
    client = client_for(sequential.learner)

    response = client.post(sequential.items["D"].url + "start/")

    assert response.status_code == 403
    assert not sequential.items["D"].attempts.exists()


def test_the_outline_says_a_sequential_item_waits(sequential):
    client = client_for(sequential.learner)

    course_page = content_of(client.get(sequential.course.url))
    lesson_page = content_of(client.get(sequential.items["A"].url))

    for html in (course_page, lesson_page):
        entry = outline_entry(html, "Lesson C")
        assert "Opens when you complete the one before" in entry
        assert "href=" not in entry  # listed, not linked
        assert "Locked:" in entry
        assert "href=" in outline_entry(html, "Lesson A")


def test_a_free_preview_ignores_the_sequence(sequential, client):
    preview = sequential.items["P"]

    assert client.get(preview.url).status_code == 200
    assert client_for(sequential.learner).get(preview.url).status_code == 200


def test_editors_bypass_the_sequence(sequential, editor_client):
    for name in ("C", "D", "E"):
        assert editor_client.get(sequential.items[name].url).status_code == 200


def test_a_course_that_is_not_sequential_has_no_order_lock(course, module, lesson):
    later = LessonPageFactory(parent=module, title="Later", slug="later")
    learner = UserFactory()
    enrollment_grant(user=learner, course=course, source=EnrollmentSource.FREE)

    assert client_for(learner).get(later.url).status_code == 200


# Drip ------------------------------------------------------------------------


@dataclass
class Drip:
    course: object
    week_two: object  # a module opening 7 days after enrolling
    items: dict
    learner: object


@pytest.fixture
def drip(course, module, lesson) -> Drip:
    """The free course, with a second module that opens a week after enrolling::

    Getting started    The life history (open at once) · Day three (3 days)
    Week two (7 days)  Week two lesson · Week two preview (free preview)
    """
    week_two = ModulePageFactory(
        parent=course, title="Week two", slug="week-two", release_after_days=7
    )
    items = {
        "open": lesson,
        "day3": LessonPageFactory(
            parent=module, title="Day three", slug="day3", release_after_days=3
        ),
        "week2": LessonPageFactory(parent=week_two, title="Week two lesson", slug="w2"),
        "preview": LessonPageFactory(
            parent=week_two,
            title="Week two preview",
            slug="w2-preview",
            is_free_preview=True,
        ),
    }
    with at(0):
        learner = UserFactory(email="drip@example.com")
        enrollment_grant(user=learner, course=course, source=EnrollmentSource.FREE)
    return Drip(course=course, week_two=week_two, items=items, learner=learner)


def status(drip: Drip, name: str) -> int:
    return client_for(drip.learner).get(drip.items[name].url).status_code


@pytest.mark.parametrize(
    ("travel", "expected"),
    [
        ({"days": 0}, 403),
        ({"days": 6}, 403),
        ({"days": 6, "hours": 13, "minutes": 59}, 403),  # 23:59 on day 6
        ({"days": 6, "hours": 14}, 200),  # midnight: day 7 begins
        ({"days": 7}, 200),
        ({"days": 40}, 200),
    ],
    ids=["day-0", "day-6", "day-6-23h59", "day-7-00h00", "day-7", "day-40"],
)
def test_a_module_opens_seven_days_after_enrolling(drip, travel, expected):
    with at(**travel):
        assert status(drip, "week2") == expected


def test_a_dripped_item_is_refused_with_its_opening_date(drip):
    # Given day 6 of the learner's enrollment
    with at(6):
        # When they open a lesson of the week-two module
        response = client_for(drip.learner).get(drip.items["week2"].url)

    # Then it is refused, says when it opens, and shows none of its content
    assert response.status_code == 403
    assert response.context["decision"].reason == Reason.NOT_YET_RELEASED
    text = content_of(response)
    opens = ENROLLED_ON + timedelta(days=7)
    assert f"This part of the course opens on {shown(opens)}." in text
    assert body_marker("w2") not in text


def test_the_opening_date_follows_each_learners_enrollment(drip, course):
    # Given a second learner who enrolls five days after the first
    with at(5):
        late = UserFactory(email="late@example.com")
        enrollment_grant(user=late, course=course, source=EnrollmentSource.FREE)

    # On day 7 the first learner is in, the late one is not (until day 12)
    with at(7):
        assert status(drip, "week2") == 200
        assert client_for(late).get(drip.items["week2"].url).status_code == 403
    with at(12):
        assert client_for(late).get(drip.items["week2"].url).status_code == 200


def test_an_item_can_open_days_after_enrolling_on_its_own(drip):
    with at(2):
        assert status(drip, "day3") == 403
        assert status(drip, "open") == 200  # its neighbour is not held back
    with at(3):
        assert status(drip, "day3") == 200


def test_a_module_can_open_on_a_date(drip):
    # Given the week-two module set to open on a fixed date instead
    publish(drip.week_two, release_after_days=None, release_on=date(2031, 4, 1))

    with at(30):  # March 31
        assert status(drip, "week2") == 403
    with at(31):  # April 1
        assert status(drip, "week2") == 200


def test_an_item_can_open_on_a_date(drip):
    publish(drip.items["day3"], release_after_days=None, release_on=date(2031, 3, 2))

    with at(0):
        assert status(drip, "day3") == 403
    with at(1):
        assert status(drip, "day3") == 200


@pytest.mark.parametrize(
    ("module_fields", "item_fields", "opens_after"),
    [
        ({"release_after_days": 7}, {"release_after_days": 10}, 10),  # item later
        ({"release_after_days": 7}, {"release_after_days": 2}, 7),  # module later
        ({"release_after_days": 7}, {"release_on": date(2031, 3, 20)}, 19),
        ({"release_on": date(2031, 3, 5)}, {"release_after_days": 2}, 4),
        ({"release_after_days": 7, "release_on": date(2031, 3, 3)}, {}, 7),
        ({"release_after_days": 1, "release_on": date(2031, 3, 12)}, {}, 11),
    ],
)
def test_the_later_of_module_and_item_dates_applies(
    drip, module_fields, item_fields, opens_after
):
    # Given a week-two lesson with its own schedule too
    publish(drip.week_two, **({"release_after_days": None} | module_fields))
    publish(drip.items["week2"], **item_fields)

    # Then it opens on the later date, and not a day before
    with at(opens_after - 1):
        decision = item_access(user=drip.learner, page=drip.items["week2"], today=None)
        assert decision.reason == Reason.NOT_YET_RELEASED
        assert decision.item.opens_on == ENROLLED_ON + timedelta(days=opens_after)
        assert status(drip, "week2") == 403
    with at(opens_after):
        assert status(drip, "week2") == 200


def test_the_outline_shows_locked_items_with_their_opening_date(drip):
    # Given day 1 of the enrollment
    with at(1):
        client = client_for(drip.learner)
        # When the learner views the course page and an open lesson
        course_page = content_of(client.get(drip.course.url))
        lesson_page = content_of(client.get(drip.items["open"].url))

    # Then the course page lists the locked items, unlinked, with when they open
    week_two = outline_entry(course_page, "Week two lesson")
    assert f"Opens {shown(ENROLLED_ON + timedelta(days=7))}" in week_two
    assert "href=" not in week_two
    # and so does the lesson's sidebar for the module being read
    for html in (course_page, lesson_page):
        day_three = outline_entry(html, "Day three")
        assert f"Opens {shown(ENROLLED_ON + timedelta(days=3))}" in day_three
        assert "href=" not in day_three
        assert "Opens" not in outline_entry(html, "The life history")


def test_the_lesson_sidebar_shows_other_modules_as_one_line(drip):
    # Given a learner reading a lesson of the first module, with one done
    with at(8):
        client = client_for(drip.learner)
        client.post(reverse("item_completion", args=[drip.items["open"].pk]))
        html = content_of(client.get(drip.items["day3"].url))

    # Then the second module is its title and how much of it is done
    module = html.split('<li class="outline__module">')[2]
    assert "Week two" in module
    assert "0 of 2 items completed" in module
    assert "outline__item" not in module  # its items are not listed
    # and the module being read lists its items, one of them completed
    assert "Week two lesson" not in html.split('<aside class="lesson-outline">')[1]
    first = html.split('<li class="outline__module">')[1]
    assert "is-completed" in outline_entry(first, "The life history")


def test_the_outline_drops_the_date_once_open(drip):
    with at(8):
        html = content_of(client_for(drip.learner).get(drip.course.url))

    entry = outline_entry(html, "Week two lesson")
    assert "Opens" not in entry
    assert f'href="{drip.items["week2"].url}"' in entry


def test_a_free_preview_ignores_the_drip(drip, client):
    with at(0):
        assert status(drip, "preview") == 200
        assert client.get(drip.items["preview"].url).status_code == 200


def test_editors_bypass_the_drip(drip, editor):
    with at(0):
        for name in ("day3", "week2"):
            response = client_for(editor).get(drip.items[name].url)
            assert response.status_code == 200, name


def test_a_visitor_is_told_to_enroll_not_a_date(drip, client):
    # A drip date depends on the enrollment: a visitor has none.
    with at(0):
        response = client.get(drip.items["week2"].url)

    assert response.status_code == 403
    assert response.context["decision"].reason == Reason.LOGIN_REQUIRED
    assert "opens on" not in content_of(response)


def test_a_dripped_quiz_cannot_be_started_early(drip):
    quiz = QuizPageFactory(parent=drip.week_two, title="Week two check", slug="w2q")

    with at(6):
        response = client_for(drip.learner).post(quiz.url + "start/")
    assert response.status_code == 403
    assert not quiz.attempts.exists()

    with at(7):
        response = client_for(drip.learner).post(quiz.url + "start/")
    assert response.status_code == 302
    assert quiz.attempts.count() == 1
