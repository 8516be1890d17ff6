"""Posting Wagtail's page editor the way the instructor's browser does."""

from __future__ import annotations

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses.models import CoursePage


def edit_course(client, course: CoursePage, *, price: str, currency: str = "usd"):
    """POST the page editor's form for ``course`` (publish), as the browser would."""
    data = nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "learning_objectives": streamfield([]),
            "audience": "",
            "description": streamfield([]),
            "price_amount": price,
            "currency": currency,
            "ce_hours": "",
            "credits": inline_formset([]),
            "ce_level": "",
            "ce_format": course.ce_format,
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[course.pk]), data)
