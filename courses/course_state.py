"""What a course looks like to one user: each item's state, and why.

Built by ``courses.access`` (``course_state``), which decides the reasons;
read by the outline, progress bars, previous/next links and the dashboard.
A state is built once and then only read.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from courses.models import CoursePage, Enrollment, EnrollmentStatus
from courses.outline import Outline, OutlinePage


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


@dataclass(slots=True)
class ItemState:
    """One lesson or quiz as a given user sees it (``page`` is its outline entry)."""

    page: OutlinePage
    module: OutlinePage
    reason: Reason
    required: bool
    completed: bool = False
    opens_on: date | None = None
    previous: OutlinePage | None = None  # the required item to complete first

    @property
    def allowed(self) -> bool:
        return self.reason in ALLOWING

    @property
    def locked(self) -> bool:
        return self.reason in (Reason.NOT_YET_RELEASED, Reason.PREVIOUS_INCOMPLETE)


@dataclass
class ModuleState:
    page: OutlinePage
    items: list[ItemState] = field(default_factory=list)


@dataclass
class CourseState:
    """A course's outline, access and progress for one user."""

    course: CoursePage
    enrollment: Enrollment | None
    is_editor: bool
    modules: list[ModuleState]
    outline: Outline | None = None  # what the state was built from

    # A state is built once and then only read: what is derived from it is kept.
    @cached_property
    def items(self) -> list[ItemState]:
        return [item for module in self.modules for item in module.items]

    @cached_property
    def _positions(self) -> dict[int, int]:
        return {item.page.pk: index for index, item in enumerate(self.items)}

    def item(self, page_id: int) -> ItemState | None:
        index = self._positions.get(page_id)
        return None if index is None else self.items[index]

    def neighbours(
        self, page_id: int
    ) -> tuple[ItemState | None, ItemState | None, ItemState | None]:
        """(the item before, the item, the item after) ``page_id`` in tree order."""
        index = self._positions.get(page_id)
        if index is None:
            return None, None, None
        items = self.items
        return (
            items[index - 1] if index > 0 else None,
            items[index],
            items[index + 1] if index + 1 < len(items) else None,
        )

    @property
    def course_url(self) -> str:
        """The course page's address, from the outline (no lookup per use)."""
        if self.outline is not None and self.outline.course_url:
            return self.outline.course_url
        return self.course.get_url()

    @property
    def is_enrolled(self) -> bool:
        return bool(
            self.enrollment and self.enrollment.status == EnrollmentStatus.ACTIVE
        )

    @cached_property
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
