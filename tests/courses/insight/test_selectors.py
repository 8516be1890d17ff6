"""Every figure of courses.insight against the small school worked out by hand
(tests/courses/insight/school.py has the table)."""

from __future__ import annotations

import datetime

import pytest

from courses.insight.activity import (
    certificates_issued_this_month,
    learners_active_count,
)
from courses.insight.enrollments import (
    enrollments_count_in_window,
    enrollments_per_week,
)
from courses.insight.outline import school_outline
from courses.insight.periods import days_before, last_days
from courses.insight.progress import (
    ProgressState,
    completion_funnels,
    completion_rates,
    enrollments_owing_evaluation,
    enrollments_stuck,
    enrollments_with_progress,
    progress_state_counts,
)

pytestmark = pytest.mark.django_db


def test_outline_counts_live_required_items_in_live_modules(school):
    outline = school_outline()

    course = outline.courses[school.course.pk]
    p = school.pages
    assert [m.title for m in course.modules] == ["Getting started", "Interviewing"]
    assert course.required_ids == [p["a1"].pk, p["b1"].pk, p["b2"].pk]
    assert outline.courses[school.paid.pk].required_total == 1


def test_enrollments_last_30_days_against_the_30_before(school):
    recent = last_days(30)

    assert enrollments_count_in_window(recent) == 3  # ana x2, cat (eve revoked)
    assert enrollments_count_in_window(days_before(recent)) == 4  # fay ben gus dan


def test_enrollments_per_week_twelve_mondays_in_one_query(
    school, django_assert_num_queries
):
    with django_assert_num_queries(1):
        weeks = enrollments_per_week(weeks=12)

    assert len(weeks) == 12
    assert weeks[0][0] == datetime.date(2026, 3, 30)
    assert weeks[-1][0] == datetime.date(2026, 6, 15)
    counts = {monday.isoformat(): count for monday, count in weeks if count}
    assert counts == {
        "2026-04-13": 1,  # fay (Sunday 19 April)
        "2026-04-20": 1,  # dan
        "2026-04-27": 1,  # ben (Friday 1 May)
        "2026-05-04": 1,  # gus (Sunday 10 May)
        "2026-05-25": 1,  # cat (a Monday)
        "2026-06-08": 2,  # ana, twice
    }


def test_learners_active_this_week(school, django_assert_num_queries):
    # ana (a completion), hal (a learner's post), ivy (a submitted quiz); ben's
    # last completion is 8 days old, the instructor's post is not a learner's.
    with django_assert_num_queries(1):
        assert learners_active_count() == 3


def test_certificates_issued_this_month_counts_valid_ones(school):
    # dan's reissued original (5 June) and gus's May certificate do not count.
    assert list(certificates_issued_this_month().values_list("serial", flat=True)) == [
        "P-0002"
    ]


def test_progress_of_each_enrollment(school):
    rows = {
        (e.user.email.split("@")[0], e.course_id): (
            e.required_done,
            e.required_total,
            e.last_activity.date().isoformat(),
            e.state,
        )
        for e in enrollments_with_progress().select_related("user")
    }
    course, paid = school.course.pk, school.paid.pk
    assert rows == {
        ("ana", course): (1, 3, "2026-06-16", ProgressState.IN_PROGRESS),
        ("ben", course): (3, 3, "2026-06-09", ProgressState.OWES_EVALUATION),
        ("cat", course): (0, 3, "2026-05-26", ProgressState.STUCK),
        ("dan", course): (3, 3, "2026-04-27", ProgressState.COMPLETED),
        ("fay", course): (0, 3, "2026-04-19", ProgressState.STUCK),
        ("ana", paid): (1, 1, "2026-06-12", ProgressState.IN_PROGRESS),
        ("gus", paid): (1, 1, "2026-05-11", ProgressState.COMPLETED),
    }


def test_stuck_and_owing_querysets(school):
    assert set(enrollments_stuck().values_list("user__email", flat=True)) == {
        "cat@example.com",
        "fay@example.com",
    }
    assert list(enrollments_owing_evaluation().values_list("pk", flat=True)) == [
        school.enrollments["ben"].pk
    ]


def test_stuck_is_fourteen_days_without_progress(school, time_machine):
    # 13 days after ben's last completion nobody new is stuck; ana's last
    # completion (16 June) is 14 days and a minute old on 30 June 12:01.
    time_machine.move_to(datetime.datetime(2026, 6, 30, 12, 1, tzinfo=datetime.UTC))

    stuck = set(enrollments_stuck().values_list("user__email", "course_id"))

    assert ("ana@example.com", school.course.pk) in stuck
    assert ("ana@example.com", school.paid.pk) in stuck  # 12 June


def test_state_counts_in_one_query(school, django_assert_num_queries):
    outline = school_outline()

    with django_assert_num_queries(1):
        counts = progress_state_counts(outline=outline)

    assert counts == {
        "completed": 2,
        "owes_evaluation": 1,
        "stuck": 2,
        "in_progress": 2,
    }


def test_completion_rate_per_course(school):
    rates = {
        rate.title: (rate.active, rate.completed, rate.percent)
        for rate in (completion_rates())
    }

    assert rates == {
        "Mitigation 101": (5, 1, 20),
        "Foundations of Mitigation Practice": (2, 1, 50),
    }


def test_completion_funnel_share_who_reached_each_module(
    school, django_assert_num_queries
):
    outline = school_outline()

    with django_assert_num_queries(1):
        funnels = completion_funnels(outline=outline)

    # ana and cat stopped in the first module, ben and dan reached the second,
    # fay never started: 4 of 5 reached "Getting started", 2 of 5 "Interviewing".
    steps = funnels[school.course.pk]
    assert [(s.module_title, s.reached, s.active) for s in steps] == [
        ("Getting started", 4, 5),
        ("Interviewing", 2, 5),
    ]
    assert [s.percent for s in steps] == [80.0, 40.0]
    assert [(s.reached, s.active) for s in funnels[school.paid.pk]] == [(2, 2)]
