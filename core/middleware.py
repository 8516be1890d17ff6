from django.conf import settings


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
