from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.utils.cache import patch_cache_control


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin its own, looser policy.

    Wagtail 8's admin still runs inline scripts (the page editor, date
    choosers). The public site keeps the strict ``SECURE_CSP``. List this
    after ``ContentSecurityPolicyMiddleware`` so it marks the response first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response._csp_config = settings.ADMIN_CSP
        return response


class PrivateResponseMiddleware:
    """Keep every response that depends on who asks out of shared caches.

    A response is private when the request carries a session (someone may be
    signed in: every page then shows who), when it sets or deletes a cookie,
    or when it is an admin page. It is then ``Cache-Control: private,
    no-store`` and loses its validators (``ETag``, ``Last-Modified``), so a
    CDN that caches by extension never hands a learner's PDF, CSV or paid
    document to the next visitor. A visitor's public page (no session, no
    cookie set) is left alone, so a visitor page cache still works.

    List this before ``SessionMiddleware``: its response side then runs after
    the session and CSRF cookies are set.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if _depends_on_who_asks(request, response):
            patch_cache_control(response, private=True, no_store=True)
            for header in ("ETag", "Last-Modified"):
                if header in response:
                    del response[header]
        return response


def _depends_on_who_asks(request, response) -> bool:
    if request.path.startswith("/admin/"):
        return True
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return True
    if response.cookies:
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class NulCharacterInRequest(SuspiciousOperation):
    """A NUL character in the path or the query string."""


class RejectNulCharacterMiddleware:
    """Answer 400 to a request with a NUL character in its path or query.

    No address or search of ours contains one, and PostgreSQL refuses NUL in
    text, so such a request could only fail deeper down with a 500. A cookie
    with one is dropped, as if the browser had not sent it (a session key
    with a NUL would fail in the session lookup). Form posts need no check
    here: Django's form fields refuse NUL themselves
    (``ProhibitNullCharactersValidator``), with a form error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or _query_has_nul(request):
            raise NulCharacterInRequest(
                "The request's address contains a NUL character."
            )
        for name, value in list(request.COOKIES.items()):
            if "\x00" in value:  # no cookie of ours has one: treat it as absent
                del request.COOKIES[name]
        return self.get_response(request)


def _query_has_nul(request) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values)
        for key, values in request.GET.lists()
    )
