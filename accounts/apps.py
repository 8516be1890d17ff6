from django.apps import AppConfig

from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True  # this module holds two configs; "accounts" means this one
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from accounts.backends import permissions_changed
        from accounts.sessions import login_session_record
        from accounts.user_cache import user_rows_changed

        # Cached permission sets go stale when groups or grants change.
        for signal in (m2m_changed, post_save, post_delete):
            signal.connect(permissions_changed, dispatch_uid="accounts.permissions")
        # Every login's session is recorded, so a user's sessions can be ended.
        user_logged_in.connect(login_session_record, dispatch_uid="accounts.login")
        # The session's user is read through the cache (accounts/user_cache.py).
        for signal in (post_save, post_delete):
            signal.connect(
                user_rows_changed,
                sender=self.get_model("User"),
                dispatch_uid="accounts.user",
            )


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms where names are optional (our User)."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"

    def ready(self):
        super().ready()
        # Wagtail admin → Account requires a first and last name, which
        # sign-up never asks for: nobody without names could save their
        # account settings. There is no setting for that form; relax it here.
        from wagtail.admin.forms.account import NameEmailForm

        for name in ("first_name", "last_name"):
            NameEmailForm.base_fields[name].required = False
