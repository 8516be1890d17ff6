"""When the visitors' page cache is purged: whenever what public pages show changes.

Pages: Wagtail's publish, unpublish and move signals, and the save and delete
of every page model (a save also covers scripts and tests that change a live
page directly). Beside pages, public pages show images, documents, the
site's root and host, and view restrictions (the catalog lists public courses
only): core connects those here. Apps connect their own models the same way
(``courses`` its instructors and CE approvals, in ``CoursesConfig.ready``)
with ``purge_when_changed``, so core imports nothing of theirs.

A purge is cheap (one cache increment) and forgets every page: a coarse
purge cannot miss a page that shows the changed thing in some corner.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.page_cache import page_cache_purge


def _purge(sender, **kwargs) -> None:
    page_cache_purge()


def purge_when_changed(*models) -> None:
    """Purge the page cache whenever one of ``models`` is saved or deleted."""
    for model in models:
        label = model._meta.label_lower
        post_save.connect(_purge, sender=model, dispatch_uid=f"page-cache:{label}")
        post_delete.connect(
            _purge, sender=model, dispatch_uid=f"page-cache:{label}:delete"
        )


def connect_page_cache_purges() -> None:
    """Connect the purges of what every app shares (called by ``CoreConfig``)."""
    page_published.connect(_purge, dispatch_uid="page-cache:published")
    page_unpublished.connect(_purge, dispatch_uid="page-cache:unpublished")
    post_page_move.connect(_purge, dispatch_uid="page-cache:moved")
    # Deleting any page also deletes its Page row, which sends this.
    post_delete.connect(_purge, sender=Page, dispatch_uid="page-cache:page-delete")
    for model in get_page_models():
        label = model._meta.label_lower
        post_save.connect(_purge, sender=model, dispatch_uid=f"page-cache:{label}")
    purge_when_changed(
        get_image_model(), get_document_model(), Site, PageViewRestriction
    )
