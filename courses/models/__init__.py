from courses.models.announcements import Announcement, AnnouncementStatus
from courses.models.ce import (
    Approval,
    ApprovalKind,
    CourseCredit,
    CourseFormat,
    CourseLevel,
    CreditType,
)
from courses.models.certificates import CECredit, Certificate, CertificateStatus
from courses.models.invitations import Invitation
from courses.models.learner_requests import (
    LearnerRequest,
    LearnerRequestKind,
    LearnerRequestStatus,
)
from courses.models.modules import ModulePage
from courses.models.pages import CourseIndexPage, CoursePage
from courses.models.progress import ItemCompletion, LessonTime
from courses.models.records import (
    CourseEvaluation,
    Enrollment,
    EnrollmentSource,
    EnrollmentStatus,
)
from courses.models.snippets import Instructor

__all__ = [
    "Announcement",
    "AnnouncementStatus",
    "Approval",
    "ApprovalKind",
    "CECredit",
    "Certificate",
    "CertificateStatus",
    "CourseCredit",
    "CourseEvaluation",
    "CourseFormat",
    "CourseLevel",
    "CreditType",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "EnrollmentSource",
    "EnrollmentStatus",
    "Instructor",
    "Invitation",
    "ItemCompletion",
    "LearnerRequest",
    "LearnerRequestKind",
    "LearnerRequestStatus",
    "LessonTime",
    "ModulePage",
]
