"""CE approvals as the instructor records them: kind, number, period, formats, text.

The provider number is required for every kind whose body issues one (an
APA-approved sponsor has none); an empty statement starts from the standard
wording of the kind, which the instructor then edits.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.urls import reverse

import pytest

from courses.models import Approval, ApprovalKind, CourseFormat

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_courses_approval:add"
START = datetime.date(2026, 1, 1)
END = datetime.date(2028, 12, 31)


def _approval(**overrides) -> Approval:
    fields = {
        "body_name": "Association of Social Work Boards (ASWB) ACE program",
        "kind": ApprovalKind.ACE_PROVIDER,
        "provider_number": "1234",
        "period_start": START,
        "period_end": END,
        "formats": [CourseFormat.SELF_PACED],
        "statement": "",
    }
    fields.update(overrides)
    return Approval(**fields)


def _post(**overrides) -> dict:
    data = {
        "body_name": "Association of Social Work Boards (ASWB) ACE program",
        "kind": ApprovalKind.ACE_PROVIDER,
        "provider_number": "1234",
        "period_start": "2026-01-01",
        "period_end": "2028-12-31",
        "formats": [CourseFormat.SELF_PACED],
        "statement": "",
        "requires_license_number": "on",
    }
    data.update(overrides)
    return data


# The provider number, kind by kind ---------------------------------------------


@pytest.mark.parametrize(
    "kind",
    [kind for kind in ApprovalKind.values if kind != ApprovalKind.APA_SPONSOR],
)
def test_a_kind_whose_body_issues_a_number_requires_it(kind):
    approval = _approval(kind=kind, provider_number="  ")

    with pytest.raises(ValidationError) as refused:
        approval.full_clean()

    assert "provider_number" in refused.value.message_dict
    assert "enter the number the body issued" in str(refused.value)


def test_an_apa_sponsor_needs_no_provider_number():
    approval = _approval(
        kind=ApprovalKind.APA_SPONSOR,
        body_name="American Psychological Association",
        provider_number="",
    )

    approval.full_clean()  # no error

    assert approval.provider_number == ""
    assert str(approval) == "American Psychological Association"


def test_the_admin_form_rerenders_with_the_provider_number_error(instructor_client):
    response = instructor_client.post(
        reverse(ADD), _post(kind=ApprovalKind.NBCC_ACEP, provider_number="")
    )

    assert response.status_code == 200  # re-rendered, not saved
    content = response.content.decode()
    assert "enter the number the body issued" in content
    assert "NBCC Approved Continuing Education Provider" in content
    assert not Approval.objects.exists()


def test_the_admin_form_refuses_a_period_that_ends_before_it_starts(
    instructor_client,
):
    response = instructor_client.post(
        reverse(ADD), _post(period_start="2027-01-01", period_end="2026-01-01")
    )

    assert response.status_code == 200
    assert "The approval period ends before it starts" in response.content.decode()
    assert not Approval.objects.exists()


def test_the_admin_form_saves_an_apa_sponsor_without_a_number(instructor_client):
    response = instructor_client.post(
        reverse(ADD),
        _post(
            kind=ApprovalKind.APA_SPONSOR,
            body_name="American Psychological Association",
            provider_number="",
            formats=[CourseFormat.SELF_PACED, CourseFormat.LIVE_WEBINAR],
        ),
    )

    assert response.status_code == 302
    approval = Approval.objects.get()
    assert approval.kind == ApprovalKind.APA_SPONSOR
    assert approval.provider_number == ""
    assert approval.formats == [CourseFormat.SELF_PACED, CourseFormat.LIVE_WEBINAR]


def test_the_admin_form_needs_at_least_one_format(instructor_client):
    response = instructor_client.post(reverse(ADD), _post(formats=[]))

    assert response.status_code == 200
    assert not Approval.objects.exists()


# The standard wording ------------------------------------------------------------


def test_an_empty_ace_statement_starts_from_the_standard_wording(instructor_client):
    instructor_client.post(reverse(ADD), _post())

    statement = Approval.objects.get().statement
    assert "Regulatory boards are the final authority" in statement
    assert "January 1, 2026" in statement  # the provider's approval period
    assert "December 31, 2028" in statement
    assert "1234" in statement
    assert "Practicum Academy" in statement  # settings.CE_PROVIDER_NAME


def test_an_empty_apa_statement_says_the_sponsor_maintains_responsibility():
    approval = _approval(kind=ApprovalKind.APA_SPONSOR, provider_number="")

    approval.full_clean()

    assert (
        "Practicum Academy maintains responsibility for this program and its content"
        in approval.statement
    )
    assert "American Psychological Association" in approval.statement


@pytest.mark.parametrize("kind", ApprovalKind.values)
def test_every_kind_has_a_standard_wording_with_no_placeholder_left(kind):
    approval = _approval(kind=kind, body_name="Texas State Board")

    approval.full_clean()

    assert approval.statement
    assert "[" not in approval.statement  # every fact was filled in


def test_a_written_statement_is_kept_as_written(instructor_client):
    instructor_client.post(reverse(ADD), _post(statement="Our letter's exact text."))

    assert Approval.objects.get().statement == "Our letter's exact text."


def test_the_edit_form_offers_the_standard_wording_of_each_kind(instructor_client):
    approval = _approval(statement="Edited.")
    approval.save()

    response = instructor_client.get(
        reverse("wagtailsnippets_courses_approval:edit", args=[approval.pk])
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "the kind chosen now" in content
    assert "maintains responsibility for this program and its content" in content
    assert "Regulatory boards are the final authority" in content


def test_the_listing_shows_kind_formats_and_an_approval_ending_soon(
    instructor_client,
):
    today = datetime.date.today()
    _approval(
        period_start=today - datetime.timedelta(days=300),
        period_end=today + datetime.timedelta(days=20),
    ).save()

    response = instructor_client.get(reverse("wagtailsnippets_courses_approval:list"))

    content = response.content.decode()
    assert "ASWB ACE approved provider" in content
    assert "Self-paced online" in content
    assert "Current, ends in 20 days" in content


def test_the_new_approval_form_shows_the_wording_with_placeholders(
    instructor_client,
):
    response = instructor_client.get(reverse(ADD))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="formats"' in content
    assert "State licensing board — the kind chosen now" in content
    assert "[number]" in content  # nothing typed yet: nothing pretends to be final
