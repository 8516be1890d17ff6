"""The shape of every course at once: modules in tree order and their items.

The same rule as ``courses.access``: an item (lesson or quiz) counts when it is
live, sits in a live module directly under the course, and a *required* item
is one that is not optional. Built in four queries (courses, modules,
lessons, quizzes) whatever the number of courses or items, so the progress
selectors can count completions against it in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Page

from courses.models import CoursePage, ModulePage
from courses.models.items import CourseItem

STEPLEN = Page.steplen


@dataclass
class ModuleOutline:
    id: int
    title: str
    path: str
    item_ids: list[int] = field(default_factory=list)


@dataclass
class CourseOutline:
    id: int
    title: str
    live: bool
    modules: list[ModuleOutline] = field(default_factory=list)
    required_ids: list[int] = field(default_factory=list)

    @property
    def required_total(self) -> int:
        return len(self.required_ids)


@dataclass
class SchoolOutline:
    courses: dict[int, CourseOutline]

    @property
    def required_ids(self) -> list[int]:
        return [pk for course in self.courses.values() for pk in course.required_ids]

    @property
    def item_ids(self) -> list[int]:
        return [
            pk
            for course in self.courses.values()
            for module in course.modules
            for pk in module.item_ids
        ]

    def required_totals(self) -> dict[int, int]:
        return {pk: course.required_total for pk, course in self.courses.items()}


def school_outline() -> SchoolOutline:
    """Every course with its live modules (tree order) and their live items."""
    courses = {
        row["path"]: CourseOutline(id=row["id"], title=row["title"], live=row["live"])
        for row in CoursePage.objects.order_by("title").values(
            "id", "path", "title", "live"
        )
    }
    modules: dict[str, tuple[CourseOutline, ModuleOutline]] = {}
    for row in ModulePage.objects.live().order_by("path").values("id", "path", "title"):
        course = courses.get(row["path"][:-STEPLEN])
        if course is None:
            continue
        module = ModuleOutline(id=row["id"], title=row["title"], path=row["path"])
        course.modules.append(module)
        modules[row["path"]] = (course, module)
    items = []
    for kind in CourseItem.kinds():
        items += kind.objects.live().values_list("id", "path", "is_optional")
    for pk, path, is_optional in sorted(items, key=lambda item: item[1]):
        found = modules.get(path[:-STEPLEN])
        if found is None:
            continue
        course, module = found
        module.item_ids.append(pk)
        if not is_optional:
            course.required_ids.append(pk)
    return SchoolOutline(courses={c.id: c for c in courses.values()})
