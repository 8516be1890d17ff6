"""Whether a learner has completed a course, and what is still missing.

Reads the course's own records: completions, time on its lessons, and the
enrollment's post-test score (``lessons`` records a passed post-test there).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import ClinicianProfile
from courses.access import course_state
from courses.ce_coverage import approvals_covering
from courses.models import CourseEvaluation, CoursePage, Enrollment
from courses.time_on_task import course_time_seconds, duration_display

PROFILE_NAME = ["name_on_certificate"]
PROFILE_LICENSE = ["license_type", "license_number", "license_state"]


@dataclass
class CompletionFacts:
    enrollment: Enrollment | None
    required_done: int
    required_total: int
    final_passed: bool
    post_test_score: int | None
    evaluation_submitted: bool
    profile_missing: list[str] = field(default_factory=list)
    # A course without CE hours issues its certificate without an evaluation.
    evaluation_required: bool = True
    # Time on task: the course's minimum (0: none) and what the learner spent.
    time_required_seconds: int = 0
    time_spent_seconds: int = 0

    @property
    def time_met(self) -> bool:
        return self.time_spent_seconds >= self.time_required_seconds

    @property
    def items_complete(self) -> bool:
        return self.required_done >= self.required_total and self.final_passed

    @property
    def ready_for_evaluation(self) -> bool:
        return bool(
            self.enrollment and self.enrollment.is_active and self.items_complete
        )

    @property
    def eligible(self) -> bool:
        return (
            self.ready_for_evaluation
            and (self.evaluation_submitted or not self.evaluation_required)
            and not self.profile_missing
            and self.time_met
        )

    @property
    def missing(self) -> list[str]:
        """What stands between the learner and the certificate, in sentences."""
        steps = []
        if not (self.enrollment and self.enrollment.is_active):
            steps.append(_("Enroll in the course."))
        if self.required_done < self.required_total:
            steps.append(
                _("Complete every required lesson and quiz (%(done)s of %(total)s).")
                % {"done": self.required_done, "total": self.required_total}
            )
        if not self.final_passed:
            steps.append(_("Pass the final assessment."))
        if self.evaluation_required and not self.evaluation_submitted:
            steps.append(_("Submit the course evaluation."))
        if self.profile_missing:
            steps.append(_("Confirm the name and license details to print."))
        if not self.time_met:
            steps.append(
                _(
                    "Spend %(left)s more in the lessons: the course asks for "
                    "%(required)s of time on task before its certificate, and you "
                    "have spent %(spent)s."
                )
                % {
                    "left": duration_display(
                        self.time_required_seconds - self.time_spent_seconds,
                        round_up=True,
                    ),
                    "required": duration_display(self.time_required_seconds),
                    "spent": duration_display(self.time_spent_seconds),
                }
            )
        return steps


def profile_fields_required(course: CoursePage) -> list[str]:
    """The profile fields a certificate of ``course`` must print.

    The license, when an approval that would award the hours today (it
    covers the course's format and is in its period) asks for it.
    """
    if not course.offers_ce:
        return list(PROFILE_NAME)
    covering = approvals_covering(course=course, on=timezone.localdate())
    needs_license = any(a.requires_license_number for a in covering)
    return PROFILE_NAME + (PROFILE_LICENSE if needs_license else [])


def course_completion_facts(*, user, course: CoursePage) -> CompletionFacts:
    """Everything the completion rule looks at, for one learner and course."""
    state = course_state(user=user, course=course)
    enrollment = state.enrollment
    finals = [item for item in state.items if item.page.is_final_assessment]
    profile = ClinicianProfile.objects.filter(user=user).first() if enrollment else None
    missing = [
        name
        for name in profile_fields_required(course)
        if not getattr(profile, name, "")
    ]
    time_required = course.course_time_required_seconds()
    time_spent = (
        course_time_seconds(user_id=user.pk, course_id=course.pk)
        if time_required and enrollment
        else 0
    )
    evaluated = bool(
        enrollment and CourseEvaluation.objects.filter(enrollment=enrollment).exists()
    )
    return CompletionFacts(
        enrollment=enrollment,
        required_done=state.progress_done,
        required_total=state.progress_total,
        final_passed=all(item.completed for item in finals),
        post_test_score=enrollment.post_test_score if enrollment and finals else None,
        evaluation_submitted=evaluated,
        profile_missing=missing,
        evaluation_required=course.offers_ce,
        time_required_seconds=time_required,
        time_spent_seconds=time_spent,
    )
