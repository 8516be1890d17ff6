"""GET /healthz/: 200 with the database up, 503 without it (cache: see outage tests)."""

from __future__ import annotations

from unittest import mock

from django.db import OperationalError
from django.urls import reverse


def test_healthz_reports_ok(client, db):
    # Given a working database
    # When the load balancer checks health
    response = client.get(reverse("healthz"))

    # Then it answers 200 with the contract's JSON
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_is_never_cached(client, db):
    response = client.get("/healthz/")

    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_503_when_the_database_is_unreachable(client, db):
    # Given a database that refuses connections
    with mock.patch("core.views.connection") as connection:
        connection.cursor.side_effect = OperationalError("connection refused")

        # When the load balancer checks health
        response = client.get("/healthz/")

    # Then it answers 503
    assert response.status_code == 503
    assert response.json() == {
        "status": "error",
        "database": "unreachable",
        "cache": "ok",
    }


def test_healthz_refuses_post(client, db):
    response = client.post("/healthz/")

    assert response.status_code == 405
