from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def post_moderate_url(post) -> str:
    """The admin page where a moderator hides or restores ``post``, or ""."""
    try:
        return reverse("discussion_posts:inspect", args=[post.pk])
    except NoReverseMatch:  # the moderation screens are not installed
        return ""
