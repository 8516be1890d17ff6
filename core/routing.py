"""Find the page a URL names in one query, not two per level of the tree.

Wagtail routes ``/courses/a-course/a-module/a-lesson/`` by asking each page in
turn for its child with the next slug, then loading that child's specific
type: eight queries for a lesson four levels down. Every page stores its
whole ``url_path``, so the root page can ask once for all the pages whose
``url_path`` is a prefix of the request's path, and load only the deepest one
as its specific type.

Wagtail's behaviour is kept: a page that routes its own sub-paths (a
``RoutablePageMixin`` page, such as a quiz) is handed the rest of the path,
even when a page deeper down would match; the page found must be live
(``Page.route`` checks that); anything else is a 404.

The page a path leads to is kept in the cache for the current page generation
(``core.page_generation``: any page change makes it stale), so a second
request for the same address routes without a query. Each request gets its
own copy (unpickled), never an object another request touched.
"""

from __future__ import annotations

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from core.page_generation import generation_cached


class RouteByPathMixin:
    """For the site's root page: route the whole path with one lookup."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        page = _page_for_path(self, path_components)
        return page.route(request, path_components[page.depth - self.depth :])


def _page_for_path(root, path_components) -> Page:
    """The deepest page on the path (or the routable page that takes the rest),
    as its specific type: computed once per page generation (two queries).
    Only paths that lead to a page are kept."""
    path = "/".join(path_components)
    key = "core:route:" + hashlib.sha256(f"{root.pk}:{path}".encode()).hexdigest()
    return generation_cached(
        key, lambda: _page_find(root, path_components), fresh_copy=True
    )


def _page_find(root, path_components) -> Page:
    prefixes = [
        root.url_path + "/".join(path_components[:n]) + "/"
        for n in range(1, len(path_components) + 1)
    ]
    rows = list(
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
        .order_by("depth")
        .values_list("pk", "content_type_id")
    )
    if not rows:
        raise Http404
    target = rows[-1]
    for row in rows:
        if issubclass(_model(row), RoutablePageMixin):
            target = row  # it decides what its sub-paths mean
            break
    return _model(target).objects.get(pk=target[0])


def _model(row) -> type[Page]:
    return ContentType.objects.get_for_id(row[1]).model_class() or Page
