"""Writes for courses: enrollments, evaluations, completion and certificates.

Import from here (``courses.services``); the modules split the work by subject.
"""

from courses.services.certificates import (
    CertificateNotValid,
    EvaluationAlreadySubmitted,
    certificate_reissue,
    certificate_revoke,
    course_completion_attempt,
    enrollment_certificates_revoke,
    evaluation_submit,
)
from courses.services.enrollments import (
    enrollment_grant,
    enrollment_grant_by_hand,
    enrollment_post_test_record,
    enrollment_release_anchor_set,
    enrollment_restore,
    enrollment_revoke,
)
from courses.services.evaluations import course_evaluation_submit
from courses.services.learner_requests import (
    LearnerRequestRateLimited,
    learner_request_answer,
    learner_request_submit,
)

__all__ = [
    "CertificateNotValid",
    "EvaluationAlreadySubmitted",
    "LearnerRequestRateLimited",
    "certificate_reissue",
    "certificate_revoke",
    "course_completion_attempt",
    "course_evaluation_submit",
    "enrollment_certificates_revoke",
    "enrollment_grant",
    "enrollment_grant_by_hand",
    "enrollment_post_test_record",
    "enrollment_release_anchor_set",
    "enrollment_restore",
    "enrollment_revoke",
    "evaluation_submit",
    "learner_request_answer",
    "learner_request_submit",
]
