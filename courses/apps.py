from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from allauth.account.signals import email_confirmed

        from accounts.user_cache import user_rows_changed
        from core.page_generation import bump_when_changed
        from courses.models import Approval, CourseCredit, Instructor
        from courses.receivers import (
            accept_invitations_on_email_confirmed,
            certificate_changed,
        )

        email_confirmed.connect(
            accept_invitations_on_email_confirmed,
            dispatch_uid="courses.accept_invitations_on_email_confirmed",
        )
        # Course pages and catalog cards show instructors and CE details
        # (credit lines are also written on publish; scripts may write them alone).
        bump_when_changed(Instructor, Approval, CourseCredit)
        # A learner's enrollments, completions and certificates are read
        # through their cache (courses.access.learner_progress,
        # courses.my_learning.learner_dashboard).
        for signal in (post_save, post_delete):
            for name in ("Enrollment", "ItemCompletion"):
                signal.connect(
                    user_rows_changed,
                    sender=self.get_model(name),
                    dispatch_uid=f"courses.user_rows.{name}",
                )
            signal.connect(
                certificate_changed,
                sender=self.get_model("Certificate"),
                dispatch_uid="courses.user_rows.certificate",
            )
