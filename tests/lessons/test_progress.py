"""Progress: completion rows over the course's published required items.

The course (free, not sequential)::

    Module 1   L1 lesson · L2 optional lesson · Q3 quiz
    Module 2   L4 lesson · L5 lesson

Required items: L1, Q3, L4, L5. Progress is computed from ``ItemCompletion``
rows each time, never stored, and never passes 100%.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

import pytest

from courses.access import course_state
from courses.models import ItemCompletion
from lessons.services import item_complete
from tests.courses.factories import ModulePageFactory
from tests.lessons.factories import LessonPageFactory
from tests.lessons.quiz_factories import QuizPageFactory, content_of


@dataclass
class Course:
    course: object
    items: dict  # name -> page


@pytest.fixture
def world(course, module) -> Course:
    second = ModulePageFactory(parent=course, title="Records", slug="records")
    items = {
        "L1": LessonPageFactory(parent=module, title="Lesson one", slug="l1"),
        "L2": LessonPageFactory(
            parent=module, title="Optional reading", slug="l2", is_optional=True
        ),
        "Q3": QuizPageFactory(parent=module, title="Check one", slug="q3"),
        "L4": LessonPageFactory(parent=second, title="Lesson four", slug="l4"),
        "L5": LessonPageFactory(parent=second, title="Lesson five", slug="l5"),
    }
    return Course(course=course, items=items)


def complete(user, world: Course, *names: str) -> None:
    for name in names:
        item_complete(user=user, page=world.items[name], course=world.course)


def progress(user, world: Course) -> tuple[int, int, int]:
    """(done, total, percent) for ``user``, computed afresh."""
    state = course_state(user=user, course=world.course)
    return state.progress_done, state.progress_total, state.progress_percent


def completion_url(page) -> str:
    return reverse("item_completion", args=[page.pk])


# Computing progress ----------------------------------------------------------


def test_progress_counts_required_items_only(world, enrolled_learner):
    assert progress(enrolled_learner, world) == (0, 4, 0)

    complete(enrolled_learner, world, "L1")

    assert progress(enrolled_learner, world) == (1, 4, 25)


def test_optional_items_do_not_count(world, enrolled_learner):
    # When the learner completes only the optional item
    complete(enrolled_learner, world, "L2")

    # Then progress does not move, and the total leaves it out
    assert progress(enrolled_learner, world) == (0, 4, 0)
    state = course_state(user=enrolled_learner, course=world.course)
    assert [i.page.slug for i in state.required_items] == ["l1", "q3", "l4", "l5"]


def test_progress_rounds_down(world, enrolled_learner):
    # 3 of 4 is 75; with an optional one done too, still 75, never 100
    complete(enrolled_learner, world, "L1", "L2", "Q3", "L4")

    assert progress(enrolled_learner, world) == (3, 4, 75)


def test_progress_never_passes_100_percent(world, enrolled_learner, paid_course):
    # Given a learner who completed every item
    complete(enrolled_learner, world, "L1", "L2", "Q3", "L4", "L5")
    assert progress(enrolled_learner, world) == (4, 4, 100)

    # When an item is unpublished and completions of other courses' pages exist,
    # including one wrongly filed under this course
    world.items["L5"].unpublish()
    other_module = ModulePageFactory(parent=paid_course, slug="paid-module")
    other_lessons = [
        LessonPageFactory(parent=other_module, slug=f"paid-{n}") for n in range(3)
    ]
    for other in other_lessons[:2]:
        item_complete(user=enrolled_learner, page=other, course=paid_course)
    ItemCompletion.objects.create(
        user=enrolled_learner, page=other_lessons[2], course=world.course
    )

    # Then progress counts only this course's published required items: 3 of 3
    done, total, percent = progress(enrolled_learner, world)
    assert (done, total, percent) == (3, 3, 100)
    assert done <= total
    assert ItemCompletion.objects.filter(user=enrolled_learner).count() == 8


def test_an_unpublished_item_does_not_count(world, enrolled_learner):
    # Given an item unpublished after the learner completed it
    complete(enrolled_learner, world, "L1", "L4")
    world.items["L4"].unpublish()

    # Then it counts neither as done nor in the total
    assert progress(enrolled_learner, world) == (1, 3, 33)


def test_completing_an_unpublished_item_does_not_count(world, enrolled_learner):
    world.items["L4"].unpublish()

    complete(enrolled_learner, world, "L4")  # e.g. a stale row or a race

    assert progress(enrolled_learner, world) == (0, 3, 0)


def test_items_of_an_unpublished_module_do_not_count(world, enrolled_learner):
    complete(enrolled_learner, world, "L1", "L4", "L5")

    world.items["L4"].get_parent().unpublish()

    assert progress(enrolled_learner, world) == (1, 2, 50)


def test_a_deleted_item_takes_its_completion_with_it(world, enrolled_learner):
    complete(enrolled_learner, world, "L1", "L5")

    world.items["L5"].delete()

    assert progress(enrolled_learner, world) == (1, 3, 33)
    assert ItemCompletion.objects.filter(user=enrolled_learner).count() == 1


def test_another_learners_completions_do_not_count(
    world, enrolled_learner, revoked_learner
):
    complete(revoked_learner, world, "L1", "Q3", "L4", "L5")

    assert progress(enrolled_learner, world) == (0, 4, 0)


def test_a_visitor_has_no_progress(world):
    assert progress(AnonymousUser(), world) == (0, 4, 0)


# Marking complete ------------------------------------------------------------


def test_the_lesson_offers_mark_complete_and_continue(world, enrolled_client):
    response = enrolled_client.get(world.items["L1"].url)

    text = content_of(response)
    assert "Mark complete and continue" in text
    assert f'action="{completion_url(world.items["L1"])}"' in text


def test_mark_complete_and_continue_goes_to_the_next_item(
    world, enrolled_client, enrolled_learner
):
    # When the learner marks the first lesson complete
    response = enrolled_client.post(completion_url(world.items["L1"]))

    # Then it is completed and they continue with the next item in tree order
    assert response.status_code == 302
    assert response["Location"] == world.items["L2"].url
    assert ItemCompletion.objects.filter(
        user=enrolled_learner, page=world.items["L1"], course=world.course
    ).exists()


def test_continue_from_an_optional_item_goes_to_the_next_item(world, enrolled_client):
    response = enrolled_client.post(completion_url(world.items["L2"]))

    assert response["Location"] == world.items["Q3"].url


def test_continue_crosses_into_the_next_module(course, module, enrolled_client):
    # Given a module's last lesson and a second module after it
    last = LessonPageFactory(parent=module, title="Last of one", slug="last")
    second = ModulePageFactory(parent=course, title="Two", slug="two")
    first_of_two = LessonPageFactory(parent=second, title="First of two", slug="f2")

    response = enrolled_client.post(completion_url(last))

    assert response["Location"] == first_of_two.url


def test_the_last_item_continues_to_the_course_page(world, enrolled_client):
    response = enrolled_client.post(completion_url(world.items["L5"]), follow=True)

    assert response.redirect_chain == [(world.course.url, 302)]
    assert "You have reached the end of the course." in content_of(response)


def test_completing_twice_keeps_one_row(world, enrolled_client, enrolled_learner):
    lesson = world.items["L1"]

    first = enrolled_client.post(completion_url(lesson))
    second = enrolled_client.post(completion_url(lesson))

    assert first["Location"] == second["Location"] == world.items["L2"].url
    assert ItemCompletion.objects.filter(user=enrolled_learner).count() == 1


def test_the_completion_row_is_unique_in_the_database(world, enrolled_learner):
    from django.db import IntegrityError, transaction

    complete(enrolled_learner, world, "L1")

    with pytest.raises(IntegrityError), transaction.atomic():
        ItemCompletion.objects.create(
            user=enrolled_learner, page=world.items["L1"], course=world.course
        )


def test_the_completed_lesson_shows_it_and_offers_to_undo(world, enrolled_client):
    enrolled_client.post(completion_url(world.items["L1"]))

    text = content_of(enrolled_client.get(world.items["L1"].url))

    assert "You have completed this lesson." in text
    assert "Mark as not complete" in text
    assert "Mark complete and continue" not in text


def test_uncompleting_lowers_progress(world, enrolled_client, enrolled_learner):
    # Given two completed items
    complete(enrolled_learner, world, "L1", "L4")
    assert progress(enrolled_learner, world) == (2, 4, 50)

    # When the learner marks one as not complete
    response = enrolled_client.post(
        completion_url(world.items["L4"]), {"action": "uncomplete"}
    )

    # Then they stay on it, and progress goes down
    assert response.status_code == 302
    assert response["Location"] == world.items["L4"].url
    assert progress(enrolled_learner, world) == (1, 4, 25)


def test_uncompleting_what_was_not_complete_is_harmless(world, enrolled_client):
    response = enrolled_client.post(
        completion_url(world.items["L1"]), {"action": "uncomplete"}
    )

    assert response.status_code == 302
    assert not ItemCompletion.objects.exists()


def test_completion_must_be_posted(world, enrolled_client):
    response = enrolled_client.get(completion_url(world.items["L1"]))

    assert response.status_code == 405
    assert not ItemCompletion.objects.exists()


def test_a_visitor_is_sent_to_log_in(world, client):
    response = client.post(completion_url(world.items["L1"]))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not ItemCompletion.objects.exists()


@pytest.mark.parametrize("who", ["not_enrolled", "revoked"])
def test_a_learner_who_may_not_see_the_item_cannot_complete_it(
    world, learner, revoked_learner, who
):
    user = learner if who == "not_enrolled" else revoked_learner
    client = Client()
    client.force_login(user)

    response = client.post(completion_url(world.items["L1"]))

    assert response.status_code == 403
    assert not ItemCompletion.objects.filter(user=user).exists()


def test_a_locked_item_cannot_be_completed(world, enrolled_client, enrolled_learner):
    # Given a module that opens a week after enrolling
    module = world.items["L4"].get_parent().specific
    module.release_after_days = 7
    module.save_revision().publish()

    # When the learner tries to complete one of its lessons today
    response = enrolled_client.post(completion_url(world.items["L4"]))

    # Then they are refused
    assert response.status_code == 403
    assert not ItemCompletion.objects.filter(user=enrolled_learner).exists()


def test_an_unpublished_item_cannot_be_completed(world, enrolled_client):
    world.items["L1"].unpublish()

    response = enrolled_client.post(completion_url(world.items["L1"]))

    assert response.status_code == 404
    assert not ItemCompletion.objects.exists()


def test_a_page_that_is_not_an_item_cannot_be_completed(world, enrolled_client):
    response = enrolled_client.post(completion_url(world.course))

    assert response.status_code in (400, 403, 404)
    assert not ItemCompletion.objects.exists()


def test_a_quiz_cannot_be_marked_complete_without_passing(
    world, enrolled_client, enrolled_learner
):
    # A passed quiz completes itself; the lesson's button must not do it.
    response = enrolled_client.post(completion_url(world.items["Q3"]))

    assert response.status_code in (400, 403, 405)
    assert not ItemCompletion.objects.filter(user=enrolled_learner).exists()


def test_a_passed_quiz_cannot_be_uncompleted_by_hand(
    world, enrolled_client, enrolled_learner
):
    complete(enrolled_learner, world, "Q3")  # as a pass would

    response = enrolled_client.post(
        completion_url(world.items["Q3"]), {"action": "uncomplete"}
    )

    assert response.status_code in (400, 403, 405)
    assert ItemCompletion.objects.filter(user=enrolled_learner).count() == 1


# Showing progress ------------------------------------------------------------


def test_the_outline_beside_a_lesson_shows_progress(world, enrolled_client):
    enrolled_client.post(completion_url(world.items["L1"]))

    text = content_of(enrolled_client.get(world.items["L4"].url))

    assert "1 of 4 completed" in text
    assert '<progress class="progress__bar" max="4" value="1"' in text
    assert 'aria-label="Course progress"' in text


def test_the_course_page_shows_progress_and_where_to_continue(world, enrolled_client):
    # Given a learner who completed the first two lessons
    enrolled_client.post(completion_url(world.items["L1"]))
    enrolled_client.post(completion_url(world.items["L2"]))

    # When they open the course page
    text = content_of(enrolled_client.get(world.course.url))

    # Then it shows their progress and continues at the quiz
    assert "1 of 4 completed" in text
    assert f'href="{world.items["Q3"].url}">Continue learning' in text


def test_the_outline_marks_completed_items(world, enrolled_client):
    enrolled_client.post(completion_url(world.items["L1"]))

    # Beside a lesson of the same module, and on the course page
    for page in (world.items["Q3"], world.course):
        text = enrolled_client.get(page.url).content.decode()

        items = text.split('<li class="outline__item')[1:]
        completed = [item for item in items if item.startswith(" is-completed")]
        assert len(completed) == 1
        assert "Lesson one" in completed[0]
        assert "Completed" in completed[0]
    # and beside a lesson of the next module, as that module's count
    text = enrolled_client.get(world.items["L4"].url).content.decode()
    assert "Lesson one" not in text.split('<aside class="lesson-outline">')[1]
    assert "1 of 3 items completed" in text
