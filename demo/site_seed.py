"""The demo academy's site and pages: the home page (in place of Wagtail's
welcome page), the default site, and any page found by its slug under its
parent or created and published as an instructor would."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.contenttypes.models import ContentType

from wagtail.log_actions import log
from wagtail.models import Page, Site

from accounts.models import User
from core.models import HomePage

if TYPE_CHECKING:
    from demo.content_files import PageSpec
    from demo.loader import SeedReport


class DemoTreeConflict(Exception):
    """A page the demo needs exists at its address but is of another type."""


def welcome_pages():
    """Wagtail's "Welcome to your new Wagtail site!" page, if it is still there."""
    return Page.objects.filter(
        depth=2, content_type=ContentType.objects.get_for_model(Page)
    )


def home_page_ensure(spec: PageSpec, page_ensure, report: SeedReport) -> HomePage:
    """The home page: the one there is, or a new one in place of Wagtail's
    welcome page (``page_ensure`` builds pages from their spec)."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    welcome = list(welcome_pages())
    if welcome:
        # Sites point at the welcome page (deleting it would delete them, too),
        # and it holds the slug "home": park the sites on the root meanwhile.
        for site in Site.objects.filter(root_page__in=welcome):
            site.root_page = root
            site.save(update_fields=["root_page"])
        for page in welcome:
            page.delete()
        report.welcome_page_removed = True
    home = page_ensure(root, HomePage, spec)
    for site in Site.objects.filter(root_page=root):
        site.root_page = home
        site.save(update_fields=["root_page"])  # save() clears the site-root cache
    return home


def default_site_ensure(home: HomePage, site_name: str, report: SeedReport) -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            site_name=site_name,
            root_page=home,
            is_default_site=True,
        )
        report.created["site"] += 1
        return site
    changed = []
    if site.root_page_id != home.pk:
        site.root_page = home
        changed.append("root_page")
    if not site.site_name:
        site.site_name = site_name
        changed.append("site_name")
    if changed:
        site.save(update_fields=changed)  # clears Wagtail's site-root cache
    return site


def publish_new(
    parent: Page,
    page: Page,
    user: User,
    *,
    before: Page | None = None,
    draft: bool = False,
) -> Page:
    """Add ``page`` and publish it, or with ``draft`` save it as a draft only
    (in the admin: "Draft", for the instructor to review and publish)."""
    if draft:
        page.live = False
    if before is None:
        parent.add_child(instance=page)
    else:
        before.add_sibling(pos="left", instance=page)
    log(instance=page, action="wagtail.create", user=user)
    revision = page.save_revision(user=user, log_action=True)
    if not draft:
        revision.publish(user=user)
    return page


def page_ensure(
    parent: Page,
    page: Page,
    user: User,
    report: SeedReport,
    *,
    before: str | None = None,
    draft: bool = False,
) -> Page:
    """The child of ``parent`` at ``page.slug``; ``page`` (unsaved) is published
    there if there is none (or saved as a draft, with ``draft``).

    A new page is appended as the last child, or, with ``before``, placed just
    left of the existing sibling with that slug. An existing page is returned
    as it is: an instructor's edits are never overwritten.
    """
    model = type(page)
    existing = Page.objects.child_of(parent).filter(slug=page.slug).first()
    if existing is not None:
        existing = existing.specific
        if not isinstance(existing, model):
            raise DemoTreeConflict(
                f"{existing.url_path} is a {type(existing).__name__}, not a "
                f"{model.__name__}. Move or rename it, then run seed_demo again."
            )
        return existing
    anchor = None
    if before is not None:
        # Fresh from the database: an earlier insert may have moved its path.
        anchor = Page.objects.child_of(parent).filter(slug=before).first()
    publish_new(parent, page, user, before=anchor, draft=draft)
    report.created["page"] += 1
    return page


def items_ensure(module: Page, items: list[tuple[type[Page], PageSpec]], page_ensure):
    """A module's lessons and quizzes, in the order of their files.

    On a fresh module every item is appended in that order. When only some
    are missing (a lesson deleted since, or quizzes added to a demo seeded
    before they existed), each missing item goes just before the next item of
    the module that is already there, or last if none is: a restored lesson
    returns to its place before the knowledge check. Pages an instructor
    added stay where they are.
    """
    slugs = [spec.slug for _model, spec in items]
    present = set(
        Page.objects.child_of(module)
        .filter(slug__in=slugs)
        .values_list("slug", flat=True)
    )
    for index, (model, spec) in enumerate(items):
        before = None
        if slugs[index] not in present:
            before = next((s for s in slugs[index + 1 :] if s in present), None)
        page_ensure(module, model, spec, before=before)
