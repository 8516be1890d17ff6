"""Settings → Users with forms that fit our User model (see accounts/apps.py)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from wagtail.users.views import users

from accounts.forms import AdminUserCreationForm, AdminUserEditForm


class _ForUserMixin:
    """Pass the signed-in user to the form, which offers fields by who edits."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class UserCreateView(_ForUserMixin, users.CreateView):
    pass


class UserEditView(_ForUserMixin, users.EditView):
    def dispatch(self, request, *args, **kwargs):
        # Whoever may edit users but is no administrator must not take over
        # one (by changing their email or password).
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class UserViewSet(users.UserViewSet):
    add_view_class = UserCreateView
    edit_view_class = UserEditView

    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
