"""A course's outline, built once per change of its pages and kept in the cache.

The outline is what every learner of a course sees alike: its published
modules and items in tree order, with their titles, addresses, flags and
release rules. Building it reads the page tree and every item's fields; a
learner's state (``courses.access``) then needs only their enrollment and
completions on top of it.

Any page saved, published, unpublished, moved or deleted anywhere bumps one
generation number (``core.page_generation``), and an outline from another
generation is never used. Outlines live in the default cache: Redis in
production, shared by every app server.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from wagtail.models import Page

from core.page_generation import (
    generation_cached,
    generation_cached_many,
    page_generation,
)
from courses.models import CoursePage
from courses.models.items import CourseItem
from courses.models.schedule import release_date


@dataclass(frozen=True)
class OutlinePage:
    """What the outline knows of one module, lesson or quiz (pickled in the cache)."""

    pk: int
    title: str
    slug: str
    url: str
    path: str
    depth: int
    summary: str
    verbose_name: str
    is_free_preview: bool = False
    is_optional: bool = False
    is_final_assessment: bool = False
    estimated_minutes: int | None = None
    release_after_days: int | None = None
    release_on: date | None = None

    @property
    def id(self) -> int:
        return self.pk

    def opens_on(self, enrolled_on: date | None) -> date | None:
        """The date this page opens for a learner who enrolled on ``enrolled_on``."""
        if self.release_on is None and not self.release_after_days:
            return None  # most pages: open at once
        return release_date(self.release_on, self.release_after_days, enrolled_on)


@dataclass(frozen=True)
class OutlineModule:
    page: OutlinePage
    items: tuple[OutlinePage, ...]


@dataclass(frozen=True)
class Outline:
    course_id: int
    generation: int
    modules: tuple[OutlineModule, ...]
    course_url: str = ""  # the course page's address, as pageurl gives it


def _outline_key(course_id: int) -> str:
    return f"courses:outline:{course_id}"


def course_of_item(page):
    """The ``CoursePage`` above ``page`` (None if none, live or not), from the cache."""
    return generation_cached(
        f"courses:course-of:{page.pk}",
        lambda: CoursePage.objects.ancestor_of(page).first(),
        fresh_copy=True,
    )


def course_outline(course) -> Outline:
    """The outline of ``course``: from the cache, or built (two to four queries)."""
    return course_outlines([course])[course.pk]


def course_outlines(courses) -> dict[int, Outline]:
    """The outlines of ``courses`` keyed by course id.

    From this process's memory while it holds the current generation, else
    from the shared cache (one round trip), else built, all missing at once
    (``core.page_generation.generation_cached_many``). Outlines are
    immutable, so threads share them.
    """
    by_pk = {course.pk: course for course in courses}
    generation = page_generation()
    return generation_cached_many(
        {pk: _outline_key(pk) for pk in by_pk},
        lambda pks: _outlines_build([by_pk[pk] for pk in pks], generation),
    )


def _outlines_build(courses, generation: int) -> dict[int, Outline]:
    in_courses = Q()
    for course in courses:
        in_courses |= Q(
            path__startswith=course.path,
            depth__gt=course.depth,
            depth__lte=course.depth + 2,
        )
    pages = list(
        Page.objects.filter(in_courses)
        .live()
        .order_by("path")
        .specific()
        .defer_streamfields()
    )
    return {
        course.pk: Outline(
            course_id=course.pk,
            generation=generation,
            modules=_modules(course, pages),
            course_url=course.get_url(),
        )
        for course in courses
    }


def _modules(course, pages) -> tuple[OutlineModule, ...]:
    modules: list[tuple[OutlinePage, list[OutlinePage]]] = []
    for page in pages:
        if not page.path.startswith(course.path):
            continue
        if page.depth == course.depth + 1:
            modules.append((_outline_page(page), []))
        elif modules and page.path.startswith(modules[-1][0].path):
            modules[-1][1].append(_outline_page(page))
        # an item under an unpublished module is not in the outline
    return tuple(OutlineModule(page=m, items=tuple(items)) for m, items in modules)


def _outline_page(page: Page) -> OutlinePage:
    """A module (``ModulePage``) or an item (``CourseItem``) as the outline
    keeps it; a module has no flags of its own."""
    item = page if isinstance(page, CourseItem) else None
    return OutlinePage(
        pk=page.pk,
        title=page.title,
        slug=page.slug,
        url=page.get_url(),
        path=page.path,
        depth=page.depth,
        summary=page.summary,
        verbose_name=str(page.get_verbose_name()),
        is_free_preview=bool(item and item.is_free_preview),
        is_optional=bool(item and item.is_optional),
        is_final_assessment=bool(item and item.is_final_assessment),
        estimated_minutes=item.estimated_minutes if item else None,
        release_after_days=page.release_after_days,
        release_on=page.release_on,
    )
