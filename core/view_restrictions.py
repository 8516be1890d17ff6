"""Page privacy checked without a query on the pages that have none.

Wagtail checks every page it serves for view restrictions (private pages,
passwords, groups) on the page and each ancestor: two queries per page view,
although this site restricts few pages, if any. The paths of the restricted
pages are kept in the cache for the current page generation
(``core.page_generation``, bumped when a restriction or a page changes), and
the restrictions themselves are read only for a page under one of them.
"""

from __future__ import annotations

from wagtail.models import Page, PageViewRestriction

from core.page_generation import generation_cached


class CachedViewRestrictionsMixin:
    """For page models: ``get_view_restrictions`` from the cached restricted paths."""

    def get_view_restrictions(self):
        restricted = _restricted()
        if restricted is None or self.alias_of_id:
            return super().get_view_restrictions()  # aliases: Wagtail resolves them
        page_ids = [pk for path, pk in restricted if self.path.startswith(path)]
        if not page_ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(page_id__in=page_ids)


def _restricted() -> tuple[tuple[str, int], ...] | None:
    """(path, page id) of every restricted page; None while any page is an alias."""
    return generation_cached("core:view-restrictions", _restricted_find)


def _restricted_find():
    if Page.objects.filter(alias_of__isnull=False).exists():
        return None
    return tuple(
        PageViewRestriction.objects.values_list("page__path", "page_id").distinct()
    )
