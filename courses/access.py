"""The access policy: one place decides who may see a lesson or quiz.

A learner may see an item when the item and everything above it up to its
course is published, and either the item is a free preview or the learner
holds an *active* enrollment in that course, and its release date has come
(drip: the later of its module's and its own), and, where the course is
sequential, the previous required item is complete. Editors (anyone who may
use the Wagtail admin) always may, so previews work.

``course_state`` computes this for every item of a course at once, in a fixed
number of queries, so the outline, progress and each lesson view agree. The
states it builds are ``courses.course_state``'s (imported here too, as every
caller names them from this module).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from wagtail.models import Page

from accounts.user_cache import user_cached
from courses.course_state import (
    ALLOWING,
    CourseState,
    ItemState,
    ModuleState,
    Reason,
)
from courses.models import CoursePage, Enrollment, EnrollmentStatus, ItemCompletion
from courses.outline import (
    Outline,
    OutlinePage,
    course_of_item,
    course_outline,
    course_outlines,
)

__all__ = [
    "ALLOWING",
    "AccessDecision",
    "CourseState",
    "ItemState",
    "ModuleState",
    "Reason",
    "course_state",
    "course_states_for_enrollments",
    "item_access",
    "learner_completions",
    "learner_progress",
    "user_is_editor",
]


def user_is_editor(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("wagtailadmin.access_admin"))


def learner_progress(user, course: CoursePage) -> tuple[Enrollment | None, frozenset]:
    """``user``'s enrollment in ``course`` (or None) and the ids of the items
    they completed there: read through their cache (``accounts.user_cache``),
    which any change to an enrollment or completion of theirs invalidates."""
    if not user.is_authenticated:
        return None, frozenset()
    return user_cached(
        user.pk, f"progress:{course.pk}", lambda: _progress_rows(user, course)
    )


def _progress_rows(user, course: CoursePage) -> tuple[Enrollment | None, frozenset]:
    return (
        Enrollment.objects.filter(user=user, course=course).first(),
        frozenset(
            ItemCompletion.objects.filter(user=user, course=course).values_list(
                "page_id", flat=True
            )
        ),
    )


def learner_completions(user) -> dict[int, frozenset]:
    """The ids of the items ``user`` completed, by course id: one query, then
    from their cache until a completion of theirs changes."""
    return user_cached(user.pk, "completions", lambda: _completion_rows(user))


def _completion_rows(user) -> dict[int, frozenset]:
    by_course: dict[int, set[int]] = {}
    for course_id, page_id in ItemCompletion.objects.filter(user=user).values_list(
        "course_id", "page_id"
    ):
        by_course.setdefault(course_id, set()).add(page_id)
    return {course_id: frozenset(pages) for course_id, pages in by_course.items()}


def course_state(*, user, course: CoursePage, today: date | None = None) -> CourseState:
    """Every published item of ``course`` with what ``user`` may do with it.

    Reads the learner's enrollment and completions (``learner_progress``, from
    the cache after the first time) and the course's outline (``courses.outline``,
    from the cache): the same cost for a course of 10 items or 200.
    """
    enrollment, completed = learner_progress(user, course)
    return _state_build(
        user=user,
        course=course,
        enrollment=enrollment,
        completed=completed,
        outline=course_outline(course),
        today=today or timezone.localdate(),
        is_editor=user_is_editor(user),
    )


def course_states_for_enrollments(
    *, user, enrollments: list[Enrollment], today: date | None = None
) -> dict[int, CourseState]:
    """``course_state`` for each of ``user``'s ``enrollments``, keyed by course id.

    The same rules as ``course_state``, with a fixed number of queries whatever
    the number of enrollments: the completions at once (``learner_completions``),
    and the outlines at once (from the cache). Each enrollment's ``course``
    must be loaded (``select_related``).
    """
    if not enrollments:
        return {}
    outlines = course_outlines([enrollment.course for enrollment in enrollments])
    completed = learner_completions(user)
    is_editor = user_is_editor(user)
    today = today or timezone.localdate()
    return {
        enrollment.course_id: _state_build(
            user=user,
            course=enrollment.course,
            enrollment=enrollment,
            completed=completed.get(enrollment.course_id, frozenset()),
            outline=outlines[enrollment.course_id],
            today=today,
            is_editor=is_editor,
        )
        for enrollment in enrollments
    }


def _state_build(
    *, user, course, enrollment, completed, outline: Outline, today, is_editor
) -> CourseState:
    # Drip counts from the enrollment's anchor (set by the instructor) or the
    # day the learner enrolled; the row is already loaded, so no extra query.
    enrolled_on = enrollment.release_anchor if enrollment else None
    standing = _standing(user, enrollment, is_editor)
    sequential = course.is_sequential
    modules: list[ModuleState] = []
    previous_required: ItemState | None = None
    for outline_module in outline.modules:
        module = outline_module.page
        module_opens = module.opens_on(enrolled_on)
        modules.append(ModuleState(page=module))
        for page in outline_module.items:
            item = ItemState(
                page=page,
                module=module,
                reason=Reason.ENROLLED,
                required=not page.is_optional,
                completed=page.pk in completed,
                opens_on=_opens_on(module_opens, page, enrolled_on),
            )
            item.reason = _reason(item, standing, sequential, today, previous_required)
            if item.reason == Reason.PREVIOUS_INCOMPLETE and previous_required:
                item.previous = previous_required.page
            modules[-1].items.append(item)
            if item.required:
                previous_required = item
    return CourseState(
        course=course,
        enrollment=enrollment,
        is_editor=is_editor,
        modules=modules,
        outline=outline,
    )


def _opens_on(
    module_opens: date | None, page: OutlinePage, enrolled_on: date | None
) -> date | None:
    """The later of the module's opening date and the page's own."""
    page_opens = page.opens_on(enrolled_on)
    if module_opens is None or page_opens is None:
        return page_opens if module_opens is None else module_opens
    return max(module_opens, page_opens)


def _standing(user, enrollment, is_editor) -> Reason | None:
    """What decides every item alike but free previews; None: an active enrollment."""
    if is_editor:
        return Reason.EDITOR
    if not user.is_authenticated:
        return Reason.LOGIN_REQUIRED
    if enrollment is None:
        return Reason.NOT_ENROLLED
    if enrollment.status != EnrollmentStatus.ACTIVE:
        return Reason.REVOKED
    return None


def _reason(item, standing, sequential, today, previous) -> Reason:
    # In this order: editors, free previews, the learner's standing, the
    # release date, the sequence.
    if standing is Reason.EDITOR:
        return Reason.EDITOR
    if item.page.is_free_preview:
        return Reason.FREE_PREVIEW
    if standing is not None:
        return standing
    if item.opens_on and item.opens_on > today:
        return Reason.NOT_YET_RELEASED
    if sequential and previous is not None and not previous.completed:
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
    course = course_of_item(page)
    if course is None or not course.live:
        return AccessDecision(Reason.UNPUBLISHED, course)
    state = course_state(user=user, course=course, today=today)
    item = state.item(page.pk)
    if item is None:
        return AccessDecision(Reason.UNPUBLISHED, course, state)
    return AccessDecision(item.reason, course, state, item)
