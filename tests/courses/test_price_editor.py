"""The instructor types a course's price in dollars in Wagtail's page editor."""

from __future__ import annotations

from django.urls import reverse

import pytest

from tests.courses.page_editor import edit_course


def test_price_typed_in_dollars_is_stored_in_cents(instructor_client, paid_course):
    # When the instructor types "149" as the price and publishes
    response = edit_course(instructor_client, paid_course, price="149")

    # Then the course costs $149.00, stored as 14900 cents
    assert response.status_code == 302, response.context["form"].errors
    paid_course.refresh_from_db()
    assert paid_course.price_amount == 14900


def test_price_with_cents_and_separators_is_understood(instructor_client, paid_course):
    response = edit_course(instructor_client, paid_course, price="$1,249.50")

    assert response.status_code == 302, response.context["form"].errors
    paid_course.refresh_from_db()
    assert paid_course.price_amount == 124950


def test_editor_shows_the_stored_price_in_dollars(instructor_client, paid_course):
    # Given a course stored at 14900 cents
    # When the instructor opens it in the page editor
    response = instructor_client.get(
        reverse("wagtailadmin_pages:edit", args=[paid_course.pk])
    )

    # Then the price field reads 149.00 and says it is in dollars
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="price_amount"' in html
    assert 'value="149.00"' in html
    assert 'value="14900"' not in html
    assert "In dollars (or the course&#x27;s currency)" in html


def test_negative_price_is_refused_with_a_message(instructor_client, paid_course):
    response = edit_course(instructor_client, paid_course, price="-10")

    assert response.status_code == 200
    assert response.context["form"].errors["price_amount"] == [
        "Enter an amount of zero or more, without a minus sign."
    ]
    paid_course.refresh_from_db()
    assert paid_course.price_amount == 14900


def test_a_price_of_zero_makes_the_course_free(instructor_client, paid_course):
    edit_course(instructor_client, paid_course, price="0")

    paid_course.refresh_from_db()
    assert paid_course.is_free


@pytest.mark.parametrize("where", ["course page", "catalog"])
def test_learners_see_the_price_typed(instructor_client, client, paid_course, where):
    # Given the instructor typed "149" in the editor
    edit_course(instructor_client, paid_course, price="149")
    paid_course.refresh_from_db()

    # When a visitor opens the course page or the catalog
    url = paid_course.url if where == "course page" else paid_course.get_parent().url
    html = client.get(url).content.decode()

    # Then they read the price with its symbol
    assert "$149.00" in html
    assert "USD 149.00" not in html
