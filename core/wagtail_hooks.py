"""Admin-wide assets (the one stylesheet our admin screens share) and the mark
that lets the visitors' page cache store a page.

``core`` registers hooks but imports nothing of ours; the dashboard figures
and charts of every app are styled by ``static/css/admin.css``.
"""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_global_admin_css")
def global_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("before_serve_page", order=100)
def mark_cacheable_for_visitors(page, request, serve_args, serve_kwargs):
    """Let ``core.page_cache`` store this page if its class opts in.

    Order 100: after Wagtail's own view-restriction check (order 0), so a page
    behind a password or a login, which answers with that check's response,
    is never marked. The middleware still refuses anything personal.
    """
    if getattr(page, "cache_for_visitors", False):
        request.cacheable_for_visitors = True
