"""The dashboard and both reports cost the same queries for 3 or 12 more learners."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from tests.courses.insight.support import assistant_build, client_for, learners_add

pytestmark = pytest.mark.django_db

PAGES = [
    ("wagtailadmin_home", {}),
    ("courses_report_enrollments", {}),
    ("courses_report_enrollments", {"export": "csv"}),
    ("courses_report_progress", {}),
    ("courses_report_progress", {"state": "stuck"}),
    ("courses_report_progress", {"export": "csv"}),
]


def _queries(client, name, params) -> int:
    client.get(reverse(name), params)  # warm Wagtail's caches (site, menus)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(name), params)
        if response.streaming:
            rows = b"".join(response.streaming_content).count(b"\n")
            assert rows > 3
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(("name", "params"), PAGES)
def test_same_queries_at_two_sizes(school, name, params):
    client = client_for(assistant_build())
    learners_add(school, 3, prefix="small")
    small = _queries(client, name, params)

    learners_add(school, 9, prefix="large")  # 12 learners added in all
    large = _queries(client, name, params)

    assert small == large, f"{name} {params}: {small} queries, then {large}"
