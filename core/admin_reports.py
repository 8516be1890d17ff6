"""Wiring a report into the Wagtail admin: its two URLs and its menu item.

A Wagtail ``ReportView`` answers at two addresses: the page, and its
``results`` (the table alone, which the filters reload). A report's menu item
shows only to those with the permission the report itself asks for.
"""

from __future__ import annotations

from django.urls import path

from wagtail.admin.menu import MenuItem


def report_urls(route: str, view_class, name: str) -> list:
    """``reports/<route>/`` and ``reports/<route>/results/``, named ``name``
    and ``name_results``."""
    return [
        path(f"reports/{route}/", view_class.as_view(), name=name),
        path(
            f"reports/{route}/results/",
            view_class.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users who hold ``permission``."""

    def __init__(self, label, url, *, permission: str, **kwargs):
        super().__init__(label, url, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
