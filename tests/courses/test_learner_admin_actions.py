"""Every action on a learner: refused (403, nothing written, nothing logged)
without its permission; done, confirmed and recorded (who, what, why) with it."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
from allauth.account.models import EmailAddress

from courses.models import Enrollment, EnrollmentSource, EnrollmentStatus
from courses.services import enrollment_grant, enrollment_revoke
from lessons.models import QuizAttemptGrant
from tests.accounts.factories import UserFactory
from tests.cache_bumps import without_cache_bumps
from tests.courses.learner_admin_support import (
    VIEW,
    client_for,
    learner_url,
    staff_with,
)
from tests.lessons.quiz_factories import QuizPageFactory

REASON = "Scholarship for the spring cohort"


@pytest.fixture
def subject(course, paid_course, module):
    """A learner enrolled (free) in ``course``, with an unverified second address."""
    user = UserFactory(email="subject@example.com")
    enrollment_grant(user=user, course=course, source=EnrollmentSource.FREE)
    return user


@pytest.fixture
def quiz(module):
    return QuizPageFactory(parent=module, title="Check-in", attempts_allowed=2)


def _enrollment(subject, course):
    return Enrollment.objects.get(user=subject, course=course)


@dataclass
class Action:
    name: str
    perm: str
    url: Callable
    data: Callable
    done: Callable  # (subject, world) -> bool
    log_action: str
    setup: Callable = lambda subject, ctx: None


def _revoke_setup(subject, ctx):
    pass


def _restore_setup(subject, ctx):
    enrollment_revoke(enrollment=_enrollment(subject, ctx["course"]), reason="x")


def _unverify(subject, ctx):
    EmailAddress.objects.filter(user=subject).update(verified=False)


def _deactivated(subject, ctx):
    subject.is_active = False
    subject.save(update_fields=["is_active"])


ACTIONS = [
    Action(
        "enroll",
        "courses.add_enrollment",
        lambda s, c: reverse("learners:enroll", args=[s.pk]),
        lambda s, c: {"enroll-course": c["paid_course"].pk, "enroll-reason": REASON},
        lambda s, c: Enrollment.objects.filter(
            user=s,
            course=c["paid_course"],
            source=EnrollmentSource.MANUAL,
            status=EnrollmentStatus.ACTIVE,
        ).exists(),
        "practicum.learner.enroll",
    ),
    Action(
        "revoke",
        "courses.change_enrollment",
        lambda s, c: reverse(
            "learners:revoke", args=[s.pk, _enrollment(s, c["course"]).pk]
        ),
        lambda s, c: {f"revoke-{_enrollment(s, c['course']).pk}-reason": REASON},
        lambda s, c: _enrollment(s, c["course"]).status == EnrollmentStatus.REVOKED,
        "practicum.learner.revoke",
    ),
    Action(
        "restore",
        "courses.change_enrollment",
        lambda s, c: reverse(
            "learners:restore", args=[s.pk, _enrollment(s, c["course"]).pk]
        ),
        lambda s, c: {f"restore-{_enrollment(s, c['course']).pk}-reason": REASON},
        lambda s, c: (
            _enrollment(s, c["course"]).status == EnrollmentStatus.ACTIVE
            and _enrollment(s, c["course"]).source == EnrollmentSource.FREE
        ),
        "practicum.learner.restore",
        _restore_setup,
    ),
    Action(
        "release_anchor",
        "courses.change_enrollment",
        lambda s, c: reverse(
            "learners:release_anchor", args=[s.pk, _enrollment(s, c["course"]).pk]
        ),
        lambda s, c: {
            f"anchor-{_enrollment(s, c['course']).pk}-anchor_on": "2026-03-01",
            f"anchor-{_enrollment(s, c['course']).pk}-reason": REASON,
        },
        lambda s, c: (
            _enrollment(s, c["course"]).release_anchor_on == datetime.date(2026, 3, 1)
        ),
        "practicum.learner.release_anchor",
    ),
    Action(
        "quiz_attempts",
        "lessons.add_quizattemptgrant",
        lambda s, c: reverse("lessons_learner_quiz_attempts_grant", args=[s.pk]),
        lambda s, c: {
            "quiz_grant-quiz": c["quiz"].pk,
            "quiz_grant-extra_attempts": 2,
            "quiz_grant-reason": REASON,
        },
        lambda s, c: QuizAttemptGrant.objects.filter(
            user=s, quiz=c["quiz"], extra_attempts=2, reason=REASON
        ).exists(),
        "practicum.learner.quiz_attempts",
    ),
    Action(
        "verification_resend",
        "accounts.change_user",
        lambda s, c: reverse("learners:verification_resend", args=[s.pk]),
        lambda s, c: {"verification-reason": REASON},
        lambda s, c: len(c["mailoutbox"]) == 1 and c["mailoutbox"][0].to == [s.email],
        "practicum.learner.verification_resend",
        _unverify,
    ),
    Action(
        "deactivate",
        "accounts.change_user",
        lambda s, c: reverse("learners:deactivate", args=[s.pk]),
        lambda s, c: {"deactivate-reason": REASON},
        lambda s, c: not type(s).objects.get(pk=s.pk).is_active,
        "practicum.learner.deactivate",
    ),
    Action(
        "reactivate",
        "accounts.change_user",
        lambda s, c: reverse("learners:reactivate", args=[s.pk]),
        lambda s, c: {"reactivate-reason": REASON},
        lambda s, c: type(s).objects.get(pk=s.pk).is_active,
        "practicum.learner.reactivate",
        _deactivated,
    ),
]


@pytest.fixture
def world(course, paid_course, quiz, mailoutbox):
    return {
        "course": course,
        "paid_course": paid_course,
        "quiz": quiz,
        "mailoutbox": mailoutbox,
    }


def _params():
    return [pytest.param(action, id=action.name) for action in ACTIONS]


@pytest.mark.parametrize("action", _params())
def test_action_is_refused_without_its_permission(subject, world, action):
    # Given staff who may see learners but lacks this action's permission
    action.setup(subject, world)
    staff = staff_with(VIEW)
    before = action.done(subject, world)

    # When they post the action
    response = client_for(staff).post(
        action.url(subject, world), action.data(subject, world)
    )

    # Then it is refused, nothing changed and nothing was logged
    assert response.status_code == 403
    assert action.done(subject, world) == before
    assert not ModelLogEntry.objects.filter(action=action.log_action).exists()


@pytest.mark.parametrize("action", _params())
def test_action_is_done_and_recorded_with_its_permission(subject, world, action):
    # Given staff holding the view permission and this action's permission
    action.setup(subject, world)
    staff = staff_with(VIEW, action.perm)

    # When they post the action with a reason
    response = client_for(staff).post(
        action.url(subject, world), action.data(subject, world), follow=True
    )

    # Then it is done, confirmed, and logged against the learner: who, what, why
    assert response.status_code == 200
    assert action.done(subject, world)
    success = [m for m in response.context["messages"] if m.level_tag == "success"]
    assert success, [str(m) for m in response.context["messages"]]
    entry = ModelLogEntry.objects.get(action=action.log_action)
    assert entry.user == staff
    assert entry.object_id == str(subject.pk)
    assert entry.data["reason"] == REASON
    assert REASON in entry.message
    # and the learner's page shows it in the history
    assert entry.message in response.content.decode()


def test_deactivating_ends_the_learners_sessions(subject, world):
    # Given the learner is logged in somewhere
    client_for(subject)
    assert _sessions_of(subject)
    staff = staff_with(VIEW, "accounts.change_user")

    # When staff deactivate the account
    client_for(staff).post(
        reverse("learners:deactivate", args=[subject.pk]),
        {"deactivate-reason": REASON},
    )

    # Then the learner's sessions are gone
    assert not _sessions_of(subject)


def _sessions_of(user) -> list[str]:
    return [
        s.pk
        for s in Session.objects.all()
        if str(SessionStore(session_key=s.pk).get("_auth_user_id")) == str(user.pk)
    ]


def test_an_action_without_a_reason_re_renders_the_page_with_errors(subject, world):
    # Given staff who may enroll
    staff = staff_with(VIEW, "courses.add_enrollment")

    # When they enroll without a reason
    response = client_for(staff).post(
        reverse("learners:enroll", args=[subject.pk]),
        {"enroll-course": world["paid_course"].pk},
    )

    # Then the learner's page comes back with the error and nothing is written
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Enrollment.objects.filter(
        user=subject, course=world["paid_course"]
    ).exists()
    assert not ModelLogEntry.objects.filter(action="practicum.learner.enroll").exists()


def test_extra_attempts_offer_only_quizzes_of_the_learners_courses(
    subject, world, paid_course
):
    # Given a quiz in a course the learner is not enrolled in
    from tests.courses.factories import ModulePageFactory

    other = QuizPageFactory(
        parent=ModulePageFactory(parent=paid_course), title="Elsewhere quiz"
    )
    staff = staff_with(VIEW, "lessons.add_quizattemptgrant")

    # When staff open the learner's page and post a grant for that quiz
    page = client_for(staff).get(learner_url(subject)).content.decode()
    response = client_for(staff).post(
        reverse("lessons_learner_quiz_attempts_grant", args=[subject.pk]),
        {
            "quiz_grant-quiz": other.pk,
            "quiz_grant-extra_attempts": 1,
            "quiz_grant-reason": REASON,
        },
    )

    # Then only their own course's quiz is offered, and the other is refused
    assert "Check-in" in page
    assert "Elsewhere quiz" not in page
    assert response.status_code == 200
    assert not QuizAttemptGrant.objects.exists()


def test_view_only_staff_see_no_action_forms(subject, world):
    # Given staff with only the view permission (the Assistant)
    staff = staff_with(VIEW)

    # When they open the learner's page
    response = client_for(staff).get(learner_url(subject))

    # Then they read it, but no action form is offered
    assert response.status_code == 200
    html = response.content.decode()
    assert "subject@example.com" in html
    for label in (
        "Enroll free of charge",
        "Revoke the enrollment",
        "Save the drip start",
        "Grant the attempts",
        "Deactivate the account",
    ):
        assert label not in html


def test_manual_enrollment_emails_the_learner_once_after_commit(
    subject, world, django_capture_on_commit_callbacks
):
    # Given staff who may enroll
    staff = staff_with(VIEW, "courses.add_enrollment")
    mailoutbox = world["mailoutbox"]

    # When they enroll the learner by hand (and post it again)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for _ in range(2):
            client_for(staff).post(
                reverse("learners:enroll", args=[subject.pk]),
                {
                    "enroll-course": world["paid_course"].pk,
                    "enroll-reason": REASON,
                },
            )

    # Then exactly one email went out, after commit, with text and HTML parts
    assert len(without_cache_bumps(callbacks)) == 1
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["subject@example.com"]
    assert world["paid_course"].title in message.subject
    assert world["paid_course"].title in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert world["paid_course"].title in html


def test_extra_attempts_list_has_no_add_form(instructor_client):
    # Grants are made from the learner's page only: the flat add form is gone
    response = instructor_client.get(reverse("quiz_grants:add"))
    assert response.status_code in (302, 403)
    listing = instructor_client.get(reverse("quiz_grants:index"))
    assert listing.status_code == 200
    assert reverse("quiz_grants:add") not in listing.content.decode()
