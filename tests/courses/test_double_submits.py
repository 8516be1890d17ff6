"""A second click (or a second request racing the first) never answers 500.

The evaluation, and the instructor's revoke and reissue, each write once; a
repeated submit gets the same page as the first or a clear message. The race
itself is in ``test_double_submit_concurrency.py`` (PostgreSQL); here the
window is reproduced on SQLite by handing the view what it read before the
first request committed.
"""

from __future__ import annotations

import dataclasses

from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

import pytest

from courses import views_ce
from courses.admin import certificate_actions
from courses.completion import course_completion_facts
from courses.models import Certificate, CertificateStatus, CourseEvaluation
from courses.services import certificate_reissue, certificate_revoke
from tests.accounts.factories import UserFactory
from tests.courses.ce_support import (
    ce_course_build,
    enroll,
    evaluate,
    evaluation_post,
    final_take,
    lessons_complete,
    profile_fill,
)


@pytest.fixture
def ce(course_index):
    return ce_course_build(parent=course_index)


@pytest.fixture
def ready_learner(ce):
    """Every condition met but the evaluation."""
    user = UserFactory(email="ready@example.com")
    enroll(user, ce)
    profile_fill(user)
    lessons_complete(user, ce)
    final_take(user, ce)
    return user


@pytest.fixture
def ready_client(ready_learner) -> Client:
    client = Client()
    client.force_login(ready_learner)
    return client


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _evaluation_url(ce) -> str:
    return reverse("course_evaluation", args=[ce.course.pk])


# The evaluation -----------------------------------------------------------------


def test_a_second_evaluation_submit_lands_on_the_same_certificate(
    ce, ready_learner, ready_client
):
    first = ready_client.post(_evaluation_url(ce), evaluation_post(ce))

    second = ready_client.post(_evaluation_url(ce), evaluation_post(ce))

    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert CourseEvaluation.objects.filter(enrollment__user=ready_learner).count() == 1
    assert Certificate.objects.filter(enrollment__user=ready_learner).count() == 1


def test_an_evaluation_submit_that_lost_the_race_still_lands_on_the_certificate(
    ce, ready_learner, ready_client, monkeypatch
):
    # Given the view read the facts before a parallel submit stored the evaluation
    stale = course_completion_facts(user=ready_learner, course=ce.course)
    evaluate(ready_learner, ce)
    monkeypatch.setattr(
        views_ce,
        "course_completion_facts",
        lambda **kwargs: dataclasses.replace(stale, evaluation_submitted=False),
    )

    # When this request submits too
    response = ready_client.post(_evaluation_url(ce), evaluation_post(ce))

    # Then it is not a 500: the first evaluation stands and the certificate shows
    certificate = Certificate.objects.get(enrollment__user=ready_learner)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "certificate_detail", args=[certificate.serial]
    )
    assert CourseEvaluation.objects.filter(enrollment__user=ready_learner).count() == 1


# Revoke and reissue ----------------------------------------------------------------


@pytest.fixture
def certificate(ce, ready_learner) -> Certificate:
    client = Client()
    client.force_login(ready_learner)
    client.post(_evaluation_url(ce), evaluation_post(ce))
    return Certificate.objects.get(enrollment__user=ready_learner)


def _revoke(client, certificate):
    return client.post(
        reverse("courses_certificate_revoke", args=[certificate.pk]),
        {"reason": "Issued in error."},
    )


def _reissue(client, certificate):
    return client.post(reverse("courses_certificate_reissue", args=[certificate.pk]))


def test_a_second_revoke_says_it_is_already_revoked(instructor_client, certificate):
    _revoke(instructor_client, certificate)

    response = _revoke(instructor_client, certificate)

    assert response.status_code == 302
    assert (
        f"Certificate {certificate.serial} is already revoked; nothing was changed."
        in _messages(response)
    )
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "Issued in error."


def test_a_revoke_that_lost_the_race_says_so(
    instructor_client, certificate, monkeypatch
):
    # Given the view read the certificate while it was still valid
    stale = Certificate.objects.get(pk=certificate.pk)
    certificate_revoke(certificate=certificate, reason="First click.")
    monkeypatch.setattr(
        certificate_actions, "_certificate_for_change", lambda r, pk: stale
    )

    response = _revoke(instructor_client, stale)

    assert response.status_code == 302
    assert (
        f"Certificate {certificate.serial} is already revoked; nothing was changed."
        in _messages(response)
    )
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "First click."


def test_a_second_reissue_issues_one_copy(instructor_client, certificate):
    _reissue(instructor_client, certificate)

    response = _reissue(instructor_client, certificate)

    assert response.status_code == 302
    assert (
        f"Certificate {certificate.serial} has already been replaced by a corrected "
        "copy; nothing was changed." in _messages(response)
    )
    assert Certificate.objects.filter(replaces=certificate).count() == 1


def test_a_reissue_that_lost_the_race_says_so(
    instructor_client, certificate, monkeypatch
):
    stale = Certificate.objects.get(pk=certificate.pk)
    certificate_reissue(certificate=certificate)
    monkeypatch.setattr(
        certificate_actions, "_certificate_for_change", lambda r, pk: stale
    )

    response = _reissue(instructor_client, stale)

    assert response.status_code == 302
    assert Certificate.objects.filter(replaces=certificate).count() == 1
    assert (
        Certificate.objects.get(pk=certificate.pk).status == CertificateStatus.REISSUED
    )
