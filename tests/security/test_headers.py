"""Security headers: a strict CSP on the public site, a looser one for the admin,
and private caching for pages that depend on who is logged in."""

from __future__ import annotations

from django.urls import reverse


def _csp(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def test_public_page_has_a_strict_csp(client, home_page):
    # Given the public home page
    # When a visitor opens it
    response = client.get("/")

    # Then its policy allows no inline script or style, and no plugins
    assert response.status_code == 200
    csp = _csp(response)
    assert "'self'" in csp["script-src"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]


def test_public_page_has_no_inline_script_or_style(client, course, preview_lesson):
    # The strict policy would block them: the public templates must not rely on them.
    for url in ("/", course.url, preview_lesson.url):
        content = client.get(url).content.decode()
        assert "<script>" not in content, url
        assert " style=" not in content, url
        assert "<style" not in content, url


def test_public_video_frames_come_from_the_three_video_hosts(client, home_page):
    csp = _csp(client.get("/"))

    assert set(csp["frame-src"]) == {
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
        "https://fast.wistia.net",
    }


def test_forms_may_go_on_only_to_the_site_and_stripe_checkout(client, paid_course):
    # "Buy the course" posts to the site, which answers 303 to Stripe Checkout;
    # browsers hold that redirect to form-action too (the paid journey in
    # tests/e2e found a purchase blocked by a form-action of 'self' alone).
    csp = _csp(client.get(paid_course.url))

    assert set(csp["form-action"]) == {"'self'", "https://checkout.stripe.com"}


def test_allauth_pages_have_the_strict_csp(client, home_page):
    csp = _csp(client.get(reverse("account_login")))

    assert "'unsafe-inline'" not in csp["script-src"]


def test_admin_redirect_carries_the_admin_csp(client, home_page):
    # Given a visitor who is not logged in
    # When they open the admin
    response = client.get("/admin/")

    # Then even the redirect carries the admin's own policy
    assert response.status_code == 302
    assert "'unsafe-inline'" in _csp(response)["script-src"]


def test_admin_page_carries_the_admin_csp(instructor_client, home_page):
    # Given the instructor
    # When they open the admin
    response = instructor_client.get("/admin/")

    # Then the admin's inline scripts are allowed there, and only there
    assert response.status_code == 200
    csp = _csp(response)
    assert "'unsafe-inline'" in csp["script-src"]
    assert csp["object-src"] == ["'none'"]


def test_lesson_for_a_logged_in_learner_is_cached_privately(enrolled_client, lesson):
    # Given an enrolled learner
    # When they read a lesson
    response = enrolled_client.get(lesson.url)

    # Then no shared cache may keep it
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_free_preview_for_a_logged_in_learner_is_cached_privately(
    learner_client, preview_lesson
):
    response = learner_client.get(preview_lesson.url)

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]


def test_public_pages_refuse_to_be_framed(client, home_page):
    response = client.get("/")

    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
