from courses.models.pages import CourseIndexPage, CoursePage, ModulePage
from courses.models.records import Enrollment, EnrollmentSource, EnrollmentStatus
from courses.models.snippets import Instructor

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "EnrollmentSource",
    "EnrollmentStatus",
    "Instructor",
    "ModulePage",
]
