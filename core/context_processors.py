from django.conf import settings


def site(request):
    """Site-wide names for templates."""
    return {"SITE_NAME": settings.WAGTAIL_SITE_NAME}
