from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"

    def ready(self) -> None:
        from allauth.account.signals import email_confirmed

        from courses.receivers import accept_invitations_on_email_confirmed

        email_confirmed.connect(
            accept_invitations_on_email_confirmed,
            dispatch_uid="courses.accept_invitations_on_email_confirmed",
        )
