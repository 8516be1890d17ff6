from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self) -> None:
        from allauth.account.signals import email_confirmed

        from core.page_cache_signals import purge_when_changed
        from courses.models import Approval, CourseCredit, Instructor
        from courses.receivers import accept_invitations_on_email_confirmed

        email_confirmed.connect(
            accept_invitations_on_email_confirmed,
            dispatch_uid="courses.accept_invitations_on_email_confirmed",
        )
        # Course pages and catalog cards show instructors and CE details
        # (credit lines are also written on publish; scripts may write them alone).
        purge_when_changed(Instructor, Approval, CourseCredit)
