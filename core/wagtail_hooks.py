"""Admin-wide assets: the one stylesheet our admin screens share.

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
