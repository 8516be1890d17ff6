"""The access policy: one place decides who may see a lesson or quiz.

A learner may see an item when the item and everything above it up to its
course is published, and either the item is a free preview or the learner
holds an *active* enrollment in that course, and its release date has come
(drip: the later of its module's and its own), and, where the course is
sequential, the previous required item is complete. Editors (anyone who may
use the Wagtail admin) always may, so previews work.

``course_state`` computes this for every item of a course at once, in a fixed
number of queries, so the outline, progress and each lesson view agree.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page

from courses.models import CoursePage, Enrollment, EnrollmentStatus, ModulePage


class Reason(enum.StrEnum):
    EDITOR = "editor"
    FREE_PREVIEW = "free_preview"
    ENROLLED = "enrolled"
    UNPUBLISHED = "unpublished"
    LOGIN_REQUIRED = "login_required"
    NOT_ENROLLED = "not_enrolled"
    REVOKED = "revoked"
    NOT_YET_RELEASED = "not_yet_released"
    PREVIOUS_INCOMPLETE = "previous_incomplete"


ALLOWING = {Reason.EDITOR, Reason.FREE_PREVIEW, Reason.ENROLLED}


@dataclass
class ItemState:
    """One lesson or quiz as a given user sees it."""

    page: Page
    module: ModulePage
    reason: Reason
    required: bool
    completed: bool = False
    opens_on: date | None = None
    previous: Page | None = None  # the required item that must be completed first

    @property
    def allowed(self) -> bool:
        return self.reason in ALLOWING

    @property
    def locked(self) -> bool:
        return self.reason in (Reason.NOT_YET_RELEASED, Reason.PREVIOUS_INCOMPLETE)


@dataclass
class ModuleState:
    page: ModulePage
    items: list[ItemState] = field(default_factory=list)


@dataclass
class CourseState:
    """A course's outline, access and progress for one user."""

    course: CoursePage
    enrollment: Enrollment | None
    is_editor: bool
    modules: list[ModuleState]

    @property
    def items(self) -> list[ItemState]:
        return [item for module in self.modules for item in module.items]

    def item(self, page_id: int) -> ItemState | None:
        return next((i for i in self.items if i.page.pk == page_id), None)

    @property
    def is_enrolled(self) -> bool:
        return bool(
            self.enrollment and self.enrollment.status == EnrollmentStatus.ACTIVE
        )

    @property
    def required_items(self) -> list[ItemState]:
        return [item for item in self.items if item.required]

    @property
    def progress_done(self) -> int:
        return sum(1 for item in self.required_items if item.completed)

    @property
    def progress_total(self) -> int:
        return len(self.required_items)

    @property
    def progress_percent(self) -> int:
        """Completed required items over published required items, 0–100."""
        total = self.progress_total
        return min(100, self.progress_done * 100 // total) if total else 0

    @property
    def continue_item(self) -> ItemState | None:
        """Where to continue: the first open item not yet completed, else the first."""
        items = self.items
        for item in items:
            if item.allowed and not item.completed:
                return item
        return items[0] if items else None


def user_is_editor(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def _completed_page_ids(user, course: CoursePage) -> set[int]:
    if not user.is_authenticated:
        return set()
    completion = apps.get_model("lessons", "ItemCompletion")
    return set(
        completion.objects.filter(user=user, course=course).values_list(
            "page_id", flat=True
        )
    )


def course_state(*, user, course: CoursePage, today: date | None = None) -> CourseState:
    """Every published item of ``course`` with what ``user`` may do with it.

    Queries: the pages, one per page type for their fields, the enrollment and
    the completions — the same number for a course of 10 items or 200.
    """
    enrollment = None
    if user.is_authenticated:
        enrollment = Enrollment.objects.filter(user=user, course=course).first()
    completed = _completed_page_ids(user, course)
    pages = (
        Page.objects.descendant_of(course)
        .filter(depth__lte=course.depth + 2)
        .live()
        .order_by("path")
        .specific()
    )
    return _state_build(
        user=user,
        course=course,
        enrollment=enrollment,
        completed=completed,
        pages=pages,
        today=today or timezone.localdate(),
        is_editor=user_is_editor(user),
    )


def course_states_for_enrollments(
    *, user, enrollments: list[Enrollment], today: date | None = None
) -> dict[int, CourseState]:
    """``course_state`` for each of ``user``'s ``enrollments``, keyed by course id.

    The same rules as ``course_state``, with a fixed number of queries whatever
    the number of enrollments: the pages of every course at once (one per page
    type for their fields) and the completions at once. Each enrollment's
    ``course`` must be loaded (``select_related``).
    """
    if not enrollments:
        return {}
    courses = [enrollment.course for enrollment in enrollments]
    in_courses = Q()
    for course in courses:
        in_courses |= Q(
            path__startswith=course.path,
            depth__gt=course.depth,
            depth__lte=course.depth + 2,
        )
    all_pages = list(Page.objects.filter(in_courses).live().order_by("path").specific())
    completion = apps.get_model("lessons", "ItemCompletion")
    completed: dict[int, set[int]] = {course.pk: set() for course in courses}
    for course_id, page_id in completion.objects.filter(
        user=user, course_id__in=completed
    ).values_list("course_id", "page_id"):
        completed[course_id].add(page_id)
    is_editor = user_is_editor(user)
    today = today or timezone.localdate()
    return {
        enrollment.course_id: _state_build(
            user=user,
            course=enrollment.course,
            enrollment=enrollment,
            completed=completed[enrollment.course_id],
            pages=[
                page
                for page in all_pages
                if page.path.startswith(enrollment.course.path)
                and page.depth <= enrollment.course.depth + 2
            ],
            today=today,
            is_editor=is_editor,
        )
        for enrollment in enrollments
    }


def _state_build(
    *, user, course, enrollment, completed, pages, today, is_editor
) -> CourseState:
    # Drip counts from the enrollment's anchor (set by the instructor) or the
    # day the learner enrolled; the row is already loaded, so no extra query.
    enrolled_on = enrollment.release_anchor if enrollment else None
    modules: list[ModuleState] = []
    previous_required: ItemState | None = None
    for page in pages:
        if page.depth == course.depth + 1:
            modules.append(ModuleState(page=page))
            continue
        if not modules or not page.path.startswith(modules[-1].page.path):
            continue
        module = modules[-1].page
        item = ItemState(
            page=page,
            module=module,
            reason=Reason.ENROLLED,
            required=not getattr(page, "is_optional", False),
            completed=page.pk in completed,
            opens_on=_opens_on(module, page, enrolled_on),
        )
        item.reason = _reason(
            item, course, enrollment, is_editor, user, today, previous_required
        )
        if item.reason == Reason.PREVIOUS_INCOMPLETE and previous_required:
            item.previous = previous_required.page
        modules[-1].items.append(item)
        if item.required:
            previous_required = item
    return CourseState(
        course=course, enrollment=enrollment, is_editor=is_editor, modules=modules
    )


def _opens_on(module: ModulePage, page: Page, enrolled_on: date | None) -> date | None:
    dates = [module.opens_on(enrolled_on)]
    if hasattr(page, "opens_on"):
        dates.append(page.opens_on(enrolled_on))
    dates = [d for d in dates if d is not None]
    return max(dates) if dates else None


def _reason(item, course, enrollment, is_editor, user, today, previous) -> Reason:
    if is_editor:
        return Reason.EDITOR
    if getattr(item.page, "is_free_preview", False):
        return Reason.FREE_PREVIEW
    if not user.is_authenticated:
        return Reason.LOGIN_REQUIRED
    if enrollment is None:
        return Reason.NOT_ENROLLED
    if enrollment.status != EnrollmentStatus.ACTIVE:
        return Reason.REVOKED
    if item.opens_on and item.opens_on > today:
        return Reason.NOT_YET_RELEASED
    if course.is_sequential and previous is not None and not previous.completed:
        return Reason.PREVIOUS_INCOMPLETE
    return Reason.ENROLLED


@dataclass(frozen=True)
class AccessDecision:
    reason: Reason
    course: CoursePage | None
    state: CourseState | None = None
    item: ItemState | None = None

    @property
    def allowed(self) -> bool:
        return self.reason in ALLOWING

    @property
    def enrollment(self) -> Enrollment | None:
        return self.state.enrollment if self.state else None


def item_access(*, user, page: Page, today: date | None = None) -> AccessDecision:
    """Decide whether ``user`` may see the lesson or quiz ``page``.

    An item that is not published, or sits under an unpublished module or
    course, is refused as ``UNPUBLISHED`` (shown as 404), editors included:
    they use the admin's preview for drafts.
    """
    course = CoursePage.objects.ancestor_of(page).first()
    if course is None or not course.live:
        return AccessDecision(Reason.UNPUBLISHED, course)
    state = course_state(user=user, course=course, today=today)
    item = state.item(page.pk)
    if item is None:
        return AccessDecision(Reason.UNPUBLISHED, course, state)
    return AccessDecision(item.reason, course, state, item)
